#!/usr/bin/env bash
# Microservices Lab: start-up with and without class-data archives, side by side in one run.
# For each JDK (the default java, and Temurin 25 when it is installed), three ways to start the site
# with the README's flags, interleaved run by run so that the machine's load hits them alike:
#   jar        java -jar target/microservices-lab.jar (Spring Boot's nested jar; children without archive)
#   extracted  the extracted form (--role=archive makes it), no archive for the site or its children
#   archive    the extracted form with its archive (AppCDS on Java 17-24, AOT cache on 25+), children with theirs
# Each run times: launch to the first 200 of the first Persian lesson; launch to all five default
# demo instances ready; then payments-1 stopped and started SPAWNS times (POST start returns when
# ready) at once, while the site is still compiling its own start, and SPAWNS times more once the
# site has settled (under 5 % of one core for a second, waited for up to SETTLE_MAX s): the spawn
# target applies to the settled figure, which is the spawn itself. A Markdown table at the end; a
# missed target prints MISSED and does not fail the script.
# Talks to 127.0.0.1 only. See bench/README.md.
#
# Usage: bench/start.sh [--build] [--help]
# Environment (all optional):
#   LAB_JAR        the Spring Boot jar (default target/microservices-lab.jar; built when missing)
#   SITE_PORT      port for the site (default 18680)     STARTS  runs of each way (default 5)
#   SPAWNS         stop/start cycles of payments-1 per run, at once and again settled (default 5)
#   START_TIMEOUT  seconds per start (default 90)
#   SETTLE_MAX     seconds to wait at most for the site to settle before the settled spawns (default 20)
#   JAVA_OPTS      the site's flags (default the README's: serial GC, 256 MB heap)
#   JDKS           java binaries to compare (default: java on the PATH, and
#                  /usr/lib/jvm/temurin-25-jdk-amd64/bin/java when it exists)
#   WAYS           which ways to start, of: jar extracted archive (default all three)
#   BASE_JAR       another build of the jar (say, before a change): adds the way "base", its
#                  archive form, to every run beside the others
#   BENCH_KEEP=1   keep the temporary folder (logs, the extracted forms)

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH_NAME=start.sh
. "$ROOT/bench/lib.sh"

bench_args "$@"

LAB_JAR=${LAB_JAR:-target/microservices-lab.jar}
JAVA_OPTS=${JAVA_OPTS:-$SITE_JVM_FLAGS}
SITE_PORT=${SITE_PORT:-18680}
STARTS=${STARTS:-5}
SPAWNS=${SPAWNS:-5}
START_TIMEOUT=${START_TIMEOUT:-90}
SETTLE_MAX=${SETTLE_MAX:-20}
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JDKS=${JDKS:-$(command -v java)${JAVA25:+$([ -x "$JAVA25" ] && echo " $JAVA25")}}
read -r -a WAYS <<<"${WAYS:-jar extracted archive}"
DEFAULT_INSTANCES="monolith-1 users-1 posts-1 threads-1 payments-1"

TARGET_LESSON_MS=3500
TARGET_FLEET_MS=5000
TARGET_FLEET_MAX_MS=8000
TARGET_SPAWN_MS=200

SITE=http://127.0.0.1:$SITE_PORT
SITE_PID=
bench_stop() { stop_group "$SITE_PID"; }
bench_begin start

