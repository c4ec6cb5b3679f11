# End-to-end: recall import and recall export — where the deck goes
# (standard output or -o, never over a file without --force), exit
# statuses, the count at the end, every fixture giving a deck that recall
# check and the JSON Schema pass, ids stable across imports, and round
# trips through the command line.
. tests/e2e/lib.sh
D=tests/data/import

# ---- help --------------------------------------------------------------
run help-main "" --help
expect_in "help: lists import" "$out" "import FILE..."
expect_in "help: lists export" "$out" "export DECK..."
run help-import "" import --help
expect_rc "import --help: exit 0" 0
expect_in "import --help: names the formats" "$out" "opentdb  Open Trivia Database JSON"
expect_in "import --help: names GIFT" "$out" "gift     GIFT"
expect_in "import --help: names Anki" "$out" "anki     Anki notes"
expect_in "import --help: names hascard" "$out" "hascard  hascard"
run help-export "" export --help
expect_rc "export --help: exit 0" 0
expect_in "export --help: names the formats" "$out" "aiken (choice and truefalse questions)"
expect_in "export --help: names GIFT" "$out" "gift "
expect_in "export --help: names Anki" "$out" "anki "

# ---- every good fixture: a deck recall check passes ---------------------
good="$D/opentdb/api.json $D/opentdb/results.json $D/opentdb/base64.json $D/opentdb/url3986.json
$D/opentdb/bom-crlf.json $D/opentdb/odd.json $D/aiken/basic.txt $D/aiken/basic-edited.txt
$D/aiken/crlf-bom.txt $D/aiken/broken.txt $D/csv/template.csv $D/csv/plain.csv
$D/csv/semicolon-bom-crlf.csv $D/csv/bad-rows.csv $D/gift/kinds.gift $D/gift/escapes.gift
$D/gift/broken.gift $D/anki/notes.txt $D/anki/comma.csv $D/anki/pipe.txt $D/anki/semicolon.txt
$D/anki/space.txt $D/anki/cards.txt $D/anki/noheader.txt $D/hascard/cards.md $D/hascard/broken.txt"
i=0
for f in $good; do
	i=$((i + 1))
	run "import-$i" "" import "$f"
	expect_rc "import $f: exit 0" 0
	expect_clean "import $f: no sanitizer report"
	printf '%s\n' "$out" >"$T/deck-$i.json"
	run "check-$i" "" check "$T/deck-$i.json"
	expect_rc "import $f: recall check passes" 0
	expect_not_in "import $f: recall check finds no error" "$out" "error"
done

# ... and the JSON Schema too.
if python3 - questions/schema/recall-deck.schema.json "$T"/deck-*.json >"$T/schema" 2>&1 <<'PY'
import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
bad = 0
for p in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(p))):
        print(p, e.message[:200]); bad += 1
sys.exit(1 if bad else 0)
PY
then pass "import: every deck made passes the JSON Schema"
else fail "import: every deck made passes the JSON Schema" "$(head -5 "$T/schema")"; fi

# ---- standard output, -o, --force ----------------------------------------
run stdout "" import "$D/aiken/basic.txt"
cp "$T/out" "$T/stdout.json"
expect_in "import: the count ends the run, on stderr" "$err" \
	"recall: import: 6 questions imported (4 choice, 2 truefalse), 0 skipped"
expect_in "import: default id from the file name" "$out" '"id": "basic",'
expect_in "import: default title from the file name" "$out" '"title": "basic",'
run to-file "" import "$D/aiken/basic.txt" -o "$T/basic.json"
expect_rc "import -o: exit 0" 0
if cmp -s "$T/basic.json" "$T/stdout.json"; then pass "import -o: the same deck as on standard output"
else fail "import -o: the same deck as on standard output"; fi
expect_not_in "import -o: nothing on standard output" "$out" "{"

