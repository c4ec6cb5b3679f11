# lib.sh — helpers for the end-to-end tests, sourced by tests/e2e/*.sh.
# Each check prints "PASS name" or "FAIL name" with what was seen; $RECALL
# is the binary under test; the working folder is the project's root.
: "${RECALL:?RECALL must name the recall binary}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
e2e_failed=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do printf '  %s\n' "$l"; done; e2e_failed=1; }

# run NAME STDIN ARGS...: runs recall with STDIN as input; sets $out, $err, $rc.
run() {
	_name=$1 _in=$2; shift 2
	printf '%s' "$_in" >"$T/in"
	"$RECALL" "$@" <"$T/in" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out") err=$(cat "$T/err")
}

# expect_rc NAME WANT: checks the last exit status.
expect_rc() {
	if [ "$rc" -eq "$2" ]; then pass "$1"; else fail "$1" "exit status $rc, expected $2" "stderr: $err"; fi
}

# expect_eq NAME GOT WANT: the two are the same text.
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got: $2" "expected: $3"; fi
}

# expect_in NAME HAYSTACK NEEDLE: the text contains the needle (fixed string).
expect_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then pass "$1"
	else fail "$1" "expected to find: $3" "in: $(printf '%s' "$2" | head -c 2000)"; fi
}

# expect_not_in NAME HAYSTACK NEEDLE
expect_not_in() {
	if printf '%s' "$2" | grep -qF -- "$3"; then
		fail "$1" "did not expect: $3" "in: $(printf '%s' "$2" | head -c 2000)"
	else pass "$1"; fi
}

# Sanitizer reports go to stderr: any there fails the test that ran it.
expect_clean() {
	if printf '%s' "$err" | grep -q 'Sanitizer\|runtime error'; then fail "$1" "$err"; else pass "$1"; fi
}

e2e_end() { exit "$e2e_failed"; }
