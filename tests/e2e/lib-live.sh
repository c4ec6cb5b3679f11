# lib-live.sh — what the live drill's scripted tests share (live.sh,
# live-resume.sh); sourced after lib.sh.

# wait_for FILE TEXT [SECONDS]: until FILE holds TEXT (a fixed string);
# 1 after SECONDS (60).
wait_for() {
	_i=0
	while [ "$_i" -lt $((${3:-60} * 10)) ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# live_scripts N Q: the answers of students 1 to N to Q questions in
# $T/ans.1 … $T/ans.N (student i answers question j, from 0, right when
# (i + j) % 3 != 0), and in $expected_totals each student's total as
# "sI|POINTS" lines, sorted: 100 a right answer (--no-speed), and 100 more
# for each right answer before it in a row (at most 500).
live_scripts() {
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
