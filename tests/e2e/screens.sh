# End-to-end: golden screen dumps.  The real binary runs in tmux and is
# driven to every screen and every question type; each screen's text is
# compared with the file kept for it in tests/screens/ (NAME-COLSxROWS.txt).
# A difference fails with a unified diff.  After a deliberate change,
# `make screens` writes the files anew (RECALL_SCREENS=update), and the
# change shows in review as a diff of those files.
#
# What varies from run to run is written the same way before comparing:
# the time a quiz or a drill took ("time 0 s"), the seconds a drill's
# answer took ("N.N s", also when cut from its "s" at the end of a line),
# and a drill's countdown ("◷ NN s" and its bar as if full).
. tests/e2e/lib.sh
. tests/e2e/lib-tmux.sh
. tests/e2e/lib-report.sh

golden=tests/screens
deck=tests/data/basic.json
update=${RECALL_SCREENS:-}
[ "$update" = update ] && mkdir -p "$golden"

normalise() {
	sed -E -e 's/time [0-9]+ (h|min|s)( [0-9]+ (min|s))*/time 0 s/g' \
		-e 's/[0-9]+\.[0-9] s/N.N s/g' -e 's/· [0-9]+\.[0-9]$/· N.N/' \
		-e '/◷ +[0-9]+ s /{ s/◷ +[0-9]+ s/◷ NN s/; s/░/█/g; }'
}

# shot SESSION NAME MARKER: waits until SESSION shows MARKER and holds still,
# then compares the screen with $golden/NAME-SIZE.txt (or writes it).
shot() {
	_s=$1 _name=$2-$(tm display-message -p -t "$1" '#{window_width}x#{window_height}')
	_f=$golden/$_name.txt
	if ! wait_for "$_s" "$3"; then
		fail "screen $_name" "the screen never showed: $3" "it shows:" "$screen"
		return
	fi
	_prev= _i=0
	while [ $_i -lt 40 ]; do
		_cur=$(tm capture-pane -p -t "$_s" | normalise)
		[ "$_cur" = "$_prev" ] && break
		_prev=$_cur
		sleep 0.1
		_i=$((_i + 1))
	done
	printf '%s\n' "$_cur" >"$T/shot"
	if [ "$update" = update ]; then
		cp "$T/shot" "$_f"
		pass "screen $_name (written)"
	elif [ ! -f "$_f" ]; then
		fail "screen $_name" "no $_f: make screens writes it"
	elif diff -u "$_f" "$T/shot" >"$T/diff"; then
		pass "screen $_name"
	else
		fail "screen $_name" "differs from $_f (- kept, + now; make screens rewrites it after a deliberate change):" "$(cat "$T/diff")"
	fi
}

# A whole quiz in deck order: each question type before and after its
# answer, a right, a partly right, a wrong and a typo verdict, a card's two
# sides, and the summary its rating goes on to (the rating said there).
quiz_flow() { # SESSION
	s=$1
	shot "$s" choice "question 1 / 8"
	keys "$s" 2
	shot "$s" feedback-right "Right!"
	keys "$s" Enter
	shot "$s" multi "question 2 / 8"
	keys "$s" 1 Enter
	shot "$s" feedback-partial "Partly right"
	keys "$s" Enter
	shot "$s" truefalse "question 3 / 8"
	keys "$s" t
	shot "$s" feedback-wrong "Wrong."
	keys "$s" Enter
	wait_for "$s" "question 4 / 8"
	type_text "$s" "twenty-six"
	shot "$s" number "twenty-six"
	keys "$s" Enter
	shot "$s" feedback-number "Right!"
	keys "$s" Enter
	wait_for "$s" "question 5 / 8"
	type_text "$s" "baisaran medow"
	shot "$s" text "medow"
	keys "$s" Escape
	shot "$s" text-command "Esc back to typing"
	keys "$s" Escape Enter
	shot "$s" feedback-typo "Accepted with a typo"
	keys "$s" Enter
	shot "$s" order "question 6 / 8"
	keys "$s" Space
	shot "$s" order-held "drop"
	keys "$s" Down Space Enter
	shot "$s" feedback-order "question 6 / 8"
	keys "$s" Enter
	shot "$s" match "question 7 / 8"
	keys "$s" b
	shot "$s" match-paired "question 7 / 8"
	keys "$s" Right
	shot "$s" match-right "question 7 / 8"
	keys "$s" Left c a Enter
	shot "$s" feedback-match "question 7 / 8"
	keys "$s" Enter
	shot "$s" card-front "Space flip"
	keys "$s" Space
	shot "$s" card-back "4 easy"
	keys "$s" 3
	shot "$s" summary "Rated good"
	keys "$s" '?'
	shot "$s" help-summary "Keys here"
	keys "$s" x q
}

