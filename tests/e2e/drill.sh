# End-to-end: recall drill in plain mode with scripted answers: hot-seat
# turns, leaderboards and the podium; the clock running out; the same draw
# for the same seed; thirty students answering at once into one results
# database; a student killed mid-drill and started again; bad input.
# tests/data/drill.json's right option is always "right", so scripted
# answers do not depend on the draw.
. tests/e2e/lib.sh
. tests/e2e/lib-class.sh
deck=tests/data/drill.json

# lines_of PATTERN: the lines of $out matching the extended regex PATTERN.
lines_of() { printf '%s\n' "$out" | grep -E -- "$1"; }

# The questions and options as drawn, from a drill's output in $1.
draw_of() { grep -E '^(Question [0-9]|Drill question|  [0-9]+\. )' "$1"; }

# --- help ----------------------------------------------------------------
run help "" drill --help
expect_rc "help: exit 0" 0
expect_in "help: usage" "$out" "usage: recall drill [OPTION]... DECK..."
expect_in "help: players" "$out" "--players NAMES"
expect_in "help: results" "$out" "RECALL_RESULTS"
run main-help "" --help
expect_in "recall --help names drill" "$out" "drill DECK..."

# --- hot-seat: three players, three questions ----------------------------
# Ana: right, right, wrong; Ben: wrong, right, right; Chen: skip, wrong, right.
run hot-seat "right
wrong
:skip
right
right
wrong
wrong
right
right
" drill "$deck" --players "Ana, Ben,Chen" --count 3 --seed 42 --no-speed
expect_rc "hot-seat: exit 0" 0
expect_clean "hot-seat: no sanitizer report"
expect_eq "hot-seat: players named" "$(lines_of '^Players in turn')" "Players in turn: Ana, Ben, Chen"
expect_eq "hot-seat: turns in order, three questions" \
	"$(lines_of "'s turn" | cut -d"'" -f1 | tr '\n' ' ')" "Ana Ben Chen Ana Ben Chen Ana Ben Chen "
expect_eq "hot-seat: each question shown once" "$(lines_of '^Question [0-9] of 3' | wc -l)" 3
# Nothing of a verdict is shown before the last player's turn is over.
first_q=$(printf '%s\n' "$out" | sed -n '/^Question 1 of 3/,/^Answers to question 1/p')
expect_not_in "hot-seat: verdicts hidden until all answered" "$first_q" "Right!"
expect_eq "hot-seat: 'has answered' after the first two turns" \
	"$(printf '%s\n' "$first_q" | grep 'has answered' | tr '\n' ' ')" "Ana has answered. Ben has answered. "
expect_eq "hot-seat: reveal of question 1" "$(printf '%s\n' "$out" | grep -A3 '^Answers to question 1 of 3')" \
"Answers to question 1 of 3:
  Ana answered right: Right! +100 points
  Ben answered wrong: Wrong. +0 points
  Chen: Skipped. +0 points"
expect_eq "hot-seat: leaderboard 1 (no change yet)" \
	"$(printf '%s\n' "$out" | grep -A3 '^Leaderboard after question 1 of 3')" \
"Leaderboard after question 1 of 3:
  1. Ana: 100 points
  2. Ben: 0 points
  2. Chen: 0 points"
expect_eq "hot-seat: streak bonus in the reveal" "$(lines_of '^  Ana answered right: Right! \+200')" \
	"  Ana answered right: Right! +200 points (streak bonus +100)"
expect_eq "hot-seat: leaderboard 2 with changes" \
	"$(printf '%s\n' "$out" | grep -A3 '^Leaderboard after question 2 of 3')" \
"Leaderboard after question 2 of 3:
  1. Ana: 300 points (=)
  2. Ben: 100 points (=)
  3. Chen: 0 points (-1)"
expect_eq "hot-seat: leaderboard 3: a tie shares the rank" \
	"$(printf '%s\n' "$out" | grep -A3 '^Leaderboard after question 3 of 3')" \
"Leaderboard after question 3 of 3:
  1. Ana: 300 points (=)
  1. Ben: 300 points (+1)
  3. Chen: 100 points (=)"
