#!/usr/bin/env bash
# Microservices Lab: the demo fleet's benchmark. Measures, against the packaged jar:
#   1. whole fleet start: launch of `java -jar` to all 5 default instances ready (3 fresh JVMs, median);
#   2. one instance stop -> start -> ready (payments-1, 10 times, median) and the fleet's memory:
#      largest instance, the whole fleet with the site (the API's figure and `ps`), with the site on
#      SITE_OPTS (the README's flags) and, if set, again with SITE_ALT_OPTS added;
#   3. an external `kill -9` of payments-1 until the live view (SSE) shows it crashed (5 times);
#   4. a tip with Payments down and its circuit breaker open: the degraded answer's latency (wrk);
#   5. a rolling deploy of microservices posts under load (failed requests), and the monolith's
#      deploy under the same load (failed requests, seconds of downtime);
#   6. a chaos run: random kills, crashes, latency and errors on the microservices with auto-restart
#      on, while wrk reads the site's own pages and the storefront (5xx on pages, success rate).
# It prints a Markdown table at the end. A missed target is printed as MISSED and does not fail the
# script; only a real failure (build fails, the site or the fleet does not start, a port is taken, a
# tool does not run) exits non-zero. Talks to 127.0.0.1 only. See bench/README.md.
#
# Usage: bench/fleet.sh [--build] [--help]
# Environment (all optional):
#   LAB_JAR        jar to run (default target/microservices-lab.jar); with --build, or when it is
#                  missing, it is built into its own folder (-Dlab.buildDir=<its folder>)
#   SITE_PORT      port for the site (default 18580)      STARTS  fresh fleet starts to time (default 3)
#   START_TIMEOUT  seconds per start (default 90)         SPAWNS  stop/start cycles of payments-1 (10)
#   KILLS          kill -9 rounds (default 5)             TIP_SECONDS  wrk run on tips (default 10)
#   DEPLOY_SECONDS wrk run around each deploy (20)        CHAOS_SECONDS  chaos run (default 60)
#   CHAOS_SEED     seed of the chaos run's choices (default: random, printed)
#   MEM_LOAD_SECONDS  wrk run before the "loaded" memory reading (default 20)
#   SITE_OPTS      JVM options of the site for every run (default: the README's flags, serial GC, 256 MB heap)
#   SITE_ALT_OPTS  extra JVM options of the site for a second memory figure (default empty: skipped;
#                  e.g. SITE_OPTS= SITE_ALT_OPTS=-XX:+UseG1GC shows the JVM's defaults)
#   BENCH_KEEP=1   keep the temporary folder (logs, the fleet's data, wrk's and the SSE watcher's
#                  output) and print its path

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH_NAME=fleet.sh
. "$ROOT/bench/lib.sh"

bench_args "$@"

LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
SITE_PORT=${SITE_PORT:-18580}
STARTS=${STARTS:-3}
START_TIMEOUT=${START_TIMEOUT:-90}
SPAWNS=${SPAWNS:-10}
KILLS=${KILLS:-5}
TIP_SECONDS=${TIP_SECONDS:-10}
DEPLOY_SECONDS=${DEPLOY_SECONDS:-20}
DEPLOY_AFTER=3            # seconds of load before each deploy starts
CHAOS_SECONDS=${CHAOS_SECONDS:-60}
CHAOS_SEED=${CHAOS_SEED:-$(( $$ ^ $(date +%s) ))}
# The README's run command and the image run the site with these flags; the second memory figure
# shows the JVM's defaults beside them.
SITE_OPTS=${SITE_OPTS-$SITE_JVM_FLAGS}
SITE_ALT_OPTS=${SITE_ALT_OPTS-}
MEM_WARMUP=5              # seconds of light traffic before the first memory reading
MEM_LOAD_SECONDS=${MEM_LOAD_SECONDS:-20}

# Targets
TARGET_FLEET_START_MS=8000
TARGET_SPAWN_MS=1000
TARGET_INSTANCE_MIB=80
TARGET_TOTAL_MIB=700
TARGET_KILL_SEEN_MS=300
TARGET_TIP_P99_MS=20
TARGET_DEPLOY_MIN_REQUESTS=1000

DEFAULT_INSTANCES="monolith-1 users-1 posts-1 threads-1 payments-1"
SITE=http://127.0.0.1:$SITE_PORT

# ---------------------------------------------------------------------------------------------
# Clean-up (bench/lib.sh's cleanup, on exit): every process this script started, the temporary folder.

SITE_PID=
WATCH_PID=
BG_PIDS=()
LEAKED=()       # "pid (site pid)" of demo processes that outlived their site

