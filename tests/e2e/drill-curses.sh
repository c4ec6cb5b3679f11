# End-to-end: recall drill in the full-screen front end (tmux): a hot-seat
# drill through hand-overs, turns, the reveal, the leaderboard and the
# podium; the countdown running out with no key pressed (--time 1), for one
# player and in hot-seat, under the help too; q with its yes-or-no question;
# a class drill recording its answers; --plain on a terminal.
. tests/e2e/lib.sh
. tests/e2e/lib-tmux.sh

deck=tests/data/drill.json

# press_until NAME KEY TEXT: sends KEY until NAME's screen shows TEXT (a
# screen after a time-out ignores its Enter for a moment), waiting 2 s
# after each, so that a key is not sent again to the screen it led to;
# false when it never shows.
press_until() {
	_j=0
	while [ $_j -lt 8 ]; do
		keys "$1" "$2"
		_k=0
		while [ $_k -lt 20 ]; do
			screen=$(tm capture-pane -p -t "$1" 2>/dev/null)
			case $screen in *"$3"*) return 0 ;; esac
			sleep 0.1
			_k=$((_k + 1))
		done
		_j=$((_j + 1))
	done
	return 1
}

# pick NAME WORD: presses the number of the option WORD on NAME's screen.
pick() {
	wait_for "$1" "$2"
	_at=$(item_number "$2")
	[ -n "$_at" ] && keys "$1" "$_at"
}

# ---- hot-seat: three players, three questions ----------------------------
start hot 80 24 -- drill --seed 3 --count 3 --time 60 --no-speed --players "Ana,Ben,Chen" "$deck"
see "hot-seat: the first turn is handed over" hot "Pass to Ana"
see "hot-seat: the hand-over says the clock waits" hot "press Enter when ready"
see_not "hot-seat: no question before Enter" hot "which option is right?"
keys hot Enter
see "hot-seat: the question after Enter" hot "which option is right?"
see "hot-seat: whose turn it is" hot "Ana's turn"
see "hot-seat: the countdown" hot "◷ 60 s"
see "hot-seat: skip, help and end keys" hot "s skip"
pick hot right
see "hot-seat: the next player's hand-over" hot "Pass to Ben"
see_not "hot-seat: Ana's verdict hidden from Ben" hot "Right!"
keys hot Enter
see "hot-seat: Ben's turn" hot "Ben's turn"
pick hot right
wait_for hot "Pass to Chen"
keys hot Enter
wait_for hot "Chen's turn"
pick hot wrong
see "reveal: every player's verdict" hot "Chen  Wrong. +0 points"
see "reveal: the right answer" hot "Answer: right"
see "reveal: what a player who missed answered" hot "answered: wrong"
see "reveal: Enter leads to the leaderboard" hot "Enter leaderboard"
keys hot Enter
see "leaderboard shown" hot "after question 1 / 3"
see "leaderboard: ranks shared" hot "1. Ben"
keys hot Enter
# Question 2: Ana wrong, Ben right (a streak of two), Chen right.
for who in Ana:wrong Ben:right Chen:right; do
	wait_for hot "Pass to ${who%%:*}"
	keys hot Enter
	wait_for hot "${who%%:*}'s turn"
	pick hot "${who#*:}"
done
see "reveal: the streak bonus" hot "Ben   Right! +200 points (streak bonus +100)"
keys hot Enter
see "leaderboard: a rank moved up" hot "▲1 Chen"
see "leaderboard: a rank moved down" hot "▼1 Ana"
see "leaderboard: the points of the last question" hot "+200"
keys hot Enter
for who in Ana:right Ben:right; do
	wait_for hot "Pass to ${who%%:*}"
	keys hot Enter
	wait_for hot "${who%%:*}'s turn"
	pick hot "${who#*:}"
done
wait_for hot "Pass to Chen"
keys hot Enter
wait_for hot "Chen's turn"
keys hot s
see "reveal: a skip" hot "Chen  Skipped. +0 points"
see "reveal: the last leads to the podium" hot "Enter podium"
keys hot Enter
see "podium shown" hot "Podium"
see "podium: the table" hot "Timed out"
see "podium: the first's row" hot "1  Ben         600    100%      3       0      0          0"
see "podium: the last's row" hot "3  Chen        100   33.3%      1       0      2          0"
keys hot Enter
ended "hot-seat drill" hot 0
restored "hot-seat drill" hot
see "after the drill: the podium left on the terminal" hot "1st: Ben, 600 points"

