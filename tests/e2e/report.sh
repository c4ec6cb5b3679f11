#!/bin/sh
# recall report: the text of a drill's report and its figures, the CSV
# parsed back and compared with the JSON, the drills listed and chosen,
# the results left byte for byte as they were (a read-only file too), the
# refusals, a database of schema version 1, and the plain watch seeing the
# answers another process records.
. tests/e2e/lib.sh
. tests/e2e/lib-report.sh
export TZ=UTC XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
unset RECALL_RESULTS
db="$T/class.db"
report_fixture "$db"

# ---- the text ------------------------------------------------------------
before=$(cksum <"$db")
run text "" report --class 5b --results "$db"
expect_rc text-status 0
expect_clean text-clean
expect_in text-title "$out" "Report: class 5b · drill 1a2b3c4d5e6f7a8b"
expect_in text-counts "$out" "5 students · 13 answers · grades of the questions' 500 points"
# rank, student, score, grade, done, right, partly, wrong, timed out, avg s
expect_in text-first "$out" "     1  ana                  410  70.0%   3/4     2      1     0         0   6.7"
expect_in text-tie "$out" "     2  dana                 250  40.0%   2/4     1      0     1         0   9.0"
expect_in text-tie-4 "$out" "     4  eve                    0   0.0%   2/4     0      0     1         1  11.5"
expect_in text-hardest "$out" "  q3    Which are even?                                1/3      33%  +0.50  11.7"
expect_in text-common-wrong "$out" 'most common wrong answer: "Lyon" (2) · right: Paris'
expect_in text-nobody "$out" "nobody answered it · right: 8849"
expect_in text-bar "$out" "  q1   ████████████████░░░░░░░░░░░░░░░░░░░░░░░░   40%  2 of 5"
expect_in text-missed "$out" "  chen: 3 of 3 answers missed"
expect_in text-missed-given "$out" '    q2    wrong      "amazon" · right: Nile'
expect_in text-missed-timed-out "$out" "    q2    timed out  right: Nile"
# The hardest first: q3 (33 %), then q1 and q2 (40 %, by number), then q4.
order=$(printf '%s\n' "$out" | sed -n '/^Questions, hardest first/,/^$/p' | awk '$1 ~ /^q[0-9]/ { printf "%s ", $1 }')
if [ "$order" = "q3 q1 q2 q4 " ]; then pass text-order; else fail text-order "$order"; fi
if python3 -c "import sys; sys.exit(any(len(l) > 80 for l in open(sys.argv[1], encoding='utf-8').read().split('\\n')))" "$T/out"
then pass text-80-columns; else fail text-80-columns "$out"; fi
if [ "$(cksum <"$db")" = "$before" ]; then pass text-db-unchanged; else fail text-db-unchanged; fi
# The report docs/report.md shows is this one.
sed -n '/^## The text/,/^## CSV/p' docs/report.md | sed -n '/^```$/,/^```$/p' | sed '1d;$d' >"$T/doc"
if diff -u "$T/doc" "$T/out" >"$T/diff"; then pass text-as-documented
else fail text-as-documented "docs/report.md differs (- docs, + now):" "$(cat "$T/diff")"; fi

# Without a UTF-8 locale: ASCII bars and marks.
LC_ALL=C "$RECALL" report --class 5b --results "$db" >"$T/out" 2>&1
out=$(cat "$T/out")
expect_in ascii-bar "$out" "  q1   ################------------------------   40%  2 of 5"
expect_in ascii-dot "$out" "Report: class 5b - drill 1a2b3c4d5e6f7a8b"

# What the results hold never reaches the terminal raw.
run escaped "" report --class odd --results "$db"
expect_rc escaped-status 0
expect_in escaped-name "$out" 'x\e[31mred'
expect_in escaped-bidi "$out" '\u202e'
if printf '%s' "$out" | grep -q "$(printf '\033')"; then fail escaped-no-esc "$out"; else pass escaped-no-esc; fi

