#!/bin/sh
# recall stats: the text with its bars and numbers, --json read back and
# compared with the text, decks given, a missing and a damaged database.
. tests/e2e/lib.sh
export TZ=UTC XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
NOW=2025-03-10T12:00:00Z
B=1741564800   # 2025-03-10T00:00:00Z; days start at 04:00

# The database, made with the sqlite3 tool from the schema docs/progress.md
# gives (so the documentation is checked too).
db="$T/p.db"
{
	sed -n '/^```sql$/,/^```$/p' docs/progress.md | sed '1d;$d'
	echo "INSERT INTO meta VALUES ('schema_version', 3);"
	echo "BEGIN;"
	# item: id, deck, question, state, stability, due, last_review, lapses, scheduled_days
	i() { echo "INSERT INTO items (id, deck, question, state, stability, difficulty, due, last_review, reps, lapses, step, scheduled_days) VALUES ($1, '$2', '$3', $4, $5, 5, $6, $7, 1, $8, 0, $9);"; }
	i 1 basic c 2 30 $((B + 5 * 86400)) $((B - 86400)) 0 30       # mature, due day 4 (00:00)
	i 2 basic m 2 4 $((B + 86400 + 36000)) $((B - 2 * 86400)) 1 4 # review, due tomorrow
	i 3 basic tf 1 1 $((B + 7200 + 86400 * 0)) $((B + 3600 * 10)) 0 0  # learning, due today
	i 4 other z 3 1 $((B - 86400)) $((B - 3 * 86400)) 4 0        # relearning, overdue
	# review: item, time, grade, state_before
	r() { echo "INSERT INTO reviews (item, time, grade, answer, seconds, state_before, state_after, stability, difficulty, elapsed_days, scheduled_days) VALUES ($1, $2, $3, '', 1, $4, 2, 1, 5, 0, 0);"; }
	r 4 $((B - 3 * 86400 + 36000)) 1 2
	r 2 $((B - 2 * 86400 + 36000)) 3 2
	r 1 $((B - 86400 + 36000)) 3 2
	r 2 $((B - 86400 + 40000)) 1 2
	r 3 $((B + 36000)) 3 0
	echo "UPDATE items SET content_hash = '0123456789abcdef' WHERE id = 1;"  # basic/c changed since
	echo "COMMIT;"
} | sqlite3 "$db"

run stats-text "" stats --db "$db" --now $NOW
expect_rc stats-text-status 0
expect_clean stats-text-clean
expect_in stats-bar "$out" "█"
expect_in stats-new-line "$out" "Questions (4)"
expect_in stats-due "$out" "Due today: 2"
expect_in stats-streak "$out" "Streak: 4 days"
expect_in stats-hardest "$out" "other/z"
if python3 -c "import sys; sys.exit(any(len(l) > 80 for l in open(sys.argv[1], encoding='utf-8').read().split('\\n')))" "$T/out"
then pass stats-80-columns; else fail stats-80-columns "$out"; fi
cp "$T/out" "$T/text"

# Every figure in the text against the JSON.
run stats-json "" stats --db "$db" --now $NOW --json
expect_rc stats-json-status 0
if python3 - "$T/out" "$T/text" <<'PY'
import json, re, sys
j = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read().split("\n")
def num(label):
    for l in text:
        if l.startswith("  " + label + " "):
            return int(l.split()[-1])
    raise SystemExit("no line " + label)
for k in ("new", "learning", "review", "mature"):
    assert num(k) == j["items"][k], k
assert j["items"] == {"new": 0, "learning": 2, "review": 1, "mature": 1}, j["items"]
assert "Due today: %d" % j["due_today"] in text, j["due_today"]
assert j["due_today"] == 2 and j["forecast"][0] == 2 and j["forecast"][1] == 1 and j["forecast"][4] == 1
start = text.index("Due in the next 30 days") + 1
bars = [int(l.split()[4]) for l in text[start:start + 30]]
assert bars == j["forecast"], bars
start = [i for i, l in enumerate(text) if l.startswith("Reviews in the last")][0] + 1
bars = [int(l.split()[4]) for l in text[start:start + 30]]
assert bars[::-1] == j["reviews_per_day"], bars
assert j["reviews_per_day"][:4] == [1, 2, 1, 1] and j["reviews_total"] == 5
assert "Streak: %d days" % j["streak"] in text and j["streak"] == 4
w = j["retention"][0]
assert w["reviews"] == 4 and w["passed"] == 2 and w["retention"] == 0.5, w
assert any(l.endswith("50%%  %d of %d" % (w["passed"], w["reviews"])) for l in text)
assert [h["question"] for h in j["hardest"]][:2] == ["z", "m"], j["hardest"]
assert j["missing"] is False and j["changed"]["count"] == 0
PY
then pass stats-json-matches-text; else fail stats-json-matches-text "$(cat "$T/out")"; fi

# A deck given: its questions never studied are new; other decks are left out.
run stats-deck "" stats --db "$db" --now $NOW --json tests/data/basic.json
expect_rc stats-deck-status 0
n=$(grep -c '"id"' tests/data/basic.json)
if python3 -c "
import json, sys
j = json.load(open('$T/out'))
i = j['items']
assert i['learning'] == 1 and i['review'] == 1 and i['mature'] == 1, i
assert i['new'] > 0 and j['reviews_total'] == 4, j
assert j['changed'] == {'count': 1, 'questions': [{'deck': 'basic', 'question': 'c'}]}, j['changed']
"; then pass stats-deck-figures; else fail stats-deck-figures "$out"; fi
run stats-deck-text "" stats --db "$db" --now $NOW tests/data/basic.json
expect_in stats-changed-count "$out" "Changed since their last review: 1"
expect_in stats-changed-listed "$out" "  basic/c"

# Without a UTF-8 locale the bars are ASCII.
LC_ALL=C "$RECALL" stats --db "$db" --now $NOW >"$T/out" 2>&1
out=$(cat "$T/out")
expect_in stats-ascii-bar "$out" "####"
expect_not_in stats-ascii-no-blocks "$out" "█"

# No database yet: said, every figure zero, and no file made.
run stats-missing "" stats --db "$T/none/p.db" --now $NOW
expect_rc stats-missing-status 0
expect_in stats-missing-said "$err" "no progress yet at '$T/none/p.db'"
expect_in stats-missing-zero "$out" "Questions (0)"
if [ -e "$T/none" ]; then fail stats-missing-not-created; else pass stats-missing-not-created; fi
run stats-missing-json "" stats --db "$T/none.db" --json
expect_rc stats-missing-json-status 0
expect_in stats-missing-json "$out" '"missing":	true'

# A file that is no database: refused, status 1, left as it was.
printf 'not a database at all, just some text that is long enough\n' >"$T/bad.db"
before=$(cksum <"$T/bad.db")
run stats-bad "" stats --db "$T/bad.db"
expect_rc stats-bad-status 1
expect_in stats-bad-said "$err" "is not a recall progress database"
if [ "$(cksum <"$T/bad.db")" = "$before" ]; then pass stats-bad-unchanged; else fail stats-bad-unchanged; fi

run stats-usage "" stats --bogus
expect_rc stats-usage-status 1
expect_in stats-usage-said "$err" "unknown option '--bogus'"
run stats-help "" stats --help
expect_in stats-help "$out" "usage: recall stats"
e2e_end
