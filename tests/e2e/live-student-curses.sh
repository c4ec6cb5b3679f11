# End-to-end: a live drill's student in the full-screen front end (tmux),
# against a plain host (recall drill --host) that this script drives
# through a FIFO, on SQLite: the student waits for the teacher, sees each
# question open with its countdown, answers with keys, sees the answer
# sent, the verdict and their rank, and the end; a student restarted in
# tmux mid-drill catches up at the current question (answered or not);
# nothing can be answered after the close; a second student (plain,
# silent) keeps each question open until the host closes it.  Then text
# from the store holding escape sequences, Ctrl-C, SIGTERM and --plain.
. tests/e2e/lib.sh
. tests/e2e/lib-tmux.sh

deck=tests/data/live.json
db=$T/class.db

# file_wait FILE TEXT: until FILE holds TEXT (a fixed string), 30 s at most.
file_wait() {
	_i=0
	while [ "$_i" -lt 300 ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# host_wait CHECK TEXT: a check that the host's output comes to hold TEXT.
host_wait() {
	if file_wait "$T/host.out" "$2"; then pass "$1"
	else fail "$1" "the host never said: $2" "$(tail -8 "$T/host.out")"; fi
}

# pick NAME WORD: presses the number of the option WORD on NAME's screen.
pick() {
	wait_for "$1" "$2"
	_at=$(item_number "$2")
	[ -n "$_at" ] && keys "$1" "$_at"
}

# sql QUERY: one value from the class's database.
sql() { sqlite3 "$db" "$1"; }

# ---- waiting for the teacher ---------------------------------------------
start ana 80 24 -- drill --join 7C --student Ana --results "$db"
see "waiting: for the teacher" ana "Waiting for the teacher"
see "waiting: the class" ana "Class 7C"
see "waiting: the student's name" ana "You: Ana"
see "waiting: not begun" ana "The drill has not begun yet."
see "waiting: leave is q" ana "q leave"

mkfifo "$T/host.in"
exec 7<>"$T/host.in"
"$RECALL" drill --host --class 7C "$deck" --count 3 --time 600 --no-speed --seed 1 \
	--results "$db" <&7 >"$T/host.out" 2>"$T/host.err" &
host=$!
host_wait "host: the student joined" "Joined: Ana (1 in all)"
see "waiting: joined, the first question to come" ana "Joined: 3 questions, 600 seconds each."
"$RECALL" drill --join 7C --student Ben --results "$db" </dev/null >"$T/ben.out" 2>&1 &
ben=$!
host_wait "host: a second student joined" "(2 in all)"

# ---- question 1: a choice, answered right with its number ---------------
echo >&7
see "question: it opens" ana "Choice: which planet is red?"
see "question: its place" ana "question 1 / 3"
see "question: the countdown from the host's opening" ana "◷ 600 s"
see "question: its type and points" ana "multiple choice · 100 points"
see "question: skip and leave keys" ana "s skip"
pick ana Mars
see "sent: the answer went" ana "Answer sent — waiting for the others"
see "sent: what was answered" ana "Your answer: Mars"
host_wait "host: one of two answered" "1 of 2 answered"
mars=$(sql "SELECT given FROM live_answers WHERE student = 'Ana' AND qindex = 0")
keys ana 1 2 3 Enter
sleep 0.5
expect_eq "sent: no second answer" "$(sql "SELECT count(*) || ' ' || given FROM live_answers WHERE student = 'Ana' AND qindex = 0")" "1 $mars"
echo >&7
see "closed: the verdict in the drill's words" ana "✓ Right! +100 points"
see "closed: the right answer" ana "The answer: Mars"
see "closed: the rank" ana "Your rank: 1 of 2, 100 points"
see "closed: the class's share right" ana "The class: 1 of 2 right"
see "closed: the next question to come" ana "Waiting for the teacher to open the next question"

# ---- question 2: typed; the student restarted before and after answering --
echo >&7
see "question 2 opens" ana "Typed: the capital of France?"
pid=$(recall_pid ana)
kill -TERM "$pid"
ended "killed mid-drill (SIGTERM)" ana 143
restored "killed mid-drill (SIGTERM)" ana
start ana2 80 24 -- drill --join 7C --student Ana --results "$db"
see "restarted: caught up at question 2" ana2 "Typed: the capital of France?"
see "restarted: question 2 of 3" ana2 "question 2 / 3"
see_not "restarted: question 1 not shown again" ana2 "which planet"
type_text ana2 "Paris"
see "typed: the field shows it" ana2 "> Paris"
keys ana2 Enter
see "typed: sent" ana2 "Answer sent"
see "typed: what was answered" ana2 "Your answer: Paris"
expect_eq "typed: recorded as typed" "$(sql "SELECT given FROM live_answers WHERE student = 'Ana' AND qindex = 1")" "Paris"
keys ana2 q
see "leave: asked first" ana2 "Leave the live drill?"
keys ana2 y
ended "left with q" ana2 0
start ana3 80 24 -- drill --join 7C --student Ana --results "$db"
see "restarted after answering: known as answered" ana3 "You answered this question already"
echo >&7
see "closed: a streak" ana3 "Right! +200 points (streak bonus +100)"
see "closed: the rank after two" ana3 "Your rank: 1 of 2, 300 points"

# ---- question 3: closed before any answer; none taken after -------------
echo >&7
see "question 3 opens" ana3 "True or false"
echo ":pause" >&7
see "paused: said" ana3 "Paused by the teacher."
see "paused: beside the clock" ana3 "paused"
echo ":pause" >&7
see "going on: said" ana3 "Going on."
echo >&7
see "closed unanswered: timed out, in the drill's words" ana3 \
	"Question 3: ◷ Time is up: counts as wrong. +0 points"
see_not "the end: no note left of the question before" ana3 "Going on."
keys ana3 t f 1 Enter
sleep 0.5
expect_eq "closed: nothing answered after the close" \
	"$(sql "SELECT count(*) FROM live_answers WHERE student = 'Ana' AND qindex = 2")" 0
see "the end: after the last question" ana3 "The drill is over"
see "the end: the final rank and score" ana3 "You finished 1 of 2 with 300 points"
keys ana3 Enter
ended "the end: Enter leaves" ana3 0
see "the end: kept in the scrollback" ana3 "You finished 1 of 2 with 300 points"
exec 7>&-
wait "$host"
expect_eq "host: exit 0" "$?" 0
wait "$ben"
expect_in "the silent student saw the end" "$(cat "$T/ben.out")" "You finished 2 of 2"
expect_eq "the host recorded Ana's answers" \
	"$(sql "SELECT group_concat(outcome, ' ') FROM (SELECT outcome FROM answers WHERE student = 'Ana' ORDER BY qindex)")" \
	"0 0 4"

# ---- text from the store is escaped ---------------------------------------
# A drill posted straight into the database, its question and board
# holding escape sequences and a bell.
"$RECALL" results init --results "$T/evil.db" >/dev/null 2>&1
sqlite3 "$T/evil.db" "INSERT INTO drills VALUES ('00000000000000aa', '6E', 'x', 1, 1, 600, 1, 0, 0);
INSERT INTO live_events (drill, class, kind, qindex, at, closes, payload) VALUES
 ('00000000000000aa', '6E', 'begin', -1, 0, 0, '{\"count\":1,\"time\":600}'),
 ('00000000000000aa', '6E', 'open', 0, 0, 0,
  '{\"index\":0,\"count\":1,\"time\":0,\"type\":\"choice\",\"prompt\":\"Red \\u001b[31mtext\\u001b[0m\",\"points\":100,\"choices\":[\"bell \\u0007\",\"b\"],\"rights\":[]}');"
start evil 80 24 -- drill --join 6E --student Eve --results "$T/evil.db"
see "escaped: the prompt" evil 'Red \e[31mtext\e[0m'
see "escaped: an option" evil 'bell \x07'
if tm capture-pane -e -p -t evil | grep -q "${esc}\[31mtext"; then
	fail "escaped: no raw sequence drawn" "$(tm capture-pane -e -p -t evil)"
else pass "escaped: no raw sequence drawn"; fi
sqlite3 "$T/evil.db" "INSERT INTO live_events (drill, class, kind, qindex, at, closes, payload) VALUES
 ('00000000000000aa', '6E', 'end', -1, 0, 0,
  '{\"board\":[{\"student\":\"\\u001b[7mMallory\",\"score\":100,\"grade\":100,\"rank\":1},{\"student\":\"Eve\",\"score\":0,\"grade\":0,\"rank\":2}]}');"
see "escaped: a name on the podium" evil '\e[7mMallory'
see "the end of an unanswered drill" evil "You finished 2 of 2 with 0 points"
keys evil q
ended "escaped drill left" evil 0

# ---- Ctrl-C, and --plain on a terminal --------------------------------------
start cc 40 12 -- drill --join 1Z --student Cy --results "$db"
see "Ctrl-C: waiting first" cc "Waiting for the teacher"
keys cc C-c
ended "Ctrl-C" cc 130
restored "Ctrl-C" cc
start pl 80 24 -- drill --join 1Z --student Cy --plain --results "$db"
see "--plain on a terminal: line by line" pl "Waiting for the teacher to begin a live drill of class 1Z"
keys pl C-c
ended "--plain: Ctrl-C" pl 130

e2e_end
