# End-to-end: the live drill (recall drill --host / --join) in plain mode,
# on SQLite and on a throwaway PostgreSQL server (lib-pg.sh): one host and
# thirty scripted student processes, a fixed seed; every student sees each
# question, answers each once, and the scores and the report are what the
# script implies; a student killed mid-drill and started again catches up
# at the current question; on PostgreSQL the server restarted mid-drill
# (pg_ctl restart), and the drill goes on with no answer lost or doubled.
# The host is paced from a FIFO (Enter opens the next question); it closes
# each question once every student who joined has answered.
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
. tests/e2e/lib-class.sh
. tests/e2e/lib-live.sh

deck=tests/data/drill.json
N=30
Q=4

class_scripts "$N" "$Q"

# scenario ENGINE WHERE SQL-COMMAND: the whole drill on one engine.
# SQL-COMMAND runs one query and prints rows as a|b.
scenario() {
	eng=$1 where=$2 sql=$3
	dir=$T/$eng
	mkdir -p "$dir"
	mkfifo "$dir/host.in"
	exec 7<>"$dir/host.in"
	"$RECALL" drill --host --class 9L "$deck" --count "$Q" --time 60 --no-speed --seed 5 \
		--results "$where" <&7 >"$dir/host.out" 2>"$dir/host.err" &
	host=$!
	wait_for "$dir/host.out" "Students join with" 30 || fail "$eng: host began" "$(cat "$dir/host.err")"
	i=1
	while [ "$i" -le "$N" ]; do
		if [ "$i" -eq 7 ]; then head -n 1 "$T/ans.$i" >"$dir/in.7a"; input=$dir/in.7a
		else input=$T/ans.$i; fi
		"$RECALL" drill --join 9L --student "s$i" --results "$where" <"$input" \
			>"$dir/out.$i" 2>"$dir/err.$i" &
		eval "pid_$i=\$!"
		i=$((i + 1))
	done
	wait_for "$dir/host.out" "($N in all)" 60 && pass "$eng: thirty students joined" ||
		fail "$eng: thirty students joined" "$(tail -5 "$dir/host.out")"
	# Question 1: everyone answers; the host closes it.
	echo >&7
	wait_for "$dir/host.out" "Leaderboard after question 1 of $Q" 60 &&
		pass "$eng: question 1 closed once all answered" ||
		fail "$eng: question 1 closed once all answered" "$(tail -5 "$dir/host.out")"
	# s7 is killed after question 1 and comes back during question 2.
	wait_for "$dir/out.7" "Your rank:" 30
	kill "$pid_7"; wait "$pid_7" 2>/dev/null
	echo >&7
	wait_for "$dir/host.out" "$((N - 1)) of $N answered" 60 ||
		fail "$eng: question 2 waits for the killed student" "$(tail -5 "$dir/host.out")"
	expect_not_in "$eng: question 2 not closed without s7" "$(cat "$dir/host.out")" \
		"Leaderboard after question 2"
	tail -n +2 "$T/ans.7" >"$dir/in.7b"
	"$RECALL" drill --join 9L --student s7 --results "$where" <"$dir/in.7b" \
		>"$dir/out.7b" 2>"$dir/err.7b" &
	pid_7=$!
	wait_for "$dir/host.out" "Leaderboard after question 2 of $Q" 60 &&
		pass "$eng: the restarted student caught up at question 2" ||
		fail "$eng: the restarted student caught up at question 2" "$(tail -5 "$dir/host.out")" \
			"$(cat "$dir/out.7b")"
	expect_in "$eng: restarted student shown question 2" "$(cat "$dir/out.7b")" "Question 2 of $Q"
	expect_not_in "$eng: restarted student not shown question 1 again" "$(cat "$dir/out.7b")" \
		"Question 1 of $Q"
	if [ "$eng" = postgresql ]; then
		pg_restart && pass "postgresql: server restarted mid-drill" ||
			fail "postgresql: server restarted mid-drill" "$(tail -5 "$PG_DIR/server.log")"
	fi
	q=3
	while [ "$q" -le "$Q" ]; do
		echo >&7
		wait_for "$dir/host.out" "Leaderboard after question $q of $Q" 90 ||
			fail "$eng: question $q closed" "$(tail -5 "$dir/host.out")"
		q=$((q + 1))
	done
	wait_for "$dir/host.out" "Final standings:" 30
	exec 7>&-
	wait "$host"; hrc=$?
	expect_eq "$eng: host exit 0" "$hrc" 0
	bad=""
	i=1
	while [ "$i" -le "$N" ]; do
		eval "p=\$pid_$i"
		wait "$p"; src=$?
		[ "$src" -eq 0 ] || bad="$bad s$i:exit$src"
		o=$(cat "$dir/out.$i"; [ "$i" -eq 7 ] && cat "$dir/out.7b")
		j=1
		while [ "$j" -le "$Q" ]; do
			c=$(printf '%s\n' "$o" | grep -c "^Question $j of $Q (")
			[ "$c" -eq 1 ] || bad="$bad s$i:q$j:$c"
			c=$(printf '%s\n' "$o" | grep -c "^Question $j closed")
			[ "$c" -eq 1 ] || bad="$bad s$i:closed$j:$c"
			j=$((j + 1))
		done
		printf '%s\n' "$o" | grep -q "^You finished " || bad="$bad s$i:nofinish"
		[ -s "$dir/err.$i" ] && bad="$bad s$i:stderr:$(head -c 300 "$dir/err.$i")"
		i=$((i + 1))
	done
	if [ -z "$bad" ]; then pass "$eng: every student saw each question open and close once"
	else fail "$eng: every student saw each question open and close once" "$bad"; fi
	expect_eq "$eng: answers as typed: one each, none twice" \
		"$($sql "SELECT count(*), count(DISTINCT student), count(DISTINCT student || '/' || qindex) FROM live_answers")" \
		"$((N * Q))|$N|$((N * Q))"
	expect_eq "$eng: answers judged and recorded: one each, none twice" \
		"$($sql "SELECT count(*), count(DISTINCT drill), count(DISTINCT student || '/' || qindex) FROM answers")" \
		"$((N * Q))|1|$((N * Q))"
	got=$($sql "SELECT student, CAST(sum(points) AS INTEGER) FROM answers GROUP BY student" | sort)
	expect_eq "$eng: every total is what the script gives" "$got" "$expected_totals"
	"$RECALL" report --class 9L --results "$where" --json >"$dir/report.json" 2>"$dir/report.err"
	expect_eq "$eng: report exit 0" "$?" 0
	got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for e in r["leaderboard"]:
    print("%s|%d|%d" % (e["student"], e["score"], e["answered"]))
' "$dir/report.json" | sort)
	want=$(printf '%s\n' "$expected_totals" | awk -F'|' -v q="$Q" '{ print $1 "|" $2 "|" q }' | sort)
	expect_eq "$eng: the report's leaderboard" "$got" "$want"
	# The host's own words: the final standings name the best.
	best=$(printf '%s\n' "$expected_totals" | sort -t'|' -k2,2nr -k1,1 | head -1 | cut -d'|' -f2)
	expect_in "$eng: the podium" "$(cat "$dir/host.out")" "1st: "
	expect_in "$eng: the winner's points" "$(cat "$dir/host.out")" ": $best points"
	# A student reads their own verdict: s1 answers question 1 right.
	expect_in "$eng: a student's verdict" "$(cat "$dir/out.1")" "You: Right! +100 points"
}

