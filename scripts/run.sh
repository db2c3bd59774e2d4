#!/usr/bin/env bash
# Installs what is missing, builds Release into build/ and runs the main job: a headless
# demo that creates a data directory, files two sample complaints, lists them and shows
# statistics. Pass a directory to keep the data somewhere else (default: demo-data/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

data="${1:-demo-data}"
cli=build/cli/counterfoil-cli
rm -rf "$data"
echo "== init: branch SZ01, terminal K1, data in $data"
$cli --data "$data" init --branch SZ01 --terminal K1
echo
echo "== file: a billing complaint at the counter"
first=$(echo '{"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"}' |
    $cli --data "$data" file | tail -n 1)
echo "ticket $first"
echo
echo "== file: a walk-in complaint from the kiosk, classified from its text"
second=$(echo '{"channel":"kiosk","description":"營業廳排隊一個多小時，工作人員態度很差，我要投訴，否則找記者曝光。","customer":{"phone":"+852 9123 4567"},"remedies":["apology"],"consent":true}' |
    $cli --data "$data" file --form kiosk | tail -n 1)
echo "ticket $second"
echo
echo "== acknowledge both at the counter"
$cli --data "$data" act "$first" acknowledge --actor S001
$cli --data "$data" act "$second" acknowledge --actor S001
echo
echo "== list"
$cli --data "$data" list
echo
echo "== show $second"
$cli --data "$data" show "$second"
echo
echo "== search 多扣了"
$cli --data "$data" search 多扣了
echo
echo "== stats"
$cli --data "$data" stats
