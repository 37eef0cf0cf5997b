#!/usr/bin/env bash
# Microservices Lab: the site's benchmark. Measures, against the packaged jar:
#   1. start-up: launch of `java -jar` to the first 200 of a Persian lesson (5 fresh JVMs, median);
#   2. throughput of that lesson page beside nginx serving the very same bytes (wrk, same run);
#   3. first-load bytes of the Persian lesson as a browser fetches it (gzip as transferred);
#   4. the site's resident memory after the wrk runs.
# It prints a Markdown table at the end. A missed target is printed as MISSED and does not fail
# the script; only a real failure (build fails, site or nginx does not start, a port is taken)
# exits non-zero. Talks to 127.0.0.1 only. See bench/README.md.
#
# Usage: bench/site.sh [--build] [--help]
# Environment (all optional):
#   LAB_JAR        jar to run (default target/microservices-lab.jar); with --build, or when it is
#                  missing, it is built into its own folder (-Dlab.buildDir=<its folder>)
#   SITE_PORT      port for the site (default 18480)      NGINX_PORT  port for nginx (default 18481)
#   STARTS         fresh JVM starts to time (default 5)   START_TIMEOUT  seconds per start (default 90)
#   WRK_THREADS / WRK_CONNS / WRK_WARMUP / WRK_DURATION / WRK_ROUNDS  (default 2 / 32 / 5 / 15 / 2)
#   JAVA_OPTS      the site JVM's flags (default: serial GC, 256 MB heap, as `./mvnw spring-boot:run`)
#   BENCH_KEEP=1   keep the temporary folder (logs, nginx.conf, fetched files) and print its path

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH_NAME=site.sh
. "$ROOT/bench/lib.sh"

bench_args "$@"

LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
# The site's JVM flags, as the README's run command and the image use them.
JAVA_OPTS=${JAVA_OPTS:-$SITE_JVM_FLAGS}
SITE_PORT=${SITE_PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
STARTS=${STARTS:-5}
START_TIMEOUT=${START_TIMEOUT:-90}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-32}
WRK_WARMUP=${WRK_WARMUP:-5}
WRK_DURATION=${WRK_DURATION:-15}
WRK_ROUNDS=${WRK_ROUNDS:-2}
BROWSER_AE='gzip, deflate, br'

# Targets
TARGET_START_MS=4000
TARGET_RATIO=0.25
TARGET_FIRST_LOAD_KB=200

SITE=http://127.0.0.1:$SITE_PORT
NGINX=http://127.0.0.1:$NGINX_PORT

# ---------------------------------------------------------------------------------------------
# Clean-up (bench/lib.sh's cleanup, on exit): every process this script started, the temporary
# folder, the apt guard.

SITE_PID=
NGINX_PID=
bench_stop() {
	stop_group "$SITE_PID"
	stop_group "$NGINX_PID"
}
bench_begin site

# ---------------------------------------------------------------------------------------------
# Tools

