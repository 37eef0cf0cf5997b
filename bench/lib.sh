# Microservices Lab: what bench/site.sh and bench/fleet.sh share. Sourced, not run:
#   BENCH_NAME=site.sh; . "$ROOT/bench/lib.sh"
# The script sets BENCH_NAME (its name in messages) first, runs with `set -euo pipefail` from $ROOT,
# and defines bench_stop (the processes it started, stopped by the clean-up).

# The site's flags, as the README's run command and the build's training run use them: read from
# pom.xml (lab.siteJvmFlags), so that every script runs the site as the build made its archive.
SITE_JVM_FLAGS=$(sed -n 's:.*<lab.siteJvmFlags>\(.*\)</lab.siteJvmFlags>.*:\1:p' "$ROOT/pom.xml")
[ -n "$SITE_JVM_FLAGS" ] || { echo "bench: no lab.siteJvmFlags in $ROOT/pom.xml" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Arguments: --build, --help (the script's header comment, up to its first empty line)

bench_args() { # "$@" of the script: sets BUILD
	local arg
	BUILD=0
	for arg in "$@"; do
		case "$arg" in
			--build) BUILD=1 ;;
			-h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
			*) echo "$BENCH_NAME: unknown argument: $arg (try --help)" >&2; exit 2 ;;
		esac
	done
}

# ---------------------------------------------------------------------------------------------
# Clean-up: the script's own processes (its bench_stop), the temporary folder, the apt guard.

stop_group() { # pid: TERM its process group (it was started with setsid), then KILL after 15 s
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 150; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL -- "-$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	bench_stop
	[ -n "$POLICY_GUARD" ] && rm -f "$POLICY_GUARD"
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "(kept $TMP)" >&2
	else
		rm -rf "$TMP"
	fi
	exit "$rc"
}

bench_begin() { # kind (site | fleet): makes $TMP (/tmp/bench-<kind>.XXXXXX), sets the traps
	TMP=$(mktemp -d "/tmp/bench-$1.XXXXXX")
	POLICY_GUARD=
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

die() { echo "$BENCH_NAME: FAILED: $*" >&2; exit 1; }
say() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------------------------------------
# Tools

bench_apt_install() { # [--no-services] packages...: apt-get install as root; --no-services: a
	# policy-rc.d that says no (only if the machine has none, removed right after), so that installing
	# a server (nginx) does not start the system's own on port 80.
	local guard=0
	if [ "${1:-}" = --no-services ]; then guard=1; shift; fi
	[ "$(id -u)" = 0 ] || die "missing $*: run as root or install them"
	say "installing $*"
	if [ "$guard" = 1 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
		POLICY_GUARD=/usr/sbin/policy-rc.d
		printf '#!/bin/sh\nexit 101\n' >"$POLICY_GUARD"
		chmod 755 "$POLICY_GUARD"
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq || die "apt-get update"
	apt-get install -y -qq --no-install-recommends "$@" >"$TMP/apt.log" 2>&1 \
		|| { tail -20 "$TMP/apt.log" >&2; die "apt-get install $*"; }
	if [ -n "$POLICY_GUARD" ]; then
		rm -f "$POLICY_GUARD"
		POLICY_GUARD=
	fi
}

bench_require() { # tools...: dies when one is still missing after the install
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || die "$tool is still missing after apt-get install"
	done
}

# ---------------------------------------------------------------------------------------------
# The jar: $LAB_JAR made absolute; built with --build or when it is missing

bench_jar() {
	local build_dir
	case "$LAB_JAR" in /*) ;; *) LAB_JAR=$ROOT/$LAB_JAR ;; esac
	if [ "$BUILD" = 1 ] || [ ! -f "$LAB_JAR" ]; then
		[ "$(basename "$LAB_JAR")" = microservices-lab.jar ] \
			|| die "can only build microservices-lab.jar, not $(basename "$LAB_JAR")"
		build_dir=$(dirname "$LAB_JAR")
		say "building $LAB_JAR"
		if [ "$build_dir" = "$ROOT/target" ]; then
			./mvnw -q -DskipTests package || die "build"
		else
			./mvnw -q -DskipTests package "-Dlab.buildDir=$build_dir" || die "build"
		fi
		[ -f "$LAB_JAR" ] || die "the build made no $LAB_JAR"
	fi
}

# ---------------------------------------------------------------------------------------------
# Small helpers

port_free() { # port: true when nothing answers there
	local rc=0
	curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" || rc=$?
	[ "$rc" = 7 ]
}

now_us() { local t=${EPOCHREALTIME/./}; echo $((10#$t)); }

verdict() { # ok (1 or 0): "" or " MISSED"
	if [ "$1" = 1 ]; then echo ""; else echo " MISSED"; fi
}

# ---------------------------------------------------------------------------------------------
# Machine: sets CPU_MODEL, MEM_GIB, JAVA_VERSION, WRK_VERSION, REVISION (git, read only), RUN_DATE

bench_machine() {
	CPU_MODEL=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	[ -n "$CPU_MODEL" ] || CPU_MODEL=$(awk -F': *' '/^(Hardware|cpu model|Processor)/ { print $2; exit }' /proc/cpuinfo)
	MEM_GIB=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
	JAVA_VERSION=$(java -version 2>&1 | head -1 || true)
	WRK_VERSION=$(wrk -v 2>&1 | head -1 | awk '{ print $2 }' || true)
	REVISION=unknown
	if command -v git >/dev/null && [ -e .git ]; then
		REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
		if [ -n "$(GIT_OPTIONAL_LOCKS=0 git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
			REVISION="$REVISION + local changes"
		fi
	fi
	RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
}
