# End-to-end: every allocation failure, one at a time.  recall-failalloc
# (built beside $RECALL by make check, never installed; see
# tests/failalloc.c) fails its Nth allocation when RECALL_FAIL_ALLOC=N.
# Each command runs for N = 1, 2, ... until a run no longer reaches N; each
# run must either succeed (with its whole report) or exit non-zero saying
# "out of memory" — never crash, never trip a sanitizer, never lose the
# report while saying all went well.
. tests/e2e/lib.sh
F=$(dirname "$RECALL")/recall-failalloc
deck=tests/data/basic.json
if [ ! -x "$F" ]; then
	fail "failalloc: $F is missing (make check builds it)"
	e2e_end
fi

# sweep NAME INPUT REPORT CMD...: the runs of CMD; REPORT, when not empty,
# is the --summary-json file a successful run must leave whole.
sweep() {
	_name=$1 _in=$2 _report=$3; shift 3
	printf '%s' "$_in" >"$T/in"
	n=1 bad=0
	while [ "$n" -lt 5000 ]; do
		[ -n "$_report" ] && rm -f "$_report"
		RECALL_FAIL_ALLOC=$n "$@" <"$T/in" >"$T/out" 2>"$T/err"; rc=$?
		grep -q '^failalloc: failed' "$T/err" || break
		why=
		if [ "$rc" -ge 128 ] || grep -q 'Sanitizer\|runtime error' "$T/err"; then
			why="crashed or a sanitizer report"
		elif [ "$rc" -ne 0 ] && ! grep -q 'out of memory' "$T/out" "$T/err"; then
			why="failed without saying 'out of memory'"
		elif [ "$rc" -eq 0 ] && [ -n "$_report" ] && ! grep -q '"items"' "$_report" 2>/dev/null; then
			why="exit 0 without its report"
		fi
		if [ -n "$why" ]; then
			fail "$_name: allocation $n: $why (exit status $rc)" "$(head -c 1500 "$T/err")"
			bad=1
			break
		fi
		n=$((n + 1))
	done
	if [ "$bad" -eq 0 ]; then
		if [ "$rc" -eq 0 ] && [ "$n" -gt 1 ]; then
			pass "$_name: each of the $((n - 1)) allocations may fail"
		else
			fail "$_name: the run without a failure" "exit status $rc after $n runs" "$(head -c 1500 "$T/err")"
		fi
	fi
}

sweep "check" "" "" "$F" check "$deck"
sweep "plain quiz" "2
1 3
f
:hint
26
:quit
" "$T/report.json" "$F" quiz --plain --in-order --seed 1 --summary-json "$T/report.json" "$deck"
# recall import of a file in each format, to standard output and to -o
# (never left half written), and recall export.
for f in tests/data/import/opentdb/results.json tests/data/import/aiken/crlf-bom.txt \
         tests/data/import/csv/semicolon-bom-crlf.csv tests/data/import/gift/escapes.gift \
         tests/data/import/anki/notes.txt tests/data/import/hascard/cards.md; do
	sweep "import $(basename "$f")" "" "" "$F" import "$f"
done
sweep "import -o" "" "" sh -c 'rm -f "$1"; "$2" import -o "$1" tests/data/import/aiken/crlf-bom.txt &&
	grep -q "\"questions\"" "$1" || { [ ! -e "$1" ] || { echo "a file left after a failure" >&2; exit 99; }; exit 1; }' \
	sh "$T/imported.json" "$F"
sweep "export" "" "" "$F" export --format csv "$deck"
sweep "export gift" "" "" "$F" export --format gift "$deck"
sweep "export anki" "" "" "$F" export --format anki "$deck"
# The start without a terminal: the library scan, then a plain quiz, on a
# tree of its own with one small deck.
mkdir -p "$T/tree/build" "$T/tree/questions" "$T/xdg/recall/decks"
cp "$F" "$T/tree/build/recall"
: >"$T/tree/questions/FORMAT.md"
printf '{"format": "recall-deck/1", "id": "s", "title": "S", "questions": [
 {"id": "a", "type": "truefalse", "prompt": "P", "answer": true, "tags": ["x"]}]}' >"$T/tree/questions/s.json"
cp "$T/tree/questions/s.json" "$T/xdg/recall/decks/copy.json"
XDG_DATA_HOME=$T/xdg
export XDG_DATA_HOME
sweep "start, plain" "t
" "" "$T/tree/build/recall"

# The drill report, as text, JSON and CSV, over the report tests' results.
. tests/e2e/lib-report.sh
report_fixture "$T/class.db"
sweep "report" "" "" "$F" report --class 5b --results "$T/class.db"
sweep "report --json" "" "" "$F" report --class 5b --results "$T/class.db" --json
sweep "report --csv" "" "" "$F" report --class 5b --results "$T/class.db" --csv -o "$T/csv"
sweep "report --list" "" "" "$F" report --class 5b --results "$T/class.db" --list

e2e_end