NGINX_BIN=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
need=()
command -v curl >/dev/null || need+=(curl)
command -v wrk >/dev/null || need+=(wrk)
[ -n "$NGINX_BIN" ] || need+=(nginx-light)
command -v ps >/dev/null || need+=(procps)
command -v setsid >/dev/null || need+=(util-linux)
command -v gzip >/dev/null || need+=(gzip)
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
if [ ${#need[@]} -gt 0 ]; then
	# Installing nginx must not start the system's nginx on port 80.
	bench_apt_install --no-services "${need[@]}"
	NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
	bench_require curl wrk "$NGINX_BIN" ps setsid gzip java
fi

# ---------------------------------------------------------------------------------------------
# The jar

bench_jar

# The first Persian lesson: the lowest `order:` (then name) among the jar's content/fa/*.md, so
# the page exists in the jar measured; the work tree's content/fa/*.md when the jar can't be read.
LESSON_DIR=$TMP/jar/BOOT-INF/classes/content/fa
mkdir -p "$TMP/jar"
if command -v unzip >/dev/null; then
	unzip -qq -o "$LAB_JAR" 'BOOT-INF/classes/content/fa/*.md' -d "$TMP/jar" 2>/dev/null || true
elif command -v jar >/dev/null; then
	(cd "$TMP/jar" && jar xf "$LAB_JAR" BOOT-INF/classes/content/fa/) 2>/dev/null || true
fi
compgen -G "$LESSON_DIR/*.md" >/dev/null || LESSON_DIR=$ROOT/content/fa
first=$(for f in "$LESSON_DIR"/*.md; do
	[ -f "$f" ] || continue
	o=$(awk 'NR == 1 && $0 != "---" { exit } NR > 1 && $0 == "---" { exit } /^order:/ { print $2; exit }' "$f")
	printf '%09d %s\n' "${o:-999999}" "$(basename "$f" .md)"
done | sort | head -1)
SLUG=${first#* }
[ -n "$SLUG" ] || die "no lesson in $LESSON_DIR/*.md"
LESSON_PATH=/fa/lessons/$SLUG

port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"
port_free "$NGINX_PORT" || die "something already listens on 127.0.0.1:$NGINX_PORT (set NGINX_PORT)"

# ---------------------------------------------------------------------------------------------
# Machine

NGINX_VERSION=$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //' || true)
bench_machine
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

say "Microservices Lab site benchmark, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB memory; $(uname -sr)"
echo "tools:   $JAVA_VERSION; nginx $NGINX_VERSION; wrk $WRK_VERSION"
echo "site:    $LAB_JAR ($(du -h "$LAB_JAR" | cut -f1)), revision $REVISION"
echo "page:    $LESSON_PATH"
echo "load:    $LOAD_BEFORE (1-minute load average before the run)"
if awk -v l="$LOAD_BEFORE" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
	echo "WARNING: the machine is busy already (load $LOAD_BEFORE on $(nproc) cores): the figures will be low and noisy"
fi

# ---------------------------------------------------------------------------------------------
# 1. Start-up

start_site() { # log file; sets SITE_PID
	# shellcheck disable=SC2086
	setsid java $JAVA_OPTS -jar "$LAB_JAR" "--server.port=$SITE_PORT" "--lab.fleet.data-dir=$TMP/fleet-data" >"$1" 2>&1 </dev/null &
	SITE_PID=$!
}

say "1. start-up: launch to the first 200 of $LESSON_PATH ($STARTS fresh JVMs)"
START_MS=()
printf '%-5s %12s %28s\n' run 'first 200' "JVM's own 'running for'"
for ((run = 1; run <= STARTS; run++)); do
	log=$TMP/site-$run.log
	t0=$(now_us)
	start_site "$log"
	deadline=$((t0 + START_TIMEOUT * 1000000))
	answering=
	while :; do
		code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$SITE$LESSON_PATH" || true)
		[ "$code" = 200 ] && break
		if ! kill -0 "$SITE_PID" 2>/dev/null; then
			tail -30 "$log" >&2
			SITE_PID=
			die "the site exited before serving $LESSON_PATH (run $run, log above)"
		fi
		# Answering, but not 200, for 15 s: the page is missing or broken, not slow.
		case "$code" in
			000) ;;
			*)
				answering=${answering:-$(now_us)}
				if [ $(($(now_us) - answering)) -gt 15000000 ]; then
					tail -30 "$log" >&2
					die "$SITE$LESSON_PATH answers $code, not 200 (run $run, log above)"
				fi
				;;
		esac
		if [ "$(now_us)" -gt "$deadline" ]; then
			tail -30 "$log" >&2
			die "no 200 from $SITE$LESSON_PATH within ${START_TIMEOUT}s (run $run, last status $code)"
		fi
		sleep 0.02
	done
	ms=$((($(now_us) - t0) / 1000))
	START_MS+=("$ms")
	own=$(grep -o 'process running for [0-9.]*' "$log" | head -1 | awk '{ print $4 " s" }')
	printf '%-5s %10.2f s %28s\n' "$run" "$(awk -v m="$ms" 'BEGIN { print m / 1000 }')" "${own:--}"
	if [ "$run" -lt "$STARTS" ]; then
		stop_group "$SITE_PID"
		SITE_PID=
		for ((i = 0; i < 100; i++)); do port_free "$SITE_PORT" && break; sleep 0.1; done
	fi
done
START_MEDIAN_MS=$(printf '%s\n' "${START_MS[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }')
START_MEDIAN_S=$(awk -v m="$START_MEDIAN_MS" 'BEGIN { printf "%.2f", m / 1000 }')
echo "median: $START_MEDIAN_S s (the last JVM keeps running for the next measurements)"

# ---------------------------------------------------------------------------------------------
# 2. First-load bytes (before the load test; it does not depend on a warm JVM)

say "2. first load of $LESSON_PATH, as a browser: Accept-Encoding: $BROWSER_AE"

declare -A SEEN=()
LOAD_ROWS=()
LOAD_TOTAL=0
LOAD_PROBLEMS=0
FETCH_N=0

resolve() { # base-url ref -> absolute url on stdout; returns 1 for another origin or a data: url
	local base=$1 ref=$2 path query='' dir out seg
	ref=${ref%%#*}
	ref=${ref//&amp;/&}
	[ -n "$ref" ] || return 1
	case "$ref" in
		data:* | blob:* | javascript:*) return 1 ;;
		"$SITE"/* ) echo "$ref"; return 0 ;;
		//* | [a-zA-Z]*:*) return 1 ;;
	esac
	if [[ $ref == *\?* ]]; then query="?${ref#*\?}"; ref=${ref%%\?*}; fi
	if [[ $ref == /* ]]; then
		path=$ref
	else
		dir=${base#"$SITE"}
		dir=${dir%%\?*}
		dir=${dir%/*}/
		path=$dir$ref
	fi
	local -a parts=() stack=()
	IFS=/ read -r -a parts <<<"${path#/}"
	for seg in "${parts[@]}"; do
		case "$seg" in
			'' | .) ;;
			..) [ ${#stack[@]} -gt 0 ] && unset 'stack[${#stack[@]}-1]' ;;
			*) stack+=("$seg") ;;
		esac
	done
	out=$(IFS=/; echo "/${stack[*]}")
	[[ $path == */ && $out != / ]] && out=$out/
	echo "$SITE$out$query"
}