need=()
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
command -v setsid >/dev/null || need+=(util-linux)
[ ${#need[@]} -eq 0 ] || { bench_apt_install "${need[@]}"; bench_require curl jq setsid; }

bench_jar
port_free "$SITE_PORT" || die "something already listens on 127.0.0.1:$SITE_PORT (set SITE_PORT)"
SLUG=$(for f in content/fa/*.md; do
	printf '%09d %s\n' "$(awk '/^order:/ { print $2; exit }' "$f")" "$(basename "$f" .md)"
done | sort | head -1 | cut -d' ' -f2)
LESSON_PATH=/fa/lessons/$SLUG
bench_machine

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
maxof() { sort -n | tail -1; }
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? 1 : 0 }'; }

say "Microservices Lab start-up benchmark, $RUN_DATE"
echo "machine: $(nproc) cores, $CPU_MODEL, $MEM_GIB GiB; revision $REVISION; load $(cut -d' ' -f1 /proc/loadavg)"
echo "site flags: $JAVA_OPTS; page: $LESSON_PATH"

# ---------------------------------------------------------------------------------------------
# The extracted form and its archives, per JDK (made as the build makes them: --role=archive)

declare -A FORM=() ARCHIVE_FLAG=()
make_form() { # java jar key folder: the extracted form of jar with its archive, under FORM[key]
	local java=$1 jar=$2 key=$3 folder=$4 t0
	FORM[$key]=$folder
	say "making the fast-start form of $(basename "$jar") for Java $v ($java)"
	t0=$(now_us)
	# shellcheck disable=SC2086
	"$java" $JAVA_OPTS -jar "$jar" --role=archive "--destination=$folder" >"$folder.log" 2>&1 \
		|| { cat "$folder.log" >&2; die "--role=archive with $java"; }
	if [ -f "$folder/microservices-lab.aot" ]; then
		ARCHIVE_FLAG[$key]=-XX:AOTCache=$folder/microservices-lab.aot
	else
		ARCHIVE_FLAG[$key]=-XX:SharedArchiveFile=$folder/microservices-lab.jsa
	fi
	echo "made in $(secs $((($(now_us) - t0) / 1000))) s: ${ARCHIVE_FLAG[$key]#*=} ($(du -h "${ARCHIVE_FLAG[$key]#*=}" | cut -f1))"
}
if [ -n "${BASE_JAR:-}" ]; then
	[ -f "$BASE_JAR" ] || die "BASE_JAR $BASE_JAR is not a file"
	WAYS+=(base)
fi
for java in $JDKS; do
	v=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ { print $2 }')
	make_form "$java" "$LAB_JAR" "$java" "$TMP/app-$v"
	if [ -n "${BASE_JAR:-}" ]; then
		make_form "$java" "$BASE_JAR" "$java|base" "$TMP/base-$v"
	fi
done

# ---------------------------------------------------------------------------------------------
# Runs

launch() { # java way log: starts the site; sets SITE_PID
	local java=$1 way=$2 log=$3 data=$TMP/data-$RANDOM$RANDOM
	mkdir -p "$data"
	case "$way" in
		# the extracted form keeps the jar's own file name (lab.system.SiteArchive)
		jar) set -- "$java" $JAVA_OPTS -Dlab.archive=off -jar "$LAB_JAR" ;;
		extracted) set -- "$java" $JAVA_OPTS -Dlab.archive=off -jar "${FORM[$java]}/$(basename "$LAB_JAR")" ;;
		archive) set -- "$java" $JAVA_OPTS "${ARCHIVE_FLAG[$java]}" -jar "${FORM[$java]}/$(basename "$LAB_JAR")" ;;
		base) set -- "$java" $JAVA_OPTS "${ARCHIVE_FLAG[$java|base]}" -jar "${FORM[$java|base]}/$(basename "$BASE_JAR")" ;;
	esac
	setsid "$@" "--server.port=$SITE_PORT" "--lab.fleet.data-dir=$data" >"$log" 2>&1 </dev/null &
	SITE_PID=$!
}

wait_for() { # t0 log test-command...: polls every 20 ms until the command succeeds; prints ms since t0
	local t0=$1 log=$2
	shift 2
	local deadline=$((t0 + START_TIMEOUT * 1000000))
	until "$@"; do
		kill -0 "$SITE_PID" 2>/dev/null || { tail -30 "$log" >&2; SITE_PID=; die "the site exited (log above)"; }
		[ "$(now_us)" -lt "$deadline" ] || { tail -30 "$log" >&2; die "not ready within ${START_TIMEOUT}s"; }
		sleep 0.02
	done
	echo $((($(now_us) - t0) / 1000))
}

lesson_ok() { [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$SITE$LESSON_PATH" || true)" = 200 ]; }
fleet_ready() {
	curl -s --max-time 2 "$SITE/api/fleet" 2>/dev/null | jq -e --arg ids "$DEFAULT_INSTANCES" '($ids | split(" ")) as $want
		| [.topologies[].services[].instances[] | select(.id as $i | ($want | index($i)) != null) | select(.state == "ready")]
		| length == ($want | length)' >/dev/null 2>&1
}

spawns() { # prints one ms figure per line: payments-1 stopped, then POST start timed
	local k t0 code
	for ((k = 1; k <= SPAWNS; k++)); do
		code=$(curl -s -o "$TMP/post.json" -w '%{http_code}' --max-time 30 -X POST "$SITE/api/fleet/instances/payments-1/stop" -H 'Sec-Fetch-Site: same-origin' || true)
		[ "$code" = 200 ] || die "stop payments-1 answered $code: $(cat "$TMP/post.json")"
		t0=$(now_us)
		code=$(curl -s -o "$TMP/post.json" -w '%{http_code}' --max-time 30 -X POST "$SITE/api/fleet/instances/payments-1/start" -H 'Sec-Fetch-Site: same-origin' || true)
		[ "$code" = 200 ] || die "start payments-1 answered $code: $(cat "$TMP/post.json")"
		echo $((($(now_us) - t0) / 1000))
	done
}

settle() { # waits (up to SETTLE_MAX s) until the site used under 5 % of one core for a whole second
	local ticks before after k
	ticks=$(getconf CLK_TCK)
	for ((k = 0; k < SETTLE_MAX; k++)); do
		before=$(awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat")
		sleep 1
		after=$(awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat")
		[ $(((after - before) * 100)) -lt $((5 * ticks)) ] && return 0
	done
	return 0
}

declare -A LESSON=() FLEET=() SPAWN=() SPAWN_EARLY=()
printf '\n%-44s %-10s %10s %12s %14s %14s\n' jdk way 'lesson ms' 'fleet ms' 'spawn at once' 'spawn settled'
for ((run = 1; run <= STARTS; run++)); do
	for java in $JDKS; do
		for way in "${WAYS[@]}"; do
			key="$java|$way"
			log=$TMP/site-$run-${way}-$(basename "$(dirname "$(dirname "$java")")").log
			t0=$(now_us)
			launch "$java" "$way" "$log"
			l=$(wait_for "$t0" "$log" lesson_ok)
			f=$(wait_for "$t0" "$log" fleet_ready)
			e=$(spawns | median)
			settle
			s=$(spawns | median)
			LESSON[$key]="${LESSON[$key]:-} $l"
			FLEET[$key]="${FLEET[$key]:-} $f"
			SPAWN[$key]="${SPAWN[$key]:-} $s"
			SPAWN_EARLY[$key]="${SPAWN_EARLY[$key]:-} $e"
			printf '%-44s %-10s %10d %12d %14d %14d\n' "$java" "$way" "$l" "$f" "$e" "$s"
			stop_group "$SITE_PID"
			SITE_PID=
			for ((i = 0; i < 100; i++)); do port_free "$SITE_PORT" && break; sleep 0.1; done
		done
	done
done

say "Summary"
echo
echo "Run $RUN_DATE on $(nproc) cores ($CPU_MODEL); revision $REVISION; load $(cut -d' ' -f1 /proc/loadavg) at the end."
echo "Site flags: $JAVA_OPTS. Medians of $STARTS runs (max in brackets); spawn: median of the runs' medians of $SPAWNS."
echo
echo "| JDK | way | first Persian lesson (≤ $(secs $TARGET_LESSON_MS) s) | whole fleet ready (≤ $(secs $TARGET_FLEET_MS) s, max ≤ $(secs $TARGET_FLEET_MAX_MS) s) | one instance spawn to ready, at once / settled (≤ $TARGET_SPAWN_MS ms) |"
echo "|---|---|---|---|---|"
for java in $JDKS; do
	v=$(basename "${FORM[$java]}"); v=${v#app-}
	for way in "${WAYS[@]}"; do
		key="$java|$way"
		lm=$(tr ' ' '\n' <<<"${LESSON[$key]}" | grep . | median); lx=$(tr ' ' '\n' <<<"${LESSON[$key]}" | grep . | maxof)
		fm=$(tr ' ' '\n' <<<"${FLEET[$key]}" | grep . | median); fx=$(tr ' ' '\n' <<<"${FLEET[$key]}" | grep . | maxof)
		sm=$(tr ' ' '\n' <<<"${SPAWN[$key]}" | grep . | median)
		em=$(tr ' ' '\n' <<<"${SPAWN_EARLY[$key]}" | grep . | median)
		ok_l=1; ok_f=1; ok_s=1
		if [ "$way" = archive ]; then
			ok_l=$(le "$lm" $TARGET_LESSON_MS)
			ok_f=$([ "$(le "$fm" $TARGET_FLEET_MS)$(le "$fx" $TARGET_FLEET_MAX_MS)" = 11 ] && echo 1 || echo 0)
			ok_s=$(le "$sm" $TARGET_SPAWN_MS)
		fi
		echo "| $v | $way | $(secs "$lm") s ($(secs "$lx"))$(verdict "$ok_l") | $(secs "$fm") s ($(secs "$fx"))$(verdict "$ok_f") | $em / $sm ms$(verdict "$ok_s") |"
	done
done
echo
echo "Targets apply to the archive rows; the others are the comparison${BASE_JAR:+ (base: the archive form of $BASE_JAR)}."
