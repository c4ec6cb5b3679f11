# End-to-end: the full-screen front end in a real terminal (tmux), asserting
# on what the screen shows: a whole quiz through every question type, the
# help, the hint and quitting, resizes (to 40x12 and below the minimum),
# Ctrl-C, SIGTERM, SIGHUP and Ctrl-Z, colours and NO_COLOR, the start
# screen, and decks and file names holding escape sequences.
. tests/e2e/lib.sh
. tests/e2e/lib-tmux.sh

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
see_gone "match: n goes back" all "Quit the quiz?"
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
see "card: the rating goes on to the summary at once" all "Summary: Basic test deck"
see "card: its rating said there" all "Rated good: counts as right. +"
see "summary: the grade" all "Grade: 100% (800 of 800 points)"
see "summary: the score" all "Score: 1050 (with streak bonuses)"
see "summary: the header says the grade" all "grade 100%"
see "summary: counts in words and marks" all "✓ 8 right"
see "summary: bar chart by tag" all "numbers     ████████████████████████████████████████ 100%  3 of 3 right"
see "summary: nothing missed" all "Nothing missed."
keys all q
ended "quiz" all 0
restored "quiz" all
see "quiz: its summary stays printed after the screen" all "== Summary =="
see "quiz: the printed summary has the grade" all "Grade: 100% (800 of 800 points)"
if grep -q '"percent":	100' "$T/sum.json" 2>/dev/null; then pass "quiz: --summary-json written"
else fail "quiz: --summary-json written" "$(cat "$T/sum.json" 2>/dev/null)"; fi

# ---- many options: every one picked by number, no letter a command -------
# A 19-option choice and multi and a 12-pair match (in deck order): with
# more than 9, a digit that could start a longer number waits for the next
# digit or Enter; letters never pick choice options, and the partners'
# letters skip h, s and q, the commands.
opts= pairs=
for i in $(seq 1 19); do opts="$opts${opts:+, }\"opt$i\""; done
for i in $(seq 1 12); do pairs="$pairs${pairs:+, }[\"L$i\", \"R$i\"]"; done
cat >"$T/many.json" <<JSON
{"format": "recall-deck/1", "id": "many", "title": "Many options", "questions": [
  {"id": "c", "type": "choice", "prompt": "Pick twelve.", "choices": [$opts], "answer": "opt12", "shuffle": false, "hint": "Twelve."},
  {"id": "m", "type": "multi", "prompt": "Pick eight and twelve.", "choices": [$opts], "answer": ["opt8", "opt12"], "shuffle": false},
  {"id": "o", "type": "choice", "prompt": "Pick one.", "choices": [$opts], "answer": "opt1", "shuffle": false},
  {"id": "p", "type": "match", "prompt": "Match the twelve.", "pairs": [$pairs]}]}
JSON
start many 80 40 -- quiz --in-order "$T/many.json"
see "many: choice of 19" many "19. opt19"
see "many: the footer says every number" many "1-19 answer"
keys many 1
see "many: 1 waits for another digit" many "option 1… (another digit, or Enter)"
see_not "many: nothing answered yet" many "Right!"
keys many 2
see "many: 1 then 2 picks option 12" many "Right!"
keys many Enter
see "many: multi of 19" many "Pick eight and twelve."
keys many h
sleep 0.5
see_not "many: h is the hint, no option" many "[x] 8."
keys many 8
see "many: 8 picks at once" many "[x]  8. opt8"
keys many 1 2
see "many: 1 2 picks 12" many "[x] 12. opt12"
keys many 1 Enter
see "many: 1 then Enter picks 1" many "[x]  1. opt1"
keys many 1 Enter
sleep 0.5
see_not "many: again, unpicks it" many "[x]  1. opt1"
keys many Enter
see "many: then Enter answers" many "Right!"
keys many Enter
see "many: a third" many "Pick one."
keys many 1 Enter
see "many: 1 then Enter answers option 1" many "Right!"
keys many Enter
see "many: match of 12" many "Match the twelve."
see "many: the partners' letters skip the commands" many "1-12 item  a-m partner"
if wait_for many "g. " && ! printf '%s\n' "$screen" | grep -q ' [hqs]\. R'; then pass "many: no partner lettered h, q or s"
else fail "many: no partner lettered h, q or s" "$screen"; fi
keys many 1 1
see "many: item 11 by its number" many "The partner of item 11"
keys many m
see "many: m pairs it with the twelfth partner" many "11. L11  → m."
keys many s
see "many: s skips, it is no partner" many "Skipped."
keys many q y q
ended "many options" many 0

