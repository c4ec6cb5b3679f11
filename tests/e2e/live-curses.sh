# End-to-end: the live drill's full-screen host (recall drill --host on a
# terminal) in tmux, on SQLite, with three plain students as background
# processes, each answering what the script writes into its FIFO: the
# lobby shows them join, Enter opens a question, the answers are counted,
# the close shows the bars and the leaderboard, the next question, a skip,
# a pause, the whole leaderboard, ending early after asking, the podium;
# then `recall report --json` holds what the script implies.  And the host
# ended by SIGTERM mid-question: the terminal restored, the question judged
# and the drill ended in the store.
. tests/e2e/lib.sh
. tests/e2e/lib-tmux.sh

deck=tests/data/drill.json
db=$T/live.db

# wait_file FILE TEXT: until FILE holds TEXT (15 s at most).
wait_file() {
	_i=0
	while [ "$_i" -lt 150 ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# student NAME FD CLASS: a plain student reading its answers from a FIFO
# the script keeps open on FD.
student() {
	mkfifo "$T/$1.in"
	eval "exec $2<>\"\$T/\$1.in\""
	"$RECALL" drill --join "$3" --student "$1" --results "$db" <"$T/$1.in" >"$T/$1.out" \
		2>"$T/$1.err" &
	eval "pid_$1=\$!"
}

# --- a whole drill ------------------------------------------------------------
start host 80 24 -- drill --host --class 5B "$deck" --count 5 --time 60 --no-speed --seed 4 \
	--results "$db"
see "lobby: how to join" host "recall drill --join 5B --student NAME"
see "lobby: nobody yet" host "Waiting for the class to join"
student ana 3 5B
student ben 4 5B
student cy 5 5B
see "lobby: three joined" host "3 joined"
wait_for host "cy"
line=$(printf '%s\n' "$screen" | grep -F ana | grep -F ben | grep -F cy)
[ -n "$line" ] && pass "lobby: the names in columns, on one row" ||
	fail "lobby: the names in columns, on one row" "$screen"

# Question 1: ana and ben answer, then cy: closed once all answered.
keys host Enter
see "question 1 opened" host "0 of 3 answered"
see "question 1: the countdown" host "◷ "
wait_file "$T/ana.out" "Question 1 of 5"
echo right >&3
echo wrong >&4
see "question 1: answers counted" host "2 of 3 answered"
echo right >&5
see "question 1: closed once all answered" host "Everyone answered"
see "question 1: the right answer" host "Answer: right"
line=$(printf '%s\n' "$screen" | grep -F "✓ " | grep -F "right" | head -1)
case $line in *" 2") pass "question 1: the right option marked, with its count" ;;
*) fail "question 1: the right option marked, with its count" "$screen" ;; esac
line=$(printf '%s\n' "$screen" | grep -F ". wrong" | head -1)
case $line in *" 1") pass "question 1: the wrong option's count" ;;
*) fail "question 1: the wrong option's count" "$screen" ;; esac
expect_in "question 1: the leaderboard" "$screen" "Leaderboard"
expect_in "question 1: what it earned" "$screen" "+100"
expect_in "question 1: Enter goes on" "$screen" "Enter next question"

# Question 2: skipped.
keys host Enter
see "question 2 opened" host "question 2 / 5"
keys host s
see "question 2: skipped" host "Question 2 was skipped"
wait_file "$T/ana.out" "Question 2 was skipped by the teacher" &&
	pass "question 2: the students see the skip" ||
	fail "question 2: the students see the skip" "$(tail -5 "$T/ana.out")"

# Question 3: paused and going on; ana and ben answer; Enter closes it.
keys host Enter
see "question 3 opened" host "question 3 / 5"
keys host p
see "question 3: paused" host "PAUSED"
see "question 3: the footer says go on" host "p go on"
wait_file "$T/cy.out" "Paused by the teacher" && pass "question 3: the students see the pause" ||
	fail "question 3: the students see the pause" "$(tail -5 "$T/cy.out")"
keys host p
see_gone "question 3: going on" host "PAUSED"
echo right >&3
echo right >&4
see "question 3: two answered" host "2 of 3 answered"
keys host Enter
see "question 3: closed by the teacher" host "Closed by the teacher"
see "question 3: the board's moves" host "▲"
keys host l
see "the whole leaderboard" host "Leaderboard after question 3 / 5"
keys host b
see "back to the answers" host "Closed by the teacher"

# Question 4: ended early, after asking.
keys host Enter
see "question 4 opened" host "question 4 / 5"
keys host e
see "end: asked first" host "End the drill?"
keys host n
see_gone "end: no keeps the drill" host "End the drill?"
keys host q
see "end: q asks too" host "End the drill?"
keys host y
see "the podium" host "ended after 4 of 5 questions"
expect_in "the podium: the winner" "$screen" "ana"
wait_file "$T/cy.out" "The drill is over" && pass "the students see the end" ||
	fail "the students see the end" "$(tail -5 "$T/cy.out")"
keys host Enter
ended "the full-screen host" host 0
restored "the full-screen host" host
see "the final standings stay on the terminal" host "Final standings:"
exec 3>&- 4>&- 5>&-
for s in ana ben cy; do eval "wait \$pid_$s"; done

# ana: right, (skipped), right: 100 + 200 (a streak of two); ben: wrong,
# right: 100; cy: right, nothing: 100; question 4 timed out for all.
"$RECALL" report --class 5B --results "$db" --json >"$T/report.json" 2>"$T/report.err"
expect_eq "report: exit 0" "$?" 0
got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for e in r["leaderboard"]:
    print("%s|%d|%d" % (e["student"], e["score"], e["answered"]))
' "$T/report.json" | sort)
expect_eq "report: the leaderboard" "$got" "ana|300|3
ben|100|3
cy|100|3"
expect_eq "report: question 2 recorded nothing, question 5 never opened" \
	"$(sqlite3 "$db" 'SELECT group_concat(DISTINCT qindex) FROM (SELECT qindex FROM answers ORDER BY qindex)')" \
	"0,2,3"
expect_eq "events: the end posted once" \
	"$(sqlite3 "$db" "SELECT count(*) FROM live_events WHERE kind = 'end'")" 1

# --- SIGTERM mid-question -----------------------------------------------------
start term 80 24 -- drill --host --class 6C "$deck" --count 3 --time 60 --no-speed --seed 2 \
	--results "$db"
student dee 6 6C
see "sigterm: a student joined" term "1 joined"
keys term Enter
see "sigterm: question 1 opened" term "0 of 1 answered"
kill -TERM "$(recall_pid term)"
ended "sigterm" term 143
restored "sigterm" term
wait_file "$T/dee.out" "The drill is over" && pass "sigterm: the drill ended for the students" ||
	fail "sigterm: the drill ended for the students" "$(tail -5 "$T/dee.out")"
exec 6>&-
wait "$pid_dee"
expect_eq "sigterm: the open question judged (timed out), the end posted" \
	"$(sqlite3 "$db" "SELECT (SELECT group_concat(outcome) FROM answers a JOIN drills d ON a.drill = d.id WHERE d.class = '6C') || '|' || (SELECT count(*) FROM live_events WHERE class = '6C' AND kind = 'end')")" \
	"4|1"

e2e_end
