#!/usr/bin/env bash
# Microservices Lab: how soon a demo process exits once its parent is gone (target: 500 ms).
# Starts a demo process (role users, from target/classes and the H2 jar) with a stand-in parent:
#   pid   its --parent-pid is a `sleep` that is then killed with SIGKILL (the child polls the pid);
#   stdin its standard input is a pipe from a `sleep` that is then killed (the child sees EOF),
# and measures, with the JDK's own clock, the time from the parent's death to the child being gone
# (not running, and not a zombie). ROUNDS rounds per way (default 5); prints each, the median and max.
#   bench/orphans.sh            # needs target/classes (./mvnw -q -o compile)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
TARGET_MS=500
[ -d target/classes/lab/chassis ] || { echo "orphans.sh: run ./mvnw -q -o compile first" >&2; exit 1; }
H2=$(find "${HOME}/.m2/repository/com/h2database/h2" -name 'h2-*.jar' | sort -V | tail -1)
[ -n "$H2" ] || { echo "orphans.sh: no H2 jar in ~/.m2" >&2; exit 1; }
WORK=$(mktemp -d)
CHILD=""
PARENT=""
cleanup() {
	[ -n "$CHILD" ] && kill -KILL "$CHILD" 2>/dev/null || true
	[ -n "$PARENT" ] && kill -KILL "$PARENT" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

gone() { # pid: not running (a zombie counts as gone: it holds no port, memory or file)
	local state
	state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 0
	[ -z "$state" ] || [ "$state" = Z ] || [ "$state" = X ]
}

now_ms() { date +%s%3N; }

round() { # way n: prints the milliseconds from the parent's death to the child's
	local way=$1 n=$2 args=() line killed_at
	rm -rf "$WORK/data" "$WORK/out"
	mkfifo "$WORK/out"
	if [ "$way" = pid ]; then
		sleep 600 & PARENT=$!
		args=(--parent-pid="$PARENT" --watch-stdin=false)
		java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "target/classes:$H2" lab.chassis.ServiceMain \
			--role=users --instance="orphan-$n" --data-dir="$WORK/data" --log=none "${args[@]}" \
			< /dev/null > "$WORK/out" 2>> "$WORK/child.log" & CHILD=$!
	else
		# the child's stdin is the pipe from sleep; when sleep dies, the child reads EOF
		sleep 600 | java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "target/classes:$H2" lab.chassis.ServiceMain \
			--role=users --instance="orphan-$n" --data-dir="$WORK/data" --log=none --watch-stdin=true \
			> "$WORK/out" 2>> "$WORK/child.log" &
		CHILD=$!
		PARENT=$(pgrep -n -x sleep)
	fi
	read -r line < "$WORK/out"
	case "$line" in READY*) ;; *) echo "orphans.sh: the child did not start: $line" >&2; exit 1 ;; esac
	CHILD=$(sed 's/.*pid=\([0-9]*\).*/\1/' <<< "$line")
	killed_at=$(now_ms)
	kill -KILL "$PARENT"
	until gone "$CHILD"; do sleep 0.005; done
	echo $(( $(now_ms) - killed_at ))
	wait 2>/dev/null || true
	CHILD=""
	PARENT=""
}

echo "demo process exit after its parent's death (ms), $ROUNDS rounds per way, on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for way in pid stdin; do
	times=()
	for ((n = 1; n <= ROUNDS; n++)); do
		times+=("$(round "$way" "$n")")
	done
	sorted=$(printf '%s\n' "${times[@]}" | sort -n)
	median=$(sed -n "$(( (ROUNDS + 1) / 2 ))p" <<< "$sorted")
	max=$(tail -1 <<< "$sorted")
	verdict=$([ "$max" -le "$TARGET_MS" ] && echo ok || echo MISSED)
	echo "$way: ${times[*]}  median $median  max $max  (target <= $TARGET_MS ms: $verdict)"
done
