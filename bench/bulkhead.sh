#!/usr/bin/env bash
# Microservices Lab: the bulkhead between the demo and the course. With resilience off and every
# Posts instance answering after 10 s (chaos latency), HANGING connections hang on the storefront's
# feed (wrk, one request at a time each); meanwhile a second wrk reads a lesson page and reports its
# p50 / p95 / p99. The same lesson figures without the hanging load are printed first, side by side.
# Target: lesson p95 <= 250 ms while the demo is saturated. A missed target prints MISSED; only a
# real failure exits non-zero. Talks to 127.0.0.1 only. See bench/README.md.
#
# Usage: bench/bulkhead.sh [--build] [--help]
# Environment (all optional):
#   LAB_JAR        the Spring Boot jar (default target/microservices-lab.jar; built when missing)
#   SITE_PORT      port for the site (default 18780)    HANGING  connections on the feed (default 300)
#   SECONDS_RUN    seconds of each lesson measurement (default 20)
#   JAVA_OPTS      the site's flags (default the README's)
#   BENCH_KEEP=1   keep the temporary folder

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH_NAME=bulkhead.sh
. "$ROOT/bench/lib.sh"

bench_args "$@"

LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
JAVA_OPTS=${JAVA_OPTS:-$SITE_JVM_FLAGS}
SITE_PORT=${SITE_PORT:-18780}
HANGING=${HANGING:-300}
SECONDS_RUN=${SECONDS_RUN:-20}
TARGET_P95_MS=250
SITE=http://127.0.0.1:$SITE_PORT

SITE_PID=
HANG_PID=
bench_stop() {
	[ -z "$HANG_PID" ] || kill "$HANG_PID" 2>/dev/null || true
	stop_group "$SITE_PID"
}
bench_begin bulkhead

need=()
command -v curl >/dev/null || need+=(curl)
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v setsid >/dev/null || need+=(util-linux)
[ ${#need[@]} -eq 0 ] || { bench_apt_install "${need[@]}"; bench_require curl wrk jq setsid; }
bench_jar
port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"
bench_machine
SLUG=$(for f in content/fa/*.md; do
	printf '%09d %s\n' "$(awk '/^order:/ { print $2; exit }' "$f")" "$(basename "$f" .md)"
done | sort | head -1 | cut -d' ' -f2)
LESSON=$SITE/fa/lessons/$SLUG

say "Microservices Lab bulkhead benchmark, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL; revision $REVISION; load $(cut -d' ' -f1 /proc/loadavg)"

# shellcheck disable=SC2086
setsid java $JAVA_OPTS -jar "$LAB_JAR" "--server.port=$SITE_PORT" "--lab.fleet.data-dir=$TMP/data" >"$TMP/site.log" 2>&1 </dev/null &
SITE_PID=$!
for ((i = 0; i < 1800; i++)); do
	n=$(curl -s --max-time 2 "$SITE/api/fleet" 2>/dev/null \
		| jq '[.topologies[].services[].instances[] | select(.state == "ready")] | length' 2>/dev/null || echo 0)
	[ "${n:-0}" -ge 5 ] && break
	kill -0 "$SITE_PID" 2>/dev/null || { tail -30 "$TMP/site.log" >&2; die "the site exited"; }
	sleep 0.1
done
[ "${n:-0}" -ge 5 ] || die "the fleet was not ready"

cat >"$TMP/p.lua" <<'LUA'
done = function(summary, latency, requests)
	io.write(string.format("PCT %.2f %.2f %.2f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
		latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read))
end
LUA
lesson_figures() { # label: wrk -t1 -c4 on the lesson; prints "label p50 p95 p99 requests errors"
	wrk -t1 -c4 "-d${SECONDS_RUN}s" --timeout 10s -s "$TMP/p.lua" "$LESSON" >"$TMP/wrk-$1.txt" 2>&1 || die "wrk on the lesson ($1)"
	awk -v l="$1" '/^PCT/ { print l, $2, $3, $4, $5, $6 }' "$TMP/wrk-$1.txt"
}

post() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Sec-Fetch-Site: same-origin' "$SITE$1" --data "$2"; }

say "1. lesson pages, demo idle"
IDLE=$(lesson_figures idle)
echo "$IDLE"

say "2. resilience off, Posts answers after 10 s, $HANGING connections hanging on the storefront feed"
[ "$(post /api/fleet/settings resilience=false)" = 200 ] || die "resilience=false refused"
for id in $(curl -s "$SITE/api/fleet" | jq -r '.topologies[] | select(.id == "microservices") | .services[] | select(.name == "posts") | .instances[] | select(.state == "ready") | .id'); do
	[ "$(post "/api/fleet/instances/$id/chaos" 'latencyMs=10000&latencyShare=1')" = 200 ] || die "chaos on $id refused"
done
wrk -t2 "-c$HANGING" "-d$((SECONDS_RUN + 15))s" --timeout 30s "$SITE/api/store/microservices/feed" >"$TMP/wrk-hanging.txt" 2>&1 &
HANG_PID=$!
sleep 5
LOADED=$(lesson_figures loaded)
echo "$LOADED"
wait "$HANG_PID" || true
HANG_PID=
hang_reqs=$(awk '/requests in/ { print $1 }' "$TMP/wrk-hanging.txt")
hang_non2xx=$(awk -F': *' '/Non-2xx/ { print $2 }' "$TMP/wrk-hanging.txt")
echo "the feed's wrk: ${hang_reqs:-0} answers in $((SECONDS_RUN + 15)) s over $HANGING connections (${hang_non2xx:-0} of them not 2xx: refused by the full bulkhead or timed out)"
post /api/fleet/settings resilience=true >/dev/null || true

read -r _ p50 p95 p99 reqs errs <<<"$LOADED"
read -r _ ip50 ip95 ip99 ireqs ierrs <<<"$IDLE"
ok=$(awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { print (p + 0 <= t) ? 1 : 0 }')
[ "$errs" = 0 ] || ok=0
say "Summary"
echo
echo "Run $RUN_DATE on $(nproc) cores ($CPU_MODEL); revision $REVISION; wrk -t1 -c4 ${SECONDS_RUN}s on $LESSON."
echo
echo "| lesson page | p50 | p95 (target ≤ $TARGET_P95_MS ms) | p99 | requests | errors |"
echo "|---|---|---|---|---|---|"
echo "| demo idle | $ip50 ms | $ip95 ms | $ip99 ms | $ireqs | $ierrs |"
echo "| $HANGING connections hanging on the feed (Posts +10 s, resilience off) | $p50 ms | $p95 ms$(verdict "$ok") | $p99 ms | $reqs | $errs |"
