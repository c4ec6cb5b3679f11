# lib-class.sh — scripted students of a class drill, shared by the tests
# that run many at once (drill.sh, pg.sh, live.sh, live-resume.sh);
# sourced after lib.sh.

# class_scripts N Q: the answers of students 1 to N to Q questions in
# $T/ans.1 … $T/ans.N (student i answers question j, from 0, right when
# (i + j) % 3 != 0), and in $expected_totals each student's total as
# "sI|POINTS" lines, sorted: 100 a right answer (--no-speed), and 100 more
# for each right answer before it in a row (at most 500).
class_scripts() {
	_i=1
	while [ "$_i" -le "$1" ]; do
		_j=0
		: >"$T/ans.$_i"
		while [ "$_j" -lt "$2" ]; do
			if [ $(((_i + _j) % 3)) -ne 0 ]; then echo right; else echo wrong; fi >>"$T/ans.$_i"
			_j=$((_j + 1))
		done
		_i=$((_i + 1))
	done
	expected_totals=$(awk -v n="$1" -v q="$2" 'BEGIN { for (i = 1; i <= n; i++) { s = 0; k = 0
		for (j = 0; j < q; j++) if ((i + j) % 3 != 0) { k++; b = (k - 1) * 100; if (b > 500) b = 500; s += 100 + b } else k = 0
		printf "s%d|%d\n", i, s } }' | sort)
}

# class_acknowledged CHECK N COUNT OUT ERR: a check that each of students
# 1 to N printed COUNT "Recorded" lines in OUT.I and nothing of a failure
# (a sanitizer, "recall:") in ERR.I.
class_acknowledged() {
	_bad=
	_i=1
	while [ "$_i" -le "$2" ]; do
		[ "$(grep -c '^Recorded' "$4.$_i")" -eq "$3" ] || _bad="$_bad s$_i:$(grep -c '^Recorded' "$4.$_i")"
		grep -q 'Sanitizer\|runtime error\|recall:' "$5.$_i" && _bad="$_bad s$_i:$(head -c 300 "$5.$_i")"
		_i=$((_i + 1))
	done
	if [ -z "$_bad" ]; then pass "$1"; else fail "$1" "$_bad"; fi
}
