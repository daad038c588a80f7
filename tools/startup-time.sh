#!/bin/sh
# Time from process start to the editor's first frame, under Xvfb (release build).
#   apt-get install -y xvfb x11-apps imagemagick
#   cargo build --release && tools/startup-time.sh [RUNS] [DRAFT]
# Prints each run in milliseconds, then the median. Uses a throwaway config/data folder so no
# recovery prompt or saved preferences change what is drawn.
set -eu
RUNS=${1:-10}
DRAFT=${2:-templates/examples/kingsoft-cloud-2024-10.ron}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/monthly-return}
DISPLAY_NUM=${DISPLAY_NUM:-:93}
TMP=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$TMP"' EXIT
sleep 1
i=0
: > "$TMP/times"
while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    rm -f "$TMP/out"
    start=$(date +%s.%N)
    DISPLAY=$DISPLAY_NUM XDG_CONFIG_HOME=$TMP/c XDG_DATA_HOME=$TMP/d MONTHLY_RETURN_FIRST_FRAME=1 \
        "$BIN" "$DRAFT" > "$TMP/out" 2>/dev/null &
    app=$!
    n=0
    while ! grep -q '^first-frame' "$TMP/out" 2>/dev/null && [ "$n" -lt 200 ]; do
        sleep 0.02
        n=$((n + 1))
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    first=$(sed -n 's/^first-frame //p' "$TMP/out")
    ms=$(echo "$start $first" | awk '{ printf "%.0f", ($2 - $1) * 1000 }')
    echo "run $i: ${ms} ms"
    echo "$ms" >> "$TMP/times"
done
sort -n "$TMP/times" | awk '{ a[NR] = $1 } END { printf "median %d ms over %d runs (min %d, max %d)\n", a[int((NR + 1) / 2)], NR, a[1], a[NR] }'
