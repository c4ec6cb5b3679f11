# End-to-end on PostgreSQL: a throwaway server (lib-pg.sh), the results
# store's unit tests run again on it (test_results with RECALL_TEST_PG_URI),
# `recall results init`, a class drilling at once into it and the report
# read back, with the URI's password never shown.
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
deck=tests/data/drill.json

expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got: $2" "expected: $3"; fi
}

pg_start || exit 1
export PGUSER=postgres

# --- the same unit tests as on SQLite ---------------------------------------
unit=$(dirname "$RECALL")/tests/test_results
RECALL_TEST_PG_URI="postgresql:///postgres?host=$PG_DIR&port=$PG_PORT" "$unit" >"$T/unit" 2>&1
unit_rc=$?
sed 's/^\(PASS\|FAIL\) /\1 postgresql: /' "$T/unit"
grep -q '^(on PostgreSQL)' "$T/unit" || fail "postgresql: unit tests ran on PostgreSQL" "$(cat "$T/unit")"
[ "$unit_rc" -eq 0 ] || grep -q '^FAIL' "$T/unit" ||
	fail "postgresql: unit tests exited $unit_rc" "$(tail -5 "$T/unit")"
