#!/usr/bin/env bash
# Installs what is missing, builds Release into build/ and runs the main job on a demo data
# directory (default: demo-data/): the customer kiosk. It opens in a window when a desktop
# session is running and full screen otherwise (kiosk mode: staff leave it through the staff
# menu, staff id S001, PIN 135790). Without any display it runs the headless CLI demo instead
# and says how to open the kiosk under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

data="${1:-demo-data}"
cli=build/cli/counterfoil-cli
app=build/app/counterfoil

if [ ! -f "$data/counterfoil.db" ]; then
    echo "== init: branch SZ01, terminal K1, data in $data"
    $cli --data "$data" init --branch SZ01 --terminal K1
    echo "== staff S001 (PIN 135790), who can leave the kiosk from its staff menu"
    echo 135790 | $cli --data "$data" staff add --id S001 --name 李四 --role supervisor --pin-stdin
    echo "== two sample complaints"
    echo '{"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"}' |
        $cli --data "$data" file
    echo '{"channel":"kiosk","description":"營業廳排隊一個多小時，工作人員態度很差，我要投訴，否則找記者曝光。","customer":{"phone":"+852 9123 4567"},"remedies":["apology"],"consent":true}' |
        $cli --data "$data" file --form kiosk
fi
echo "== tickets in $data"
$cli --data "$data" list
$cli --data "$data" stats

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    cat <<MSG

No display, so the kiosk window cannot open here. To see it:
  on a desktop:      scripts/run.sh
  without a screen:  xvfb-run -a -s "-screen 0 1920x1080x24" $app --data $data --windowed 1920x1080 --screenshots shots/
                     (writes every kiosk screen as PNG into shots/)
MSG
    exit 0
fi
if [ -n "${XDG_CURRENT_DESKTOP:-}${DESKTOP_SESSION:-}" ]; then
    echo "== kiosk in a window (close it through the staff menu: S001 / 135790)"
    exec $app --data "$data" --mode kiosk --windowed 1600x900
fi
echo "== kiosk, full screen (leave through the staff menu: S001 / 135790)"
exec $app --data "$data" --mode kiosk
echo
echo "== regional center: init $center_data and serve on loopback"
$center --data "$center_data" init
$center --data "$center_data" serve --listen 127.0.0.1:0 >"$center_data/stdout.log" 2>"$center_data/center.log" &
echo $! >"$center_data/center.pid"
for _ in $(seq 1 50); do
    grep -q '^listening on ' "$center_data/stdout.log" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$center_data/stdout.log")
echo "center at $url (log: $center_data/center.log)"
echo
echo "== enrol the demo terminal with a one-time code"
code=$($center --data "$center_data" enroll-code --branch SZ01 | tail -n 1)
$cli --data "$data" enroll --center "$url" --code "$code"
echo
echo "== sync in the background (sync --watch, every 5 s)"
$cli --data "$data" act "$first" submit --actor S001 --json '{"reason":"需要核对计费系统"}'
$cli --data "$data" sync --watch --interval 5 >"$data/sync.log" 2>&1 &
echo $! >"$data/sync.pid"
for _ in $(seq 1 100); do
    $center --data "$center_data" show "$first" >/dev/null 2>&1 && break
    sleep 0.1
done
echo
echo "== the center reviews, dispatches, handles, audits and answers $first"
deadline=$(( ($(date +%s) + 86400) * 1000 ))
$center --data "$center_data" act "$first" review_accept --actor R01 --role reviewer
$center --data "$center_data" act "$first" dispatch --actor D01 --role dispatcher \
    --json "{\"departments\":[\"billing\"],\"deadline\":$deadline}"
$center --data "$center_data" act "$first" handle --actor H01 --role handler --department billing \
    --json '{"investigation":"系统重复计费","responsibility":"our_department","solution":"退还50元"}'
$center --data "$center_data" act "$first" audit_approve --actor A01 --role auditor
$center --data "$center_data" act "$first" feedback --actor A01 --role auditor --json '{"text":"已核实并退还50元"}'
echo
echo "== waiting for the feedback to reach the branch"
for _ in $(seq 1 30); do
    $cli --data "$data" show "$first" | grep -q 'answered' && break
    sleep 1
done
$cli --data "$data" show "$first"
echo
$cli --data "$data" sync status
echo
echo "The center (pid $(cat "$center_data/center.pid")) and the sync watcher (pid $(cat "$data/sync.pid")) keep running."
echo "Stop them with: kill $(cat "$data/sync.pid") $(cat "$center_data/center.pid")"
