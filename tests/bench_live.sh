# bench_live.sh BENCH_LIVE — the live drill's figure (tests/bench_live.c)
# on SQLite and on a throwaway PostgreSQL server (tests/e2e/lib-pg.sh).
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
bin=$1
"$bin" "$T/live.db" SQLite || exit 1
pg_start >/dev/null || exit 1
PGUSER=postgres "$PG_BIN/psql" -X -q "$(pg_uri postgres)" -c "CREATE DATABASE bench" >/dev/null || exit 1
"$bin" "$(pg_uri bench)" PostgreSQL
