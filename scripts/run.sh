#!/usr/bin/env bash
# Installs what is missing, builds Release into build/ and runs the main job on the embedded
# default: a regional center on loopback (center-data/) and a branch terminal enrolled with it
# (demo-data/, or the directory given as the first argument), with two sample complaints and
# staff S001 (PIN 135790). The center answers the first complaint, the terminal syncs, and then
# the customer kiosk opens on the terminal's data: in a window when a desktop session is
# running, full screen otherwise (kiosk mode: staff leave it through the staff menu). The kiosk
# keeps syncing in the background. Without any display it stops after the sync demo and says how
# to see the kiosk under xvfb-run. COUNTERFOIL_MODE=counter opens the front-desk counter instead
# (sign in as S001, PIN 135790). COUNTERFOIL_CONSOLE=1 also opens the regional center's console
# next to the kiosk (or counter), on the same local center: center staff R01 (reviewer), D01
# (dispatcher), H01 (handler, billing), A01 (auditor) and M01 (manager) get one password made
# for this run, which the script prints.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

data="${1:-demo-data}"
center_data="${data%/}-center"
cli=build/cli/counterfoil-cli
center=build/center/counterfoil-center
app=build/app/counterfoil

rm -rf "$data" "$center_data" "${data%/}-console"
echo "== terminal: branch SZ01, terminal K1, data in $data"
$cli --data "$data" init --branch SZ01 --terminal K1
echo "== staff S001 (PIN 135790), who can leave the kiosk from its staff menu"
echo 135790 | $cli --data "$data" staff add --id S001 --name 李四 --role supervisor --pin-stdin
echo
echo "== two sample complaints"
first=$(echo '{"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"}' |
    $cli --data "$data" file | tail -n 1)
echo "ticket $first"
second=$(echo '{"channel":"kiosk","description":"營業廳排隊一個多小時，工作人員態度很差，我要投訴，否則找記者曝光。","customer":{"phone":"+852 9123 4567"},"remedies":["apology"],"consent":true}' |
    $cli --data "$data" file --form kiosk | tail -n 1)
echo "ticket $second"
$cli --data "$data" act "$first" acknowledge --actor S001
$cli --data "$data" act "$first" submit --actor S001 --json '{"reason":"需要核对计费系统"}'

echo
echo "== regional center: data in $center_data, serving on loopback"
$center --data "$center_data" init
$center --data "$center_data" serve --listen 127.0.0.1:0 >"$center_data/stdout.log" 2>"$center_data/center.log" &
center_pid=$!
trap 'kill $center_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q '^listening on ' "$center_data/stdout.log" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$center_data/stdout.log")
echo "center at $url (log: $center_data/center.log)"
code=$($center --data "$center_data" enroll-code --branch SZ01 | tail -n 1)
$cli --data "$data" enroll --center "$url" --code "$code"
$cli --data "$data" sync --once

echo
echo "== the center reviews, dispatches, handles, audits and answers $first"
deadline=$(( ($(date +%s) + 86400) * 1000 ))
$center --data "$center_data" act "$first" review_accept --actor R01 --role reviewer
$center --data "$center_data" act "$first" dispatch --actor D01 --role dispatcher \
    --json "{\"departments\":[\"billing\"],\"deadline\":$deadline}"
$center --data "$center_data" act "$first" handle --actor H01 --role handler --department billing \
    --json '{"investigation":"系统重复计费","responsibility":"our_department","solution":"退还50元"}'
$center --data "$center_data" act "$first" audit_approve --actor A01 --role auditor
$center --data "$center_data" act "$first" feedback --actor A01 --role auditor \
    --json '{"text":"经核实，上月重复扣费50元，已退回您的账户。"}'
$cli --data "$data" sync --once
echo
echo "== the branch sees the answer"
$cli --data "$data" show "$first"
$cli --data "$data" sync status
$cli --data "$data" stats

echo
echo "On the kiosk, 查询进度 (Check a ticket) with $first and phone digits 8000 shows the answer."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    cat <<MSG

No display, so the kiosk window cannot open here. To see it:
  on a desktop:      scripts/run.sh
  without a screen:  xvfb-run -a -s "-screen 0 1920x1080x24" $app --data /tmp/kiosk-tour --windowed 1920x1080 --screenshots shots/
                     (files sample tickets into /tmp/kiosk-tour and writes every kiosk screen as PNG into shots/)
MSG
    exit 0
fi
console_pid=
if [ "${COUNTERFOIL_CONSOLE:-0}" = 1 ]; then
    console_password=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
    for account in "R01 审核员甲 reviewer" "D01 派单员乙 dispatcher" "H01 计费部丙 handler billing" \
                   "A01 审计员丁 auditor" "M01 王经理 manager"; do
        set -- $account
        printf '%s\n' "$console_password" | $center --data "$center_data" staff add --id "$1" \
            --name "$2" --role "$3" ${4:+--department "$4"} --password-stdin >/dev/null
    done
    echo "== console of the regional center (sign in as R01, D01, H01, A01 or M01;" \
         "password for this run: $console_password)"
    $app --data "${data%/}-console" --mode console --center "$url" --windowed 1280x900 &
    console_pid=$!
    trap 'kill $center_pid $console_pid 2>/dev/null || true' EXIT
fi
if [ "${COUNTERFOIL_MODE:-kiosk}" = counter ]; then
    echo "== counter (sign in: S001, PIN 135790)"
    $app --data "$data" --mode counter --windowed 1600x900
elif [ -n "${XDG_CURRENT_DESKTOP:-}${DESKTOP_SESSION:-}" ]; then
    echo "== kiosk in a window (leave through 工作人员/Staff: S001, PIN 135790)"
    $app --data "$data" --mode kiosk --windowed 1600x900
else
    echo "== kiosk, full screen (leave through 工作人员/Staff: S001, PIN 135790)"
    $app --data "$data" --mode kiosk
fi