# ---- the drills: listed, chosen ------------------------------------------------
run list "" report --class 5b --results "$db" --list
expect_rc list-status 0
expect_in list-old "$out" "  0f0f0f0f0f0f0f0f  2025-03-09 06:00 UTC    2 questions     1 student        1 answer   geo"
expect_in list-new "$out" "  1a2b3c4d5e6f7a8b  2025-03-10 09:46 UTC    4 questions     5 students      13 answers  geo"
run older "" report --class 5b --results "$db" --drill 0f0f0f
expect_rc older-status 0
expect_in older-chosen "$out" "drill 0f0f0f0f0f0f0f0f"
expect_in older-one "$out" "1 student · 1 answer"
run unknown-drill "" report --class 5b --results "$db" --drill 99999
expect_rc unknown-drill-status 1
expect_in unknown-drill-said "$err" "class '5b' has no drill '99999' (--list lists its drills)"
run short-drill "" report --class 5b --results "$db" --drill 0f
expect_rc short-drill-status 1
expect_in short-drill-said "$err" "first 4 characters or more"
run no-drill "" report --class 7c --results "$db"
expect_rc no-drill-status 1
expect_in no-drill-said "$err" "class '7c' has no drill yet"

# The default place: RECALL_RESULTS, else the data folder.
mkdir -p "$T/data/recall"
cp "$db" "$T/data/recall/results.db"
run default-path "" report --class 5b
expect_rc default-path-status 0
expect_in default-path-read "$out" "5 students"
RECALL_RESULTS="$T/none.db" "$RECALL" report --class 5b >"$T/out" 2>"$T/err"
rc=$? err=$(cat "$T/err")
expect_rc env-path-status 1
expect_in env-path-said "$err" "no results database at '$T/none.db'"

# ---- JSON and CSV ------------------------------------------------------------------
run json "" report --class 5b --results "$db" --json
expect_rc json-status 0
cp "$T/out" "$T/report.json"
run csv "" report --class 5b --results "$db" --csv -o "$T/csv"
expect_rc csv-status 0
run csv-table "" report --class odd --results "$db" --csv --table missed
expect_rc csv-table-status 0
cp "$T/out" "$T/odd.csv"
run json-odd "" report --class odd --results "$db" --json -o "$T/odd.json"
expect_rc json-odd-status 0
if python3 - "$T/report.json" "$T/csv" "$T/odd.csv" "$T/odd.json" <<'PY'
import csv, json, math, sys
j = json.load(open(sys.argv[1]))
assert j["format"] == "recall-report/1" and j["class"] == "5b", j
assert j["drill"]["id"] == "1a2b3c4d5e6f7a8b" and j["drill"]["count"] == 4, j["drill"]
assert j["students"] == 5 and j["answers"] == 13 and j["group"] == 2 and j["points_known"]

def same(table, rows):
    """Every CSV row equals the JSON's: text as text, numbers as numbers,
    none as an empty field."""
    assert len(table) == len(rows), (len(table), len(rows))
    for c, o in zip(table, rows):
        assert list(c.keys()) == list(o.keys()), (list(c.keys()), list(o.keys()))
        for k, v in o.items():
            f = c[k]
            if v is None:
                assert f == "", (k, f)
            elif isinstance(v, str):
                assert f == ("'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v), (k, f, v)
            else:
                assert float(f) == v, (k, f, v)

for name in ("leaderboard", "questions", "missed"):
    raw = open(sys.argv[2] + "/" + name + ".csv", "rb").read()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), name
    same(list(csv.DictReader(open(sys.argv[2] + "/" + name + ".csv", newline="", encoding="utf-8"))), j[name])

# The figures worked out by hand (tests/e2e/lib-report.sh).
lb = j["leaderboard"]
assert [(r["rank"], r["student"], r["score"], r["grade"]) for r in lb] == [
    (1, "ana", 410, 70), (2, "ben", 250, 40), (2, "dana", 250, 40), (4, "chen", 0, 0), (4, "eve", 0, 0)], lb