sqlite_sql() { sqlite3 "$T/sqlite/class.db" "$1"; }
scenario sqlite "$T/sqlite/class.db" sqlite_sql

pg_start || exit 1
export PGUSER=postgres
pg_sql postgres "CREATE DATABASE live" >/dev/null || fail "postgresql: database made"
pg_live_sql() { pg_sql live "SET search_path = recall; $1" | grep -v '^SET$'; }
scenario postgresql "$(pg_uri live)" pg_live_sql

# --- pause, skip, end early; the clock; a student who never answers ---------
dir=$T/keys
mkdir -p "$dir"
mkfifo "$dir/host.in"
exec 7<>"$dir/host.in"
db=$T/keys.db
"$RECALL" drill --host --class 4K "$deck" --count 5 --time 2 --seed 3 --results "$db" \
	<&7 >"$dir/host.out" 2>"$dir/host.err" &
host=$!
wait_for "$dir/host.out" "Students join with" 30
printf 'right\nright\nright\n' | "$RECALL" drill --join 4K --student ana --results "$db" \
	>"$dir/ana.out" 2>&1 &
ana=$!
"$RECALL" drill --join 4K --student ben --results "$db" </dev/null >"$dir/ben.out" 2>&1 &
ben=$!
wait_for "$dir/host.out" "(2 in all)" 30 || fail "keys: two joined" "$(cat "$dir/host.out")"
# Question 1: Ana answers, Ben never does: closed when the 2 seconds are up.
echo >&7
wait_for "$dir/host.out" "Leaderboard after question 1 of 5" 30
expect_in "keys: the clock closes the question" "$(cat "$dir/host.out")" "Time is up"
wait_for "$dir/ben.out" "Question 1 closed" 30
expect_in "keys: who gave nothing timed out" "$(cat "$dir/ben.out")" "You: Time is up"
# Question 2: paused (the clock stands still well past 2 seconds), resumed.
echo >&7
wait_for "$dir/host.out" "Question 2 of 5 opened" 30
echo :pause >&7
wait_for "$dir/ben.out" "Paused by the teacher" 30 && pass "keys: a student sees the pause" ||
	fail "keys: a student sees the pause" "$(tail -5 "$dir/ben.out")"
