# End-to-end on PostgreSQL: a throwaway server (lib-pg.sh), the results
# store's and the live host's unit tests run again on it (test_results and
# test_live_host with RECALL_TEST_PG_URI),
# `recall results init`, a class drilling at once into it and the report
# read back, with the URI's password never shown.
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
. tests/e2e/lib-class.sh
deck=tests/data/drill.json

pg_start || exit 1
export PGUSER=postgres

# --- the same unit tests as on SQLite ---------------------------------------
# test_results (the store) and test_live_host (the live drill's host core).
for name in test_results test_live_host; do
	unit=$(dirname "$RECALL")/tests/$name
	RECALL_TEST_PG_URI="postgresql:///postgres?host=$PG_DIR&port=$PG_PORT" "$unit" >"$T/unit" 2>&1
	unit_rc=$?
	sed 's/^\(PASS\|FAIL\) /\1 postgresql: /' "$T/unit"
	grep -q '^(on PostgreSQL)' "$T/unit" ||
		fail "postgresql: $name ran on PostgreSQL" "$(cat "$T/unit")"
	[ "$unit_rc" -eq 0 ] || grep -q '^FAIL' "$T/unit" ||
		fail "postgresql: $name exited $unit_rc" "$(tail -5 "$T/unit")"
done

# --- recall results init -------------------------------------------------------
pg_sql postgres "CREATE DATABASE school" >/dev/null || fail "postgresql: database made"
db="$(pg_uri school)&password=s3cret"
run init "" results init --results "$db"
expect_rc "results init: exit 0" 0
expect_eq "results init: said, without the URI" "$out" \
	"The results database the PostgreSQL database is ready, with the roles recall_student and recall_teacher."
expect_not_in "results init: no password shown" "$out$err" "s3cret"
expect_eq "results init: schema and roles" \
	"$(pg_sql school "SELECT (SELECT value FROM recall.meta WHERE key = 'schema_version') || ' ' || count(*) FROM pg_roles WHERE rolname IN ('recall_student', 'recall_teacher')")" "2 2"
run init-again "" results init --results "$db"
expect_rc "results init again: exit 0" 0
run init-bad "" results init --results "postgresql://teacher:s3cret@/school?host=$PG_DIR/none"
expect_rc "results init, no server: exit 1" 1
expect_in "results init, no server: said" "$err" "recall: results database (PostgreSQL): cannot connect: "
expect_not_in "results init, no server: no password shown" "$err" "s3cret"
run init-what "" results frobnicate
expect_eq "results: unknown action refused" "$err" \
	"recall: results: unknown action 'frobnicate' (try 'recall results --help')"

# --- thirty students at once --------------------------------------------------
# Student i answers question j (from 0) right when (i + j) % 3 != 0.
class_scripts 30 6
i=1
while [ "$i" -le 30 ]; do
	"$RECALL" drill "$deck" --count 6 --time 60 --no-speed --class 9C --student "s$i" \
		--results "$db" <"$T/ans.$i" >"$T/out.$i" 2>"$T/err.$i" &
	i=$((i + 1))
done
wait
class_acknowledged "postgresql: thirty students each acknowledged 6 answers" 30 6 "$T/out" "$T/err"
expect_eq "postgresql: 180 answers, one drill, ids 1 to 180" \
	"$(pg_sql school 'SELECT count(*), count(DISTINCT drill), count(DISTINCT student), min(id), max(id) FROM recall.answers')" \
	"180|1|30|1|180"
expected=$(printf '%s\n' "$expected_totals" | awk -F'|' '{ print $1 "|" $2 "|6" }' | sort)
expect_eq "postgresql: every total is what the script gives" \
	"$(pg_sql school 'SELECT student, sum(points)::integer, count(*) FROM recall.answers GROUP BY student' | sort)" \
	"$expected"