echo "precious" >"$T/taken.json"
run no-clobber "" import "$D/aiken/basic.txt" -o "$T/taken.json"
expect_rc "import -o over a file: exit 1" 1
expect_in "import -o over a file: says --force" "$err" "exists already (--force replaces it)"
if [ "$(cat "$T/taken.json")" = precious ]; then pass "import -o: an existing file is left alone"
else fail "import -o: an existing file is left alone"; fi
ln -s "$T/nowhere.json" "$T/dangling.json"
run no-clobber-link "" import "$D/aiken/basic.txt" -o "$T/dangling.json"
expect_rc "import -o over a dangling link: exit 1" 1
if [ ! -e "$T/nowhere.json" ]; then pass "import -o: a link is not followed to make a file"
else fail "import -o: a link is not followed to make a file"; fi
run force "" import --force "$D/aiken/basic.txt" -o "$T/taken.json"
expect_rc "import --force: exit 0" 0
if cmp -s "$T/taken.json" "$T/stdout.json"; then pass "import --force: the file replaced"
else fail "import --force: the file replaced"; fi
run no-folder "" import "$D/aiken/basic.txt" -o "$T/no/such/folder.json"
expect_rc "import -o in a missing folder: exit 1" 1
expect_in "import -o in a missing folder: said" "$err" "does not exist"
ls "$T" | grep -q '\.tmp\.' && fail "import: no temporary file left" "$(ls "$T")" || pass "import: no temporary file left"

# ---- ids stable ------------------------------------------------------------
run again "" import "$D/aiken/basic.txt"
if cmp -s "$T/out" "$T/stdout.json"; then pass "import twice: the same deck, byte for byte"
else fail "import twice: the same deck, byte for byte"; fi
run edited "" import --id basic --title basic "$D/aiken/basic-edited.txt"
for p in "Which planet is known as the Red Planet?" "Water boils at 100" "Lower-case letters"; do
	id1=$(grep -B2 "\"prompt\": \"$p" "$T/stdout.json" | sed -n 's/.*"id": "\(.*\)",/\1/p')
	id2=$(grep -B2 "\"prompt\": \"$p" "$T/out" | sed -n 's/.*"id": "\(.*\)",/\1/p')
	if [ -n "$id1" ] && [ "$id1" = "$id2" ]; then pass "import of an edited bank: '$p' keeps its id"
	else fail "import of an edited bank: '$p' keeps its id" "before: '$id1', after: '$id2'"; fi
done

# ---- options ---------------------------------------------------------------
run id-title "" import --id my.deck --title "My Deck" -f aiken "$D/aiken/basic.txt"
expect_in "import --id" "$out" '"id": "my.deck",'
expect_in "import --title" "$out" '"title": "My Deck",'
run several "" import "$D/aiken/basic.txt" "$D/csv/plain.csv" "$D/opentdb/api.json"
expect_rc "import of several files: exit 0" 0
expect_in "import of several files: one deck of them all" "$err" \
	"recall: import: 15 questions imported (9 choice, 1 multi, 5 truefalse), 0 skipped"
run forced-format "" import --format csv "$D/aiken/basic.txt"
expect_rc "import --format that does not fit: nothing to import, exit 2" 2
run bad-format "" import --format moodle "$D/aiken/basic.txt"
expect_rc "import --format unknown: exit 1" 1
expect_in "import --format unknown: lists the formats" "$err" \
	"unknown format 'moodle' (opentdb, aiken, csv, gift, anki, hascard)"
run bad-id "" import --id "My Deck" "$D/aiken/basic.txt"
expect_rc "import --id not a slug: exit 1" 1
run bad-title "" import --title "$(printf 'a\033[31mb')" "$D/aiken/basic.txt"
expect_rc "import --title with an escape: exit 1" 1
run no-files "" import
expect_rc "import without files: exit 1" 1
run bad-opt "" import --nope x
expect_rc "import unknown option: exit 1" 1

# ---- files that cannot be imported -----------------------------------------
run missing "" import /nonexistent.csv
expect_rc "import of a missing file: exit 1" 1
expect_in "import of a missing file: said" "$err" "/nonexistent.csv: error: cannot open: No such file or directory"
printf 'just some words\n' >"$T/notes.md"
run unknown "" import "$T/notes.md"
expect_rc "import of a file in no known format: exit 2" 2
expect_in "import of a file in no known format: names the formats tried" "$err" \
	"notes.md: error: not in a format recall can import (tried opentdb, aiken, csv, gift, anki, hascard); name one with --format"