assert lb[4]["timed_out"] == 1 and lb[4]["wrong"] == 1 and lb[2]["answered"] == 2
q = j["questions"]
assert [r["number"] for r in q] == [3, 1, 2, 4]
assert [r["facility"] for r in q] == [1 / 3, 0.4, 0.4, None]
assert [r["discrimination"] for r in q] == [0.5, 1, 0.5, None]
assert [(r["common_wrong"], r["common_wrong_count"]) for r in q] == [("2 4 6", 1), ("Lyon", 2), ("Amazon", 2), (None, 0)]
assert math.isclose(q[0]["avg_seconds"], 35 / 3) and q[3]["avg_seconds"] is None
m = j["missed"]
assert [(r["student"], r["number"], r["outcome"], r["given"]) for r in m] == [
    ("ana", 3, "partly", "2 4 6"), ("ben", 2, "wrong", "Amazon"), ("chen", 1, "wrong", "Lyon"),
    ("chen", 2, "wrong", "amazon"), ("chen", 3, "wrong", "1 3"), ("dana", 1, "wrong", "lyon"),
    ("eve", 1, "skipped", ""), ("eve", 2, "timed out", "")], m

# A formula and an escape: the CSV guards the one, the JSON keeps both.
o = json.load(open(sys.argv[4]))
row = list(csv.DictReader(open(sys.argv[3], newline="", encoding="utf-8")))
same(row, o["missed"])
assert o["missed"][0]["student"] == "x\x1b[31mred"
assert row[0]["given"].startswith("'=HYPERLINK(") and row[0]["given"].endswith("\u202e")
assert o["points_known"] is False and o["questions"][0]["prompt"] is None
PY
then pass csv-matches-json; else fail csv-matches-json; fi
expect_in json-escapes-controls "$(cat "$T/odd.json")" 'x\u001b[31mred'
expect_in json-escapes-bidi "$(cat "$T/odd.json")" '\u202e'

run csv-needs-o "" report --class 5b --results "$db" --csv
expect_rc csv-needs-o-status 1
expect_in csv-needs-o-said "$err" "give -o FOLDER"
run csv-bad-table "" report --class 5b --results "$db" --csv --table students
expect_rc csv-bad-table-status 1
expect_in csv-bad-table-said "$err" "no table 'students'"
printf 'x' >"$T/file"
run csv-not-folder "" report --class 5b --results "$db" --csv -o "$T/file"
expect_rc csv-not-folder-status 1
expect_in csv-not-folder-said "$err" "is not a folder"
run csv-table-into-folder "" report --class 5b --results "$db" --csv --table questions -o "$T/csv"
expect_rc csv-table-into-folder-status 0
run no-class "" report --results "$db"
expect_rc no-class-status 1
expect_in no-class-said "$err" "report needs the class: --class NAME"
run help "" report --help
expect_rc help-status 0
expect_in help-usage "$out" "usage: recall report --class NAME"
run bad-option "" report --class 5b --bogus
expect_rc bad-option-status 1
expect_in bad-option-said "$err" "unknown option '--bogus'"

# ---- read-only, never changed --------------------------------------------------------
sum=$(cksum <"$db")
chmod 444 "$db"
run read-only "" report --class 5b --results "$db" --json
expect_rc read-only-status 0
expect_in read-only-read "$out" '"answers": 13'
chmod 644 "$db"
if [ "$(cksum <"$db")" = "$sum" ]; then pass read-only-unchanged
else fail read-only-unchanged "$(cksum <"$db")" "$sum"; fi
run missing "" report --class 5b --results "$T/nowhere/r.db"
expect_rc missing-status 1
expect_in missing-said "$err" "no results database at '$T/nowhere/r.db'"
if [ -e "$T/nowhere" ]; then fail missing-not-made; else pass missing-not-made; fi
printf 'these are notes, not a database at all, long enough\n' >"$T/notes.db"
before=$(cksum <"$T/notes.db")
run not-db "" report --class 5b --results "$T/notes.db"
expect_rc not-db-status 1
expect_in not-db-said "$err" "is not a recall results database"
if [ "$(cksum <"$T/notes.db")" = "$before" ]; then pass not-db-unchanged; else fail not-db-unchanged; fi
cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" "UPDATE meta SET value = 9 WHERE key = 'schema_version'"
run newer "" report --class 5b --results "$T/newer.db"
expect_rc newer-status 1
expect_in newer-said "$err" "was made by a newer recall"