fetch() { # kind url -> counts it once; body (decoded) in $TMP/load/N.body; sets FETCHED to that file
	local kind=$1 url=$2 n raw hdr meta code size enc
	FETCHED=
	[ -z "${SEEN[$url]:-}" ] || return 1
	SEEN[$url]=1
	FETCH_N=$((FETCH_N + 1))
	n=$FETCH_N
	mkdir -p "$TMP/load"
	raw=$TMP/load/$n.raw
	hdr=$TMP/load/$n.headers
	meta=$(curl -s --max-time 20 -H "Accept-Encoding: $BROWSER_AE" -D "$hdr" -o "$raw" \
		-w '%{http_code} %{size_download}' "$url" || true)
	[[ $meta == [0-9][0-9][0-9]\ [0-9]* ]] || meta='000 0'
	code=${meta% *}
	size=${meta#* }
	enc=$(awk -F': *' 'tolower($1) == "content-encoding" { gsub(/\r/, "", $2); print tolower($2) }' "$hdr" 2>/dev/null | tail -1)
	LOAD_ROWS+=("$kind|${url#"$SITE"}|$code|${enc:-none}|$size")
	LOAD_TOTAL=$((LOAD_TOTAL + size))
	[ "$code" = 200 ] || LOAD_PROBLEMS=$((LOAD_PROBLEMS + 1))
	# The text to parse: decoded here when gzip or plain, otherwise fetched again (not counted).
	FETCHED=$TMP/load/$n.body
	case "${enc:-identity}" in
		identity) cp "$raw" "$FETCHED" ;;
		gzip | x-gzip) gzip -dc <"$raw" >"$FETCHED" 2>/dev/null || : >"$FETCHED" ;;
		*) curl -s --compressed --max-time 20 -o "$FETCHED" "$url" || : >"$FETCHED" ;;
	esac
	return 0
}

