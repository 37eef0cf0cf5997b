#!/usr/bin/env bash
# Microservices Lab: Threads v3 (Python) beside the Java Threads. Measures, against the packaged jar:
#   1. spawn to ready of one Threads instance, Java (v1) and Python (v3): the fleet's own figure
#      ("is ready after N ms": process start to its READY line), stop/start SPAWNS times each, median;
#   2. the resident memory (RSS, from ps) of each after a little traffic;
#   3. the deploy v1 -> v3 and the rollback v3 -> v1 under load (the site's load generator writing
#      replies, wrk reading them): the write pause, the replies moved, the writes refused during the
#      pause (the fleet's event log), and wrk's failed reads during each switch;
#   4. the retry storm and the deadline budget: STORM_TIPS tips to a hung Payments with retries=0,
#      retries=2, and retries=2 with the deadline on, each tip with the breaker closed (ten good tips
#      before it): the calls Payments received for the tip (the fleet's count) and the time the
#      storefront waited (medians).
# It prints a Markdown table at the end. A missed figure does not fail the script; only a real
# failure (build, site or fleet not starting, a port taken, a tool missing) exits non-zero.
#
# Usage: bench/polyglot.sh [--build] [--help]
# Environment (all optional):
#   LAB_JAR      jar to run (default target/microservices-lab.jar; built when missing or with --build)
#   SITE_PORT    port for the site (default 18590)     SPAWNS   stop/start cycles per runtime (default 5)
#   WRITE_RPS    replies written per second during the switches (default 50)
#   SWITCH_SECONDS  length of each loaded switch run (default 20)
#   STORM_TIPS   tips per setting in the retry-storm run (default 3)
#   BENCH_KEEP=1 keep the temporary folder (logs, the fleet's data) and print its path

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH_NAME=polyglot.sh
. "$ROOT/bench/lib.sh"

bench_args "$@"

LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
SITE_PORT=${SITE_PORT:-18590}
SPAWNS=${SPAWNS:-5}
WRITE_RPS=${WRITE_RPS:-50}
SWITCH_SECONDS=${SWITCH_SECONDS:-20}
SITE=http://127.0.0.1:$SITE_PORT
SITE_PID=
WRK_PID=