# ---- help, hint, wrong answers, quitting, retry --------------------------
start ask 80 24 -- quiz --in-order "$deck"
see "help: question screen" ask "Which is second?"
keys ask '?'
see "help: overlay lists the keys" ask "Keys here"
see "help: says how the screen works" ask "Press an option's number to answer"
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
see_gone "quit: n goes on" ask "Quit the quiz?"
keys ask q y
see "quit: summary follows" ask "5 not reached (of 8)"
see "summary: missed listed" ask "Missed (3)"
see "summary: retry offered, missed and not reached" ask "r retry 8 questions"
keys ask End
see "summary: the offer in words" ask "Retry the 3 missed and 5 not reached? Press r."
keys ask r
see "retry: the missed and the not reached again" ask "question 1 / 8"
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
see_gone "typing: another key goes back" size "Command:"
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

# A number is read as the check reads it: a date on a day question, a
# number followed by words; the feedback says what was read.
cat >"$T/numbers.json" <<'JSON'
{"format": "recall-deck/1", "id": "numbers", "title": "Numbers", "questions": [
  {"id": "d", "type": "number", "prompt": "On which day of April was the attack?", "answer": 22},
  {"id": "k", "type": "number", "prompt": "How many were killed?", "answer": 26}]}
JSON
start num 80 24 -- quiz --in-order "$T/numbers.json"
see "numbers: a day question" num "On which day of April"
type_text num "April 22"
keys num Enter
see "numbers: a date on a day question is its day" num "Right!"
see "numbers: said how it was read" num "Read as 22."
keys num Enter
see "numbers: the next" num "How many were killed?"
type_text num "26 civilians"
keys num Enter
see "numbers: a number then words" num "Right!"
see "numbers: read as said" num "Read as 26."
keys num Enter q
ended "numbers" num 0

# The field edits as readline does: ^W the word before the cursor, ^A
# and Alt-F move, ^K deletes to the end, ^U to the start.
start edit 80 24 -- quiz --in-order --type text "$deck"
see "editing: text question" edit "Near which meadow?"
type_text edit "Baisaran medow"
wait_for edit "Baisaran medow"
keys edit C-w
see_gone "editing: ^W deletes the word before the cursor" edit "medow"
type_text edit "meadow"
wait_for edit "Baisaran meadow"
keys edit C-a M-f C-k
see "editing: Alt-F after the first word, ^K deletes to the end" edit "> Baisaran"
see_gone "editing: the rest gone" edit "Baisaran meadow"
keys edit C-b C-b C-u
see "editing: ^U deletes to the start" edit "> an"
keys edit C-e
type_text edit "y"
see "editing: ^E to the end" edit "> any"
keys edit C-a C-k
type_text edit "Baisaran"
keys edit Enter
see "editing: then answered" edit "Right!"
keys edit Enter q
ended "editing" edit 0

start tiny 25 8 -- quiz --in-order "$deck"
see "too small from the start: size needed" tiny "30×10"
see "too small from the start: size now" tiny "25×8"
keys tiny q
see "too small: q asks first, short" tiny "Quit the quiz?"
see "too small: the question's keys" tiny "y yes"
keys tiny n
see_gone "too small: n goes back" tiny "Quit the quiz?"
see "too small: to the size needed" tiny "30×10"
keys tiny q y
see "too small: after yes, still too small" tiny "25×8"
tm resize-window -t tiny -x 80 -y 24
see "too small: then enlarged, the summary" tiny "8 not reached (of 8)"
tm resize-window -t tiny -x 25 -y 8
keys tiny q
ended "too small from the start: q asks, then quits" tiny 0
restored "too small from the start" tiny
see "too small: the summary printed after" tiny "Not reached: 8"