# The overlays: help over a question and a feedback, the hint and quit
# questions, a skipped question, and a summary with questions missed and
# not reached.
overlay_flow() { # SESSION
	s=$1
	wait_for "$s" "question 1 / 8"
	keys "$s" '?'
	shot "$s" help-choice "Keys here"
	keys "$s" x h
	shot "$s" confirm-hint "Take the hint?"
	keys "$s" y
	shot "$s" hint-taken "50 points"
	keys "$s" s
	shot "$s" feedback-skipped "Skipped."
	keys "$s" '?'
	shot "$s" help-feedback "Keys here"
	keys "$s" x q
	shot "$s" confirm-quit "Quit the quiz?"
	keys "$s" y
	shot "$s" summary-missed "not reached"
	keys "$s" q
}

# The start screen over the bundled decks and one of the learner's own.
mkdir -p "$T/xdg/recall/decks"
cp "$deck" "$T/xdg/recall/decks/basic.json"
start_flow() { # SESSION
	s=$1
	shot "$s" start "found"
	keys "$s" '?'
	shot "$s" help-start "Keys here"
	keys "$s" x q
}

for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	start "quiz$c" "$c" "$r" -- quiz --in-order --seed 5 "$deck"
	quiz_flow "quiz$c"
	ended "quiz at $size" "quiz$c" 0
	start "over$c" "$c" "$r" -- quiz --in-order --seed 5 "$deck"
	overlay_flow "over$c"
	ended "overlays at $size" "over$c" 0
	start "home$c" "$c" "$r" XDG_DATA_HOME="$T/xdg" --
	start_flow "home$c"
	ended "start screen at $size" "home$c" 0
done
# Study mode over a database in the test folder, the clock fixed: a
# question, its grade view with the grade proposed and what each grade
# would make the next review, another grade picked, the study summary
# after q; a card's back; then the statistics of that database.
study_env="TZ=UTC XDG_CONFIG_HOME=$T/config"
study_flow() { # SESSION
	s=$1
	shot "$s" study-question "The sky is green."
	keys "$s" f
	shot "$s" study-grade "(proposed)"
	keys "$s" 2
	shot "$s" study-grade-override "proposed: Easy"
	keys "$s" Enter
	wait_for "$s" "How many days"
	type_text "$s" 7
	keys "$s" Enter Enter
	wait_for "$s" "Capital of France?"
	keys "$s" Escape q
	wait_for "$s" "End the study session?"
	keys "$s" y
	shot "$s" study-summary "Grades given"
	keys "$s" q
}
for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	start "study$c" "$c" "$r" $study_env -- study --db "$T/study$c.db" --now 2025-03-01T09:00:00Z \
		--no-fuzz tests/data/study.json
	study_flow "study$c"
	ended "study at $size" "study$c" 0
	# A card's back in study: each rating with the interval it gives.
	start "scard$c" "$c" "$r" $study_env -- study --db "$T/scard$c.db" --now 2025-03-01T09:00:00Z \
		--no-fuzz tests/data/cards.json
	wait_for "scard$c" "Space flip"
	keys "scard$c" Space
	wait_for "scard$c" "Uno"
	keys "scard$c" NPage  # to the end of the body: the preview, at 40x12 too
	shot "scard$c" study-card-back "Good 10m"
	keys "scard$c" q
	wait_for "scard$c" "End the study session?"
	keys "scard$c" y
	wait_for "scard$c" "Grades given"
	keys "scard$c" q
	ended "study card at $size" "scard$c" 0
	start "stats$c" "$c" "$r" $study_env -- stats --db "$T/study$c.db" --now 2025-03-01T10:00:00Z
	shot "stats$c" stats "Statistics"
	keys "stats$c" q
	ended "statistics at $size" "stats$c" 0
	# The start screen over that progress: the deck studied has questions due.
	mkdir -p "$T/prog$c/recall/decks"
	cp tests/data/study.json "$T/prog$c/recall/decks/"
	cp "$T/study$c.db" "$T/prog$c/recall/recall.db"
	start "prog$c" "$c" "$r" $study_env XDG_DATA_HOME="$T/prog$c" --
	shot "prog$c" start-progress "2 due"
	keys "prog$c" q
	ended "start screen with progress at $size" "prog$c" 0