attr() { # tag name -> value of attribute name
	grep -oiE "[[:space:]]$2[[:space:]]*=[[:space:]]*(\"[^\"]*\"|'[^']*'|[^[:space:]>]+)" <<<"$1" | head -1 \
		| sed -E "s/^[^=]*=[[:space:]]*//; s/^[\"']//; s/[\"']$//"
}

parse_css() { # css-url file: @import and url(...) references, fonts and images
	local base=$1 file=$2 ref url
	grep -oE "url\([[:space:]]*(\"[^\"]*\"|'[^']*'|[^)\"']*)[[:space:]]*\)|@import[[:space:]]+(\"[^\"]*\"|'[^']*')" "$file" \
		| sed -E "s/^url\([[:space:]]*//; s/[[:space:]]*\)$//; s/^@import[[:space:]]+//; s/^[\"']//; s/[\"']$//" \
		>"$file.refs" || true
	while IFS= read -r ref; do
		url=$(resolve "$base" "$ref") || continue
		case "${url%%\?*}" in
			*.css) fetch css "$url" && parse_css "$url" "$FETCHED" ;;
			*.woff2 | *.woff | *.ttf | *.otf | *.eot) fetch font "$url" || true ;;
			*) fetch css-url "$url" || true ;;
		esac
	done <"$file.refs"
}

parse_module() { # js-url file: static imports of an ES module
	local base=$1 file=$2 ref url
	grep -oE "(^|[^.[:alnum:]_\$])(import|from)[[:space:]]*(\"[^\"]*\"|'[^']*')" "$file" \
		| sed -E "s/.*(import|from)[[:space:]]*//; s/^[\"']//; s/[\"']$//" >"$file.refs" || true
	while IFS= read -r ref; do
		case "$ref" in /* | ./* | ../*) ;; *) continue ;; esac
		url=$(resolve "$base" "$ref") || continue
		fetch module "$url" && parse_module "$url" "$FETCHED"
	done <"$file.refs"
}

PAGE_URL=$SITE$LESSON_PATH
fetch html "$PAGE_URL" || die "could not fetch $PAGE_URL"
HTML=$FETCHED
tr '\n\r' '  ' <"$HTML" | grep -oiE '<(link|script|img)[[:space:]][^>]*>' >"$TMP/load/tags" || true
while IFS= read -r tag; do
	name=$(sed -E 's/^<([a-zA-Z]+).*/\1/' <<<"$tag" | tr 'A-Z' 'a-z')
	case "$name" in
		link)
			rel=" $(attr "$tag" rel | tr 'A-Z' 'a-z') "
			href=$(attr "$tag" href)
			[ -n "$href" ] || continue
			url=$(resolve "$PAGE_URL" "$href") || continue
			case "$rel" in
				*" stylesheet "*) fetch css "$url" && parse_css "$url" "$FETCHED" ;;
				*" modulepreload "*) fetch module "$url" && parse_module "$url" "$FETCHED" ;;
				*" preload "*)
					as=$(attr "$tag" as | tr 'A-Z' 'a-z')
					fetch "preload:${as:-?}" "$url" || true ;;
				*" icon "*) fetch icon "$url" || true ;;
			esac
			;;
		script)
			src=$(attr "$tag" src)
			[ -n "$src" ] || continue
			url=$(resolve "$PAGE_URL" "$src") || continue
			if [ "$(attr "$tag" type | tr 'A-Z' 'a-z')" = module ]; then
				fetch module "$url" && parse_module "$url" "$FETCHED"
			else
				fetch script "$url" || true
			fi
			;;
		img)
			src=$(attr "$tag" src)
			[ -n "$src" ] || continue
			url=$(resolve "$PAGE_URL" "$src") || continue
			fetch img "$url" || true
			;;
	esac
done <"$TMP/load/tags"