stop_pid() { # pid: TERM it, KILL after 5 s
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 50; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

children_of() { # site pid: pids of the demo processes it started (they carry --parent-pid=<it>)
	pgrep -f -- "--parent-pid=$1( |$)" 2>/dev/null || true
}

reap_children() { # site pid: waits up to 5 s for its demo processes to end; kills and records the rest
	local site=$1 left i p
	for ((i = 0; i < 50; i++)); do
		left=$(children_of "$site")
		[ -z "$left" ] && return 0
		sleep 0.1
	done
	for p in $left; do
		LEAKED+=("$p (site $site)")
		kill -KILL "$p" 2>/dev/null || true
	done
}

bench_stop() {
	local p
	for p in "${BG_PIDS[@]}"; do stop_pid "$p"; done
	stop_pid "$WATCH_PID"
	if [ -n "$SITE_PID" ]; then
		stop_group "$SITE_PID"
		reap_children "$SITE_PID"
	fi
}
bench_begin fleet

# ---------------------------------------------------------------------------------------------
# Tools

need=()
command -v curl >/dev/null || need+=(curl)
command -v wrk >/dev/null || need+=(wrk)
command -v jq >/dev/null || need+=(jq)
command -v node >/dev/null || need+=(nodejs)
command -v ps >/dev/null || need+=(procps)
command -v pgrep >/dev/null || need+=(procps)
command -v setsid >/dev/null || need+=(util-linux)
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
if [ ${#need[@]} -gt 0 ]; then
	bench_apt_install "${need[@]}"
	bench_require curl wrk jq node ps pgrep setsid java
fi

# ---------------------------------------------------------------------------------------------
# The jar

bench_jar

# A lesson that is in the jar (the first English one by name), for the page traffic.
SLUG=$( (unzip -Z1 "$LAB_JAR" 2>/dev/null || jar tf "$LAB_JAR" 2>/dev/null || true) \
	| sed -n 's#^BOOT-INF/classes/content/en/\([^/]*\)\.md$#\1#p' | sort | head -1)
[ -n "$SLUG" ] || SLUG=$(for f in content/en/*.md; do basename "$f" .md; done | sort | head -1)
[ -n "$SLUG" ] || die "no lesson in the jar nor in content/en/*.md"
PAGES=(/en/ "/fa/lessons/$SLUG" /en/fleet "/en/lessons/$SLUG" /fa/)

port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
maxof() { sort -n | tail -1; }
mib() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? 1 : 0 }'; }

# ---------------------------------------------------------------------------------------------
# Machine

NODE_VERSION=$(node -v 2>/dev/null || true)
bench_machine
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SCRIPT_T0=$(now_us)

say "Microservices Lab fleet benchmark, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB memory; $(uname -sr)"
echo "tools:   $JAVA_VERSION; wrk $WRK_VERSION; node $NODE_VERSION"
echo "site:    $LAB_JAR ($(du -h "$LAB_JAR" | cut -f1)), revision $REVISION"
echo "site JVM options: ${SITE_OPTS:-(none: the JVM defaults)}; second memory figure with: ${SITE_ALT_OPTS:-(skipped)}"
echo "load:    $LOAD_BEFORE (load averages 1/5/15 min before the run)"
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
	echo "WARNING: the machine is busy already (load ${LOAD_BEFORE%% *} on $(nproc) cores): the figures will be low and noisy"
fi

# ---------------------------------------------------------------------------------------------
# Helpers on the site and the fleet

FLEET_JSON=$TMP/fleet.json

fleet() { # fetches GET /api/fleet into $FLEET_JSON; false when it does not answer 200
	local code
	code=$(curl -s -o "$FLEET_JSON" --max-time 5 -w '%{http_code}' "$SITE/api/fleet?lang=en" || true)
	[ "$code" = 200 ]
}

fq() { jq -r "$@" "$FLEET_JSON"; } # jq over the last fetched fleet

state_of() { # instance id (from the last fetched fleet)
	fq --arg id "$1" '[.topologies[].services[].instances[] | select(.id == $id) | .state][0] // "none"'
}

post() { # path [curl args...]: POST, prints the status; the body goes to $TMP/post.json
	local path=$1
	shift
	curl -s -o "$TMP/post.json" --max-time 30 -w '%{http_code}' -X POST "$@" "$SITE$path" || echo 000
}

last_event_id() { fq '[.events[].id] | max // 0'; }

events_after() { # event id: the texts of the later events, one a line (from the last fetched fleet)
	fq --argjson after "$1" '.events[] | select(.id > $after) | .text'
}

launch_site() { # label, JVM options...: a fresh site with a fresh data folder; sets SITE_PID, DATA_DIR
	local label=$1
	shift
	DATA_DIR=$TMP/data-$label
	rm -rf "$DATA_DIR"
	mkdir -p "$DATA_DIR"
	SITE_LOG=$TMP/site-$label.log
	# shellcheck disable=SC2068 # the options are words on purpose
	setsid java $@ -jar "$LAB_JAR" "--server.port=$SITE_PORT" "--lab.fleet.data-dir=$DATA_DIR" \
		>"$SITE_LOG" 2>&1 </dev/null &
	SITE_PID=$!
}

wait_fleet_ready() { # t0 (µs), timeout s, ids...: polls /api/fleet every 50 ms until every id is ready; prints ms
	local t0=$1 timeout=$2 states want n
	shift 2
	want=$#
	local deadline=$((t0 + timeout * 1000000))
	while :; do
		if fleet; then
			states=$(jq -r --arg ids "$*" '($ids | split(" ")) as $want
				| [.topologies[].services[].instances[] | select(.id as $i | ($want | index($i)) != null) | select(.state == "ready")] | length' \
				"$FLEET_JSON" 2>/dev/null || echo 0)
			if [ "$states" = "$want" ]; then
				echo $((($(now_us) - t0) / 1000))
				return 0
			fi
		fi
		if ! kill -0 "$SITE_PID" 2>/dev/null; then
			tail -30 "$SITE_LOG" >&2
			SITE_PID=
			die "the site exited before its fleet was ready (log above)"
		fi
		if [ "$(now_us)" -gt "$deadline" ]; then
			[ -s "$FLEET_JSON" ] && jq -c '[.topologies[].services[].instances[] | {id, state, error}]' "$FLEET_JSON" >&2 || true
			die "the fleet was not ready within ${timeout}s"
		fi
		sleep 0.05
	done
}

end_site() { # how (TERM | KILL): ends the running site; checks that none of its demo processes outlive it
	local how=$1 pid=$SITE_PID t0 left i
	[ -n "$pid" ] || return 0
	if [ "$how" = KILL ]; then
		# Only the site's own JVM, not its group: its children must notice by themselves.
		t0=$(now_us)
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		for ((i = 0; i < 100; i++)); do
			left=$(children_of "$pid")
			[ -z "$left" ] && break
			sleep 0.05
		done
		ORPHAN_MS=$((($(now_us) - t0) / 1000))
		[ -z "$left" ] || ORPHAN_MS=-1
	else
		stop_group "$pid"
	fi
	reap_children "$pid"
	SITE_PID=
	for ((i = 0; i < 100; i++)); do port_free "$SITE_PORT" && break; sleep 0.1; done
}

# wrk with a Lua script that counts every status, keeps the first and last time (ms) of a non-200
# answer, and prints one line: BENCH requests=... p50_us=... p99_us=... codes=200:N,503:M ...
# Script arguments: get PATH... (cycled) | tips (POST a tip with a fresh idempotency key each time).
cat >"$TMP/bench.lua" <<'EOF'
local ok_ffi, ffi = pcall(require, "ffi")
local tv
if ok_ffi then
	pcall(ffi.cdef, "typedef struct { long tv_sec; long tv_usec; } bench_timeval; int gettimeofday(bench_timeval *tv, void *tz);")
	tv = ffi.new("bench_timeval")
end
local function now_ms()
	if tv then
		ffi.C.gettimeofday(tv, nil)
		return tonumber(tv.tv_sec) * 1000 + math.floor(tonumber(tv.tv_usec) / 1000)
	end
	return os.time() * 1000
end

local threads = {}
local counter = 0
function setup(thread)
	counter = counter + 1
	thread:set("tid", counter)
	table.insert(threads, thread)
end

codes, first_bad, last_bad, sec_all, sec_ok = {}, 0, 0, {}, {}
local mode, paths, n = "get", {}, 0
local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
function init(args)
	mode = args[1] or "get"
	for i = 2, #args do paths[#paths + 1] = args[i] end
	if #paths == 0 then paths[1] = wrk.path end
end

function request()
	n = n + 1
	if mode == "tips" then
		return wrk.format("POST", paths[1], form,
			"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=bench-" .. tid .. "-" .. n)
	end
	return wrk.format("GET", paths[(n - 1) % #paths + 1])
end

function response(status, headers, body)
	local k = tostring(status)
	codes[k] = (codes[k] or 0) + 1
	local t = now_ms()
	local sec = tostring(math.floor(t / 1000))
	sec_all[sec] = (sec_all[sec] or 0) + 1
	if status == 200 then
		sec_ok[sec] = (sec_ok[sec] or 0) + 1
	else
		if first_bad == 0 then first_bad = t end
		last_bad = t
	end
end

function done(summary, latency, requests)
	local all, first, last, s_all, s_ok = {}, 0, 0, {}, {}
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("codes") or {}) do all[k] = (all[k] or 0) + v end
		for k, v in pairs(t:get("sec_all") or {}) do s_all[k] = (s_all[k] or 0) + v end
		for k, v in pairs(t:get("sec_ok") or {}) do s_ok[k] = (s_ok[k] or 0) + v end
		local f, l = t:get("first_bad") or 0, t:get("last_bad") or 0
		if f > 0 and (first == 0 or f < first) then first = f end
		if l > last then last = l end
	end
	-- seconds in which at least half of the answers were 200 (a fast failure does not outweigh a slow success)
	-- (a second with no answer at all, between the first and the last, counts as down)
	local lo, hi, seconds, up = nil, nil, 0, 0
	for k in pairs(s_all) do
		local n = tonumber(k)
		if not lo or n < lo then lo = n end
		if not hi or n > hi then hi = n end
	end
	if lo then
		for n = lo, hi do
			local v = s_all[tostring(n)] or 0
			seconds = seconds + 1
			if v > 0 and 2 * (s_ok[tostring(n)] or 0) >= v then up = up + 1 end
		end
	end
	local parts = {}
	for k, v in pairs(all) do parts[#parts + 1] = k .. ":" .. v end
	table.sort(parts)
	local e = summary.errors
	io.write(string.format("BENCH requests=%d seconds=%.2f connect=%d read=%d write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d first_bad_ms=%d last_bad_ms=%d seconds_seen=%d seconds_up=%d codes=%s\n",
		summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout,
		latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
		first, last, seconds, up, table.concat(parts, ",")))
end
EOF

start_wrk() { # name conns seconds url script-args...: wrk in the background, output in $TMP/wrk-<name>.txt
	local name=$1 conns=$2 secs=$3 url=$4
	shift 4
	wrk -t1 "-c$conns" "-d${secs}s" --timeout 5s -s "$TMP/bench.lua" "$url" -- "$@" >"$TMP/wrk-$name.txt" 2>&1 &
	WRK_PID=$!
	BG_PIDS+=("$WRK_PID")
}

wait_wrk() { # name pid: waits for it; dies when wrk failed to run
	local name=$1 pid=$2 rc=0 p rest=()
	wait "$pid" || rc=$?
	for p in "${BG_PIDS[@]}"; do [ "$p" = "$pid" ] || rest+=("$p"); done
	BG_PIDS=("${rest[@]}")
	grep -q '^BENCH ' "$TMP/wrk-$name.txt" || { cat "$TMP/wrk-$name.txt" >&2; die "wrk ($name) did not run (exit $rc)"; }
}

wf() { # name field: a field of the BENCH line of that wrk run
	sed -n 's/^BENCH //p' "$TMP/wrk-$1.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

code_count() { # name pattern(awk regex on the status): how many answers matched
	wf "$1" codes | tr ',' '\n' | awk -F: -v re="$2" '$1 ~ re { s += $2 } END { print s + 0 }'
}

answers() { wf "$1" codes | tr ',' '\n' | awk -F: '{ s += $2 } END { print s + 0 }'; }

sock_errors() { # name: connect + read + write + timeout errors
	echo $(($(wf "$1" connect) + $(wf "$1" read) + $(wf "$1" write) + $(wf "$1" timeout)))
}

us_ms() { awk -v u="$1" 'BEGIN { printf (u < 10000) ? "%.2f" : "%.0f", u / 1000 }'; }

# ---------------------------------------------------------------------------------------------
# 1. Whole fleet start

say "1. whole fleet start: launch of java -jar to all 5 default instances ready ($STARTS fresh JVMs, fresh databases)"
START_MS=()
ORPHAN_MS=
printf '%-5s %12s %24s %28s\n' run 'all ready' "JVM's 'running for'" 'slowest instance spawn'
for ((run = 1; run <= STARTS; run++)); do
	t0=$(now_us)
	launch_site "start$run" $SITE_OPTS
	ms=$(wait_fleet_ready "$t0" "$START_TIMEOUT" $DEFAULT_INSTANCES)
	START_MS+=("$ms")
	own=$(grep -o 'process running for [0-9.]*' "$SITE_LOG" | head -1 | awk '{ print $4 " s" }')
	slowest=$(fq '[.events[].text | capture("is ready after (?<ms>[0-9]+) ms") | .ms | tonumber] | max // 0')
	printf '%-5s %10s s %24s %25s ms\n' "$run" "$(secs "$ms")" "${own:--}" "$slowest"
	if [ "$run" -lt "$STARTS" ]; then
		# The first one is stopped politely; the next with kill -9 on the site's JVM alone, to see
		# that its demo processes end by themselves (they watch the site's pid).
		if [ "$run" = 2 ]; then end_site KILL; else end_site TERM; fi
	fi
done
START_MEDIAN_MS=$(printf '%s\n' "${START_MS[@]}" | median)
echo "median: $(secs "$START_MEDIAN_MS") s (the last site keeps running for the next measurements)"
if [ -n "$ORPHAN_MS" ]; then
	if [ "$ORPHAN_MS" -ge 0 ]; then
		echo "after kill -9 of the site's JVM alone, its 5 demo processes were gone within $ORPHAN_MS ms"
	else
		echo "WARNING: after kill -9 of the site's JVM alone, demo processes were still running 5 s later"
	fi
fi

# ---------------------------------------------------------------------------------------------
# 2. One instance, spawn to ready; memory

say "2. payments-1: stop, then time POST start (returns when ready) x $SPAWNS"
SPAWN_MS=()
for ((k = 1; k <= SPAWNS; k++)); do
	code=$(post /api/fleet/instances/payments-1/stop)
	[ "$code" = 200 ] || die "stop payments-1 answered $code: $(cat "$TMP/post.json")"
	t0=$(now_us)
	code=$(post /api/fleet/instances/payments-1/start)
	ms=$((($(now_us) - t0) / 1000))
	[ "$code" = 200 ] || die "start payments-1 answered $code: $(cat "$TMP/post.json")"
	fleet || die "GET /api/fleet failed"
	st=$(state_of payments-1)
	[ "$st" = ready ] || die "payments-1 is $st, not ready, after its start call returned"
	own=$(fq '[.events[].text | capture("^payments-1 .* is ready after (?<ms>[0-9]+) ms") | .ms][-1] // "-"')
	SPAWN_MS+=("$ms")
	printf '  %2d: %4d ms (the supervisor counts %s ms)\n' "$k" "$ms" "$own"
done
SPAWN_MEDIAN_MS=$(printf '%s\n' "${SPAWN_MS[@]}" | median)
SPAWN_MAX_MS=$(printf '%s\n' "${SPAWN_MS[@]}" | maxof)
echo "median: $SPAWN_MEDIAN_MS ms, max $SPAWN_MAX_MS ms"

declare -A MEM_TOTAL=() MEM_PS=() MEM_SITE=() MEM_MAX=() MEM_MAX_ID=()
measure_memory() { # label seconds page-conns: traffic, then the fleet's memory as the API and ps see it
	local label=$1 secs=$2 conns=$3 p1 p2 p3 kids_kb site_kb n
	start_wrk "mem-$label-pages" "$conns" "$secs" "$SITE/" get "${PAGES[@]}"; p1=$WRK_PID
	start_wrk "mem-$label-micro" 2 "$secs" "$SITE/api/store/microservices/feed" get; p2=$WRK_PID
	start_wrk "mem-$label-mono" 2 "$secs" "$SITE/api/store/monolith/feed" get; p3=$WRK_PID
	wait_wrk "mem-$label-pages" "$p1"; wait_wrk "mem-$label-micro" "$p2"; wait_wrk "mem-$label-mono" "$p3"
	sleep 1.5 # the fleet samples its processes' memory every second
	fleet || die "GET /api/fleet failed"
	MEM_TOTAL[$label]=$(fq '.totalRssBytes')
	MEM_SITE[$label]=$(fq '.siteRssBytes')
	MEM_MAX[$label]=$(fq '[.topologies[].services[].instances[] | select(.state == "ready") | .rssBytes] | max // 0')
	MEM_MAX_ID[$label]=$(fq '[.topologies[].services[].instances[] | select(.state == "ready")] | max_by(.rssBytes) | .id')
	site_kb=$(ps -o rss= -p "$SITE_PID" | tr -d ' ')
	kids_kb=$(ps -o rss= --ppid "$SITE_PID" | awk '{ s += $1 } END { print s + 0 }')
	n=$(ps -o pid= --ppid "$SITE_PID" | wc -l)
	MEM_PS[$label]=$(((site_kb + kids_kb) * 1024))
	echo "memory ($label), after ${secs}s of wrk on the pages (-c$conns) and both storefronts (-c2 each):"
	fq '.topologies[].services[].instances[] | select(.state == "ready") | "  \(.id)\t\(.rssBytes / 1048576 | floor) MiB"'
	echo "  site JVM: $(mib "${MEM_SITE[$label]}") MiB; whole fleet with the site: $(mib "${MEM_TOTAL[$label]}") MiB (API totalRssBytes), $(mib "${MEM_PS[$label]}") MiB (ps: site + $n children)"
}

memory_pair() { # prefix: the two readings of one JVM configuration, light then loaded
	measure_memory "$1-light" "$MEM_WARMUP" 2
	measure_memory "$1-loaded" "$MEM_LOAD_SECONDS" 8
}

say "2b. memory, site JVM options: ${SITE_OPTS:-the JVM defaults}"
memory_pair default

# ---------------------------------------------------------------------------------------------
# 3. An external kill seen in the live view

say "3. kill -9 of payments-1 from the shell until the live view (SSE) shows it crashed, x $KILLS"
cat >"$TMP/watch.js" <<'EOF'
// Reads the fleet's SSE stream; for each `fleet` event writes "<epoch µs> <state> <pid>" of one instance.
const http = require('http');
const fs = require('fs');
const [url, id, out] = process.argv.slice(2);
const fd = fs.openSync(out, 'a');
const now = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
http.get(url, { headers: { Accept: 'text/event-stream' } }, (res) => {
	if (res.statusCode !== 200) { console.error(`stream answered ${res.statusCode}`); process.exit(1); }
	res.setEncoding('utf8');
	let buf = '';
	res.on('data', (chunk) => {
		const t = now();
		buf += chunk.replace(/\r\n/g, '\n');
		let end;
		while ((end = buf.indexOf('\n\n')) >= 0) {
			const block = buf.slice(0, end);
			buf = buf.slice(end + 2);
			let name = 'message', data = '';
			for (const line of block.split('\n')) {
				if (line.startsWith('event:')) name = line.slice(6).trim();
				else if (line.startsWith('data:')) data += line.slice(5);
			}
			if (name !== 'fleet' || !data) continue;
			let inst;
			try {
				for (const tp of JSON.parse(data).topologies) for (const s of tp.services) for (const i of s.instances) if (i.id === id) inst = i;
			} catch (e) { continue; }
			fs.writeSync(fd, `${t} ${inst ? inst.state : 'none'} ${inst ? inst.pid : 0}\n`);
		}
	});
	res.on('end', () => process.exit(0));
}).on('error', (e) => { console.error(e.message); process.exit(1); });
EOF
SSE=$TMP/sse.txt
: >"$SSE"
node "$TMP/watch.js" "$SITE/api/fleet/stream?lang=en" payments-1 "$SSE" 2>"$TMP/watch.err" &
WATCH_PID=$!
for ((i = 0; i < 100; i++)); do [ -s "$SSE" ] && break; sleep 0.05; done
[ -s "$SSE" ] || { cat "$TMP/watch.err" >&2; die "no event from $SITE/api/fleet/stream"; }
KILL_MS=()
for ((k = 1; k <= KILLS; k++)); do
	fleet || die "GET /api/fleet failed"
	pid=$(fq '[.topologies[].services[].instances[] | select(.id == "payments-1") | .pid][0]')
	[ "$(state_of payments-1)" = ready ] && [ "$pid" -gt 0 ] || die "payments-1 is not ready before kill $k"
	sleep 0.3
	t0=$(now_us)
	kill -KILL "$pid"
	seen=
	for ((i = 0; i < 200; i++)); do
		seen=$(awk -v t0="$t0" '$1 >= t0 && $2 == "crashed" { print $1; exit }' "$SSE")
		[ -n "$seen" ] && break
		sleep 0.025
	done
	if [ -n "$seen" ]; then
		ms=$(awk -v a="$seen" -v b="$t0" 'BEGIN { printf "%.0f", (a - b) / 1000 }')
		KILL_MS+=("$ms")
		printf '  %d: pid %s killed, crashed in the live view after %d ms\n' "$k" "$pid" "$ms"
	else
		KILL_MS+=(99999)
		printf '  %d: pid %s killed, NOT shown as crashed within 5 s (last: %s)\n' "$k" "$pid" "$(tail -1 "$SSE")"
	fi
	code=$(post /api/fleet/instances/payments-1/start)
	[ "$code" = 200 ] || die "start payments-1 after kill $k answered $code: $(cat "$TMP/post.json")"
done
stop_pid "$WATCH_PID"
WATCH_PID=
KILL_MEDIAN_MS=$(printf '%s\n' "${KILL_MS[@]}" | median)
KILL_MAX_MS=$(printf '%s\n' "${KILL_MS[@]}" | maxof)
echo "median: $KILL_MEDIAN_MS ms, max $KILL_MAX_MS ms ($(wc -l <"$SSE") events received)"

# ---------------------------------------------------------------------------------------------
# 4. The degraded answer with the breaker open

say "4. tips with Payments down and its breaker open (wrk -t1 -c4 -d${TIP_SECONDS}s)"
code=$(post /api/fleet/instances/payments-1/kill)
[ "$code" = 200 ] || die "kill payments-1 answered $code"
breaker=
for ((k = 1; k <= 30; k++)); do
	code=$(post /api/store/microservices/tips -d fromUserId=2 -d toUserId=1 -d amountCents=100 -d "idempotencyKey=open-breaker-$k")
	fleet || die "GET /api/fleet failed"
	breaker=$(fq '.topologies[].services[] | select(.topology == "microservices" and .name == "payments") | .breaker')
	if [ "$k" -ge 10 ] && [ "$breaker" = open ]; then break; fi
done
echo "after $k tips (last answered $code: $(jq -c '{ok, message}' "$TMP/post.json" 2>/dev/null)), the breaker is $breaker"
start_wrk tips 4 "$TIP_SECONDS" "$SITE/api/store/microservices/tips" tips
wait_wrk tips "$WRK_PID"
TIP_N=$(answers tips)
TIP_P50=$(us_ms "$(wf tips p50_us)") TIP_P99=$(us_ms "$(wf tips p99_us)") TIP_MAX=$(us_ms "$(wf tips max_us)")
TIP_CODES=$(wf tips codes)
TIP_SOCK=$(sock_errors tips)
echo "$TIP_N answers ($TIP_CODES; socket errors $TIP_SOCK): p50 $TIP_P50 ms, p99 $TIP_P99 ms, max $TIP_MAX ms"
code=$(post /api/fleet/instances/payments-1/start)
[ "$code" = 200 ] || die "start payments-1 answered $code"

# ---------------------------------------------------------------------------------------------
# 5. Deploys under load

deploy_under_load() { # name topology service feed-path: wrk on the feed, deploy v2 after DEPLOY_AFTER s
	local name=$1 topology=$2 service=$3 path=$4 mark code pid t_end texts i
	fleet || die "GET /api/fleet failed"
	mark=$(last_event_id)
	start_wrk "$name" 4 "$DEPLOY_SECONDS" "$SITE$path" get
	pid=$WRK_PID
	sleep "$DEPLOY_AFTER"
	code=$(post "/api/fleet/services/$topology/$service/deploy" -d version=v2)
	[ "$code" = 202 ] || die "deploy of $topology $service answered $code: $(cat "$TMP/post.json")"
	DEPLOY_OUTCOME=running
	t_end=$(($(now_us) + (DEPLOY_SECONDS + 60) * 1000000))
	while [ "$(now_us)" -lt "$t_end" ]; do
		sleep 0.2
		fleet || continue
		texts=$(events_after "$mark")
		if grep -qE '(now runs|restarted whole with) v2|failed|did not complete' <<<"$texts"; then
			if grep -qE '^Deploying v2 of .* failed|did not complete' <<<"$texts"; then DEPLOY_OUTCOME=failed; else DEPLOY_OUTCOME=done; fi
			break
		fi
	done
	wait_wrk "$name" "$pid"
	fleet || die "GET /api/fleet failed"
	DEPLOY_EVENTS=$(events_after "$mark")
	sed 's/^/  event: /' <<<"$DEPLOY_EVENTS"
	DEPLOY_N=$(answers "$name")
	DEPLOY_SOCK=$(sock_errors "$name")
	DEPLOY_BAD=$((DEPLOY_N - $(code_count "$name" '^200$') + DEPLOY_SOCK))
	DEPLOY_SPAN_MS=0
	if [ "$(wf "$name" first_bad_ms)" -gt 0 ]; then
		DEPLOY_SPAN_MS=$(($(wf "$name" last_bad_ms) - $(wf "$name" first_bad_ms)))
	fi
	echo "  $DEPLOY_N answers ($(wf "$name" codes); socket errors $DEPLOY_SOCK) in $(wf "$name" seconds) s: $DEPLOY_BAD failed; first to last failure $(secs "$DEPLOY_SPAN_MS") s; p99 $(us_ms "$(wf "$name" p99_us)") ms; deploy $DEPLOY_OUTCOME"
}

say "5a. rolling deploy of microservices posts v2 under load on /api/store/microservices/feed (wrk -t1 -c4 -d${DEPLOY_SECONDS}s, deploy after ${DEPLOY_AFTER}s)"
deploy_under_load deploy-micro microservices posts /api/store/microservices/feed
ROLL_OUTCOME=$DEPLOY_OUTCOME ROLL_N=$DEPLOY_N ROLL_BAD=$DEPLOY_BAD ROLL_SPAN_MS=$DEPLOY_SPAN_MS
ROLL_REASON=
if [ "$ROLL_OUTCOME" != done ]; then
	ROLL_REASON=$(grep -E 'could not start|did not complete|failed' <<<"$DEPLOY_EVENTS" | head -1 || true)
	bad_id=$(grep -oE '^posts-[0-9]+ could not start' <<<"$DEPLOY_EVENTS" | head -1 | cut -d' ' -f1 || true)
	if [ -n "$bad_id" ] && [ -f "$DATA_DIR/logs/microservices-$bad_id.log" ]; then
		why=$(grep -v '^[[:space:]]*$' "$DATA_DIR/logs/microservices-$bad_id.log" | tail -1 | cut -c1-220)
		echo "  $bad_id's log: $why"
		case "$why" in *"already in use"*) ROLL_REASON="$ROLL_REASON; its log: database already in use (one H2 file per service; a second instance needs the shared database)" ;; esac
	fi
	[ "$ROLL_OUTCOME" = running ] && ROLL_REASON="the deploy had not finished $((DEPLOY_SECONDS + 60)) s after it started"
	echo "  rolling deploy NOT MEASURED: $ROLL_REASON"
fi

say "5b. monolith v2 (a full restart) under load on /api/store/monolith/feed (wrk -t1 -c4 -d${DEPLOY_SECONDS}s, deploy after ${DEPLOY_AFTER}s)"
deploy_under_load deploy-mono monolith monolith /api/store/monolith/feed
MONO_OUTCOME=$DEPLOY_OUTCOME MONO_N=$DEPLOY_N MONO_BAD=$DEPLOY_BAD MONO_SPAN_MS=$DEPLOY_SPAN_MS
MONO_EVENT_MS=$(grep -oE 'restarted whole with v2: down for [0-9]+ ms' <<<"$DEPLOY_EVENTS" | grep -oE '[0-9]+ ms' | cut -d' ' -f1 | head -1 || true)
MONO_DOWN_S=$(($(wf deploy-mono seconds_seen) - $(wf deploy-mono seconds_up)))
echo "  downtime: first to last failure $(secs "$MONO_SPAN_MS") s; $MONO_DOWN_S of $(wf deploy-mono seconds_seen) one-second intervals mostly failed; the event log says ${MONO_EVENT_MS:-?} ms"

# ---------------------------------------------------------------------------------------------
# 6. Chaos

say "6. chaos for ${CHAOS_SECONDS}s on the microservices (seed $CHAOS_SEED), auto-restart on; wrk on the pages and the storefront"
RANDOM=$CHAOS_SEED
code=$(post /api/fleet/settings -d autoRestart=true)
[ "$code" = 200 ] || die "settings answered $code"
start_wrk chaos-pages 2 "$CHAOS_SECONDS" "$SITE/" get "${PAGES[@]}"; CP1=$WRK_PID
start_wrk chaos-feed 2 "$CHAOS_SECONDS" "$SITE/api/store/microservices/feed" get; CP2=$WRK_PID
chaos_t0=$(now_us)
chaos_end=$((chaos_t0 + CHAOS_SECONDS * 1000000))
ACTIONS=0
declare -A ACTION_CODES=()
while :; do
	pause_ms=$((2000 + RANDOM % 2001))
	[ $(($(now_us) + pause_ms * 1000)) -lt "$chaos_end" ] || break
	sleep "$(awk -v m="$pause_ms" 'BEGIN { print m / 1000 }')"
	fleet || { echo "  GET /api/fleet failed during chaos"; continue; }
	mapfile -t ready < <(fq '.topologies[] | select(.id == "microservices") | .services[].instances[] | select(.state == "ready") | .id')
	mapfile -t down < <(fq '.topologies[] | select(.id == "microservices") | .services[].instances[] | select(.state == "stopped" or .state == "killed" or .state == "crashed" or .state == "failed") | .id')
	action=$((RANDOM % 6))
	if [ "$action" = 5 ] || [ ${#ready[@]} = 0 ]; then
		what="start ${down[*]:-(none stopped)}"
		code=-
		for id in "${down[@]}"; do code=$(post "/api/fleet/instances/$id/start"); done
	else
		id=${ready[RANDOM % ${#ready[@]}]}
		case "$action" in
			0) what="kill $id"; code=$(post "/api/fleet/instances/$id/kill") ;;
			1) what="crash $id"; code=$(post "/api/fleet/instances/$id/crash") ;;
			2) lat=$((500 + RANDOM % 1501)); what="latency $id ${lat} ms on 50%"
			   code=$(post "/api/fleet/instances/$id/chaos" -d "latencyMs=$lat" -d latencyShare=0.5 -d errorShare=0) ;;
			3) what="errors $id 50%"; code=$(post "/api/fleet/instances/$id/chaos" -d latencyMs=0 -d latencyShare=0 -d errorShare=0.5) ;;
			4) what="heal $id"; code=$(post "/api/fleet/instances/$id/chaos" -d latencyMs=0 -d latencyShare=0 -d errorShare=0) ;;
		esac
	fi
	ACTIONS=$((ACTIONS + 1))
	ACTION_CODES[$code]=$((${ACTION_CODES[$code]:-0} + 1))
	printf '  t+%5.1fs  %-40s -> %s\n' "$(awk -v d="$(($(now_us) - chaos_t0))" 'BEGIN { print d / 1e6 }')" "$what" "$code"
done
wait_wrk chaos-pages "$CP1"
wait_wrk chaos-feed "$CP2"
PAGES_N=$(answers chaos-pages)
PAGES_5XX=$(code_count chaos-pages '^5')
PAGES_SOCK=$(sock_errors chaos-pages)
FEED_N=$(answers chaos-feed)
FEED_OK=$(code_count chaos-feed '^200$')
FEED_SOCK=$(sock_errors chaos-feed)
FEED_RATE=$(awk -v ok="$FEED_OK" -v n="$((FEED_N + FEED_SOCK))" 'BEGIN { printf "%.1f", (n > 0) ? 100 * ok / n : 0 }')
codes_summary=$(for c in "${!ACTION_CODES[@]}"; do printf '%s x%s ' "$c" "${ACTION_CODES[$c]}"; done)
echo "$ACTIONS actions (answers: ${codes_summary% })"
echo "pages:      $PAGES_N answers ($(wf chaos-pages codes); socket errors $PAGES_SOCK), p99 $(us_ms "$(wf chaos-pages p99_us)") ms: $PAGES_5XX 5xx"
FEED_UP=$(wf chaos-feed seconds_up) FEED_SECS=$(wf chaos-feed seconds_seen)
echo "storefront: $FEED_N answers ($(wf chaos-feed codes); socket errors $FEED_SOCK), p99 $(us_ms "$(wf chaos-feed p99_us)") ms: $FEED_RATE % 200; $FEED_UP of $FEED_SECS seconds mostly 200"

# Restore: auto-restart back off, chaos cleared, every instance running again.
restore_t0=$(now_us)
post /api/fleet/settings -d autoRestart=false >/dev/null
fleet || die "GET /api/fleet failed"
for id in $(fq '.topologies[].services[].instances[] | select(.state == "ready" and ((.chaos.latencyMs > 0 and .chaos.latencyShare > 0) or .chaos.errorShare > 0)) | .id'); do
	post "/api/fleet/instances/$id/chaos" -d latencyMs=0 -d latencyShare=0 -d errorShare=0 >/dev/null
done
RESTORED=no
for ((i = 0; i < 150; i++)); do
	fleet || { sleep 0.1; continue; }
	for id in $(fq '.topologies[].services[].instances[] | select(.state == "stopped" or .state == "killed" or .state == "crashed" or .state == "failed") | .id'); do
		post "/api/fleet/instances/$id/start" >/dev/null
	done
	fleet || continue
	if [ "$(fq '[.topologies[].services[].instances[] | select(.state != "ready")] | length')" = 0 ] \
		&& [ "$(fq '[.topologies[].services[] | select(.running < 1)] | length')" = 0 ]; then
		RESTORED=yes
		break
	fi
	sleep 0.1
done
RESTORE_MS=$((($(now_us) - restore_t0) / 1000))
echo "restored: $RESTORED ($(fq '[.topologies[].services[].instances[] | "\(.id) \(.state)"] | join(", ")') after $RESTORE_MS ms)"

say "6b. memory at the end of the run (site JVM options: ${SITE_OPTS:-the JVM defaults})"
measure_memory default-end "$MEM_WARMUP" 2
end_site TERM

# ---------------------------------------------------------------------------------------------
# 2c. The same memory figure with other JVM options for the site

ALT_DONE=0
if [ -n "$SITE_ALT_OPTS" ]; then
	say "2c. memory with the site on $SITE_ALT_OPTS (a fresh start)"
	t0=$(now_us)
	launch_site alt $SITE_OPTS $SITE_ALT_OPTS
	ms=$(wait_fleet_ready "$t0" "$START_TIMEOUT" $DEFAULT_INSTANCES)
	echo "fleet ready after $(secs "$ms") s (not counted in the start median)"
	# The same history as the first figure: the 10 stop/start cycles of payments-1, then traffic.
	for ((k = 1; k <= SPAWNS; k++)); do
		post /api/fleet/instances/payments-1/stop >/dev/null
		code=$(post /api/fleet/instances/payments-1/start)
		[ "$code" = 200 ] || die "start payments-1 answered $code"
	done
	memory_pair alt
	ALT_DONE=1
	end_site TERM
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED_S=$((($(now_us) - SCRIPT_T0) / 1000000))
if [ ${#LEAKED[@]} -gt 0 ]; then
	echo "WARNING: demo processes outlived their site and were killed by this script: ${LEAKED[*]}"
fi

# ---------------------------------------------------------------------------------------------
# Summary

ok_start=$(le "$START_MEDIAN_MS" "$TARGET_FLEET_START_MS")
ok_spawn=$(le "$SPAWN_MEDIAN_MS" "$TARGET_SPAWN_MS")
join_slash() { local IFS=/; echo "$*" | sed 's#/# / #g'; }
mem_cell() { # labels...: "a / b MiB (ps: a / b; site JVM: a / b)", then MISSED when the largest is over
	local l api=() ps=() site=() worst=0
	for l in "$@"; do
		api+=("$(mib "${MEM_TOTAL[$l]}")")
		ps+=("$(mib "${MEM_PS[$l]}")")
		site+=("$(mib "${MEM_SITE[$l]}")")
		worst=$(printf '%s\n' "$worst" "${api[-1]}" "${ps[-1]}" | maxof)
	done
	echo "$(join_slash "${api[@]}") MiB (ps: $(join_slash "${ps[@]}"); site JVM: $(join_slash "${site[@]}"))$(verdict "$(le "$worst" "$TARGET_TOTAL_MIB")")"
}
INST_MAX=0 INST_MAX_AT=
for l in "${!MEM_MAX[@]}"; do
	if [ "${MEM_MAX[$l]}" -gt "$INST_MAX" ]; then INST_MAX=${MEM_MAX[$l]}; INST_MAX_AT="${MEM_MAX_ID[$l]}, $l"; fi
done
ok_inst=$(le "$(mib "$INST_MAX")" "$TARGET_INSTANCE_MIB")
ok_kill=$(le "$KILL_MEDIAN_MS" "$TARGET_KILL_SEEN_MS")
[ "$(le "$KILL_MAX_MS" "$TARGET_KILL_SEEN_MS")" = 1 ] || ok_kill=0
ok_tip=$(le "$TIP_P99" "$TARGET_TIP_P99_MS")
[ "$TIP_N" -ge 1000 ] || ok_tip=0
ok_pages=$([ "$PAGES_5XX" = 0 ] && [ "$PAGES_SOCK" = 0 ] && echo 1 || echo 0)
ok_leak=$([ ${#LEAKED[@]} = 0 ] && echo 1 || echo 0)

if [ "$ROLL_OUTCOME" = done ]; then
	ok_roll=$([ "$ROLL_BAD" = 0 ] && [ "$ROLL_N" -ge "$TARGET_DEPLOY_MIN_REQUESTS" ] && echo 1 || echo 0)
	ROLL_CELL="$ROLL_BAD failed of $ROLL_N$(verdict "$ok_roll")"
else
	ROLL_CELL="NOT MEASURED: deploy $ROLL_OUTCOME ($ROLL_REASON); the load saw $ROLL_BAD failed of $ROLL_N"
fi
if [ "$MONO_OUTCOME" = done ]; then
	MONO_CELL="$MONO_BAD failed of $MONO_N; down $(secs "$MONO_SPAN_MS") s, first to last failure ($MONO_DOWN_S s mostly failed); event log: down for ${MONO_EVENT_MS:-?} ms"
else
	MONO_CELL="NOT MEASURED: deploy $MONO_OUTCOME; the load saw $MONO_BAD failed of $MONO_N"
fi
if [ "$ALT_DONE" = 1 ]; then
	ALT_ROW="| whole fleet with the site, site on \`$SITE_ALT_OPTS\`: light / loaded | ≤ $TARGET_TOTAL_MIB MiB | $(mem_cell alt-light alt-loaded) |"
else
	ALT_ROW="| whole fleet with the site, other JVM options | ≤ $TARGET_TOTAL_MIB MiB | skipped (SITE_ALT_OPTS empty) |"
fi
if [ -z "$ORPHAN_MS" ]; then
	ORPHAN_CELL="not tried (STARTS < 3)"
elif [ "$ORPHAN_MS" -ge 0 ]; then
	ORPHAN_CELL="$ORPHAN_MS ms"
else
	ORPHAN_CELL="still running after 5 s MISSED"
fi

say "Summary"
cat <<EOF

Run $RUN_DATE on $(nproc) cores ($CPU_MODEL), $MEM_GIB GiB; $JAVA_VERSION; wrk $WRK_VERSION; node $NODE_VERSION; revision $REVISION.
Site JVM options: ${SITE_OPTS:-none (the JVM defaults)}. Load average $LOAD_BEFORE before, $LOAD_AFTER after; the run took $ELAPSED_S s. 1 MiB = 1,048,576 bytes (the live view's "MB").

| figure | target | measured |
|---|---|---|
| whole fleet start: java -jar to 5 instances ready (median of $STARTS) | ≤ $((TARGET_FLEET_START_MS / 1000)) s | $(secs "$START_MEDIAN_MS") s ($(printf '%s ' "${START_MS[@]}" | awk '{ for (i = 1; i <= NF; i++) printf "%s%.2f", (i > 1 ? ", " : ""), $i / 1000 }'))$(verdict "$ok_start") |
| one instance, POST start to ready (payments-1, median of $SPAWNS) | ≤ $TARGET_SPAWN_MS ms | $SPAWN_MEDIAN_MS ms (max $SPAWN_MAX_MS ms)$(verdict "$ok_spawn") |
| largest instance RSS (every reading) | ≤ $TARGET_INSTANCE_MIB MiB | $(mib "$INST_MAX") MiB ($INST_MAX_AT)$(verdict "$ok_inst") |
| whole fleet with the site (API totalRssBytes), site on ${SITE_OPTS:-default JVM options}: light / loaded / end of run | ≤ $TARGET_TOTAL_MIB MiB | $(mem_cell default-light default-loaded default-end) |
$ALT_ROW
| external kill -9 to "crashed" in the live view (median / max of $KILLS) | ≤ $TARGET_KILL_SEEN_MS ms | $KILL_MEDIAN_MS / $KILL_MAX_MS ms$(verdict "$ok_kill") |
| tip with Payments down, breaker open: p50 / p99 ($TIP_N answers, wrk -c4) | p99 ≤ $TARGET_TIP_P99_MS ms | $TIP_P50 / $TIP_P99 ms (max $TIP_MAX ms; $TIP_CODES)$(verdict "$ok_tip") |
| rolling deploy of microservices posts v2 under load: failed requests | 0 of ≥ $TARGET_DEPLOY_MIN_REQUESTS | $ROLL_CELL |
| monolith v2 (full restart) under the same load | – | $MONO_CELL |
| chaos ${CHAOS_SECONDS} s, $ACTIONS actions: 5xx on the site's pages | 0 | $PAGES_5XX of $PAGES_N (socket errors $PAGES_SOCK)$(verdict "$ok_pages") |
| chaos: storefront feed (microservices) answered 200: by request / by second | – | $FEED_RATE % ($FEED_OK of $((FEED_N + FEED_SOCK))) / $FEED_UP of $FEED_SECS s |
| fleet back to all ready after the chaos run | – | $RESTORED, $RESTORE_MS ms |
| demo processes left once the site ended | 0 | ${#LEAKED[@]}$(verdict "$ok_leak") |
| site JVM kill -9'd alone: its demo processes gone after | – | $ORPHAN_CELL |
EOF