bench_stop() {
	[ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
	[ -n "$SITE_PID" ] && stop_group "$SITE_PID"
	return 0
}
bench_begin polyglot

need=()
for tool in curl wrk jq python3; do command -v "$tool" >/dev/null || need+=("$tool"); done
command -v setsid >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
	bench_apt_install "${need[@]}"
	bench_require curl wrk jq python3 setsid
fi
bench_jar
port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"
bench_machine

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

FLEET_JSON=$TMP/fleet.json
fleet() { curl -s -o "$FLEET_JSON" --max-time 5 -w '%{http_code}' "$SITE/api/fleet?lang=en" | grep -q 200; }
fq() { jq -r "$@" "$FLEET_JSON"; }
threads() { fq '.topologies[] | select(.id == "microservices") | .services[] | select(.name == "threads")'; }
post() { curl -s -o "$TMP/post.json" --max-time 60 -w '%{http_code}' -X POST "$@" || echo 000; }

say "Threads v3 (Python) beside the Java Threads, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB; $JAVA_VERSION; $(python3 --version 2>&1); wrk $WRK_VERSION"
echo "site:    $LAB_JAR, revision $REVISION; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

DATA_DIR=$TMP/data
mkdir -p "$DATA_DIR"
setsid java $SITE_JVM_FLAGS -jar "$LAB_JAR" \
	"--server.port=$SITE_PORT" "--lab.fleet.data-dir=$DATA_DIR" >"$TMP/site.log" 2>&1 </dev/null &
SITE_PID=$!

say "waiting for the fleet"
for ((i = 0; i < 1800; i++)); do
	if fleet && [ "$(fq '[.topologies[].services[].instances[] | select(.state == "ready" or .state == "failed")] | length')" = 5 ]; then break; fi
	kill -0 "$SITE_PID" 2>/dev/null || { tail -20 "$TMP/site.log" >&2; SITE_PID=; die "the site exited"; }
	sleep 0.1
done
# on a busy machine a first start can miss its ready timeout: start the microservices again, one by one
for id in users-1 posts-1 threads-1 payments-1; do
	fleet
	if [ "$(fq --arg id "$id" '[.topologies[].services[].instances[] | select(.id == $id) | .state][0]')" = failed ]; then
		echo "starting $id again (its first start missed the ready timeout)"
		post "$SITE/api/fleet/instances/$id/start" >/dev/null
	fi
done
fleet && [ "$(threads | jq -r '[.instances[] | select(.state == "ready")] | length')" = 1 ] || die "Threads is not ready"

ready_id() { fleet; threads | jq -r '[.instances[] | select(.state == "ready")][0].id'; }

spawn_series() { # label: stop/start the Threads instance SPAWNS times; prints the fleet's ready ms, one a line
	local id ms
	for ((n = 0; n < SPAWNS; n++)); do
		id=$(ready_id)
		[ "$(post "$SITE/api/fleet/instances/$id/stop")" = 200 ] || die "stop $id: $(cat "$TMP/post.json")"
		[ "$(post "$SITE/api/fleet/instances/$id/start")" = 200 ] || die "start $id: $(cat "$TMP/post.json")"
		fleet
		ms=$(fq --arg id "$id" '[.events[] | select(.text | startswith($id + " (")) | select(.text | contains("is ready after"))][-1].text' \
			| sed -n 's/.*is ready after \([0-9]*\) ms.*/\1/p')
		echo "$ms"
	done
}

rss_of_threads() { # after some reads: RSS in MiB of the ready Threads instance, from ps
	local pid
	for ((n = 0; n < 50; n++)); do curl -s -o /dev/null "$SITE/api/store/microservices/posts/2/replies"; done
	fleet
	pid=$(threads | jq -r '[.instances[] | select(.state == "ready")][0].pid')
	ps -o rss= -p "$pid" | awk '{ printf "%.1f", $1 / 1024 }'
}

switch_under_load() { # action (deploy v3 | rollback): loaded run; sets PAUSE_MS REFUSED MOVED FAILED_READS READS
	local action=$1 version=${2:-} after
	fleet
	after=$(fq '[.events[].id] | max // 0')
	post "$SITE/api/fleet/load" -d "topology=microservices&feature=reply&rps=$WRITE_RPS&seconds=$SWITCH_SECONDS" >/dev/null
	wrk -t1 -c4 -d"${SWITCH_SECONDS}s" --latency "$SITE/api/store/microservices/posts/2/replies" >"$TMP/wrk-$action.txt" 2>&1 &
	WRK_PID=$!
	sleep 4
	if [ "$action" = deploy ]; then
		[ "$(post "$SITE/api/fleet/services/microservices/threads/deploy" -d "version=$version")" = 202 ] || die "deploy: $(cat "$TMP/post.json")"
	else
		[ "$(post "$SITE/api/fleet/services/microservices/threads/rollback")" = 202 ] || die "rollback: $(cat "$TMP/post.json")"
	fi
	wait "$WRK_PID" || true
	WRK_PID=
	fleet
	local events
	events=$(fq --argjson after "$after" '.events[] | select(.id > $after) | .text')
	echo "$events" | grep -E "moved|paused|resumed|now runs|back on|failed" | sed 's/^/    /'
	MOVED=$(echo "$events" | sed -n 's/.*: \([0-9]*\) replies moved.* in \([0-9]*\) ms.*/\1 in \2 ms/p' | tail -1)
	PAUSE_MS=$(echo "$events" | sed -n 's/.*pause of \([0-9]*\) ms.*/\1/p' | tail -1)
	REFUSED=$(echo "$events" | sed -n 's/.*; \([0-9]*\) writes refused.*/\1/p' | tail -1)
	READS=$(awk '/requests in/ { print $1 }' "$TMP/wrk-$action.txt")
	FAILED_READS=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$TMP/wrk-$action.txt")
	FAILED_READS=${FAILED_READS:-0}
}

say "Java Threads (v1): $SPAWNS stop/start cycles"
JAVA_MS=$(spawn_series java | tee "$TMP/java.txt" | median)
tr '\n' ' ' <"$TMP/java.txt"; echo "ms"
JAVA_RSS=$(rss_of_threads)
echo "RSS $JAVA_RSS MiB"

say "deploy v1 -> v3 under load ($WRITE_RPS replies/s written, wrk reading replies)"
switch_under_load deploy v3
D_PAUSE=$PAUSE_MS D_REFUSED=$REFUSED D_MOVED=$MOVED D_FAILED=$FAILED_READS D_READS=$READS
fleet
[ "$(threads | jq -r '.version')" = v3 ] || die "Threads is not on v3 after the deploy"

say "Python Threads (v3): $SPAWNS stop/start cycles"
PY_MS=$(spawn_series python | tee "$TMP/python.txt" | median)
tr '\n' ' ' <"$TMP/python.txt"; echo "ms"
PY_RSS=$(rss_of_threads)
echo "RSS $PY_RSS MiB"

say "rollback v3 -> v1 under the same load"
switch_under_load rollback
R_PAUSE=$PAUSE_MS R_REFUSED=$REFUSED R_MOVED=$MOVED R_FAILED=$FAILED_READS R_READS=$READS

STORM_TIPS=${STORM_TIPS:-3}
payments() { fq '.topologies[] | select(.id == "microservices") | .services[] | select(.name == "payments")'; }
tip() { post "$SITE/api/store/microservices/tips?lang=en" -d "fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=bench-$RANDOM$RANDOM"; }
closed_breaker() { # payments instance: no fault, then ten tips answered in a row (the breaker's window holds successes)
	local id=$1 good=0 n
	post "$SITE/api/fleet/settings" -d "resilience=true&retries=0&deadline=false" >/dev/null
	post "$SITE/api/fleet/instances/$id/chaos" -d "hangShare=0" >/dev/null
	for ((n = 0; n < 200 && good < 10; n++)); do
		case "$(tip)" in 2??) good=$((good + 1)) ;; *) good=0; sleep 0.5 ;; esac
	done
	[ "$good" -ge 10 ] || die "the tips breaker did not close again: $(cat "$TMP/post.json")"
}
storm_run() { # settings: STORM_TIPS times a closed breaker, then one tip to a hung Payments; sets CALLS_PER_TIP WAITED_MS
	local settings=$1 before after id n calls=() waits=()
	fleet; id=$(payments | jq -r '[.instances[] | select(.state == "ready")][0].id')
	for ((n = 0; n < STORM_TIPS; n++)); do
		closed_breaker "$id"
		[ "$(post "$SITE/api/fleet/settings" -d "$settings")" = 200 ] || die "settings $settings: $(cat "$TMP/post.json")"
		[ "$(post "$SITE/api/fleet/instances/$id/chaos" -d "hangShare=1")" = 200 ] || die "hang $id: $(cat "$TMP/post.json")"
		fleet; before=$(payments | jq -r '.attempts')
		tip >/dev/null
		waits+=("$(jq -r '.waitedMs // empty' "$TMP/post.json")")
		fleet; after=$(payments | jq -r '.attempts')
		calls+=("$((after - before))")
	done
	post "$SITE/api/fleet/instances/$id/chaos" -d "hangShare=0" >/dev/null
	CALLS_PER_TIP=$(printf '%s\n' "${calls[@]}" | median)
	WAITED_MS=$(printf '%s\n' "${waits[@]}" | median)
	echo "  $settings: Payments received ${calls[*]} calls, the storefront waited ${waits[*]} ms"
}

