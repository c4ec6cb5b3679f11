# lib-live.sh — what the live drill's scripted tests share (live.sh,
# live-resume.sh); sourced after lib.sh and lib-class.sh.

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