done

# The report of a drill (tests/e2e/lib-report.sh), and its watch seeing an
# answer come (dana passes ben: the change of rank shows).
for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	report_fixture "$T/report$c.db"
	start "report$c" "$c" "$r" TZ=UTC -- report --class 5b --results "$T/report$c.db"
	shot "report$c" report "Leaderboard"
	keys "report$c" q
	ended "report at $size" "report$c" 0
	start "watch$c" "$c" "$r" TZ=UTC -- report --class 5b --results "$T/report$c.db" --watch
	wait_for "watch$c" "13 answers"
	report_answer "$T/report$c.db" dana 2 "2 4" 0 1 150
	shot "watch$c" report-watch "14 answers"
	keys "watch$c" q
	ended "report watch at $size" "watch$c" 0
done

# Drills, with a clock long enough never to run out here and no speed
# points, so that the scores do not depend on how fast the keys come:
# three players taking turns (the hand-over, a question with its
# countdown and the help over it, the reveal, the leaderboard with ranks
# that moved, the podium), then one player (the feedback, the result).
drill_deck=tests/data/drill.json
# drill_pick SESSION WORD: presses the number of the option WORD.
drill_pick() {
	wait_for "$1" "$2"
	keys "$1" "$(item_number "$2")"
}
# drill_turns SESSION NAME:WORD...: each player's turn, answering WORD.
drill_turns() {
	_s=$1
	shift
	for _t in "$@"; do
		wait_for "$_s" "Pass to ${_t%%:*}"
		keys "$_s" Enter
		wait_for "$_s" "${_t%%:*}'s turn"
		drill_pick "$_s" "${_t#*:}"
	done
}
drill_flow() { # SESSION
	s=$1
	shot "$s" drill-pass "Pass to Ana"
	keys "$s" Enter
	shot "$s" drill-question "Ana's turn"
	keys "$s" '?'
	shot "$s" help-drill "Keys here"
	keys "$s" x
	wait_for "$s" "s skip"
	drill_pick "$s" right
	drill_turns "$s" Ben:right Chen:wrong
	shot "$s" drill-reveal "answered: wrong"
	keys "$s" Enter
	wait_for "$s" "after question 1 / 3"
	keys "$s" Enter
	drill_turns "$s" Ana:wrong Ben:right Chen:right
	wait_for "$s" "Enter leaderboard"
	keys "$s" Enter
	shot "$s" drill-board "after question 2 / 3"
	keys "$s" Enter
	drill_turns "$s" Ana:right Ben:right Chen:nope
	wait_for "$s" "Enter podium"
	keys "$s" Enter
	shot "$s" drill-podium "Podium"
	keys "$s" q
}
drill_one_flow() { # SESSION
	s=$1
	drill_pick "$s" right
	shot "$s" drill-feedback "Right!"
	keys "$s" Enter
	wait_for "$s" "question 2 / 2"
	drill_pick "$s" wrong
	wait_for "$s" "Wrong."
	keys "$s" Enter
	shot "$s" drill-result "Drill over"
	keys "$s" q
}
for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	start "dhot$c" "$c" "$r" -- drill --seed 3 --count 3 --time 600 --no-speed --players "Ana,Ben,Chen" \
		"$drill_deck"
	drill_flow "dhot$c"
	ended "hot-seat drill at $size" "dhot$c" 0
	start "done$c" "$c" "$r" -- drill --seed 3 --count 2 --time 600 --no-speed "$drill_deck"
	drill_one_flow "done$c"
	ended "one player's drill at $size" "done$c" 0
done

