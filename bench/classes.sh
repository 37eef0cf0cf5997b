#!/usr/bin/env bash
# Microservices Lab: a class with many followers (issue 8). Starts the packaged jar with the README's
# JVM flags and its demo fleet, starts a class, connects FOLLOWERS followers on loopback (STALLED of
# them connected but never reading), moves the class every two seconds for SECONDS_RUN, and prints:
#   - how long a step change takes to reach every reading follower (p50 / p99 / max; target p99 ≤ 250 ms),
#   - moves a reading follower missed, reading followers dropped (target 0),
#   - the site's RSS with the followers connected,
#   - a lesson page's p99 (wrk -t2 -c32, 15 s) while they are connected, and without them.
#
#   bench/classes.sh [--build]     settings: SITE_PORT (18490) FOLLOWERS (500) STALLED (10) SECONDS_RUN (60)
#                                  LAB_JAR (target/microservices-lab.jar) BENCH_KEEP=1

set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH_NAME=classes.sh
. "$ROOT/bench/lib.sh"
bench_args "$@"

SITE_PORT=${SITE_PORT:-18490}
FOLLOWERS=${FOLLOWERS:-500}
STALLED=${STALLED:-10}
# (not SECONDS: bash counts the seconds since the shell started in that name)
SECONDS_RUN=${SECONDS_RUN:-60}
LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
SITE_OPTS="$SITE_JVM_FLAGS"
SITE=http://127.0.0.1:$SITE_PORT
SITE_PID=
FOLLOW_PID=

bench_stop() {
	[ -n "$FOLLOW_PID" ] && kill "$FOLLOW_PID" 2>/dev/null || true
	[ -n "$SITE_PID" ] && stop_group "$SITE_PID"
}
bench_begin classes

for tool in curl wrk jq java setsid; do
	command -v "$tool" >/dev/null || die "$tool is missing (apt-get install curl wrk jq openjdk-17-jdk-headless util-linux)"
done
bench_jar
bench_machine
port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"

say "Microservices Lab class benchmark, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB memory; $JAVA_VERSION; wrk $WRK_VERSION"
echo "site:    $LAB_JAR, revision $REVISION, JVM options $SITE_OPTS"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (before)"

setsid java $SITE_OPTS -jar "$LAB_JAR" --server.port="$SITE_PORT" --lab.fleet.data-dir="$TMP/data" \
	--lab.classes.max-followers=$((FOLLOWERS * 2)) >"$TMP/site.log" 2>&1 &
SITE_PID=$!
for ((i = 0; i < 600; i++)); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$SITE/api/fleet" || true)" = 200 ] && break
	sleep 0.1
done
# the demo fleet: wait until its five processes are ready, so fleet events are realistic
for ((i = 0; i < 300; i++)); do
	n=$(curl -s "$SITE/api/fleet" | jq '[.topologies[].services[].instances[] | select(.state == "ready")] | length' || echo 0)
	[ "$n" -ge 5 ] && break
	sleep 0.2
done
SLUG=$(for f in content/en/*.md; do basename "$f" .md; done | sort | head -1)
PAGE=$SITE/fa/lessons/$SLUG

say "lesson page without followers: wrk -t2 -c32 -d15s --latency $PAGE"
wrk -t2 -c32 -d5s "$PAGE" >/dev/null
wrk -t2 -c32 -d15s --latency "$PAGE" >"$TMP/wrk-before.txt"
P99_BEFORE=$(awk '$1 == "99%" { print $2 }' "$TMP/wrk-before.txt")
RPS_BEFORE=$(awk '/^Requests\/sec/ { print $2 }' "$TMP/wrk-before.txt")
RSS_BEFORE=$(($(ps -o rss= -p "$SITE_PID") / 1024))
echo "p99 $P99_BEFORE, $RPS_BEFORE requests/s; site RSS $RSS_BEFORE MiB"

CLASS=$(curl -s -X POST "$SITE/api/classes" -d walkthrough=one-failing-service)
CODE=$(jq -r .code <<<"$CLASS")
TOKEN=$(jq -r .token <<<"$CLASS")
[ -n "$CODE" ] && [ "$CODE" != null ] || die "no class: $CLASS"

say "class $CODE: $FOLLOWERS followers ($STALLED stalled), a move every 2 s for $SECONDS_RUN s"
java -Xss256k bench/ClassFollowers.java "$SITE" "$CODE" "$TOKEN" "$FOLLOWERS" "$STALLED" "$SECONDS_RUN" \
	>"$TMP/followers.txt" 2>&1 &
FOLLOW_PID=$!
sleep 20
RSS_WITH=$(($(ps -o rss= -p "$SITE_PID") / 1024))
wrk -t2 -c32 -d15s --latency "$PAGE" >"$TMP/wrk-during.txt"
P99_DURING=$(awk '$1 == "99%" { print $2 }' "$TMP/wrk-during.txt")
RPS_DURING=$(awk '/^Requests\/sec/ { print $2 }' "$TMP/wrk-during.txt")
wait "$FOLLOW_PID" || true
FOLLOW_PID=
cat "$TMP/followers.txt"
RESULT=$(grep '^RESULT' "$TMP/followers.txt" || die "the followers printed no result")
P99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$RESULT")
MAX=$(sed -E 's/.*max_ms=([0-9.]+).*/\1/' <<<"$RESULT")
MISSED=$(sed -E 's/.*missed=([0-9]+).*/\1/' <<<"$RESULT")
DROPPED=$(sed -E 's/.*dropped=([0-9]+).*/\1/' <<<"$RESULT")
CONNECTED=$(sed -E 's/.*connected=([0-9]+).*/\1/' <<<"$RESULT")
ok_p99=$(awk -v p="$P99" 'BEGIN { print (p <= 250) ? 1 : 0 }')
ok_drop=$([ "$DROPPED" = 0 ] && [ "$MISSED" = 0 ] && echo 1 || echo 0)

say "results (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
cat <<TABLE
| figure (\`bench/classes.sh\`) | target | measured |
|---|---|---|
| step change to every reading follower, p99 / max ($CONNECTED connected, $STALLED stalled, moves every 2 s for $SECONDS_RUN s) | ≤ 250 ms | $P99 ms / $MAX ms$(verdict "$ok_p99") |
| reading followers dropped / moves missed | 0 | $DROPPED / $MISSED$(verdict "$ok_drop") |
| site RSS, without / with the followers | | $RSS_BEFORE / $RSS_WITH MiB |
| Persian lesson p99 (wrk -t2 -c32), without / with the followers | | $P99_BEFORE / $P99_DURING ($RPS_BEFORE / $RPS_DURING requests/s) |
TABLE
