# End-to-end: the plain front end answering every question type.
. tests/e2e/lib.sh
deck=tests/data/basic.json
esc=$(printf '\033')

# Shown order of the order and match questions comes from the seed: read it
# from a first run, then answer from what was shown, as a person would.
run shown ":skip
:skip
:skip
:skip
:skip
:skip
:skip
:skip
" quiz --plain --in-order --seed 5 "$deck"
order_answer=$(printf '%s\n' "$out" | awk '/^Put these in order/ {on=1; next}
	on && /^  [0-9]\. / {n[$2]=substr($1,1,1)} on && /^Type/ {print n["first"], n["second"], n["third"]; exit}')
match_answer=$(printf '%s\n' "$out" | awk '/^Match the pairs/ {on=1; next}
	on && /^  [a-z]\. / {l[$2]=substr($1,1,1)} on && /^For each/ {print l["kitten"], l["puppy"], l["calf"]; exit}')
expect_in "order-shown" "$order_answer" " "
expect_in "match-shown" "$match_answer" " "

run all-right "2
1 3
f
twenty-six people
baisaran medow
$order_answer
$match_answer

3
" quiz --plain --in-order --seed 5 --summary-json "$T/sum.json" "$deck"
expect_rc "all-right: exit 0" 0
expect_clean "all-right: no sanitizer report"
expect_in "all-right: choice" "$out" "Right! +100 points (score 100)"
expect_in "all-right: type named for learners" "$out" "Question 3 of 8 (true or false, 100 points)"
expect_not_in "all-right: not the internal name" "$out" "truefalse"
expect_in "all-right: streak bonus" "$out" "Right! +110 points, streak 2 (score 210)"
expect_in "all-right: number words and unit" "$out" "Right! +130 points, streak 4"
expect_in "all-right: typo said so" "$out" "Accepted with a typo: baisaran medow."
expect_in "all-right: explanation" "$out" "Why: Two comes after one."
expect_in "all-right: source" "$out" "Source: Test report, paragraph 2"
expect_in "all-right: card asks for a rating" "$out" "How well did you know it? 1 again, 2 hard, 3 good, 4 easy."
expect_in "all-right: card rated" "$out" "Rated good: counts as right. +"
expect_in "all-right: summary grade" "$out" "Grade: 100% (800 of 800 points)"
expect_in "all-right: summary score" "$out" "Score: 1050 (with streak bonuses)"
expect_in "all-right: nothing missed" "$out" "Nothing missed."
expect_in "all-right: counts" "$out" "Correct 8, partly right 0, wrong 0, skipped 0 (of 8)"
expect_in "all-right: best streak" "$out" "Best streak: 8"
expect_not_in "all-right: no retry offered" "$out" "Retry the"
if [ -s "$T/sum.json" ] && grep -q '"percent":	100' "$T/sum.json" && grep -q '"grade":	100' "$T/sum.json" &&
	grep -q '"score":	1050' "$T/sum.json" && grep -q '"format":	"recall-summary/1"' "$T/sum.json"; then
	pass "all-right: summary json written"
else
	fail "all-right: summary json written" "$(cat "$T/sum.json" 2>/dev/null)"
fi

run partial-and-wrong "1
1
t
27
Pahalgam
:hint
:quit
" quiz --plain --in-order --seed 5 "$deck"
expect_rc "partial: exit 0" 0
expect_in "partial: wrong choice shows answer" "$out" "Answer: two"
expect_in "partial: multi partial credit" "$out" "Partly right (50%)."
expect_in "partial: number wrong" "$out" "Answer: 26 people"
expect_in "partial: no hint here" "$out" "This question has no hint."
expect_in "partial: quit gives summary" "$out" "== Summary =="
expect_in "partial: unreached counted" "$out" "not reached 3 (of 8)"
expect_in "partial: missed listed" "$out" "  - Which is second?"
expect_in "partial: by tag" "$out" "numbers: 0 of 3 right (16.7%)"
expect_in "partial: by tag, not reached" "$out" "(untagged): 0 of 3 right, 3 not reached (0%)"

# The grade is the same whatever the order of the answers.
run grade-right-wrong "2
t
" quiz --plain --in-order --type choice,truefalse "$deck"
expect_in "grade: right then wrong" "$out" "Grade: 50% (100 of 200 points)"
run grade-wrong-right "1
f
" quiz --plain --in-order --type choice,truefalse "$deck"
expect_in "grade: wrong then right" "$out" "Grade: 50% (100 of 200 points)"

# Quitting early: the grade is of every question held, not of those asked,
# and a retry asks the ones not reached.
run quit-early "2
:quit
" quiz --plain --in-order "$deck"
expect_in "quit-early: grade of all held" "$out" "Grade: 12.5% (100 of 800 points)"
expect_not_in "quit-early: not 100%" "$out" "100%"
expect_not_in "quit-early: not 'nothing missed'" "$out" "Nothing missed"
expect_in "quit-early: says how many not reached" "$out" "Not reached: 7"
expect_in "quit-early: offers them" "$out" "Retry the 7 questions not reached? [y/N]"

run quit-retry "1
:quit
y
2
:quit
n
" quiz --plain --in-order --summary-json "$T/first.json" "$deck"
expect_in "quit-retry: offers missed and not reached" "$out" "Retry the 1 missed and 7 not reached? [y/N]"
expect_in "quit-retry: asks all eight again" "$out" "Question 1 of 8 (multiple choice"
expect_in "quit-retry: the first summary stays" "$out" "Grade: 0% (0 of 800 points)"
expect_in "quit-retry: then the retry's" "$out" "Grade: 12.5% (100 of 800 points)"
if grep -q '"wrong":	1' "$T/first.json" && grep -q '"grade":	0' "$T/first.json"; then
	pass "quit-retry: the report is the first quiz's"
else fail "quit-retry: the report is the first quiz's" "$(cat "$T/first.json" 2>&1)"; fi

# A card's back is always shown before it is rated; a line typed at the
# flip prompt is the learner's guess.
run card-guess "my guess
3
" quiz --plain -T card -n 1 --seed 1 questions/who-is-who.json
expect_in "card-guess: back shown" "$out" "Back: "
expect_in "card-guess: guess kept" "$out" "Your guess: my guess"
expect_in "card-guess: then rated" "$out" "Rated good: counts as right."
run card-digit "3
" quiz --plain -T card -n 1 --seed 1 questions/who-is-who.json
expect_in "card-digit: back shown" "$out" "Back: "
expect_in "card-digit: a digit is a guess" "$out" "Your guess: 3"
expect_not_in "card-digit: not rated unseen" "$out" "Rated"
expect_in "card-digit: not reached" "$out" "not reached 1 (of 1)"

# match refuses a letter given twice, as order refuses a number twice.
run match-twice ":skip
:skip
:skip
:skip
:skip
:skip
a a b
$match_answer
:quit
" quiz --plain --in-order --seed 5 "$deck"
expect_in "match-twice: refused" "$out" "Each letter pairs with one item only"
expect_in "match-twice: then takes the answer" "$out" "Right!"
expect_not_in "match-twice: no partial credit" "$out" "Partly right"

run hint "
:hint
2
" quiz --plain --in-order --limit 1 "$deck"
expect_in "hint: blank line asks again" "$out" "Type one option's number (1), letter (a) or text."
expect_in "hint: shown" "$out" "Hint (the question is now worth half): Not the first."
expect_in "hint: halves the points" "$out" "Right! +50 points"

run retry "3
t
y
2
f
" quiz --plain --in-order --type choice,truefalse "$deck"
expect_in "retry: offered" "$out" "Retry the 2 missed questions? [y/N]"
expect_in "retry: asks the first again" "$out" "Question 1 of 2 (multiple choice"
expect_in "retry: ends on its own summary" "$out" "Correct 2, partly right 0, wrong 0, skipped 0 (of 2)"

run eof "" quiz --plain "$deck"
expect_rc "eof: exit 0" 0
expect_in "eof: summary" "$out" "not reached 8 (of 8)"

run bad-lines "9
x
0
2
" quiz --plain --in-order --limit 1 "$deck"
expect_in "bad-lines: reasks" "$out" "Type one option's number (1), letter (a) or text."
expect_in "bad-lines: then takes the answer" "$out" "Right! +100 points"

run letters "b
a c
" quiz --plain --in-order --type choice,multi "$deck"
expect_in "letters: choice by letter" "$out" "Right! +100 points (score 100)"
expect_in "letters: multi by letters" "$out" "Right! +110 points, streak 2"
run option-text "  TWO
" quiz --plain --in-order --type choice "$deck"
expect_in "option-text: choice by its text, folded" "$out" "Right! +100 points"
run option-text-bad "four
d
2
" quiz --plain --in-order --type choice "$deck"
expect_in "option-text: no such option" "$out" "Type one option's number (1), letter (a) or text."
expect_in "option-text: then takes the answer" "$out" "Right! +100 points"

run number-garbage "abc
26
" quiz --plain --in-order --type number "$deck"
expect_in "number: refuses non-numbers" "$out" "That is not a number"
expect_in "number: then takes the answer" "$out" "Right!"

run number-words-after "26 civilians
" quiz --plain --in-order --type number "$deck"
expect_in "number: words after it read past" "$out" "Right!"
expect_in "number: says what it read" "$out" "Read as 26."
run number-two "26 27
26
" quiz --plain --in-order --type number "$deck"
expect_in "number: two numbers are refused" "$out" "That is not a number"
run number-date "April 22nd
" quiz --plain --in-order --type number --tag dates -n 1 questions/rudenko-kumar-meeting.json
expect_in "number: a date for a day of the month" "$out" "Right!"
expect_in "number: says the day it read" "$out" "Read as 22."
run number-ordinal "twenty-second
" quiz --plain --in-order --type number --tag dates -n 1 questions/rudenko-kumar-meeting.json
expect_in "number: an ordinal in words" "$out" "Right!"

run seeds-agree ":quit
" quiz --plain --seed 42 "$deck"
first=$out
run seeds-agree ":quit
" quiz --plain --seed 42 "$deck"
if [ "$first" = "$out" ]; then pass "seed: same order twice"; else fail "seed: same order twice"; fi

run escape-key ":quit
" quiz --plain tests/data/odd-key.json
expect_rc "escape-key: loads with a warning" 0
expect_in "escape-key: warning escaped" "$err" "unknown field '\\e[2Jx'"
expect_not_in "escape-key: no raw escape" "$out$err" "$esc"

run escape-text "" quiz --plain tests/data/escape.json
expect_rc "escape-text: refused" 2
expect_in "escape-text: says where" "$err" "tests/data/escape.json:6:48: error: question 1 (id 'e'): 'prompt' holds a control character"
expect_not_in "escape-text: no raw escape" "$out$err" "$esc"

# On a terminal, long lines wrap at word boundaries to its width ($COLUMNS
# when the terminal does not say); into a pipe they do not.
cat >"$T/wrap.json" <<'JSON'
{"format": "recall-deck/1", "id": "wrap", "title": "Wrapping", "questions": [
  {"id": "day", "type": "number", "answer": 22,
   "prompt": "On which day of April 2025 was the attack in Pahalgam carried out? Type the day of the month.",
   "explanation": "The attack took place on 22 April, six days before the meeting on the 28th."}]}
JSON
if command -v script >/dev/null 2>&1; then
	printf ':skip\n' >"$T/wrap-in"
	COLUMNS=40 script -qec "$(printf "'%s'" "$RECALL") quiz --plain '$T/wrap.json' <'$T/wrap-in'" /dev/null </dev/null >"$T/wrap-out" 2>&1
	out=$(tr -d '\r' <"$T/wrap-out")
	expect_in "wrap: prompt wrapped" "$out" "On which day of April 2025 was the
attack in Pahalgam carried out? Type the"
	expect_in "wrap: indented under its label" "$out" "Why: The attack took place on 22 April,
     six days before the meeting on the"
	# one byte a character: UTF-8 continuation bytes dropped
	if printf '%s\n' "$out" | LC_ALL=C tr -d '\200-\277' | awk 'length($0) > 40 { bad = 1 } END { exit bad }'; then pass "wrap: no line wider than 40"
	else fail "wrap: no line wider than 40" "$out"; fi
	run nowrap ":skip
" quiz --plain "$T/wrap.json"
	expect_in "wrap: not into a pipe" "$out" "On which day of April 2025 was the attack in Pahalgam carried out? Type the day of the month."
else
	fail "wrap: script(1) is missing" "it comes with util-linux (bsdutils); install it to test wrapping on a terminal"
fi

# A signal ends the quiz as :quit does: summary printed, report written,
# and the exit status says which signal it was.
mkfifo "$T/fifo"
"$RECALL" quiz --plain --in-order --summary-json "$T/sig.json" "$deck" <"$T/fifo" >"$T/sigout" 2>"$T/sigerr" &
pid=$!
exec 3>"$T/fifo"
printf '2\n' >&3
i=0
while [ $i -lt 100 ] && ! grep -q "Question 2 of 8" "$T/sigout"; do sleep 0.1; i=$((i + 1)); done
kill -TERM "$pid"
wait "$pid"
rc=$?
exec 3>&-
out=$(cat "$T/sigout") err=$(cat "$T/sigerr")
expect_rc "SIGTERM: exit status 128+15" 143
expect_in "SIGTERM: summary printed" "$out" "Correct 1, partly right 0, wrong 0, skipped 0, not reached 7 (of 8)"
if grep -q '"correct":	1' "$T/sig.json" 2>/dev/null; then pass "SIGTERM: report written"
else fail "SIGTERM: report written" "$(cat "$T/sig.json" 2>&1)"; fi
expect_clean "SIGTERM: no sanitizer report"

e2e_end