sleep 3
expect_not_in "keys: no time-up while paused" "$(sed -n '/Question 2 of 5 opened/,$p' "$dir/host.out")" \
	"Time is up"
echo :pause >&7
wait_for "$dir/ben.out" "Going on" 30 && pass "keys: a student sees it go on" ||
	fail "keys: a student sees it go on" "$(tail -5 "$dir/ben.out")"
wait_for "$dir/host.out" "Leaderboard after question 2 of 5" 30
# Question 3: skipped; then the drill ends early.
echo >&7
wait_for "$dir/host.out" "Question 3 of 5 opened" 30
echo :skip >&7
wait_for "$dir/host.out" "Question 3 skipped" 30 && pass "keys: a question skipped" ||
	fail "keys: a question skipped" "$(tail -5 "$dir/host.out")"
wait_for "$dir/ana.out" "Question 3 was skipped by the teacher" 30 &&
	pass "keys: the students see the skip" || fail "keys: the students see the skip" "$(tail -5 "$dir/ana.out")"
echo :end >&7
wait "$host"
expect_eq "keys: host exit 0 after :end" "$?" 0
wait "$ana"; wait "$ben"
expect_in "keys: ended early: the podium" "$(cat "$dir/host.out")" "1st: ana"
expect_not_in "keys: ended early: question 4 never opened" "$(cat "$dir/host.out")" "Question 4 of 5"
expect_in "keys: the students see the end" "$(cat "$dir/ben.out")" "The drill is over"
expect_eq "keys: skipped question: nothing recorded; 2 answered questions" \
	"$(sqlite3 "$db" 'SELECT count(*), count(DISTINCT qindex), sum(outcome = 4) FROM answers')" "4|2|2"
exec 7>&-

# --- unattended: --auto and --wait-for ---------------------------------------
db=$T/auto.db
"$RECALL" drill --host --class 3A "$deck" --count 2 --time 30 --seed 2 --results "$db" \
	--auto 0 --wait-for 2 </dev/null >"$T/auto.host" 2>&1 &
host=$!
printf 'right\nright\n' | "$RECALL" drill --join 3A --student cy --results "$db" >"$T/auto.cy" 2>&1 &
cy=$!
printf 'wrong\nright\n' | "$RECALL" drill --join 3A --student di --results "$db" >"$T/auto.di" 2>&1 &
di=$!
wait_for "$T/auto.host" "Final standings:" 60 && pass "auto: the drill ran to its end unattended" ||
	fail "auto: the drill ran to its end unattended" "$(cat "$T/auto.host")"
wait_for "$T/auto.cy" "You finished" 60
wait_for "$T/auto.di" "You finished" 60
kill "$host" "$cy" "$di" 2>/dev/null  # only when they hang (a failure above)
wait "$host"; wait "$cy"; wait "$di"
expect_in "auto: the first question waited for both" "$(cat "$T/auto.host")" "(2 in all)"
expect_in "auto: cy's end" "$(cat "$T/auto.cy")" "You finished 1 of 2"
expect_in "auto: di's end" "$(cat "$T/auto.di")" "You finished 2 of 2"
expect_eq "auto: four answers recorded" "$(sqlite3 "$db" 'SELECT count(*) FROM answers')" 4
[ "$e2e_failed" -eq 0 ] || { echo "host:"; cat "$T/auto.host"; }

# --- help and bad input ----
run help "" drill --help
expect_in "help: --host" "$out" "recall drill --host --class NAME"
expect_in "help: --join" "$out" "recall drill --join CLASS --student NAME"
run join-deck "" drill --join 9L --student s1 "$deck"
expect_rc "join with a deck: exit 1" 1
expect_in "join with a deck: said" "$err" "a student of a live drill names no deck"
run host-student "" drill --host --class 9L --student s1 "$deck"
expect_rc "host with --student: exit 1" 1
run host-noclass "" drill --host "$deck"
expect_in "host without --class: said" "$err" "--host needs --class"
run auto-nohost "" drill --auto 1 "$deck"
expect_in "--auto without --host: said" "$err" "--auto and --wait-for are for the host"

[ "$e2e_failed" -eq 0 ]