printf '%-13s %-6s %-9s %10s  %s\n' kind status encoding bytes path
for row in "${LOAD_ROWS[@]}"; do
	IFS='|' read -r kind path code enc size <<<"$row"
	printf '%-13s %-6s %-9s %10s  %s\n' "$kind" "$code" "$enc" "$size" "$path"
done
LOAD_KB=$(awk -v b="$LOAD_TOTAL" 'BEGIN { printf "%.1f", b / 1000 }')
echo "total: ${#LOAD_ROWS[@]} files, $LOAD_TOTAL bytes = $LOAD_KB KB (1 KB = 1000 bytes, bodies as transferred, headers excluded)"
[ "$LOAD_PROBLEMS" = 0 ] || echo "WARNING: $LOAD_PROBLEMS of them did not answer 200"

# ---------------------------------------------------------------------------------------------
# 3. Throughput beside nginx

say "3. throughput of $LESSON_PATH: site beside nginx serving the same bytes"

PAGE_BYTES=$TMP/www$LESSON_PATH
mkdir -p "$(dirname "$PAGE_BYTES")" "$TMP/nginx/logs"
curl -s --fail --max-time 20 -o "$PAGE_BYTES" "$PAGE_URL" || die "could not fetch $PAGE_URL for nginx"
chmod -R a+rX "$TMP"   # nginx's workers run as nobody when started by root
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    charset utf-8;
    client_body_temp_path $TMP/nginx/client_body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TMP/www;
    }
}
EOF
setsid "$NGINX_BIN" -p "$TMP/nginx" -e "$TMP/nginx/logs/error.log" -c "$TMP/nginx/nginx.conf" \
	>"$TMP/nginx/logs/stdout.log" 2>&1 </dev/null &
NGINX_PID=$!
for ((i = 0; i < 100; i++)); do
	code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$NGINX$LESSON_PATH" || true)
	[ "$code" = 200 ] && break
	kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/logs/"*.log >&2; NGINX_PID=; die "nginx did not start"; }
	sleep 0.05
done
[ "$code" = 200 ] || die "nginx gives $code for $LESSON_PATH"
curl -s --max-time 20 -o "$TMP/nginx-copy" "$NGINX$LESSON_PATH"
if cmp -s "$PAGE_BYTES" "$TMP/nginx-copy"; then
	echo "nginx serves the site's $(wc -c <"$PAGE_BYTES") bytes of $LESSON_PATH unchanged (no gzip on either side)"
else
	echo "WARNING: nginx's copy differs from the site's page"
fi

to_ms() { # wrk duration (850.00us, 1.23ms, 2.00s, 1.00m) -> ms
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
		printf "%.2f", n }'
}

declare -A BEST_RPS=([site]=0 [nginx]=0) BEST_P99=([site]=0 [nginx]=0) ERRORS=([site]=0 [nginx]=0)
run_wrk() { # who url seconds label
	local who=$1 url=$2 secs=$3 label=$4 out rps p99 reqs bad sock
	out=$TMP/wrk-$who-$label.txt
	wrk "-t$WRK_THREADS" "-c$WRK_CONNS" "-d${secs}s" --timeout 5s --latency "$url" >"$out" 2>&1 \
		|| { cat "$out" >&2; die "wrk against $who"; }
	rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
	reqs=$(awk '/requests in/ { print $1 }' "$out")
	bad=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
	sock=$(grep -o 'Socket errors:.*' "$out" || true)
	printf '%-6s %-8s %10s req/s  p99 %8s ms  %9s requests%s%s\n' "$who" "$label" "$rps" "$p99" "$reqs" \
		"${bad:+  NON-2XX: $bad}" "${sock:+  $sock}"
	if [ "$label" != warm-up ]; then
		if [ -n "$bad$sock" ]; then ERRORS[$who]=$((ERRORS[$who] + 1)); fi
		if awk -v a="$rps" -v b="${BEST_RPS[$who]}" 'BEGIN { exit !(a > b) }'; then
			BEST_RPS[$who]=$rps
			BEST_P99[$who]=$p99
		fi
	fi
}

