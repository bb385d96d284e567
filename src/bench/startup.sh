#!/usr/bin/env bash
# Start-up of any packaged jar, the way the README's production command starts it (extracted + class-data-sharing
# archive, -Xmx384m, embedded H2): one start on an empty data directory, then N (default 5) cold starts on that data.
# Prints "<label> <start> <seconds to healthy> <CPU seconds> <RSS MB>" a line. For comparing code across commits on one
# machine (build the older jar in a worktree), where the harness's own start-up (PerformanceHarness) needs today's
# bench sources:  src/bench/startup.sh target/govshare-0.1.0-SNAPSHOT.jar today
set -euo pipefail
jar=$(readlink -f "$1"); label=$2; n=${3:-5}
dir=$(mktemp -d /tmp/st-$label-XXXX)
java -Djarmode=tools -jar "$jar" extract --force --destination "$dir/x" > "$dir/extract.log" 2>&1
app="$dir/x/$(basename "$jar")"
GOVSHARE_DATA_DIR="$dir/train" java -Xmx384m -XX:ArchiveClassesAtExit="$dir/x/govshare.jsa" \
  -Dspring.context.exit=onRefresh -jar "$app" --server.port=0 > "$dir/train.log" 2>&1 || true
start() { # prints seconds cpu rss
  local port=$((19000 + RANDOM % 1000)); local t0=$(date +%s.%N)
  GOVSHARE_DATA_DIR="$dir/data" java -Xmx384m -XX:SharedArchiveFile="$dir/x/govshare.jsa" -jar "$app" --server.port=$port > "$dir/run.log" 2>&1 &
  local pid=$!
  local tries=0
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"\|"DEGRADED"'; do
    if ! kill -0 $pid 2>/dev/null || [ $((tries += 1)) -gt 6000 ]; then
      kill $pid 2>/dev/null || true; echo "no healthy start, see $dir/run.log" >&2; exit 1
    fi
    sleep 0.05
  done
  local t1=$(date +%s.%N)
  local tck=$(getconf CLK_TCK); local st=($(sed 's/.*) //' /proc/$pid/stat))
  local cpu=$(echo "scale=2; (${st[11]} + ${st[12]}) / $tck" | bc)
  local rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(echo "$t1 - $t0" | bc) $cpu $rss"
}
echo "$label empty $(start)"
for i in $(seq 1 $n); do echo "$label run$i $(start)"; done
rm -rf "$dir"