expect_eq "hot-seat: podium" "$(printf '%s\n' "$out" | grep -A7 '^== Podium ==')" \
"== Podium ==
1st: Ana, 300 points
1st: Ben, 300 points
3rd: Chen, 100 points
Final ranking:
  1. Ana: 300 points, grade 66.7% (right 2, partly right 0, wrong 1, timed out 0)
  1. Ben: 300 points, grade 66.7% (right 2, partly right 0, wrong 1, timed out 0)
  3. Chen: 100 points, grade 33.3% (right 1, partly right 0, wrong 2, timed out 0)"
expect_eq "hot-seat: each turn says its time" "$(lines_of "^Ana's turn" | sort -u)" "Ana's turn: 20 seconds"

# A line that does not fit is asked again, with the seconds left.
run retry "9
right
" drill "$deck" --count 1 --seed 1 --time 30
expect_in "bad line: asked again" "$out" "Type one option's number (1), letter (a) or text."
expect_eq "bad line: seconds left" "$(lines_of '^[0-9]+ seconds left$' | sed 's/[0-9]*/N/')" "N seconds left"
expect_in "bad line: then answered" "$out" "Right! +"

# --- the clock ------------------------------------------------------------
# No answer within --time 1: time is up, counted as wrong, and the drill
# goes on without waiting for the input.
start=$(date +%s)
sleep 4 | "$RECALL" drill "$deck" --count 1 --seed 1 --time 1 >"$T/out" 2>"$T/err"
rc=$? out=$(cat "$T/out") err=$(cat "$T/err")
expect_rc "time up: exit 0" 0
expect_in "time up: said" "$out" "Time is up"
expect_in "time up: counts as wrong" "$out" "Time is up: counts as wrong. +0 points; score 0"
expect_in "time up: right answer shown" "$out" "Answer: right"
expect_in "time up: counted" "$out" "Right 0, partly right 0, wrong 0, timed out 1 (of 1 questions)"
expect_eq "time up: the seconds said once, at the start" "$(lines_of '^[0-9]+ second')" "1 second"
# Hot-seat: Ana's time runs out, Ben's answer comes in his own time.
(sleep 3; printf 'right\n'; sleep 2) | "$RECALL" drill "$deck" --count 1 --seed 1 --time 2 \
	--players Ana,Ben --no-speed >"$T/out" 2>"$T/err"
out=$(cat "$T/out")
expect_in "time up hot-seat: Ana timed out" "$out" "  Ana: Time is up: counts as wrong. +0 points"
expect_in "time up hot-seat: Ben answered in his turn" "$out" "  Ben answered right: Right! +100 points"

# --- the same draw --------------------------------------------------------
skips=":skip
:skip
:skip
:skip
:skip
:skip
"
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --seed 42 >"$T/d1" 2>&1
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --seed 42 >"$T/d2" 2>&1
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --seed 43 >"$T/d3" 2>&1
printf '%s' "$skips" | "$RECALL" drill tests/data/basic.json "$deck" --count 6 --seed 5 >"$T/d4" 2>&1
printf '%s' "$skips" | "$RECALL" drill "$deck" tests/data/basic.json --count 6 --seed 5 >"$T/d5" 2>&1
expect_eq "same seed: 6 questions drawn" "$(draw_of "$T/d1" | grep -c '^Question')" 6
draw_of "$T/d1" >"$T/d1.draw"; draw_of "$T/d2" >"$T/d2.draw"; draw_of "$T/d3" >"$T/d3.draw"
if cmp -s "$T/d1.draw" "$T/d2.draw"; then pass "same seed: same questions and option order"
else fail "same seed: same questions and option order" "$(diff "$T/d1.draw" "$T/d2.draw")"; fi
if cmp -s "$T/d1.draw" "$T/d3.draw"; then fail "another seed: another draw" "the same as seed 42"
else pass "another seed: another draw"; fi
draw_of "$T/d4" >"$T/d4.draw"; draw_of "$T/d5" >"$T/d5.draw"
if cmp -s "$T/d4.draw" "$T/d5.draw"; then pass "same seed: the order the decks are named in does not matter"
else fail "same seed: the order the decks are named in does not matter" "$(diff "$T/d4.draw" "$T/d5.draw")"; fi
expect_not_in "cards are left out" "$(cat "$T/d4" "$T/d5")" "flashcard"

