# End-to-end: the full-screen front end in a real terminal (tmux), asserting
# on what the screen shows: a whole quiz through every question type, the
# help, the hint and quitting, resizes (to 40x12 and below the minimum),
# Ctrl-C, SIGTERM, SIGHUP and Ctrl-Z, colours and NO_COLOR, the start
# screen, and decks and file names holding escape sequences.
. tests/e2e/lib.sh
esc=$(printf '\033')

if ! command -v tmux >/dev/null 2>&1; then
	fail "curses: tmux" "tmux is not installed; make test installs it (apt-get install tmux)"
	e2e_end
fi

sock=recall-test-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# tmux leaves its socket behind: that goes too.
trap 'tm kill-server >/dev/null 2>&1; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; rm -rf "$T"' EXIT

# A session that keeps the server up; panes stay after their program ends.
tm new-session -d -s keep -x 80 -y 24 "sleep 600" || { fail "curses: tmux server" "could not start tmux"; e2e_end; }
tm set-option -g remain-on-exit on >/dev/null

# Quotes one word for sh.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# start NAME COLS ROWS [VAR=VALUE...] -- ARGS...: runs recall in a tmux
# session NAME of that size, from a small script that keeps the terminal
# settings before and after ($T/NAME.before, .after), recall's stderr
# ($T/NAME.err) and its exit status ($T/NAME.rc).  Its shell has job
# control, so Ctrl-Z stops recall alone; "fg" on its input resumes it.
start() {
	_n=$1 _c=$2 _r=$3
	shift 3
	_env="LC_ALL=C.UTF-8 XDG_DATA_HOME=$(q "$T/xdg-empty")"
	while [ "$1" != "--" ]; do _env="$_env $(q "$1")"; shift; done
	shift
	_args=
	for _a in "$@"; do _args="$_args $(q "$_a")"; done
	cat >"$T/$_n.sh" <<EOF
trap : INT HUP TERM
set -m
stty -g >$(q "$T/$_n.before")
env $_env $(q "$RECALL")$_args 2>$(q "$T/$_n.err")
st=\$?
if [ \$st = 148 ]; then echo "STOPPED, type fg"; read x; fg; st=\$?; fi
echo \$st >$(q "$T/$_n.rc")
stty -g >$(q "$T/$_n.after")
echo "recall ended: \$st"
exec sleep 600
EOF
	tm new-session -d -s "$_n" -x "$_c" -y "$_r" "sh $(q "$T/$_n.sh")"
}

# wait_for NAME TEXT: polls NAME's screen, for at most 15 s, until it shows
# TEXT; the screen is left in $screen.  False when it never does.
wait_for() {
	_i=0
	while [ $_i -lt 150 ]; do
		screen=$(tm capture-pane -p -t "$1" 2>/dev/null)
		case $screen in *"$2"*) return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# see CHECK NAME TEXT: a check that NAME's screen comes to show TEXT.
see() {
	if wait_for "$2" "$3"; then pass "$1"; else fail "$1" "the screen never showed: $3" "it shows:" "$screen"; fi
}

# see_not CHECK NAME TEXT: the screen as it is now does not show TEXT.
see_not() {
	screen=$(tm capture-pane -p -t "$2" 2>/dev/null)
	case $screen in
	*"$3"*) fail "$1" "the screen shows: $3" "$screen" ;;
	*) pass "$1" ;;
	esac
}

# ended CHECK NAME WANT: recall in NAME ended with status WANT, the terminal
# settings are as before, and the sanitizers said nothing.
ended() {
	_i=0
	while [ ! -s "$T/$2.rc" ] && [ $_i -lt 150 ]; do sleep 0.1; _i=$((_i + 1)); done
	_rc=$(cat "$T/$2.rc" 2>/dev/null)
	if [ "$_rc" = "$3" ]; then pass "$1: exit status $3"
	else fail "$1: exit status $3" "got '$_rc'" "stderr: $(cat "$T/$2.err" 2>/dev/null)"; fi
	_i=0
	while [ ! -s "$T/$2.after" ] && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
	if cmp -s "$T/$2.before" "$T/$2.after"; then pass "$1: terminal settings restored"
	else fail "$1: terminal settings restored" "before: $(cat "$T/$2.before")" "after: $(cat "$T/$2.after" 2>/dev/null)"; fi
	if grep -q 'Sanitizer\|runtime error' "$T/$2.err" 2>/dev/null; then
		fail "$1: no sanitizer report" "$(cat "$T/$2.err")"
	else
		pass "$1: no sanitizer report"
	fi
}