# ---- escape sequences ncurses does not know are dropped whole ------------
# raw SESSION: sends each sequence that no terminfo entry here decodes (End
# and Home as some terminals send them, Ctrl-End, the start of a bracketed
# paste, an SS3 with a parameter) as raw bytes.
raw() {
	for _h in "1b 5b 34 7e" "1b 5b 31 7e" "1b 5b 31 3b 35 46" "1b 5b 32 30 30 7e" "1b 4f 35 46"; do
		# shellcheck disable=SC2086
		tm send-keys -t "$1" -H $_h
	done
}
start seq 80 24 -- quiz --in-order "$deck"
see "sequences: choice" seq "Which is second?"
raw seq
sleep 0.5
see_not "sequences: no choice answered" seq "question 1 / 8 █"
see_not "sequences: no verdict" seq "Wrong."
see_not "sequences: no verdict (right)" seq "Right!"
see "sequences: the marked option unmoved" seq "▸ 1. one"
keys seq 2
see "sequences: the keys after them still work" seq "Right!"
keys seq Enter
see "sequences: multi" seq "Which are even?"
raw seq
sleep 0.5
see_not "sequences: nothing ticked" seq "[x]"
keys seq 2
see "sequences: a number after them ticks" seq "[x] 2."
keys seq q y q
ended "sequences" seq 0
start seqt 80 24 -- quiz --in-order --type text "$deck"
see "sequences: text field" seqt "Near which meadow?"
type_text seqt "ab"
raw seqt
sleep 0.5
see "sequences: the field" seqt "> ab"
see_not "sequences: nothing typed" seqt "~"
see_not "sequences: nothing typed (SS3)" seqt "5F"
see_not "sequences: no command mode" seqt "Command:"
keys seqt Escape
see "sequences: a lone Esc still leads to the commands" seqt "Command: h hint"
keys seqt Escape
tm send-keys -t seqt -H 1b 73
see "sequences: Alt-s skips as Esc s does" seqt "Skipped."
keys seqt Enter q
ended "sequences in a field" seqt 0

# ---- signals: Ctrl-C, SIGTERM, SIGHUP; Ctrl-Z and fg ---------------------
start intr 80 24 -- quiz --in-order "$deck"
see "Ctrl-C: quiz running" intr "Which is second?"
keys intr Down
keys intr C-c
ended "Ctrl-C" intr 130
restored "Ctrl-C" intr
see "Ctrl-C: the summary printed after the screen" intr "Not reached: 8"

start term 80 24 -- quiz --in-order "$deck"
see "SIGTERM: quiz running" term "Which is second?"
kill -TERM "$(recall_pid term)"
ended "SIGTERM" term 143
restored "SIGTERM" term
see "SIGTERM: the summary printed after the screen" term "== Summary =="

start hup 80 24 -- quiz --in-order "$deck"
see "SIGHUP: quiz running" hup "Which is second?"
kill -HUP "$(recall_pid hup)"
ended "SIGHUP" hup 129

# The terminal goes away (its window or session killed) mid-quiz: the
# report is written first, and the status is that of a hangup.
# gone CHECK HOW: a quiz answered once, then its terminal killed by HOW.
gone() {
	start_jobs=no start gone 80 24 -- quiz --in-order --summary-json "$T/gone.json" "$deck"
	see "$1: quiz running" gone "Which is second?"
	keys gone 2
	see "$1: answered" gone "Right!"
	tm "$2" -t gone
	_i=0
	while [ ! -s "$T/gone.rc" ] && [ $_i -lt 150 ]; do sleep 0.1; _i=$((_i + 1)); done
	if [ "$(cat "$T/gone.rc" 2>/dev/null)" = 129 ]; then pass "$1: exit status 129"
	else fail "$1: exit status 129" "got '$(cat "$T/gone.rc" 2>/dev/null)'" "stderr: $(cat "$T/gone.err")"; fi
	if grep -q '"correct":	1' "$T/gone.json" 2>/dev/null && grep -q '"unreached":	7' "$T/gone.json"; then
		pass "$1: --summary-json written"
	else
		fail "$1: --summary-json written" "$(cat "$T/gone.json" 2>/dev/null)" "stderr: $(cat "$T/gone.err")"
	fi
	if grep -q 'Sanitizer\|runtime error\|went away' "$T/gone.err"; then fail "$1: nothing on stderr" "$(cat "$T/gone.err")"
	else pass "$1: nothing on stderr"; fi
	rm -f "$T/gone.rc" "$T/gone.json"
}
gone "window killed" kill-window
gone "session killed" kill-session