run syntax "" import "$D/opentdb/syntax.json" -o "$T/never.json"
expect_rc "import of a broken file: exit 2" 2
expect_in "import of a broken file: line and column" "$err" "syntax.json:3:66: error: trailing comma"
[ -e "$T/never.json" ] && fail "import of a broken file: nothing written" || pass "import of a broken file: nothing written"
run mixed "" import "$D/aiken/basic.txt" "$D/csv/open-quote.csv"
expect_rc "import with one broken file among several: exit 2" 2
expect_in "import with one broken file: nothing written" "$err" "nothing written"
[ -z "$out" ] && pass "import with one broken file: nothing on standard output" \
	|| fail "import with one broken file: nothing on standard output" "$out"
run empty "" import "$D/opentdb/empty.json"
expect_rc "import of an empty file: exit 2" 2
printf 'Lone question\nANSWER: A\n' >"$T/none.txt"
run nothing "" import "$T/none.txt"
expect_rc "import of a file without a usable question: exit 2" 2
expect_in "import of a file without a usable question: said" "$err" "no question could be imported"
run folder "" import "$T"
expect_rc "import of a folder: exit 1" 1
esc=$(printf '\033')
cp "$D/aiken/basic.txt" "$T/$(printf 'x\033[31m').txt"
run escaped "" import "$T/$(printf 'x\033[31m').txt" -o "$T/$(printf 'x\033[31m').txt"
case $err in *"$esc"*) fail "import: file names reach the terminal escaped" "$err" ;;
*) pass "import: file names reach the terminal escaped" ;; esac

# ---- export ------------------------------------------------------------------
run export-aiken "" export --format aiken tests/data/basic.json
expect_rc "export aiken: exit 0" 0
expect_in "export aiken: the choice question" "$out" "Which is second?
A. one
B. two
C. three
ANSWER: B"
expect_in "export: what is left out is named" "$err" \
	"tests/data/basic.json: warning: question 6 (id 'o', order) left out: Aiken holds only choice and truefalse questions"
expect_in "export: the count ends the run" "$err" \
	"recall: export: 2 questions written, 6 left out (1 multi, 1 number, 1 text, 1 order, 1 match, 1 card)"
run export-csv "" export -f csv tests/data/basic.json -o "$T/basic.csv"
expect_rc "export csv -o: exit 0" 0
run export-csv-again "" export -f csv tests/data/basic.json -o "$T/basic.csv"
expect_rc "export -o over a file: exit 1" 1
run export-back "" import "$T/basic.csv"
expect_rc "export then import: exit 0" 0
expect_in "export then import: the questions come back" "$err" \
	"recall: import: 3 questions imported (1 choice, 1 multi, 1 truefalse), 0 skipped"
run export-noformat "" export tests/data/basic.json
expect_rc "export without --format: exit 1" 1
expect_in "export without --format: lists them" "$err" "name the format with --format (aiken, csv, gift, anki)"
run export-invalid "" export -f aiken tests/data/escape.json
expect_rc "export of an invalid deck: exit 2" 2
run export-missing "" export -f aiken /nonexistent.json
expect_rc "export of a missing deck: exit 1" 1
run export-nothing "" export -f aiken tests/data/cards.json
expect_rc "export with nothing the format holds: exit 1" 1
expect_in "export with nothing the format holds: said" "$err" "no question aiken can hold"

# ---- GIFT, Anki, hascard through the command line ---------------------------
run gift "" import "$D/gift/kinds.gift"
expect_rc "import GIFT: exit 0" 0
expect_in "import GIFT: the count" "$err" \
	"recall: import: 14 questions imported (3 choice, 1 multi, 4 truefalse, 3 number, 2 text, 1 match), 2 skipped"
expect_in "import GIFT: a missing word's blank" "$out" '"prompt": "Two plus ___ equals four.",'
expect_in "import GIFT: the essay said" "$err" \
	"kinds.gift:52:35: warning: question skipped: an essay (an empty answer block {}) has no answer to check"