# Two students of a class (default seed 1) draw the same, as does a local
# drill with --seed 1.
res=$T/same.db
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --class 7A --student Ana --results "$res" >"$T/s1" 2>&1
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --class 7A --student Ben --results "$res" >"$T/s2" 2>&1
printf '%s' "$skips" | "$RECALL" drill "$deck" --count 6 --seed 1 >"$T/s3" 2>&1
draw_of "$T/s1" >"$T/s1.draw"; draw_of "$T/s2" >"$T/s2.draw"; draw_of "$T/s3" >"$T/s3.draw"
expect_eq "students: 6 questions each" "$(grep -c '^Question' "$T/s1.draw") $(grep -c '^Question' "$T/s2.draw")" "6 6"
if cmp -s "$T/s1.draw" "$T/s2.draw" && cmp -s "$T/s1.draw" "$T/s3.draw"; then
	pass "students: the same questions and option order (class seed 1)"
else
	fail "students: the same questions and option order (class seed 1)" "$(diff "$T/s1.draw" "$T/s2.draw")"
fi
expect_eq "students: one drill" "$(sqlite3 "$res" 'SELECT count(*) FROM drills')" 1
expect_eq "students: skips recorded" "$(sqlite3 "$res" 'SELECT count(*) FROM answers WHERE outcome = 3')" 12
expect_eq "students: questions recorded once" "$(sqlite3 "$res" 'SELECT count(*) FROM questions')" 6

# --- thirty students at once ----------------------------------------------
# Student i answers question j (from 0) right when (i + j) % 3 != 0.
db=$T/class.db
class_scripts 30 6
i=1
while [ "$i" -le 30 ]; do
	"$RECALL" drill "$deck" --count 6 --time 60 --no-speed --class 9C --student "s$i" \
		--results "$db" --busy-timeout 60000 <"$T/ans.$i" >"$T/out.$i" 2>"$T/err.$i" &
	i=$((i + 1))
done
wait
class_acknowledged "thirty students: each acknowledged 6 answers" 30 6 "$T/out" "$T/err"
expect_eq "thirty students: 180 answers, one drill" \
	"$(sqlite3 "$db" 'SELECT count(*), count(DISTINCT drill), count(DISTINCT student) FROM answers')" "180|1|30"
expect_eq "thirty students: none twice" \
	"$(sqlite3 "$db" 'SELECT count(*) FROM (SELECT 1 FROM answers GROUP BY student, qindex HAVING count(*) > 1)')" 0
# Each student's total as the script implies it (class_scripts).
got=$(sqlite3 "$db" 'SELECT student, CAST(sum(points) AS INTEGER) FROM answers GROUP BY student' | sort)
expect_eq "thirty students: every total is what the script gives" "$got" "$expected_totals"
# The share right of each question (facility) as the script implies it.
expected=$(awk 'BEGIN { for (j = 0; j < 6; j++) { n = 0
	for (i = 1; i <= 30; i++) if ((i + j) % 3 != 0) n++
	printf "%d|%d\n", j, n } }')
got=$(sqlite3 "$db" 'SELECT qindex, sum(outcome = 0) FROM answers GROUP BY qindex ORDER BY qindex')
expect_eq "thirty students: right answers per question" "$got" "$expected"
# The teacher's report over those answers says the same: every student's
# score and 6 answers, and each question's facility (number is its place
# in the drill, from 1).
"$RECALL" report --class 9C --results "$db" --json >"$T/report.json" 2>"$T/report.err"
expect_eq "thirty students: report exit 0" "$?" 0
got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for e in sorted(r["leaderboard"], key=lambda e: e["student"]):
    print("%s|%d|%d" % (e["student"], e["score"], e["answered"]))
