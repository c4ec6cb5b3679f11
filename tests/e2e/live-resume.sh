# End-to-end: a live drill's host killed (kill -9) mid-drill and started
# again with the same command takes the drill up where it was, on SQLite
# and on a throwaway PostgreSQL server (lib-pg.sh): once while a question is
# open (a student answers while the host is away), once after a question
# closed.  The students (plain, scripted) carry on without a restart; the
# report has every answer once and the totals the script implies.
. tests/e2e/lib.sh
. tests/e2e/lib-pg.sh
. tests/e2e/lib-class.sh
. tests/e2e/lib-live.sh

deck=tests/data/drill.json
N=5
Q=4

class_scripts "$N" "$Q"

# wait_after FILE MARK TEXT [SECONDS]: until FILE holds TEXT after the line
# holding MARK.
wait_after() {
	_i=0
	while [ "$_i" -lt $((${4:-60} * 10)) ]; do
		sed -n "/$2/,\$p" "$1" 2>/dev/null | grep -qF -- "$3" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# scenario ENGINE WHERE SQL-COMMAND
# (The FIFOs' ends the script keeps, 7 and 8, are closed in every child:
# a host's input ends when the script closes it.)
scenario() {
	eng=$1 where=$2 sql=$3
	dir=$T/$eng
	mkdir -p "$dir"
	mkfifo "$dir/host.in" "$dir/s$N.in"
	exec 7<>"$dir/host.in" 8<>"$dir/s$N.in"
	set -- drill --host --class 8R "$deck" --count "$Q" --time 60 --no-speed --seed 6 \
		--results "$where" --plain
	"$RECALL" "$@" <&7 >"$dir/host1.out" 2>"$dir/host1.err" 7>&- 8>&- &
	host=$!
	wait_for "$dir/host1.out" "Students join with" 30 ||
		fail "$eng: host began" "$(cat "$dir/host1.err")"
	# Students 1 to N-1 answer from their files; the last one when told.
	i=1
	while [ "$i" -le "$N" ]; do
		input=$T/ans.$i
		[ "$i" -eq "$N" ] && input=$dir/s$N.in
		"$RECALL" drill --join 8R --student "s$i" --results "$where" <"$input" \
			>"$dir/out.$i" 2>"$dir/err.$i" 7>&- 8>&- &
		eval "pid_$i=\$!"
		i=$((i + 1))
	done
	wait_for "$dir/host1.out" "($N in all)" 60 || fail "$eng: the class joined" "$(tail -5 "$dir/host1.out")"
	# Question 1, whole.
	echo >&7
	wait_for "$dir/out.$N" "Question 1 of $Q (" 30
	sed -n 1p "$T/ans.$N" >&8
	wait_for "$dir/host1.out" "Leaderboard after question 1 of $Q" 60 ||
		fail "$eng: question 1 closed" "$(tail -5 "$dir/host1.out")"
	# Question 2: the host dies while it is open, the last student not
	# yet answered; they answer while it is away.
	echo >&7
	wait_after "$dir/host1.out" "Question 2 of $Q opened" "$((N - 1)) of $N answered" 60 ||
		fail "$eng: question 2, all but one answered" "$(tail -5 "$dir/host1.out")"
	kill -9 "$host"
	wait "$host" 2>/dev/null
	sed -n 2p "$T/ans.$N" >&8
	_i=0
	while [ "$(grep -c "^> Answer sent" "$dir/out.$N")" -lt 2 ] && [ "$_i" -lt 300 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$_i" -lt 300 ] && pass "$eng: an answer taken while the host is away" ||
		fail "$eng: an answer taken while the host is away" "$(tail -5 "$dir/out.$N")"
	"$RECALL" "$@" <&7 >"$dir/host2.out" 2>"$dir/host2.err" 7>&- 8>&- &
	host=$!
	wait_for "$dir/host2.out" "Resuming the drill at question 2" 30 &&
		pass "$eng: started again, it says where it goes on" ||
		fail "$eng: started again, it says where it goes on" "$(cat "$dir/host2.out" "$dir/host2.err")"
	wait_for "$dir/host2.out" "Leaderboard after question 2 of $Q" 60 &&
		pass "$eng: the open question closed once all had answered" ||
		fail "$eng: the open question closed once all had answered" "$(tail -8 "$dir/host2.out")"
	expect_not_in "$eng: question 1 not asked again" "$(cat "$dir/host2.out")" "Question 1 of $Q opened"
	# The host dies again, between questions; started again, Enter opens
	# question 3.
	wait_for "$dir/host2.out" "Enter opens the next question" 30
	kill -9 "$host"
	wait "$host" 2>/dev/null
	"$RECALL" "$@" <&7 >"$dir/host3.out" 2>"$dir/host3.err" 7>&- 8>&- &
	host=$!
	wait_for "$dir/host3.out" "Enter opens the next question" 30 &&
		pass "$eng: started again after a close, it waits to open the next" ||
		fail "$eng: started again after a close, it waits to open the next" "$(cat "$dir/host3.out" "$dir/host3.err")"
	expect_in "$eng: ... saying where" "$(cat "$dir/host3.out")" "Resuming the drill at question 2"
	q=3
	while [ "$q" -le "$Q" ]; do
		echo >&7
		wait_for "$dir/out.$N" "Question $q of $Q (" 30
		sed -n "${q}p" "$T/ans.$N" >&8
		wait_for "$dir/host3.out" "Leaderboard after question $q of $Q" 60 ||
			fail "$eng: question $q closed" "$(tail -5 "$dir/host3.out")"
		q=$((q + 1))
	done
	wait_for "$dir/host3.out" "Final standings:" 30
	exec 7>&- 8>&-
	wait "$host"
	expect_eq "$eng: host exit 0" "$?" 0
	# The students end with the drill; any left after 30 s is a failure
	# (stopped here rather than hanging the test).
	_i=0
	while [ "$_i" -lt 300 ]; do
		alive=
		i=1
		while [ "$i" -le "$N" ]; do
			eval "kill -0 \$pid_$i 2>/dev/null" && alive=yes
			i=$((i + 1))
		done
		[ -z "$alive" ] && break
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -z "$alive" ] || { i=1; while [ "$i" -le "$N" ]; do eval "kill \$pid_$i 2>/dev/null"; i=$((i + 1)); done; }
	bad=
	i=1
	while [ "$i" -le "$N" ]; do
		eval "wait \$pid_$i"
		src=$?
		[ "$src" -eq 0 ] || bad="$bad s$i:exit$src"
		grep -q "^You finished " "$dir/out.$i" || bad="$bad s$i:nofinish"
		[ -s "$dir/err.$i" ] && bad="$bad s$i:stderr:$(head -c 300 "$dir/err.$i")"
		i=$((i + 1))
	done
	[ -z "$bad" ] && pass "$eng: the students carried on to the end" ||
		fail "$eng: the students carried on to the end" "$bad"
	expect_eq "$eng: answers judged and recorded: one each, none twice" \
		"$($sql "SELECT count(*), count(DISTINCT student || '/' || qindex) FROM answers")" \
		"$((N * Q))|$((N * Q))"
	expect_eq "$eng: begun once, ended once" \
		"$($sql "SELECT sum(CASE WHEN kind = 'begin' THEN 1 ELSE 0 END), sum(CASE WHEN kind = 'end' THEN 1 ELSE 0 END) FROM live_events")" \
		"1|1"
	"$RECALL" report --class 8R --results "$where" --json >"$dir/report.json" 2>"$dir/report.err"
	expect_eq "$eng: report exit 0" "$?" 0
	got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for e in r["leaderboard"]:
    print("%s|%d" % (e["student"], e["score"]))
' "$dir/report.json" | sort)
	expect_eq "$eng: the report's totals are what the script gives" "$got" "$expected_totals"
	# The same drill once more: ended, it is not begun again.
	"$RECALL" "$@" </dev/null >"$dir/host4.out" 2>"$dir/host4.err"
	expect_eq "$eng: an ended drill is not begun again: exit 1" "$?" 1
	expect_in "$eng: ... saying why" "$(cat "$dir/host4.err")" "has ended already"
}

sqlite_sql() { sqlite3 "$T/sqlite/class.db" "$1"; }
scenario sqlite "$T/sqlite/class.db" sqlite_sql

pg_start || exit 1
export PGUSER=postgres
pg_sql postgres "CREATE DATABASE resume" >/dev/null || fail "postgresql: database made"
pg_resume_sql() { pg_sql resume "SET search_path = recall; $1" | grep -v '^SET$'; }
scenario postgresql "$(pg_uri resume)" pg_resume_sql

[ "$e2e_failed" -eq 0 ]
