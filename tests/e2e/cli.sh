# End-to-end: the command line, recall check, and refusals.
. tests/e2e/lib.sh

run version "" --version
expect_rc "version: exit 0" 0
expect_in "version: says it" "$out" "recall "

run help "" --help
expect_rc "help: exit 0" 0
expect_in "help: lists commands" "$out" "check FILE..."
run quiz-help "" quiz --help
expect_in "quiz --help: plain answers" "$out" "At any prompt: :hint, :skip, :quit."
run check-help "" check --help
expect_rc "check --help: exit 0" 0

run no-args ""
expect_rc "no arguments, no terminal: a plain quiz over the bundled decks" 0
expect_in "no arguments: ends with the summary" "$out" "== Summary =="
run unknown "" frobnicate
expect_rc "unknown command: exit 1" 1
expect_in "unknown command: said" "$err" "unknown command 'frobnicate'"
run bad-opt "" quiz --nope tests/data/basic.json
expect_rc "unknown option: exit 1" 1
expect_in "unknown option: said" "$err" "quiz: unknown option '--nope'"
# recall's own options (the start screen's) before a command are handed to
# it; one it does not take is refused by it.
run global-db "t

" --db "$T/g.db" --now 2025-03-01T09:00:00Z study --plain tests/data/study.json
expect_rc "options before study: exit 0" 0
expect_in "options before study: the clock they fix" "$out" "Graded Again"
run global-export "" --db "$T/g.db" export-progress --csv
expect_in "options before export-progress: its database" "$out" "study,tf,2025-03-01T09:00:00Z,1,"
run global-quiz "" --db "$T/g.db" quiz --plain tests/data/basic.json
expect_rc "an option before a command that does not take it: exit 1" 1
expect_in "an option before a command that does not take it: the command says so" "$err" \
	"quiz: unknown option '--db'"
run global-order "" --db "$T/g.db" export-progress --csv --db /nonexistent/x.db
expect_in "options after the command win (the last --db)" "$err" "/nonexistent/x.db"
run global-bad "" --frob
expect_in "an unknown option before any command: said" "$err" "recall: unknown option '--frob' (try 'recall --help')"
run global-now "" --now soon
expect_rc "a bad --now before any command: exit 1" 1
run global-quiz-perm "" --no-color quiz tests/data/basic.json --plain -n 1
expect_rc "options before a command: the command's own still come after its files" 0
run bad-limit "" quiz --limit x tests/data/basic.json
expect_rc "bad --limit: exit 1" 1
run bad-type "" quiz --type essay tests/data/basic.json
expect_in "bad --type: said" "$err" "unknown question type 'essay'"
run no-match "" quiz --plain --tag nothing tests/data/basic.json
expect_rc "no question matches: exit 1" 1
run missing-deck "" quiz --plain /nonexistent.json
expect_rc "missing deck: exit 1" 1
expect_in "missing deck: says why" "$err" "recall: cannot open '/nonexistent.json': No such file or directory"

# Every bundled deck passes recall check, without a warning.
run bundled "" check questions/*.json
expect_rc "bundled decks: recall check passes" 0
expect_not_in "bundled decks: no warning" "$out" "warning"
expect_in "bundled decks: each says ok" "$out" "questions/who-is-who.json: ok:"

# The bundled number questions take the answers people type: an ordinal,
# a date, a number with a word after it.
for a in "22nd|26 civilians" "April 22|twenty-six people" "twenty-second|26"; do
	run "natural-$a" "$(printf '%s\n%s\n' "${a%%|*}" "${a#*|}")" quiz --plain --in-order -n 2 -T number \
		questions/rudenko-kumar-meeting.json
	expect_in "bundled number questions: '${a%%|*}' and '${a#*|}' right" "$out" "Correct 2, partly right 0, wrong 0"
done

# In deck order, answering option 1 to every choice question scores no
# better than chance (every bundled choice question has four options).
yes 1 | head -200 | "$RECALL" quiz --plain --in-order -T choice --summary-json "$T/ones.json" \
	questions/*.json >/dev/null 2>&1
grade=$(sed -n 's/^[[:space:]]*"grade":[[:space:]]*\([0-9.]*\).*/\1/p' "$T/ones.json" | head -1)
if [ -n "$grade" ] && awk -v g="$grade" 'BEGIN { exit !(g <= 25) }'; then
	pass "bundled decks: option 1 throughout scores no better than chance ($grade%)"
else
	fail "bundled decks: option 1 throughout scores no better than chance" "grade: '$grade'"
fi

run check-ok "" check tests/data/basic.json
expect_rc "check valid: exit 0" 0
expect_in "check valid: summary line" "$out" "tests/data/basic.json: ok: 8 questions (1 choice, 1 multi, 1 truefalse, 1 number, 1 text, 1 order, 1 match, 1 card)"

# A deck with several faults: every one is listed, with its place.
cat >"$T/broken.json" <<'JSON'
{
  "format": "recall-deck/1",
  "id": "broken",
  "title": "Broken",
  "sources": [{"id": "r1", "title": "R"}],
  "questions": [
    {"id": "a", "type": "choice", "prompt": "P", "choices": ["x", "y"], "answer": "z"},
    {"id": "a", "type": "number", "prompt": "P", "answer": 3, "tolerance": -1},
    {"id": "b", "type": "truefalse", "prompt": "P", "answer": true, "source": {"ref": "r9"}, "colour": 1}
  ]
}
JSON
run check-bad "" check "$T/broken.json" tests/data/basic.json
expect_rc "check invalid: exit 2" 2
expect_in "check: wrong answer located" "$out" "broken.json:7:83: error: question 1 (id 'a'): answer 'z' is not one of the choices"
expect_in "check: tolerance located" "$out" "broken.json:8:76: error: question 2 (id 'a'): 'tolerance' must not be below zero"
expect_in "check: duplicate id" "$out" "broken.json:8:5: error: question 2: duplicate id 'a' (question 1 at line 7 has it already)"
expect_in "check: unknown source" "$out" "broken.json:9:87: error: question 3 (id 'b'): source 'r9' is not listed"
expect_in "check: unknown field warned" "$out" "broken.json:9:94: warning: question 3 (id 'b'): unknown field 'colour' (ignored)"
expect_in "check: per-deck line" "$out" "broken.json: invalid: 4 errors, 1 warning"
expect_in "check: goes on to the next file" "$out" "tests/data/basic.json: ok: 8 questions"

printf '{"format": "recall-deck/1", "id": "x",\n  "title": "T" "questions": []}' >"$T/syntax.json"
run check-syntax "" check "$T/syntax.json"
expect_in "check: JSON syntax error located" "$out" "syntax.json:2:16: error:"
: >"$T/empty.json"
run check-empty "" check "$T/empty.json"
expect_rc "check empty: exit 2" 2
expect_in "check empty: said" "$out" "empty"
run check-none "" check
expect_rc "check without files: exit 1" 1

# The quiz refuses a broken deck with the same messages, and writes nothing.
cp "$T/broken.json" "$T/before.json"
run quiz-bad "" quiz --plain "$T/broken.json"
expect_rc "quiz invalid deck: exit 2" 2
expect_in "quiz invalid deck: same message" "$err" "broken.json:7:83: error: question 1 (id 'a'): answer 'z' is not one of the choices"
if cmp -s "$T/broken.json" "$T/before.json"; then pass "quiz: deck untouched"; else fail "quiz: deck untouched"; fi

e2e_end