start stop 80 24 -- quiz --in-order "$deck"
see "Ctrl-Z: quiz running" stop "Which is second?"
keys stop Down
# Down must be read before Ctrl-Z: the stop would otherwise drop it unread.
see "Ctrl-Z: the mark moved first" stop "▸ 2. two"
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
cp questions/who-is-who.json "$T/xdg/recall/decks/who-copy.json"  # a copy of a bundled deck
start home 80 24 XDG_DATA_HOME="$T/xdg" --
see "start: lists the bundled decks" home "Rudenko meets Kumar"
see "start: a copy of a deck listed once, with a note" home "also found as $T/xdg/recall/decks/who-copy.json"
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
see "start: only the decks with that tag count" home "from 2 decks ]"
keys home Left
keys home 3
see "start: a digit types the number of questions" home "< 3_ of"
keys home BSpace
see "start: Backspace takes it back" home "< all "
keys home 4 Enter
see "start: Enter sets the number typed" home "Start: 4 questions from"
see "start: and does not start yet" home "< 4 of"
keys home Right
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
restored "start screen" home
see "start: the last quiz's summary printed after the screen" home "Not reached: 1"

# Leaving the start screen before any quiz prints no summary.
start noquiz 80 24 XDG_DATA_HOME="$T/xdg" --
see "start, no quiz: running" noquiz "decks found"
keys noquiz q
ended "start, no quiz" noquiz 0
restored "start, no quiz" noquiz
see_not "start, no quiz: no summary printed" noquiz "Summary"

# ---- study mode: a grade is in the database once given, u takes it back,
# q asks first --------------------------------------------------------------
sdb=$T/study.db
# reviews: how many reviews the export of the study database holds.
reviews() {
	"$RECALL" export-progress --db "$sdb" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["reviews"]))'
}
start study 80 24 TZ=UTC XDG_CONFIG_HOME="$T/config" -- study --db "$sdb" --now 2025-03-01T09:00:00Z \
	--no-fuzz tests/data/study.json
see "study: full-screen question" study "The sky is green."
keys study f
see "study: the grade proposed" study "(proposed)"
keys study 3
see "study: another grade picked" study "Grade: Good"
keys study Enter
see "study: the grade said once recorded" study "Graded Good"
see "study: the next question" study "How many days in a week?"
if [ "$(reviews)" = 1 ]; then pass "study: the review is in the database"
else fail "study: the review is in the database" "reviews: $(reviews)"; fi
type_text study 7
keys study Enter Enter
see "study: the third question" study "Capital of France?"
if [ "$(reviews)" = 2 ]; then pass "study: the second review is in the database"
else fail "study: the second review is in the database" "reviews: $(reviews)"; fi
keys study Escape u
see "study: u takes the last grade back" study "Undone: "
see "study: that question again" study "How many days in a week?"
if [ "$(reviews)" = 1 ]; then pass "study: the review undone is gone from the database"
else fail "study: the review undone is gone from the database" "reviews: $(reviews)"; fi
keys study Escape q
see "study: q asks first" study "End the study session?"
keys study n
wait_for study "Esc q quit"
see_gone "study: no keeps studying" study "End the study session?"
keys study Escape q
wait_for study "End the study session?"
keys study y
see "study: the study summary after yes" study "Grades given (1)"
keys study p
see "study summary: p shows the progress of the database" study "Questions (3)"
keys study b
see "statistics: b goes back" study "Grades given (1)"
keys study q
ended "study" study 0
restored "study" study
see "study: its summary stays printed after the screen" study \
	"Grades given: Again 0, Hard 0, Good 1, Easy 0 (1 in all)"
see "study: the next review in the summary after the screen" study "Next review: in "