# restored CHECK NAME: after recall, the pane is back on the normal screen
# with the cursor shown (asked while the pane's shell still runs).
restored() {
	wait_for "$2" "recall ended"
	_s=$(tm display-message -p -t "$2" '#{alternate_on} #{cursor_flag}')
	if [ "$_s" = "0 1" ]; then pass "$1: normal screen and cursor back"
	else fail "$1: normal screen and cursor back" "alternate_on, cursor_flag: $_s"; fi
}

keys() { _n=$1; shift; tm send-keys -t "$_n" "$@"; }
type_text() { tm send-keys -t "$1" -l "$2"; }

# The line of the screen holding TEXT, as its 1-based item number ("2."),
# read from "  ▸ ↕ 2. text" and the like.
item_number() {
	printf '%s\n' "$screen" | awk -v t="$1" '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+\.$/ && $(i + 1) == t && i + 1 == NF) { sub(/\./, "", $i); print $i; exit } }'
}

# The letter of a match partner, from "  a. kitten".
partner_letter() {
	printf '%s\n' "$screen" | awk -v t="$1" '/Partners:/ { on = 1; next } on { for (i = 1; i <= NF; i++) if ($i ~ /^[a-z]\.$/ && $(i + 1) == t) { print substr($i, 1, 1); exit } }'
}

deck=tests/data/basic.json