# Schema version 1: read as it is (no questions kept: points unknown), never upgraded.
report_fixture "$T/v1.db" 1
before=$(cksum <"$T/v1.db")
run v1 "" report --class 5b --results "$T/v1.db"
expect_rc v1-status 0
expect_in v1-unknown "$out" "points unknown"
expect_in v1-ids "$out" "  q3    geo/even"
expect_in v1-grade "$out" "     1  ana                  410  62.5%"
if [ "$(cksum <"$T/v1.db")" = "$before" ]; then pass v1-unchanged; else fail v1-unchanged; fi
if [ "$(sqlite3 "$T/v1.db" "SELECT value FROM meta WHERE key = 'schema_version'")" = 1 ]; then
	pass v1-not-upgraded; else fail v1-not-upgraded; fi

# ---- the watch, in lines -------------------------------------------------------------
# wait_file FILE TEXT: waits (10 s at most) until FILE holds TEXT.
wait_file() {
	_i=0
	while [ $_i -lt 100 ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
w="$T/watch.db"
report_fixture "$w"
"$RECALL" report --class 5b --results "$w" --watch >"$T/watch.out" 2>"$T/watch.err" &
pid=$!
if wait_file "$T/watch.out" "13 answers so far"; then pass watch-started; else fail watch-started "$(cat "$T/watch.out" "$T/watch.err")"; fi
report_answer "$w" dana 2 "2 4" 0 1 150
report_answer "$w" eve 2 "" 3 0 0
# dana: 250 + 150 = 400, second to ana's 410; eve ties chen at 0 (4th).
if wait_file "$T/watch.out" "answer: eve q3 skipped +0 · eve 4th 0"; then pass watch-sees-answers
else fail watch-sees-answers "$(cat "$T/watch.out" "$T/watch.err")"; fi
expect_in watch-dana "$(cat "$T/watch.out")" "answer: dana q3 right +150 · dana 2nd 400"
kill -TERM $pid
wait $pid
rc=$? err=$(cat "$T/watch.err")
expect_rc watch-sigterm 143
expect_clean watch-clean
lines=$(grep -c '^answer: ' "$T/watch.out")
if [ "$lines" = 2 ]; then pass watch-a-line-each; else fail watch-a-line-each "$(cat "$T/watch.out")"; fi

# --until-complete: ends by itself once that many students have answered all.
"$RECALL" report --class 5b --results "$w" --watch --until-complete 2 >"$T/done.out" 2>"$T/done.err" &
pid=$!
wait_file "$T/done.out" "answers so far"
report_answer "$w" ana 3 8849 0 1 90
report_answer "$w" ben 3 8000 2 0 0
wait $pid
rc=$? err=$(cat "$T/done.err")
expect_rc watch-complete-status 0
expect_in watch-complete-said "$(cat "$T/done.out")" "complete: 2 students have answered all 4 questions"

# A watch started before the results exist waits for them, then follows the drill.
"$RECALL" report --class 5b --results "$T/later.db" --watch --plain >"$T/later.out" 2>"$T/later.err" &
pid=$!
if wait_file "$T/later.out" "waiting: no results database at"; then pass watch-waits; else fail watch-waits "$(cat "$T/later.out" "$T/later.err")"; fi
report_fixture "$T/later.db"
report_answer "$T/later.db" dana 2 "2 4" 0 1 150
if wait_file "$T/later.out" "answer: dana q3 right +150"; then pass watch-follows; else fail watch-follows "$(cat "$T/later.out" "$T/later.err")"; fi
expect_in watch-drill-said "$(cat "$T/later.out")" "drill: 1a2b3c4d5e6f7a8b, 4 questions from geo"
kill -TERM $pid
wait $pid
rc=$?
expect_rc watch-later-sigterm 143

run watch-csv "" report --class 5b --results "$db" --watch --csv
expect_rc watch-csv-status 1
run until-alone "" report --class 5b --results "$db" --until-complete 3
expect_rc until-alone-status 1
expect_in until-alone-said "$err" "--until-complete ends a --watch"
e2e_end