' "$T/report.json" | sort)
want=$(printf '%s\n' "$expected_totals" | awk -F'|' '{ print $1 "|" $2 "|6" }' | sort)
expect_eq "thirty students: the report's scores" "$got" "$want"
got=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for q in sorted(r["questions"], key=lambda q: q["number"]):
    print("%d|%.4f|%d" % (q["number"] - 1, q["facility"], q["answered"]))
' "$T/report.json")
want=$(awk 'BEGIN { for (j = 0; j < 6; j++) { n = 0
	for (i = 1; i <= 30; i++) if ((i + j) % 3 != 0) n++
	printf "%d|%.4f|30\n", j, n / 30 } }')
expect_eq "thirty students: the report's facility per question" "$got" "$want"
expect_in "thirty students: rank in the class said" "$(cat "$T/out.1")" "Rank in class 9C so far: "
expect_eq "thirty students: integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok

# --- a student killed mid-drill, then started again -----------------------
db=$T/kill.db
args="$deck --count 6 --time 60 --no-speed --class 9C --student Zed --results $db"
mkfifo "$T/fifo"
# shellcheck disable=SC2086
"$RECALL" drill $args <"$T/fifo" >"$T/kill1" 2>&1 &
pid=$!
exec 3>"$T/fifo"
printf 'right\nwrong\nright\n' >&3
tries=0
while [ "$(grep -c '^Recorded' "$T/kill1")" -lt 3 ] && [ "$tries" -lt 600 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exec 3>&-
said=$(grep -c '^Recorded' "$T/kill1")
expect_eq "kill: three answers acknowledged before the kill" "$said" 3
expect_eq "kill: every acknowledged answer is in the database" \
	"$(sqlite3 "$db" "SELECT count(*) FROM answers WHERE student = 'Zed'")" 3
# shellcheck disable=SC2086
printf 'right\nright\nright\n' | "$RECALL" drill $args >"$T/kill2" 2>&1
rc=$?
out=$(cat "$T/kill2")
expect_eq "restart: exit 0" "$rc" 0
expect_in "restart: resumes at question 4 with the score kept" "$out" "Resuming at question 4 of 6 (score 200)"
expect_eq "restart: asks questions 4 to 6 only" "$(lines_of '^Question [0-9]' | cut -c1-13 | tr '\n' ' ')" \
	"Question 4 of Question 5 of Question 6 of "
# The question asked fourth is the fourth of the draw (class seed 1).
expect_eq "restart: the right fourth question" \
	"$(grep -A1 '^Question 4 of 6' "$T/kill2" | tail -1)" "$(grep -A1 '^Question 4 of 6' "$T/s3" | tail -1)"
expect_eq "restart: three more acknowledged" "$(lines_of '^Recorded' | wc -l)" 3
expect_eq "restart: the streak went on from before the kill" "$(lines_of '^Recorded question 6')" \
	"Recorded question 6 of 6: right, +400 points"
expect_eq "restart: six answers, none twice, the total right" \
	"$(sqlite3 "$db" "SELECT count(*), count(DISTINCT qindex), CAST(sum(points) AS INTEGER) FROM answers WHERE student = 'Zed'")" \
	"6|6|1100"
expect_in "restart: the summary counts the answers before the kill" "$out" \
	"Right 5, partly right 0, wrong 1, timed out 0 (of 6 questions)"
# shellcheck disable=SC2086
printf 'right\n' | "$RECALL" drill $args >"$T/kill3" 2>&1
expect_in "restart when all is answered: said so" "$(cat "$T/kill3")" "Every question of this drill is answered already."
expect_eq "restart when all is answered: nothing more recorded" \
	"$(sqlite3 "$db" "SELECT count(*) FROM answers WHERE student = 'Zed'")" 6

# SIGTERM mid-drill ends it as :quit does: the summary, status 143, what
# was recorded kept.
db=$T/term.db
mkfifo "$T/fifo2"
"$RECALL" drill "$deck" --count 6 --class 9C --student Tess --results "$db" <"$T/fifo2" >"$T/term" 2>"$T/term.err" &
pid=$!
exec 4>"$T/fifo2"
printf 'right\nright\n' >&4
tries=0
while [ "$(grep -c '^Recorded' "$T/term")" -lt 2 ] && [ "$tries" -lt 600 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
kill -TERM "$pid"
wait "$pid"
rc=$?
exec 4>&-
expect_eq "SIGTERM: exit 143" "$rc" 143
expect_in "SIGTERM: the summary" "$(cat "$T/term")" "Not answered: 4 (start again with the same names to go on)"
expect_eq "SIGTERM: two answers kept" "$(sqlite3 "$db" 'SELECT count(*) FROM answers')" 2
expect_eq "SIGTERM: no sanitizer report" "$(grep -c 'Sanitizer\|runtime error' "$T/term.err")" 0

# --- bad input ------------------------------------------------------------
printf 'this is not a database, not at all; it is text that must stay as it is\n' >"$T/corrupt.db"
cp "$T/corrupt.db" "$T/corrupt.before"
run corrupt "right
" drill "$deck" --class 9C --student Ana --results "$T/corrupt.db"
expect_rc "corrupt results: exit 1" 1
expect_in "corrupt results: said, naming the file" "$err" "$T/corrupt.db"
expect_eq "corrupt results: nothing asked" "$out" ""
if cmp -s "$T/corrupt.db" "$T/corrupt.before"; then pass "corrupt results: left as it was"
else fail "corrupt results: left as it was" "the file changed"; fi

run unknown "" drill "$deck" --bogus
expect_rc "unknown option: exit 1" 1
expect_eq "unknown option: said" "$err" "recall: drill: unknown option '--bogus' (try 'recall drill --help')"
run student-alone "" drill "$deck" --student Ana
expect_rc "--student without --class: exit 1" 1
expect_eq "--student without --class: said" "$err" \
	"recall: drill: --student needs --class (the class the student is in)"
run class-alone "" drill "$deck" --class 9C
expect_eq "--class without --student: said" "$err" "recall: drill: --class needs --student (who is answering)"
run results-alone "" drill "$deck" --results "$T/x.db"
expect_rc "--results without --class: exit 1" 1
run class-players "" drill "$deck" --class 9C --student Ana --players Ana,Ben
expect_in "--players with --class: refused" "$err" "a class drill has one student"
run dup "" drill "$deck" --players "Ana,Ben,Ana"
expect_eq "duplicate player: said" "$err" "recall: drill: --players: 'Ana' is named twice"
run empty "" drill "$deck" --players "Ana,,Ben"
expect_eq "empty player: said" "$err" "recall: drill: --players: a name is empty"
run long "" drill "$deck" --players "Ana,Bartholomew Montgomery-Fitzwilliam the Third"
expect_in "long name: said" "$err" "is longer than 40 characters"
run control "" drill "$deck" --class 9C --student "$(printf 'Eve\033[2J')"
expect_eq "control character: said, escaped" "$err" \
	"recall: drill: --student: the name 'Eve\\e[2J' holds a control character"
run time "" drill "$deck" --time -1
expect_eq "bad --time: said" "$err" \
	"recall: drill: --time wants whole seconds from 0 (no clock) to 3600, not '-1'"
run count "" drill "$deck" --count x
expect_rc "bad --count: exit 1" 1
run nodeck "" drill
expect_eq "no deck: said" "$err" "recall: drill: name at least one deck file (try 'recall drill --help')"
run missing "" drill "$T/nope.json"
expect_rc "missing deck: exit 1" 1
expect_in "missing deck: said" "$err" "cannot open"
printf '{"format": "recall-deck/1"}' >"$T/broken.json"
run broken "" drill "$T/broken.json"
expect_rc "invalid deck: exit 2" 2
run cards "" drill tests/data/cards.json
expect_rc "cards only: exit 1" 1
expect_in "cards only: said" "$err" "no question a drill can ask"
expect_eq "no results file made by refusals" "$(ls "$T"/x.db 2>/dev/null)" ""
e2e_end