cp "$T/out" "$T/gift1.json"
run gift-again "" import "$D/gift/kinds.gift"
if cmp -s "$T/out" "$T/gift1.json"; then pass "import GIFT twice: the same deck, ids and all"
else fail "import GIFT twice: the same deck, ids and all"; fi
run gift-broken "" import "$D/gift/broken.gift"
expect_rc "import GIFT with bad questions: exit 0" 0
expect_in "import GIFT with bad questions: line and column" "$err" \
	"broken.gift:5:30: warning: question skipped: this '{' is never closed with '}'"
expect_in "import GIFT with bad questions: the count" "$err" "1 question imported (1 choice), 17 skipped"
run anki "" import "$D/anki/notes.txt"
expect_rc "import Anki: exit 0" 0
expect_in "import Anki: the count" "$err" "recall: import: 15 questions imported (5 text, 10 card), 3 skipped"
expect_in "import Anki: a cloze" "$out" '"prompt": "Paris is the capital of [a country].\nIt lies on the Seine.",'
run anki-broken "" import "$D/anki/broken.txt" -o "$T/never.json"
expect_rc "import Anki with a quote never closed: exit 2" 2
expect_in "import Anki with a quote never closed: line and column" "$err" \
	"broken.txt:3:1: error: this quoted field is never closed"
[ -e "$T/never.json" ] && fail "import Anki broken: nothing written" || pass "import Anki broken: nothing written"
run hascard "" import "$D/hascard/cards.md"
expect_rc "import hascard: exit 0" 0
expect_in "import hascard: the count" "$err" \
	"recall: import: 10 questions imported (3 choice, 1 multi, 2 text, 1 order, 3 card), 0 skipped"
run hascard-forced "" import --format hascard "$D/hascard/broken.txt"
expect_in "import hascard with bad cards: line and column" "$err" \
	"broken.txt:21:1: warning: question skipped: an option must start '[*] ', '[x] ' or '[ ] '"

run export-gift "" export --format gift tests/data/basic.json -o "$T/basic.gift"
expect_rc "export gift: exit 0" 0
expect_in "export gift: order and card left out" "$err" \
	"recall: export: 6 questions written, 2 left out (1 order, 1 card)"
expect_in "export gift: the unit said" "$err" "units of 1 question left out: the gift format has no place for them"
run export-gift-back "" import "$T/basic.gift"
expect_in "export gift then import: every type back" "$err" \
	"recall: import: 6 questions imported (1 choice, 1 multi, 1 truefalse, 1 number, 1 text, 1 match), 0 skipped"
run export-anki "" export -f anki tests/data/basic.json -o "$T/basic-anki.txt"
expect_rc "export anki: exit 0" 0
expect_in "export anki: the types written as cards said" "$err" \
	"question types of 6 questions left out: the anki format has them as flashcards with the answer written out"
run export-anki-back "" import "$T/basic-anki.txt"
expect_in "export anki then import: every note back" "$err" \
	"recall: import: 8 questions imported (1 text, 7 card), 0 skipped"
run export-anki-cards "" export -f anki tests/data/cards.json -o "$T/cards-anki.txt"
run export-anki-cards-back "" import "$T/cards-anki.txt" --id cards
n1=$(grep -c '"type": "card"' tests/data/cards.json)
n2=$(grep -c '"type": "card"' "$T/out")
if [ "$n1" -gt 0 ] && [ "$n1" = "$n2" ]; then pass "anki round trip of a deck of cards: every card back ($n1)"
else fail "anki round trip of a deck of cards: every card back" "$n1 cards, $n2 back"; fi

# Round trip through the command line: a bundled deck's choice questions.
run rt-export "" export -f aiken questions/rudenko-kumar-meeting.json -o "$T/rk.txt"
run rt-import "" import "$T/rk.txt" -o "$T/rk.json"
expect_rc "round trip of a bundled deck: imported" 0
n1=$(grep -c '^ANSWER: ' "$T/rk.txt")
n2=$(grep -c '"type": "\(choice\|truefalse\)"' "$T/rk.json")
if [ "$n1" -gt 0 ] && [ "$n1" = "$n2" ]; then pass "round trip of a bundled deck: every question back ($n1)"
else fail "round trip of a bundled deck: every question back" "$n1 written, $n2 back"; fi
e2e_end