# The start screen studies the decks picked; back on it, the counts show it.
mkdir -p "$T/shome/recall/decks"
cp tests/data/study.json "$T/shome/recall/decks/"
start shome 80 24 TZ=UTC XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/shome" --
see "start screen: due and new per deck" shome "3 questions · 0 due · 3 new"
# Study test questions is the last deck: pick it alone, then s.
keys shome End Up Up Up Space s
see "start screen: s studies" shome "study · new · graded 0"
keys shome f Enter
see "start screen study: graded" shome "Graded"
keys shome Escape q y
see "start screen study: the summary" shome "Grades given (1)"
keys shome b
see "start screen: back, the counts read again" shome "3 questions · 0 due · 2 new"
keys shome p
see "start screen: p shows the progress of the decks picked" shome "Questions (3)"
keys shome b
see "statistics: b back to the decks" shome "[x] Study test questions"
keys shome q
ended "start screen study" shome 0
restored "start screen study" shome
see "start screen: the last study's summary printed after the screen" shome \
	"Grades given: Again 0, Hard 0, Good 0, Easy 1 (1 in all)"

# The start screen reads the database --db names (the clock --now fixes),
# and studies into it, as recall study --db does; not the default one.
mkdir -p "$T/odb/recall/decks"
cp tests/data/study.json "$T/odb/recall/decks/"
odb=$T/other/progress.db
printf 't\n\n' | TZ=UTC XDG_CONFIG_HOME="$T/config" "$RECALL" study --plain --db "$odb" \
	--now 2025-03-01T09:00:00Z tests/data/study.json >/dev/null 2>&1   # tf: Again, due in 1 minute
ocount() {  # the reviews in $odb at the time ($1: "time") or their number
	"$RECALL" export-progress --db "$odb" | python3 -c 'import json,sys
r=json.load(sys.stdin)["reviews"]; print(r[-1]["time"] if sys.argv[1:] else len(r))' "$@"
}
start nodb 80 24 TZ=UTC XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/odb" --
see "start screen without --db: the default database, none yet" nodb "3 questions · 0 due · 3 new"
keys nodb q
ended "start screen without --db" nodb 0
start odb 80 24 TZ=UTC XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/odb" -- \
	--db "$odb" --now 2025-03-01T10:00:00Z
see "start screen --db: that database's counts" odb "3 questions · 1 due · 2 new"
keys odb End Up Up Up Space s
see "start screen --db: s studies what is due there" odb "study · learning · graded 0"
keys odb t Enter
see "start screen --db: graded" odb "Graded"
keys odb Escape q y
wait_for odb "Grades given (1)"
keys odb q
ended "start screen --db" odb 0
expect_eq "start screen --db: the grade is in that database" "$(ocount)" 2
expect_eq "start screen --now: graded at that time" "$(ocount time)" "2025-03-01T10:00:00Z"
if [ -e "$T/odb/recall/recall.db" ]; then fail "start screen --db: the default database untouched" "it was created"
else pass "start screen --db: the default database untouched"; fi
start obad 80 24 XDG_DATA_HOME="$T/odb" -- --db
ended "recall --db without its value: a usage error" obad 1
if grep -q "option '--db' needs a value (try 'recall --help')" "$T/obad.err"; then pass "recall --db: says what is missing"
else fail "recall --db: says what is missing" "$(cat "$T/obad.err")"; fi

# ---- a terminal that cannot be drawn on: the plain mode instead ----------
start dumb 80 24 TERM=dumb -- quiz --in-order "$deck"
see "TERM=dumb: plain mode instead" dumb "Question 1 of 8 (multiple choice, 100 points)"
type_text dumb ":quit"
keys dumb Enter
see "TERM=dumb: plain summary" dumb "== Summary =="
see "TERM=dumb: retry offered after :quit" dumb "not reached? [y/N]"
type_text dumb "n"
keys dumb Enter
ended "TERM=dumb" dumb 0
start unknown 80 24 TERM=no-such-terminal XDG_DATA_HOME="$T/xdg" --
see "unknown TERM, no arguments: a plain quiz" unknown "Question 1 of"
type_text unknown ":quit"
keys unknown Enter
see "unknown TERM: plain summary" unknown "== Summary =="
type_text unknown "n"
keys unknown Enter
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
