# End-to-end: recall study in plain mode and recall export-progress, over a
# database in the test folder, with the clock fixed by --now.
. tests/e2e/lib.sh
TZ=UTC
export TZ
XDG_CONFIG_HOME=$T/config   # no learner's config file gets in
export XDG_CONFIG_HOME
cards=tests/data/cards.json
objective=tests/data/study.json
day1=2025-03-01T09:00:00Z

# py DB EXPR: evaluates EXPR over the JSON export of DB (items by question
# id in it, reviews in r); prints the result.
py() {
	"$RECALL" export-progress --db "$1" >"$T/export.json" 2>"$T/export.err" || { cat "$T/export.err"; return 1; }
	python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); it={i["question"]: i for i in d["items"]}; r=d["reviews"]
print(eval(sys.argv[2]))' "$T/export.json" "$2"
}

# --- cards over several days -------------------------------------------
db=$T/cards.db
run day1 "
3

1

4

3
" study --db "$db" --now "$day1" "$cards"
expect_rc "cards day 1: exit 0" 0
expect_clean "cards day 1: no sanitizer report"
expect_in "cards day 1: graded good" "$out" "Graded Good"
expect_in "cards day 1: next review named" "$out" "next review in 10 minutes"
expect_in "cards day 1: the flip previews each rating" "$out" "Next review: again 1m, hard 6m, good 10m, easy "
expect_in "cards day 1: again in a minute" "$out" "Graded Again"
expect_in "cards day 1: summary" "$out" "Grades given: Again 1, Hard 0, Good 2, Easy 1 (4 in all)"
expect_eq "cards day 1: again card came back the same session (learning)" \
	"$(printf '%s\n' "$out" | grep -A1 '^Question: flashcard, learning' | grep -c '^Card: Two')" 1
expect_eq "cards day 1: reviews logged" "$(py "$db" 'len(r)')" 4
expect_eq "cards day 1: states" "$(py "$db" 'it["k1"]["state"], it["k2"]["state"], it["k3"]["state"]')" \
	"('learning', 'learning', 'review')"
expect_eq "cards day 1: k3 due in 9 days" "$(py "$db" 'it["k3"]["due"]')" "2025-03-10T09:00:00Z"

run day1-later "
3

3
" study --db "$db" --now 2025-03-01T09:30:00Z "$cards"
expect_eq "cards day 1 later: both learning cards graduate" \
	"$(py "$db" 'it["k1"]["state"], it["k2"]["state"], len(r)')" "('review', 'review', 6)"

run day12 "
3

3

3
" study --db "$db" --now 2025-03-12T09:00:00Z "$cards"
expect_in "cards day 12: all three due" "$out" "Grades given: Again 0, Hard 0, Good 3, Easy 0 (3 in all)"
expect_eq "cards day 12: reps" "$(py "$db" 'it["k1"]["reps"], it["k2"]["reps"], it["k3"]["reps"], len(r)')" \
	"(3, 4, 2, 9)"
run day12-again "" study --db "$db" --now 2025-03-12T10:00:00Z "$cards"
expect_in "cards day 12: nothing due after" "$out" "(0 in all)"
expect_not_in "cards day 12: no question" "$out" "Question:"

# --- objective questions: proposed grades and an override -------------
db=$T/objective.db
run objective "t

:undo
f
2
7

Pari
4
" study --db "$db" --now "$day1" "$objective"
expect_rc "objective: exit 0" 0
expect_in "objective: wrong proposes again, each grade with its interval" "$out" \
	"Grade: Again (Enter keeps it; 1 again 1m, 2 hard 6m, 3 good 10m, 4 easy "
expect_in "objective: undo said" "$out" "Undone: Again on question tf of deck study"
expect_in "objective: quick right proposes easy" "$out" "Grade: Easy (Enter keeps it"
expect_in "objective: override taken" "$out" "Graded Hard"
expect_in "objective: typo proposes hard" "$out" "Grade: Hard (Enter keeps it"
# What the prompt said Easy would do is what Easy did (fuzz and all).
said=$(printf '%s\n' "$out" | grep '^Grade: Hard' | tail -1 | sed -n 's/.*4 easy \([0-9]*\)d).*/\1/p')
done_in=$(printf '%s\n' "$out" | grep '^Graded Easy' | tail -1 | sed -n 's/.*next review in \([0-9]*\) days.*/\1/p')
if [ -n "$said" ] && [ "$said" = "$done_in" ]; then pass "objective: the preview of Easy is what Easy did"
else fail "objective: the preview of Easy is what Easy did" "previewed: '$said' days, graded: '$done_in' days" "$out"; fi
expect_eq "objective: grades logged (the undone one gone)" \
	"$(py "$db" '[(x["question"], x["grade"]) for x in r]')" "[('tf', 2), ('n', 4), ('t', 4)]"
expect_eq "objective: content hash kept" \
	"$(sqlite3 "$db" "SELECT length(content_hash) FROM items WHERE question = 'tf'")" 16

# --- undo, database included --------------------------------------------
db=$T/undo.db
run undo "
3
:undo

4
:quit
" study --db "$db" --now "$day1" "$cards"
expect_in "undo: says what it undid" "$out" "Undone: Good on question k1 of deck cards"
expect_eq "undo: the database has the second grade only" \
	"$(py "$db" '[(x["question"], x["grade"]) for x in r]')" "[('k1', 4)]"
expect_eq "undo: the question came back" "$(printf '%s\n' "$out" | grep -c '^Card: One')" 2

# --- cram changes nothing --------------------------------------------------
db=$T/cards.db
"$RECALL" export-progress --db "$db" >"$T/before.json"
run cram "
1

1