# ---- the countdown runs out, nothing pressed ------------------------------
start alone 80 24 -- drill --seed 3 --count 2 --time 1 "$deck"
see "time-out: the question shows" alone "which option is right?"
see "time-out: the drill moves on by itself" alone "Time is up: counts as wrong. +0 points"
see "time-out: said on the message line" alone "Time is up."
if press_until alone Enter "question 2 / 2"; then pass "time-out: Enter goes on to the next question"
else fail "time-out: Enter goes on to the next question" "$screen"; fi
see "time-out: the second runs out too" alone "Enter podium"
press_until alone Enter "Drill over"
see "time-out: counted on the result" alone "◷ 2 timed out"
see "time-out: the grade" alone "grade 0%"
keys alone q
ended "time-out drill" alone 0

start hot2 80 24 -- drill --seed 3 --count 1 --time 1 --players "Ana,Ben" "$deck"
wait_for hot2 "Pass to Ana"
keys hot2 Enter
see "hot-seat time-out: the turn passes on" hot2 "Pass to Ben"
see "hot-seat time-out: whose time ran out" hot2 "Time is up for Ana."
sleep 2
see "hot-seat time-out: the next clock waits for Enter" hot2 "Pass to Ben"
press_until hot2 Enter "Ben's turn"
see "hot-seat time-out: both timed out" hot2 "◷ Ben  Time is up"
press_until hot2 Enter "Podium"
see "hot-seat time-out: in the table" hot2 "1  Ana           0      0%      0       0      0          1"
keys hot2 q
ended "hot-seat time-out drill" hot2 0

# The clock runs on under the help, which the time-out closes.
start helped 80 24 -- drill --seed 3 --count 2 --time 6 "$deck"
wait_for helped "which option is right?"
keys helped '?'
see "help over a drill question" helped "The clock started"
keys helped Down Down Down Down Down Down
see "help: the drill's scoring" helped "up to 500"
see "help closed by the time-out" helped "Time is up: counts as wrong."
see_not "help gone" helped "Keys here"
keys helped q
see "end asked after a time-out" helped "End the drill?"
keys helped y
wait_for helped "Drill over"
keys helped q
ended "help and time-out" helped 0

# ---- q asks first; the terminal comes back clean -------------------------
start quit 80 24 -- drill --seed 3 --count 4 --time 60 "$deck"
wait_for quit "which option is right?"
keys quit q
see "q asks first" quit "End the drill? The 4 questions not asked yet"
keys quit n
see_gone "n goes back to the question" quit "End the drill?"
see "n: the countdown runs on" quit "◷"
pick quit right
wait_for quit "Right!"
keys quit q
see "q on the feedback asks too" quit "The 3 questions not asked yet"
keys quit y
see "yes: the result" quit "Drill over"
see "yes: what was answered counts" quit "✓ 1 right"
keys quit q
ended "quit a drill" quit 0
restored "quit a drill" quit
see "after quitting: the summary left on the terminal" quit "Not answered: 3"

# Ctrl-C ends at once, the terminal restored.
start_jobs=no start intr 80 24 -- drill --seed 3 --count 2 --time 60 "$deck"
wait_for intr "which option is right?"
keys intr C-c
ended "Ctrl-C in a drill" intr 130

# ---- a class drill: each answer recorded, a student resuming -------------
class_args="--class 7b --student Dana --results $T/results.db --seed 3 --count 2 --time 60 --no-speed"
start cls 80 24 -- drill $class_args "$deck"
wait_for cls "which option is right?"
pick cls right
see "class: the answer recorded" cls "Recorded in the results of class 7b."
keys cls q
wait_for cls "End the drill?"
keys cls y
see "class: the student's rank in the class" cls "Class 7b so far: rank 1 of 1"
see "class: the student in the ranking" cls "Dana"
keys cls q
ended "class drill" cls 0
start cls2 80 24 -- drill $class_args "$deck"
see "class: the student resumes where they left off" cls2 "Resuming at question 2 of 2 (score 100)."
pick cls2 wrong
wait_for cls2 "Wrong."
keys cls2 Enter
see "class: the end after resuming" cls2 "Grade: 50% (100 of 200 points)"
keys cls2 q
ended "class drill resumed" cls2 0
if command -v sqlite3 >/dev/null 2>&1; then
	got=$(sqlite3 "$T/results.db" "SELECT count(*) FROM answers" 2>&1)
	if [ "$got" = 2 ]; then pass "class: both answers in the results database, once each"
	else fail "class: both answers in the results database, once each" "got: $got"; fi
fi

# ---- --plain on a terminal ------------------------------------------------
start plain 80 24 -- drill --plain --seed 3 --count 1 --time 60 "$deck"
see "--plain: line by line on a terminal" plain "Question 1 of 1"
keys plain ':quit' Enter
ended "plain drill on a terminal" plain 0

e2e_end