# A live drill's student (recall drill --join), against a plain host fed
# through a FIFO, with a clock long enough never to run out and no speed
# points: waiting for the teacher, a choice question, the answer sent, its
# verdict (right), a typed question, its verdict (wrong), the end.  A
# second student (plain, silent) keeps each question open until the host
# closes it.
live_deck=tests/data/live.json
# live_wait FILE TEXT: until the host's output FILE holds TEXT (30 s at most).
live_wait() {
	_i=0
	while [ $_i -lt 300 ] && ! grep -qF -- "$2" "$1" 2>/dev/null; do sleep 0.1; _i=$((_i + 1)); done
}
live_flow() { # SESSION, the host's input on fd 8
	s=$1
	shot "$s" live-wait "Joined: 3"
	echo >&8
	shot "$s" live-choice "planet"
	drill_pick "$s" Mars
	shot "$s" live-sent "Answer sent"
	echo >&8
	shot "$s" live-right "Right!"
	echo >&8
	wait_for "$s" "capital"
	type_text "$s" "Lyon"
	shot "$s" live-text "Lyon"
	keys "$s" Enter
	wait_for "$s" "Answer sent"
	echo >&8
	shot "$s" live-wrong "Wrong."
	echo >&8
	wait_for "$s" "sea is salty"
	keys "$s" t
	wait_for "$s" "Answer sent"
	echo >&8
	shot "$s" live-end "drill is over"
	keys "$s" Enter
}
for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	mkfifo "$T/live$c.in"
	exec 8<>"$T/live$c.in"
	"$RECALL" drill --host --class "L$c" "$live_deck" --count 3 --time 600 --no-speed --seed 1 \
		--results "$T/live$c.db" <&8 >"$T/live$c.host" 2>&1 &
	lhost=$!
	live_wait "$T/live$c.host" "Students join with"
	start "live$c" "$c" "$r" -- drill --join "L$c" --student Ana --results "$T/live$c.db"
	live_wait "$T/live$c.host" "(1 in all)"
	"$RECALL" drill --join "L$c" --student Ben --results "$T/live$c.db" </dev/null >/dev/null 2>&1 &
	lben=$!
	live_wait "$T/live$c.host" "(2 in all)"
	live_flow "live$c"
	ended "live student at $size" "live$c" 0
	exec 8>&-
	kill "$lhost" "$lben" 2>/dev/null  # only when they hang (a failure above)
	wait "$lhost" "$lben"
done

# The live drill's host (the teacher's side, full-screen), three plain
# students answering from FIFOs the script keeps open: the lobby, a
# question open and paused, a question closed (the bars, the top of the
# leaderboard) and the podium of a drill ended early.
# live_student NAME FD: a student of class 5B over $db, its answers
# written to FD, its output in $T/NAME-$c.out.
live_student() {
	mkfifo "$T/$1-$c.in"
	eval "exec $2<>\"\$T/\$1-\$c.in\""
	"$RECALL" drill --join 5B --student "$1" --results "$db" <"$T/$1-$c.in" >"$T/$1-$c.out" 2>&1 &
	eval "live_pid_$1=\$!"
}
# wait_out FILE TEXT: until FILE holds TEXT (15 s at most).
wait_out() {
	_i=0
	while [ "$_i" -lt 150 ] && ! grep -qF -- "$2" "$1" 2>/dev/null; do sleep 0.1; _i=$((_i + 1)); done
}
for size in 80x24 40x12; do
	c=${size%x*} r=${size#*x}
	db=$T/lhost$c.db
	start "lhost$c" "$c" "$r" -- drill --host --class 5B "$drill_deck" --count 3 --time 600 --no-speed \
		--seed 4 --results "$db"
	wait_for "lhost$c" "Waiting for the class"
	live_student ana 3
	wait_for "lhost$c" "1 joined"
	live_student ben 4
	wait_for "lhost$c" "2 joined"
	live_student cy 5
	shot "lhost$c" live-lobby "3 joined"
	keys "lhost$c" Enter
	shot "lhost$c" live-question "0 of 3 answered"
	keys "lhost$c" p
	shot "lhost$c" live-paused "PAUSED"
	keys "lhost$c" p
	for s in ana ben cy; do wait_out "$T/$s-$c.out" "Going on"; done
	echo right >&3
	echo wrong >&4
	echo right >&5
	shot "lhost$c" live-closed "3 of 3 answered"
	keys "lhost$c" Enter
	wait_for "lhost$c" "question 2 / 3"
	keys "lhost$c" e
	wait_for "lhost$c" "End the drill?"
	keys "lhost$c" y
	shot "lhost$c" live-podium "Podium"
	keys "lhost$c" Enter
	ended "live host at $size" "lhost$c" 0
	exec 3>&- 4>&- 5>&-
	# (The drill's end ends them; killed only when it never came, a
	# failure above, so that the script does not wait for ever.)
	kill "$live_pid_ana" "$live_pid_ben" "$live_pid_cy" 2>/dev/null
	wait "$live_pid_ana" "$live_pid_ben" "$live_pid_cy"
done

start home120 120 40 XDG_DATA_HOME="$T/xdg" --
shot home120 start "found"
keys home120 q
ended "start screen at 120x40" home120 0
start small 25 8 -- quiz --in-order --seed 5 "$deck"
shot small small "25×8"
keys small q
shot small confirm-small "Quit the quiz?"
keys small y q
ended "too small" small 0

e2e_end
