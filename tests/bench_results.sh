# bench_results.sh BENCH_RESULTS CACHE_DIR — the drills' results figures
# (tests/bench_results.c): the thirty writers on SQLite and on a new
# database of a throwaway PostgreSQL server (tests/e2e/lib-pg.sh, with fsync
# on: commits reach the disk as on SQLite), then the report.  The server is
# stopped and its folder removed when this script ends, however it ends.
# A server that cannot start is said and fails the bench; the SQLite
# figures and the report are measured all the same.
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
bin=$1 cache=$2
PG_FSYNC=on
uri=
if pg_start >"$T/pg.log" &&
	PGUSER=postgres "$PG_BIN/psql" -X -q "$(pg_uri postgres)" -c "CREATE DATABASE bench" >/dev/null; then
	uri=$(pg_uri bench)
else
	grep -v '^PASS ' "$T/pg.log" >&2
	echo "bench_results.sh: no PostgreSQL server for the writers" >&2
fi
"$bin" "$cache" "$RECALL" "$uri"