1
" study --db "$db" --now 2025-03-13T09:00:00Z --cram "$cards"
"$RECALL" export-progress --db "$db" >"$T/after.json"
expect_in "cram: asks questions not due" "$out" "Cram: Again (nothing recorded)"
expect_not_in "cram: no Graded line" "$out" "Graded"
expect_not_in "cram: no preview of what grades would do" "$out" "Next review: again"
if cmp -s "$T/before.json" "$T/after.json"; then pass "cram: export unchanged"
else fail "cram: export unchanged" "$(diff "$T/before.json" "$T/after.json" | head -5)"; fi

# --- daily limits ------------------------------------------------------------
db=$T/limits.db
run limit "
4

4

4
" study --db "$db" --now "$day1" --new-per-day 2 "$cards"
expect_eq "new-per-day 2: two new shown" "$(printf '%s\n' "$out" | grep -c '^Question: flashcard, new')" 2
run limit-again "
4
" study --db "$db" --now 2025-03-01T12:00:00Z --new-per-day 2 "$cards"
expect_not_in "new-per-day 2: none left today" "$out" "Question:"
mkdir -p "$T/config/recall"
printf 'new-per-day = 0\n' >"$T/config/recall/config"
run limit-from-config "" study --db "$db" --now 2025-03-02T09:00:00Z "$cards"
expect_not_in "config new-per-day 0: nothing new" "$out" "Question:"
run limit-command-line-wins "
4
" study --db "$db" --now 2025-03-02T09:00:00Z --new-per-day 5 "$cards"
expect_in "command line wins over the config" "$out" "Question: flashcard, new"

# --- a bad config line --------------------------------------------------------
printf 'retention = 0.9\nlearning-steps = 1m banana\n' >"$T/config/recall/config"
run bad-config "" study --db "$T/cfg.db" --now "$day1" "$cards"
expect_rc "bad config: exit 1" 1
expect_in "bad config: file, line and column" "$err" "$T/config/recall/config:2:"
rm -f "$T/config/recall/config"

# --- bad databases: refused, left as they were ------------------------------------
# refused NAME DB: study and export refuse DB with a message naming it and
# leave it byte for byte as it was.
refused() {
	cp "$2" "$T/copy"
	run "$1" "
3
" study --db "$2" --now "$day1" --busy-timeout 200 "$cards"
	if [ "$rc" -ne 0 ] && cmp -s "$2" "$T/copy" && printf '%s' "$err" | grep -qF "$2"; then
		pass "$1: refused, file unchanged, message names it"
	else
		fail "$1: refused, file unchanged, message names it" "rc $rc" "stderr: $err"
	fi
	expect_not_in "$1: no Graded line" "$out" "Graded"
}
printf 'just some text, not a database\n' >"$T/text.db"
refused "not SQLite" "$T/text.db"
expect_in "not SQLite: says so" "$err" "not an SQLite file"
run make-newer "" study --db "$T/newer.db" --now "$day1" "$cards"
sqlite3 "$T/newer.db" "UPDATE meta SET value = 99 WHERE key = 'schema_version'"
refused "newer" "$T/newer.db"
expect_in "newer: says so" "$err" "newer recall"
run make-ro "" study --db "$T/ro.db" --now "$day1" "$cards"
chmod 444 "$T/ro.db"
# The store looks at the write bits too, so root is refused as well.
refused "read-only" "$T/ro.db"
expect_in "read-only: says so" "$err" "read-only"
run make-locked "" study --db "$T/locked.db" --now "$day1" "$cards"
(echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;') | sqlite3 "$T/locked.db" &
lock=$!
sleep 0.5
refused "locked" "$T/locked.db"
expect_in "locked: says so" "$err" "locked by another program"
wait "$lock"

# --- two processes at once ------------------------------------------------------------
db=$T/two.db
"$RECALL" study --db "$db" --now "$day1" "$objective" </dev/null >/dev/null 2>&1  # creates it
printf 'f\n1\n7\n1\nParis\n1\n' >"$T/in-a"
printf '\n1\n\n1\n\n1\n' >"$T/in-b"
"$RECALL" study --db "$db" --now "$day1" "$objective" <"$T/in-a" >"$T/out-a" 2>"$T/err-a" &
a=$!
"$RECALL" study --db "$db" --now "$day1" "$cards" <"$T/in-b" >"$T/out-b" 2>"$T/err-b" &
b=$!
wait "$a"; rca=$?
wait "$b"; rcb=$?
expect_eq "two processes: both finish" "$rca $rcb" "0 0"
expect_eq "two processes: every review logged" \
	"$(( $(grep -c '^Graded' "$T/out-a") + $(grep -c '^Graded' "$T/out-b") ))" "$(py "$db" 'len(r)')"
expect_eq "two processes: six reviews" "$(py "$db" 'len(r)')" 6

# --- export-progress --------------------------------------------------------------------
run export-csv "" export-progress --db "$T/cards.db" --csv
expect_rc "export csv: exit 0" 0
expect_eq "export csv: a header and a row per review" "$(printf '%s\n' "$out" | wc -l)" 10
run export-file "" export-progress --db "$T/cards.db" -o "$T/progress.json"
expect_eq "export -o: the same as stdout" "$(cat "$T/progress.json")" "$(cat "$T/before.json")"
run export-dev-null "" export-progress --db "$T/cards.db" -o /dev/null
expect_rc "export -o /dev/null: refused" 1
run export-missing "" export-progress --db "$T/none.db"
expect_rc "export of no database: exit 1" 1
expect_in "export of no database: says so" "$err" "no progress database"
run help "" study --help
expect_in "study --help: options" "$out" "--learning-steps"
run main-help "" --help
expect_in "recall --help: lists study" "$out" "study [DECK...]"
expect_in "recall --help: lists export-progress" "$out" "export-progress"
e2e_end
