# lib-report.sh — the drill results the report tests read (report.sh,
# screens.sh), made with the sqlite3 tool from the schema docs/results.md
# gives (so the documentation is checked too); sourced after lib.sh.
#
# report_fixture DB [VERSION]: class 5b's drill 1a2b3c4d5e6f7a8b of four
# questions (points 100, 200, 100, 100; the fourth answered by nobody),
# answered by five students as a class would, question by question:
#
#            q1 (100)          q2 (200)            q3 (100)
#   ana      right 90  4 s     right 280  6 s      partly .5 40 10 s "2 4 6"
#   ben      right 100 2 s     wrong "Amazon" 8 s  right 150 5 s
#   chen     wrong "Lyon" 12 s wrong " amazon " 9  wrong "1 3" 20 s
#   dana     wrong "lyon" 11 s right 250 7 s       (not answered)
#   eve      skipped 3 s       timed out 20 s      (not answered)
#
# and an older drill of 5b (0f0f0f0f0f0f0f0f, two questions, one answer),
# and class "odd", whose student and answer hold a terminal escape and a
# CSV formula.  VERSION 1 makes a database of schema version 1: no
# questions table (and no index); the default is the current one, in WAL
# mode as recall leaves it.
report_fixture() {
	_db=$1 _v=${2:-3}
	{
		sed -n '/^```sql$/,/^```$/{p;/^```$/q;}' docs/results.md | sed '1d;$d' | {
			if [ "$_v" = 1 ]; then sed '/^-- version 2/,$d'; else cat; fi
		}
		[ "$_v" = 1 ] || echo "PRAGMA journal_mode = WAL;"
		echo "INSERT INTO meta VALUES ('schema_version', $_v), ('kind', 'recall-results');"
		echo "BEGIN;"
		echo "INSERT INTO drills VALUES ('0f0f0f0f0f0f0f0f', '5b', 'geo', 2, 7, 0, 0, 0, 1741500000),"
		echo " ('1a2b3c4d5e6f7a8b', '5b', 'geo', 4, 42, 20, 0, 0, 1741600000),"
		echo " ('00ff00ff00ff00ff', 'odd', 'geo', 1, 1, 20, 1, 1, 1741600000);"
		[ "$_v" = 1 ] || cat <<'SQL'
INSERT INTO questions VALUES
 ('1a2b3c4d5e6f7a8b', 0, 'geo', 'fr', 'text', 'Capital of France?', 'Paris', 100),
 ('1a2b3c4d5e6f7a8b', 1, 'geo', 'nile', 'choice', 'Longest river?', 'Nile', 200),
 ('1a2b3c4d5e6f7a8b', 2, 'geo', 'even', 'multi', 'Which are even?', '2, 4', 100),
 ('1a2b3c4d5e6f7a8b', 3, 'geo', 'peak', 'number', 'Height of Everest (m)?', '8849', 100);
SQL
		a() { echo "INSERT INTO answers (drill, student, qindex, deck, question, given, outcome, credit, points, seconds, time) VALUES ('$1', '$2', $3, 'geo', '$4', '$5', $6, $7, $8, $9, 1741600000);"; }
		D=1a2b3c4d5e6f7a8b
		a 0f0f0f0f0f0f0f0f ana 0 fr Paris 0 1 100 3
		a $D ana 0 fr Paris 0 1 90 4
		a $D ben 0 fr paris 0 1 100 2
		a $D chen 0 fr Lyon 2 0 0 12
		a $D dana 0 fr lyon 2 0 0 11
		a $D eve 0 fr '' 3 0 0 3
		a $D ana 1 nile Nile 0 1 280 6
		a $D ben 1 nile Amazon 2 0 0 8
		a $D chen 1 nile ' amazon ' 2 0 0 9
		a $D dana 1 nile nile 0 1 250 7
		a $D eve 1 nile '' 4 0 0 20
		a $D ana 2 even '2 4 6' 1 0.5 40 10
		a $D ben 2 even '2 4' 0 1 150 5
		a $D chen 2 even '1 3' 2 0 0 20
		echo "INSERT INTO answers (drill, student, qindex, deck, question, given, outcome, credit, points, seconds, time) VALUES ('00ff00ff00ff00ff', 'x' || char(27) || '[31mred', 0, 'geo', 'fr', '=HYPERLINK(\"http://example.com\") ' || char(8238), 2, 0, 0, 5, 1741600000);"
		echo "COMMIT;"
	} | sqlite3 "$_db" >/dev/null
}

# report_answer DB STUDENT INDEX GIVEN OUTCOME CREDIT POINTS: one more
# answer to 5b's drill, as a student's recall would record it (another
# process, one transaction).
report_answer() {
	sqlite3 "$1" "PRAGMA busy_timeout = 5000; INSERT INTO answers (drill, student, qindex, deck, question, given, outcome, credit, points, seconds, time) VALUES ('1a2b3c4d5e6f7a8b', '$2', $3, 'geo', 'q', '$4', $5, $6, $7, 3, 1741600100);" >/dev/null
}