say "retry storm: $STORM_TIPS tips to a hung Payments per setting"
storm_run "retries=0&deadline=false"; S0_CALLS=$CALLS_PER_TIP S0_WAIT=$WAITED_MS
storm_run "retries=2&deadline=false"; S2_CALLS=$CALLS_PER_TIP S2_WAIT=$WAITED_MS
storm_run "retries=2&deadline=true"; SD_CALLS=$CALLS_PER_TIP SD_WAIT=$WAITED_MS
post "$SITE/api/fleet/settings" -d "retries=0&deadline=false" >/dev/null

say "results ($RUN_DATE, revision $REVISION, load after: $(cut -d' ' -f1-3 /proc/loadavg))"
cat <<EOF
| figure | Java Threads (v1) | Python Threads (v3) |
|---|---|---|
| spawn to READY, median of $SPAWNS (the fleet's figure) | $JAVA_MS ms | $PY_MS ms |
| RSS after 50 reads | $JAVA_RSS MiB | $PY_RSS MiB |

| switch under load ($WRITE_RPS replies/s written) | deploy v1 -> v3 | rollback v3 -> v1 |
|---|---|---|
| replies moved | ${D_MOVED:-?} | ${R_MOVED:-?} |
| write pause | ${D_PAUSE:-?} ms | ${R_PAUSE:-?} ms |
| writes refused during the pause | ${D_REFUSED:-?} | ${R_REFUSED:-?} |
| failed reads (wrk, non-2xx) | $D_FAILED of $D_READS | $R_FAILED of $R_READS |

| a hung Payments, median of $STORM_TIPS tips | retries 0 | retries 2 | retries 2, deadline on |
|---|---|---|---|
| calls Payments received per tip | $S0_CALLS | $S2_CALLS | $SD_CALLS |
| the storefront waited (median) | $S0_WAIT ms | $S2_WAIT ms | $SD_WAIT ms |
EOF
