#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running Counterfoil needs.
# Idempotent: packages already installed are left alone, and nothing else is downloaded.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config
    libsqlite3-dev libsodium-dev nlohmann-json3-dev doctest-dev
    libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri libfreetype-dev fonts-noto-cjk
    librime-dev librime-data rime-prelude rime-essay rime-data-pinyin-simp rime-data-luna-pinyin
    libopencc-dev libopencc-data
    libqrencode-dev libcurl4-openssl-dev libcpp-httplib-dev
    xvfb xauth openssl
    nginx
    clang-16 libfuzzer-16-dev libclang-rt-16-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
