#!/bin/sh
# Runs every test and ends with one line: "N passed, M failed".
#   tests/run.sh BUILD_DIR
# BUILD_DIR holds the sanitized binary (recall) and the unit tests (tests/).
# Each unit test binary and each tests/e2e/*.sh script prints "PASS name" or
# "FAIL name" lines (tests/e2e/lib*.sh are their helpers); a program that
# dies without saying so counts as a failure, and so does one that has not
# ended after TEST_TIMEOUT seconds (900): a hang fails, and the run goes on.
set -u
build=${1:?usage: tests/run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
RECALL=$(cd "$build" && pwd)/recall
export RECALL
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
TEST_TIMEOUT=${TEST_TIMEOUT:-900}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0 failed=0

tally() { # name status: counts the PASS/FAIL lines of $log
	p=$(grep -c '^PASS ' "$log") f=$(grep -c '^FAIL ' "$log")
	cat "$log"
	if [ "$2" -eq 124 ]; then
		echo "FAIL $1: did not end within $TEST_TIMEOUT seconds (stopped)"
		f=$((f + 1))
	elif [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $1: exited with status $2 without reporting a failure"
		f=1
	fi
	passed=$((passed + p)) failed=$((failed + f))
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== $(basename "$t")"
	(cd "$here/.." && timeout -k 10 "$TEST_TIMEOUT" "$t") >"$log" 2>&1
	tally "$(basename "$t")" $?
done
for t in "$here"/e2e/*.sh; do
	case $(basename "$t") in lib*.sh) continue ;; esac  # helpers, not tests
	[ -f "$t" ] || continue
	echo "== $(basename "$t")"
	(cd "$here/.." && timeout -k 10 "$TEST_TIMEOUT" sh "$t") >"$log" 2>&1
	tally "$(basename "$t")" $?
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