# ---- a whole quiz, every question type, keys only ------------------------
start all 80 24 -- quiz --in-order --seed 5 --summary-json "$T/sum.json" "$deck"
see "quiz: header, progress and keys" all "question 1 / 8"
see "quiz: footer lists the keys" all "1-3 answer"
see "quiz: choice shown" all "Which is second?"
keys all 2
see "choice by number: right" all "Right!"
see "feedback: explanation" all "Why: Two comes after one."
see "feedback: source and paragraph" all "Source: Test report, paragraph 2"
keys all Enter
see "multi shown" all "Which are even?"
keys all 1 Down Down Space
see "multi: toggled options marked" all "[x] 3. 4"
keys all Enter
see "multi: right" all "+110 points, streak 2"
keys all Enter
see "truefalse shown" all "The sky is green."
keys all f
see "truefalse by f: right" all "Right!"
keys all Enter
see "number shown with its unit" all "answer in people"
type_text all "twenty-six peopel"
keys all BSpace BSpace
type_text all "le"
see "number: typed text edited" all "> twenty-six people"
keys all Enter
see "number in words: right" all "+130 points, streak 4"
keys all Enter
see "text shown" all "Near which meadow?"
type_text all "baisaran medow"
keys all Enter
see "text: accepted with a typo" all "Accepted with a typo: baisaran medow."
keys all Enter
see "order shown" all "Put these in order."
# Put the items in order as a person would: mark, grab, move up, drop.
for want in 1:first 2:second; do
	pos=${want%%:*} item=${want#*:}
	wait_for all "$item"
	at=$(item_number "$item")
	if [ -n "$at" ] && [ "$at" -gt "$pos" ]; then
		keys all "$at" Space
		while [ "$at" -gt "$pos" ]; do keys all Up; at=$((at - 1)); done
		keys all Space
		wait_for all "$pos. $item"
	fi
done
see "order: items moved" all "3. third"
keys all Enter
see "order: right" all "+150 points, streak 6"
keys all Enter
see "match shown" all "Match the pairs."
wait_for all "Partners:"
keys all q
see "match: q asks to quit, it is no partner letter" all "Quit the quiz?"
keys all n
see_not "match: n goes back" all "Quit the quiz?"
keys all "$(partner_letter kitten)"
keys all "$(partner_letter puppy)"
keys all "$(partner_letter calf)"
see "match: pairs shown" all "3. cow  → $(partner_letter calf). calf"
keys all Enter
see "match: right" all "+150 points, streak 7"
keys all Enter
see "card: front" all "Andrey Rudenko"
see "card: flip key listed" all "Space flip"
keys all Space
see "card: back after Space" all "Russia's Deputy Foreign Minister"
see "card: ratings listed" all "1 again  2 hard  3 good  4 easy"
keys all 3
see "card: rated" all "Rated good: counts as right."
keys all Enter
see "summary: score" all "Score 1050 of 1050 (100%)"
see "summary: counts in words and marks" all "✓ 8 right"
see "summary: bar chart by tag" all "numbers     ████████████████████████████████████████ 100%  3 of 3 right"
see "summary: nothing missed" all "Nothing missed."
keys all q
ended "quiz" all 0
restored "quiz" all
if grep -q '"percent":	100' "$T/sum.json" 2>/dev/null; then pass "quiz: --summary-json written"
else fail "quiz: --summary-json written" "$(cat "$T/sum.json" 2>/dev/null)"; fi

# ---- help, hint, wrong answers, quitting, retry --------------------------
start ask 80 24 -- quiz --in-order "$deck"
see "help: question screen" ask "Which is second?"
keys ask '?'
see "help: overlay lists the keys" ask "Keys here"
see "help: says how the screen works" ask "Press an option's number or letter"
keys ask x
see "help: any key closes it" ask "1-3 answer"
keys ask h
see "hint: asked first" ask "Take the hint?"
see "hint: its cost said" ask "worth 50 points"
keys ask y
see "hint: shown" ask "Hint: Not the first."
see "hint: halves the points" ask "50 points (hint taken)"
keys ask 1
see "wrong: said in words and marks" ask "✗ Wrong."
see "wrong: the right answer" ask "Answer: two"
keys ask Enter
keys ask 1 Enter
see "partial: fraction" ask "Partly right (50%)."
keys ask Enter
see "skip: truefalse" ask "The sky is green."
keys ask s
see "skip: said" ask "Skipped."
keys ask q
see "quit: asks first" ask "Quit the quiz?"
see "quit: says what is lost" ask "The 5 questions not answered yet"
keys ask n
see_not "quit: n goes on" ask "Quit the quiz?"
keys ask q y
see "quit: summary follows" ask "5 not reached (of 8)"
see "summary: missed listed" ask "Missed (3)"
see "summary: retry offered" ask "r retry 3 missed"
keys ask r
see "retry: the missed again" ask "question 1 / 3"
keys ask 2
see "retry: answered" ask "Right!"
keys ask q y q
ended "quit" ask 0

# ---- typing: Esc commands, and a resize to 40x12 and back mid-question --
start size 80 24 -- quiz --in-order --type text "$deck"
see "resize: text question" size "Near which meadow?"
type_text size "Baisar"
keys size Escape
see "typing: Esc shows the commands" size "Command: h hint, s skip, ? help, q quit"
keys size x
see_not "typing: another key goes back" size "Command:"
tm resize-window -t size -x 40 -y 12
see "resize to 40x12: typed input kept" size "> Baisar"
see "resize to 40x12: header" size "question 1 / 1"
see "resize to 40x12: question wrapped" size "Near which meadow?"
see "resize to 40x12: score still on the right" size "Basic test deck     score 0 · streak 0"
see "resize to 40x12: every key still listed" size "Esc q quit"
if [ "$(tm display-message -p -t size '#{window_width}x#{window_height}')" = 40x12 ]; then
	pass "resize to 40x12: window resized"
else
	fail "resize to 40x12: window resized" "$(tm display-message -p -t size '#{window_width}x#{window_height}')"
fi
tm resize-window -t size -x 20 -y 8
see "too small: says the size needed" size "30×10"
see "too small: and the size now" size "20×8"
tm resize-window -t size -x 80 -y 24
see "enlarged: the question again, input kept" size "> Baisar"
type_text size "an"
keys size Enter
see "resize: then answered" size "Right!"
keys size Enter q
ended "resize" size 0

start tiny 25 8 -- quiz --in-order "$deck"
see "too small from the start: size needed" tiny "30×10"
see "too small from the start: size now" tiny "25×8"
keys tiny q
ended "too small from the start: q quits" tiny 0

# ---- signals: Ctrl-C, SIGTERM, SIGHUP; Ctrl-Z and fg ---------------------
start intr 80 24 -- quiz --in-order "$deck"
see "Ctrl-C: quiz running" intr "Which is second?"
keys intr Down
keys intr C-c
ended "Ctrl-C" intr 130
restored "Ctrl-C" intr

# The pid of recall: the child of the pane's shell (from /proc: no ps needed).
recall_pid() {
	_pp=$(tm display-message -p -t "$1" '#{pane_pid}')
	for _d in /proc/[0-9]*; do
		if grep -q "^PPid:[[:space:]]*$_pp\$" "$_d/status" 2>/dev/null; then
			echo "${_d#/proc/}"
			return
		fi
	done
}

start term 80 24 -- quiz --in-order "$deck"
see "SIGTERM: quiz running" term "Which is second?"
kill -TERM "$(recall_pid term)"
ended "SIGTERM" term 143
restored "SIGTERM" term

start hup 80 24 -- quiz --in-order "$deck"
see "SIGHUP: quiz running" hup "Which is second?"
kill -HUP "$(recall_pid hup)"
ended "SIGHUP" hup 129

start stop 80 24 -- quiz --in-order "$deck"
see "Ctrl-Z: quiz running" stop "Which is second?"
keys stop Down
keys stop C-z
see "Ctrl-Z: suspended, shell back" stop "STOPPED, type fg"
restored "Ctrl-Z" stop
keys stop Enter
see "fg: redrawn, state kept" stop "▸ 2. two"
keys stop Enter
see "fg: keys work" stop "Right!"
keys stop q y q
ended "Ctrl-Z and fg" stop 0

# ---- colours, and none with NO_COLOR or --no-color -----------------------
# A foreground colour (30-37) in an SGR sequence; 39 is the default colour.
colour_sgr="${esc}\[([0-9]+;)*3[0-7](;[0-9]+)*m"
start colour 80 24 -- quiz --in-order "$deck"
see "colour: running" colour "Which is second?"
keys colour 1
see "colour: wrong" colour "Wrong."
if tm capture-pane -e -p -t colour | grep -q "${esc}\[31m"; then pass "colour: wrong in red"
else fail "colour: wrong in red" "$(tm capture-pane -e -p -t colour | cat -v | head -8)"; fi
keys colour q y q
ended "colour" colour 0
# no_colour NAME SESSION [ENV...] -- ARGS...: a quiz that must show no colour.
no_colour() {
	nc_name=$1 nc_s=$2; shift 2
	start "$nc_s" 80 24 "$@"
	see "$nc_name: running" "$nc_s" "Which is second?"
	keys "$nc_s" 1
	see "$nc_name: wrong still said" "$nc_s" "✗ Wrong."
	if tm capture-pane -e -p -t "$nc_s" | grep -Eq "$colour_sgr"; then
		fail "$nc_name: no colour" "$(tm capture-pane -e -p -t "$nc_s" | cat -v | head -8)"
	else
		pass "$nc_name: no colour"
	fi
	keys "$nc_s" q y q
	ended "$nc_name" "$nc_s" 0
}
no_colour NO_COLOR nocolour NO_COLOR=1 -- quiz --in-order "$deck"
no_colour --no-color nocolour2 -- quiz --no-color --in-order "$deck"

# A yes-or-no question in a window too low for its full text says it short.
start lowask 32 10 -- quiz --in-order "$deck"
see "low window: running" lowask "Which is second?"
keys lowask h
see "low window: the hint's cost, short" lowask "Take the hint? 50"
keys lowask n q
see "low window: quitting, short" lowask "Quit the quiz?"
keys lowask y q
ended "low window" lowask 0

# ---- the start screen, and escape sequences in decks and file names ------
mkdir -p "$T/xdg/recall/decks"
cp tests/data/escape.json "$T/xdg/recall/decks/bad${esc}[7mname.json"
cp "$deck" "$T/xdg/recall/decks/my${esc}]2;pwned$(printf '\007')deck.json"
cat >"$T/xdg/recall/decks/zz-match.json" <<'JSON'
{"format": "recall-deck/1", "id": "match-only", "title": "Match only", "questions": [
  {"id": "p", "type": "match", "prompt": "Match the pairs.", "pairs": [["cat", "kitten"], ["dog", "puppy"], ["cow", "calf"]]}]}
JSON
cat >"$T/xdg/recall/decks/zz-order.json" <<'JSON'
{"format": "recall-deck/1", "id": "order-only", "title": "Order only", "questions": [
  {"id": "o", "type": "order", "prompt": "Put these in order.", "items": ["first", "second", "third"]}]}
JSON
start home 80 24 XDG_DATA_HOME="$T/xdg" --
see "start: lists the bundled decks" home "Rudenko meets Kumar"
see "start: and the learner's own" home "Basic test deck"
see "start: question counts" home "8 questions"
see "start: tags" home "facts, numbers, places"
see "escape: file name shown escaped" home 'my\e]2;pwned\x07deck.json'
see "escape: invalid deck named, escaped" home 'bad\e[7mname.json: not a valid deck'
see "escape: its first error, escaped" home "'prompt' holds a control character"
if [ "$(tm display-message -p -t home '#{pane_title}')" = pwned ]; then fail "escape: window title untouched"
else pass "escape: window title untouched"; fi
if tm capture-pane -e -p -t home | grep -q "${esc}\[7mname"; then fail "escape: no raw sequence drawn"
else pass "escape: no raw sequence drawn"; fi
keys home End
keys home Up Up
keys home Right
see "start: a tag picked" home "< dates >"
keys home Down Right
see "start: a number picked" home "< 5 of"
keys home Enter
see "start: the quiz starts" home "question 1 / 5"
keys home Escape q y  # Esc first, in case the question is typed
see "start: summary" home "5 not reached (of 5)"
see "start: back to the decks offered" home "b decks"
keys home b
see "start: back on the start screen" home "decks found"
# A quiz started here whose first question is an order or a match: its
# answer state is set up afresh (items listed once each, nothing paired).
keys home End Up Up Up Space
see "start: a deck picked" home "[x] Order only"
keys home Enter
see "start: order first" home "Put these in order."
for item in first second third; do
	if [ -n "$(item_number "$item")" ]; then pass "start: order question lists '$item' once"
	else fail "start: order question lists '$item' once" "$screen"; fi
done
keys home q y
see "start: its summary" home "Summary: Order only"
keys home b
see "start: the deck still picked" home "[x] Order only"
keys home End Up Up Up Space Up Space
see "start: another deck picked" home "[x] Match only"
keys home Enter
see "start: match first" home "Match the pairs."
see "start: match, nothing paired yet" home "1. cat  → ?"
see "start: match, nothing paired yet (3)" home "3. cow  → ?"
keys home q y
see "start: and its summary" home "Summary: Match only"
keys home q
ended "start screen" home 0

# ---- a terminal that cannot be drawn on: the plain mode instead ----------
start dumb 80 24 TERM=dumb -- quiz --in-order "$deck"
see "TERM=dumb: plain mode instead" dumb "Question 1 of 8 (choice, 100 points)"
type_text dumb ":quit"
keys dumb Enter
see "TERM=dumb: plain summary" dumb "== Summary =="
ended "TERM=dumb" dumb 0
start unknown 80 24 TERM=no-such-terminal XDG_DATA_HOME="$T/xdg" --
see "unknown TERM, no arguments: a plain quiz" unknown "Question 1 of"
type_text unknown ":quit"
keys unknown Enter
see "unknown TERM: plain summary" unknown "== Summary =="
ended "unknown TERM" unknown 0

start refuse 80 24 -- quiz tests/data/escape.json
ended "escape in deck text: refused" refuse 2
if grep -q "'prompt' holds a control character" "$T/refuse.err" && ! grep -q "$esc" "$T/refuse.err"; then
	pass "escape in deck text: said, nothing raw"
else
	fail "escape in deck text: said, nothing raw" "$(cat -v "$T/refuse.err")"
fi
see_not "escape in deck text: no red text on screen" refuse "Red text"

e2e_end