echo "wrk -t$WRK_THREADS -c$WRK_CONNS, warm-up ${WRK_WARMUP}s each, then ${WRK_ROUNDS} x ${WRK_DURATION}s each, interleaved; best run of each counts"
run_wrk site "$SITE$LESSON_PATH" "$WRK_WARMUP" warm-up
run_wrk nginx "$NGINX$LESSON_PATH" "$WRK_WARMUP" warm-up
for ((r = 1; r <= WRK_ROUNDS; r++)); do
	run_wrk site "$SITE$LESSON_PATH" "$WRK_DURATION" "run $r"
	run_wrk nginx "$NGINX$LESSON_PATH" "$WRK_DURATION" "run $r"
done
RATIO=$(awk -v s="${BEST_RPS[site]}" -v n="${BEST_RPS[nginx]}" 'BEGIN { printf "%.2f", (n > 0) ? s / n : 0 }')
echo "best: site ${BEST_RPS[site]} req/s, nginx ${BEST_RPS[nginx]} req/s, ratio $RATIO"
for who in site nginx; do
	[ "${ERRORS[$who]}" = 0 ] || echo "WARNING: $who had errors or non-2xx answers in ${ERRORS[$who]} run(s): its figure is suspect"
done

# ---------------------------------------------------------------------------------------------
# 4. Memory

kill -0 "$SITE_PID" 2>/dev/null || die "the site died during the load test"
RSS_KB=$(ps -o rss= -p "$SITE_PID" | tr -d ' ')
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
say "4. site RSS after the load test: $RSS_MB MiB ($RSS_KB KiB, ps -o rss=)"

# ---------------------------------------------------------------------------------------------
# Summary

commas() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
ok_start=$(awk -v m="$START_MEDIAN_MS" -v t="$TARGET_START_MS" 'BEGIN { print (m <= t) ? 1 : 0 }')
ok_ratio=$(awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? 1 : 0 }')
ok_load=$(awk -v k="$LOAD_KB" -v t="$TARGET_FIRST_LOAD_KB" 'BEGIN { print (k <= t) ? 1 : 0 }')
[ "${ERRORS[site]}${ERRORS[nginx]}" = 00 ] || ok_ratio=0
[ "$LOAD_PROBLEMS" = 0 ] || ok_load=0
p99fmt() { awk -v v="$1" 'BEGIN { printf (v < 10) ? "%.2f ms" : "%.0f ms", v }'; }

say "Summary"
cat <<EOF

Run $RUN_DATE on $(nproc) cores ($CPU_MODEL), $MEM_GIB GiB; $JAVA_VERSION; nginx $NGINX_VERSION; wrk $WRK_VERSION; revision $REVISION.
Page: $LESSON_PATH. wrk -t$WRK_THREADS -c$WRK_CONNS, best of $WRK_ROUNDS x ${WRK_DURATION}s. Load average $LOAD_BEFORE before, $LOAD_AFTER after (wrk, the site and nginx share the $(nproc) cores).

| figure | target | measured |
|---|---|---|
| start to first Persian lesson (median of $STARTS) | ≤ $((TARGET_START_MS / 1000)) s | $START_MEDIAN_S s$(verdict "$ok_start") |
| Persian lesson, requests/s (site / nginx) | ≥ $TARGET_RATIO × | $(commas "${BEST_RPS[site]}") / $(commas "${BEST_RPS[nginx]}") = $RATIO ×$(verdict "$ok_ratio") |
| p99 latency (site / nginx) | | $(p99fmt "${BEST_P99[site]}") / $(p99fmt "${BEST_P99[nginx]}") |
| first load of a Persian lesson, gzip | ≤ $TARGET_FIRST_LOAD_KB KB | $LOAD_KB KB ($(commas "$LOAD_TOTAL") bytes, ${#LOAD_ROWS[@]} files)$(verdict "$ok_load") |
| site RSS after the load test | | $RSS_MB MiB |
EOF
