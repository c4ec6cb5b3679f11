# Crash safety: recall study killed with SIGKILL at random moments, again
# and again, over one database.  Afterwards the database must pass
# PRAGMA integrity_check and hold every review whose "Graded" line was
# printed (a kill between the commit and the line may leave one more).
. tests/e2e/lib.sh
TZ=UTC
export TZ
XDG_CONFIG_HOME=$T/config
export XDG_CONFIG_HOME
kills=${STUDY_CRASH_KILLS:-200}

# A deck of 300 cards, and answers enough for any run: flip, rate good.
python3 -c 'import json
print(json.dumps({"format": "recall-deck/1", "id": "crash", "title": "Crash",
  "questions": [{"id": "q%d" % i, "type": "card", "front": "F%d" % i, "back": "B%d" % i}
                for i in range(300)]}))' >"$T/deck.json"
python3 -c 'import sys
sys.stdout.write("\n3\n" * 600)' >"$T/answers"
# The delays before each kill, 0-30 ms.
awk -v n="$kills" 'BEGIN { srand(); for (i = 0; i < n; i++) printf "%.3f\n", rand() * 0.030 }' >"$T/delays"

db=$T/crash.db
"$RECALL" study --db "$db" --now 1740819600 "$T/deck.json" </dev/null >/dev/null 2>&1  # creates it
i=0 started=0
while read -r delay; do
	i=$((i + 1))
	now=$((1740819600 + i * 86400))
	"$RECALL" study --db "$db" --now "$now" --new-per-day 100000 "$T/deck.json" \
		<"$T/answers" >"$T/out.$i" 2>/dev/null &
	pid=$!
	# The delay counts from the first question shown, so that the kills
	# land while reviews are being recorded, not while the program starts.
	tries=0
	while ! grep -q '^Question' "$T/out.$i" 2>/dev/null && kill -0 "$pid" 2>/dev/null &&
		[ "$tries" -lt 200 ]; do
		sleep 0.005
		tries=$((tries + 1))
	done
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	started=$((started + 1))
done <"$T/delays"

expect_in "crash: $started processes killed" "$started" "$kills"
check=$(sqlite3 "$db" 'PRAGMA integrity_check')
expect_in "crash: integrity_check ok" "$check" "ok"
graded=$(cat "$T"/out.* | grep -c '^Graded')
reviews=$(sqlite3 "$db" 'SELECT count(*) FROM reviews')
exported=$("$RECALL" export-progress --db "$db" --csv | tail -n +2 | wc -l)
if [ "$reviews" -ge "$graded" ] && [ "$reviews" -le $((graded + started)) ]; then
	pass "crash: every Graded line's review is logged ($graded lines, $reviews reviews)"
else
	fail "crash: every Graded line's review is logged" "$graded Graded lines, $reviews reviews"
fi
expect_in "crash: export-progress has them all" "$exported" "$reviews"
# Each run studied at its own --now: its reviews are those of that time,
# and it may have committed one more than it said before the kill.
sqlite3 "$db" 'SELECT time, count(*) FROM reviews GROUP BY time' | tr '|' ' ' >"$T/by-time"
bad=
j=0
while [ "$j" -lt "$started" ]; do
	j=$((j + 1))
	said=$(grep -c '^Graded' "$T/out.$j")
	logged=$(awk -v t=$((1740819600 + j * 86400)) '$1 == t { print $2 }' "$T/by-time")
	logged=${logged:-0}
	if [ "$logged" -lt "$said" ] || [ "$logged" -gt $((said + 1)) ]; then
		bad="$bad run $j: $said Graded lines, $logged reviews;"
	fi
done
if [ -z "$bad" ]; then pass "crash: each run logged what it said it graded (at most one more)"
else fail "crash: each run logged what it said it graded (at most one more)" "$bad"; fi
if [ "$graded" -gt 0 ]; then pass "crash: some reviews were graded before the kills"
else fail "crash: some reviews were graded before the kills" "none: the kills came too soon"; fi
e2e_end
