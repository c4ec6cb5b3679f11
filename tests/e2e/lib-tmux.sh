# lib-tmux.sh — the real binary in a real terminal, for the end-to-end tests
# that look at the screen (curses.sh, screens.sh); sourced after lib.sh.
# Every session runs on a tmux server of its own, removed at exit.
esc=$(printf '\033')

if ! command -v tmux >/dev/null 2>&1; then
	fail "tmux" "tmux is not installed; make test installs it (apt-get install tmux)"
	e2e_end
fi

sock=recall-test-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# tmux leaves its socket behind: that goes too.
trap 'tm kill-server >/dev/null 2>&1; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; rm -rf "$T"' EXIT

# A session that keeps the server up; panes stay after their program ends.
tm new-session -d -s keep -x 80 -y 24 "sleep 600" || { fail "tmux server" "could not start tmux"; e2e_end; }
tm set-option -g remain-on-exit on >/dev/null

# Quotes one word for sh.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# start NAME COLS ROWS [VAR=VALUE...] -- ARGS...: runs recall in a tmux
# session NAME of that size, from a small script that keeps the terminal
# settings before and after ($T/NAME.before, .after), recall's stderr
# ($T/NAME.err) and its exit status ($T/NAME.rc).  Its shell has job
# control, so Ctrl-Z stops recall alone; "fg" on its input resumes it;
# with start_jobs=no it has none, and so outlives its terminal (a killed
# window) to write the status.
start() {
	_n=$1 _c=$2 _r=$3
	shift 3
	_env="LC_ALL=C.UTF-8 XDG_DATA_HOME=$(q "$T/xdg-empty")"
	while [ "$1" != "--" ]; do _env="$_env $(q "$1")"; shift; done
	shift
	_args=
	for _a in "$@"; do _args="$_args $(q "$_a")"; done
	cat >"$T/$_n.sh" <<EOF
trap : INT HUP TERM
$([ "${start_jobs:-yes}" = yes ] && echo "set -m")
stty -g >$(q "$T/$_n.before")
env $_env $(q "$RECALL")$_args 2>$(q "$T/$_n.err")
st=\$?
if [ \$st = 148 ]; then echo "STOPPED, type fg"; read x; fg; st=\$?; fi
echo \$st >$(q "$T/$_n.rc")
stty -g >$(q "$T/$_n.after")
echo "recall ended: \$st"
exec sleep 600
EOF
	tm new-session -d -s "$_n" -x "$_c" -y "$_r" "sh $(q "$T/$_n.sh")"
}

# wait_for NAME TEXT: polls NAME's screen, for at most 15 s, until it shows
# TEXT; the screen is left in $screen.  False when it never does.
wait_for() {
	_i=0
	while [ $_i -lt 150 ]; do
		screen=$(tm capture-pane -p -t "$1" 2>/dev/null)
		case $screen in *"$2"*) return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# see CHECK NAME TEXT: a check that NAME's screen comes to show TEXT.
see() {
	if wait_for "$2" "$3"; then pass "$1"; else fail "$1" "the screen never showed: $3" "it shows:" "$screen"; fi
}

# see_not CHECK NAME TEXT: the screen as it is now does not show TEXT.
see_not() {
	screen=$(tm capture-pane -p -t "$2" 2>/dev/null)
	case $screen in
	*"$3"*) fail "$1" "the screen shows: $3" "$screen" ;;
	*) pass "$1" ;;
	esac
}

# see_gone CHECK NAME TEXT: a check that NAME's screen comes to no longer
# show TEXT (after a key that takes it away: polled, as the key may not
# have been acted on yet), for at most 15 s.
see_gone() {
	_i=0
	while [ $_i -lt 150 ]; do
		screen=$(tm capture-pane -p -t "$2" 2>/dev/null)
		case $screen in *"$3"*) ;; *) pass "$1"; return ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "$1" "the screen still shows: $3" "$screen"
}

# ended CHECK NAME WANT: recall in NAME ended with status WANT, the terminal
# settings are as before, and the sanitizers said nothing.
ended() {
	_i=0
	while [ ! -s "$T/$2.rc" ] && [ $_i -lt 150 ]; do sleep 0.1; _i=$((_i + 1)); done
	_rc=$(cat "$T/$2.rc" 2>/dev/null)
	if [ "$_rc" = "$3" ]; then pass "$1: exit status $3"
	else fail "$1: exit status $3" "got '$_rc'" "stderr: $(cat "$T/$2.err" 2>/dev/null)"; fi
	_i=0
	while [ ! -s "$T/$2.after" ] && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
	if cmp -s "$T/$2.before" "$T/$2.after"; then pass "$1: terminal settings restored"
	else fail "$1: terminal settings restored" "before: $(cat "$T/$2.before")" "after: $(cat "$T/$2.after" 2>/dev/null)"; fi
	if grep -q 'Sanitizer\|runtime error' "$T/$2.err" 2>/dev/null; then
		fail "$1: no sanitizer report" "$(cat "$T/$2.err")"
	else
		pass "$1: no sanitizer report"
	fi
}

# restored CHECK NAME: after recall, the pane is back on the normal screen
# with the cursor shown (asked while the pane's shell still runs).
restored() {
	wait_for "$2" "recall ended"
	_s=$(tm display-message -p -t "$2" '#{alternate_on} #{cursor_flag}')
	if [ "$_s" = "0 1" ]; then pass "$1: normal screen and cursor back"
	else fail "$1: normal screen and cursor back" "alternate_on, cursor_flag: $_s"; fi
}

keys() { _n=$1; shift; tm send-keys -t "$_n" "$@"; }
type_text() { tm send-keys -t "$1" -l "$2"; }

# The line of the screen holding TEXT, as its 1-based item number ("2."),
# read from "  ▸ ↕ 2. text" and the like.
item_number() {
	printf '%s\n' "$screen" | awk -v t="$1" '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+\.$/ && $(i + 1) == t && i + 1 == NF) { sub(/\./, "", $i); print $i; exit } }'
}

# The letter of a match partner, from "  a. kitten".
partner_letter() {
	printf '%s\n' "$screen" | awk -v t="$1" '/Partners:/ { on = 1; next } on { for (i = 1; i <= NF; i++) if ($i ~ /^[a-z]\.$/ && $(i + 1) == t) { print substr($i, 1, 1); exit } }'
}

# The pid of recall: the child of the pane's shell (from /proc: no ps needed).
recall_pid() {
	_pp=$(tm display-message -p -t "$1" '#{pane_pid}')
	for _d in /proc/[0-9]*; do
		if grep -q "^PPid:[[:space:]]*$_pp\$" "$_d/status" 2>/dev/null; then
			echo "${_d#/proc/}"
			return
		fi
	done
}