"$RECALL" report --class 9C --results "$db" --json >"$T/report.json" 2>"$T/report.err"
expect_eq "postgresql: report exit 0" "$?" 0
got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for e in sorted(r["leaderboard"], key=lambda e: e["student"]):
    print("%s|%d|%d" % (e["student"], e["score"], e["answered"]))
' "$T/report.json" | sort)
expect_eq "postgresql: the report's scores" "$got" "$expected"
got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for q in sorted(r["questions"], key=lambda q: q["number"]):
    print("%d|%.4f|%d" % (q["number"] - 1, q["facility"], q["answered"]))
' "$T/report.json")
want=$(awk 'BEGIN { for (j = 0; j < 6; j++) { n = 0
	for (i = 1; i <= 30; i++) if ((i + j) % 3 != 0) n++
	printf "%d|%.4f|30\n", j, n / 30 } }')
expect_eq "postgresql: the report's facility per question" "$got" "$want"
# The same answers in an SQLite file give the same report.
i=1
while [ "$i" -le 30 ]; do
	"$RECALL" drill "$deck" --count 6 --time 60 --no-speed --class 9C --student "s$i" \
		--results "$T/same.db" --busy-timeout 60000 <"$T/ans.$i" >"$T/sq.$i" 2>"$T/sqerr.$i" &
	i=$((i + 1))
done
wait
# (Should the reports differ, this says whether a writer failed and why.)
class_acknowledged "sqlite: thirty students each acknowledged 6 answers" 30 6 "$T/sq" "$T/sqerr"
"$RECALL" report --class 9C --results "$T/same.db" >"$T/report-sqlite.txt" 2>&1
"$RECALL" report --class 9C --results "$db" >"$T/report-pg.txt" 2>&1
# (Its lines sorted: students of equal scores come in the order they
# answered, which differs from run to run.)
expect_eq "postgresql: the text report is SQLite's" \
	"$(grep -v 'results\|[0-9][0-9]:[0-9][0-9]' "$T/report-pg.txt" | sort)" \
	"$(grep -v 'results\|[0-9][0-9]:[0-9][0-9]' "$T/report-sqlite.txt" | sort)"
run list "" report --class 9C --results "$db" --list
expect_rc "postgresql: report --list exit 0" 0
expect_in "postgresql: report --list names no URI" "$out" "Drills of class '9C' in 'the PostgreSQL database'"
expect_not_in "postgresql: report --list, no password" "$out$err" "s3cret"

# --- the server restarted mid-drill -----------------------------------------------
args="$deck --count 6 --time 60 --no-speed --class 9D --student Zed --results $db"
mkfifo "$T/fifo"
# shellcheck disable=SC2086
"$RECALL" drill $args <"$T/fifo" >"$T/zed" 2>"$T/zed.err" &
pid=$!
exec 3>"$T/fifo"
printf 'right\nwrong\nright\n' >&3
tries=0
while [ "$(grep -c '^Recorded' "$T/zed")" -lt 3 ] && [ "$tries" -lt 600 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
pg_restart || fail "postgresql: server restarted" "$(tail -5 "$PG_DIR/server.log")"
printf 'right\nright\nright\n' >&3
exec 3>&-
wait "$pid"
expect_eq "restart: the drill went on, exit 0" "$?" 0
expect_eq "restart: six answers acknowledged" "$(grep -c '^Recorded' "$T/zed")" 6
expect_eq "restart: six answers recorded, none twice" \
	"$(pg_sql school "SELECT count(*), count(DISTINCT qindex) FROM recall.answers WHERE student = 'Zed'")" "6|6"
expect_eq "restart: nothing said on stderr" "$(cat "$T/zed.err")" ""

# libpq is loaded when a PostgreSQL store is opened, not at every start
# (src/pqlib.h): the program does not name it among the libraries it needs,
# and yet every check above reached the server.
needed=$(readelf -d "$RECALL" 2>&1 | grep NEEDED)
expect_in "start: the binary names its libraries" "$needed" "libsqlite3"
expect_not_in "start: libpq is not loaded at start" "$needed" "libpq"
