# End-to-end: the command line under hostile conditions — options in any
# place, files that are not files, escapes in arguments, closed and full
# outputs, early signals, the report's path.
. tests/e2e/lib.sh
deck=tests/data/basic.json
esc=$(printf '\033')

# expect_no_esc NAME TEXT: no raw escape character in the text.
expect_no_esc() {
	case $2 in *"$esc"*) fail "$1" "a raw escape reached the terminal" "in: $2" ;; *) pass "$1" ;; esac
}

# ---- options anywhere on the line, -- ends them -------------------------
run opt-after-file ":quit
" quiz --plain "$deck" -n 1 --seed 3
expect_rc "options after the deck: exit 0" 0
expect_in "options after the deck: -n taken as the limit" "$out" "Question 1 of 1 "
run check-opt-after "" check "$deck" -q
expect_rc "check -q after the file: exit 0" 0
expect_not_in "check -q after the file: quiet" "$out" "ok:"
cp "$deck" "$T/-n"
run dashdash ":quit
" quiz --plain --limit 2 -- "$T/-n"
expect_rc "-- ends the options: exit 0" 0
(cd "$T" && "$RECALL" check -- -n >out 2>err); rc=$?
expect_rc "a deck named -n after --: checked as a file" 0
run missing-value "" quiz --plain "$deck" --tag
expect_rc "option without its value: exit 1" 1
expect_in "option without its value: said" "$err" "quiz: option '--tag' needs a value"
run short-unknown "" quiz -x "$deck"
expect_in "unknown short option: named" "$err" "quiz: unknown option '-x'"

# ---- files that are not regular files ----------------------------------
mkfifo "$T/fifo"
timeout 10 "$RECALL" check "$T/fifo" >"$T/out" 2>"$T/err"; rc=$?; out=$(cat "$T/out")
expect_rc "check on a FIFO with no writer: refused, no hang" 2
expect_in "check on a FIFO: said" "$out" "fifo: error: not a regular file"
timeout 10 "$RECALL" quiz --plain "$T/fifo" </dev/null >"$T/out" 2>"$T/err"; rc=$?; err=$(cat "$T/err")
expect_rc "quiz on a FIFO with no writer: refused, no hang" 2
expect_in "quiz on a FIFO: said" "$err" "not a regular file"

# ---- escapes in arguments never reach the terminal raw ------------------
osc=$(printf '\033]0;x\007')
for opt in --limit --seed --type; do
	run "esc$opt" "" quiz --plain "$opt" "$osc" "$deck"
	expect_rc "escape in $opt: exit 1" 1
	expect_no_esc "escape in $opt: echoed escaped" "$err"
done
run esc-tag "" quiz --plain --tag "$osc" "$deck"
expect_no_esc "escape in --tag: echoed escaped" "$err"
run esc-opt "" quiz "--x$osc" "$deck"
expect_no_esc "escape in an unknown option: echoed escaped" "$err"
run esc-summary "" quiz --plain --summary-json "$T/no/$osc.json" "$deck"
expect_no_esc "escape in --summary-json: echoed escaped" "$err"
run esc-deck "" quiz --plain "$T/$osc.json"
expect_no_esc "escape in a deck name: echoed escaped" "$err"

# ---- --summary-json: what is at the path --------------------------------
# A link: the file it points to is replaced, the link stays.
mkdir "$T/rep" "$T/rep/real"
echo old >"$T/rep/real/target.json"
chmod 640 "$T/rep/real/target.json"
ln -s real/target.json "$T/rep/link.json"
run sj-link ":quit
" quiz --plain --summary-json "$T/rep/link.json" "$deck"
expect_rc "summary through a link: exit 0" 0
if [ -L "$T/rep/link.json" ] && grep -q recall-summary "$T/rep/real/target.json"; then
	pass "summary through a link: the target replaced, the link kept"
else fail "summary through a link: the target replaced, the link kept" "$(ls -l "$T/rep" "$T/rep/real")"; fi
expect_in "summary through a link: permissions kept" "$(ls -l "$T/rep/real/target.json")" "-rw-r-----"
expect_not_in "summary through a link: no temporary left" "$(ls -a "$T/rep" "$T/rep/real")" ".tmp."
# Refused up front, before any question is asked, and nothing is touched.
echo keep >"$T/rep/ro.json"; chmod 444 "$T/rep/ro.json"
mkfifo "$T/rep/fifo.json"
for case in "read-only:$T/rep/ro.json:the file is read-only" \
            "/dev/null:/dev/null:not a regular file" \
            "a FIFO:$T/rep/fifo.json:not a regular file" \
            "a folder:$T/rep/real:it is a folder" \
            "a missing folder:/nonexistent/dir/out.json:the folder '/nonexistent/dir' does not exist"; do
	what=${case%%:*} rest=${case#*:}; path=${rest%%:*} why=${rest#*:}
	timeout 10 "$RECALL" quiz --plain --summary-json "$path" "$deck" </dev/null >"$T/out" 2>"$T/err"; rc=$?
	out=$(cat "$T/out") err=$(cat "$T/err")
	expect_rc "summary to $what: refused with exit 1" 1
	expect_in "summary to $what: says why" "$err" "$why"
	expect_not_in "summary to $what: refused before the quiz" "$out" "Question 1"
done
expect_in "summary to a read-only file: untouched" "$(cat "$T/rep/ro.json")" "keep"
if [ -p "$T/rep/fifo.json" ] && [ -c /dev/null ]; then pass "summary: FIFO and device left as they were"
else fail "summary: FIFO and device left as they were"; fi

# ---- a closed or full output --------------------------------------------
# The reader goes away after one line: the quiz ends as :quit does, the
# report is still written, and that is no failure.
( yes 1 | "$RECALL" quiz --seed 1 --summary-json "$T/sp2.json" questions/*.json 2>"$T/err"; echo $? >"$T/rc" ) | head -1 >/dev/null
rc=$(cat "$T/rc") err=$(cat "$T/err")
expect_rc "output closed by the reader: exit 0" 0
expect_not_in "output closed by the reader: no error said" "$err" "error"
if [ -s "$T/sp2.json" ] && grep -q '"unreached":	[1-9]' "$T/sp2.json"; then
	pass "output closed by the reader: the quiz ended, its report written"
else fail "output closed by the reader: the quiz ended, its report written" "$(head -c 600 "$T/sp2.json" 2>&1)"; fi
( "$RECALL" check questions/*.json 2>"$T/err"; echo $? >"$T/rc" ) | head -1 >/dev/null
rc=$(cat "$T/rc") err=$(cat "$T/err")
expect_rc "check, output closed by the reader: exit 0" 0
if [ -w /dev/full ]; then
	"$RECALL" check "$deck" >/dev/full 2>"$T/err"; rc=$? err=$(cat "$T/err")
	expect_rc "check to a full device: exit 1" 1
	expect_in "check to a full device: said" "$err" "recall: write error: No space left on device"
	"$RECALL" quiz --plain --summary-json "$T/full.json" "$deck" </dev/null >/dev/full 2>"$T/err"; rc=$? err=$(cat "$T/err")
	expect_rc "quiz to a full device: exit 1" 1
	expect_in "quiz to a full device: said" "$err" "recall: write error: No space left on device"
	if [ -s "$T/full.json" ]; then pass "quiz to a full device: the report still written"
	else fail "quiz to a full device: the report still written"; fi
fi
"$RECALL" --version >&- 2>"$T/err"; rc=$? err=$(cat "$T/err")
expect_rc "stdout closed: exit 1" 1
expect_in "stdout closed: said" "$err" "recall: write error: Bad file descriptor"

# ---- signals --------------------------------------------------------------
# A SIGINT the parent left ignored (a background job) stays ignored: the
# quiz goes on and ends normally.
{ sleep 1; printf '1\n:quit\n'; } | sh -c 'trap "" INT; exec "$0" quiz --plain --seed 2 --summary-json "$1" "$2"' \
	"$RECALL" "$T/ign.json" "$deck" >"$T/out" 2>"$T/err" &
pid=$!
sleep 0.4
kill -INT "$pid" 2>/dev/null
wait "$pid"; rc=$? out=$(cat "$T/out") err=$(cat "$T/err")
expect_rc "ignored SIGINT: the quiz goes on, exit 0" 0
expect_in "ignored SIGINT: the answer after it was taken" "$out" "Question 1 of 8"
expect_in "ignored SIGINT: the summary" "$out" "== Summary =="
if [ -s "$T/ign.json" ]; then pass "ignored SIGINT: report written"; else fail "ignored SIGINT: report written"; fi

# A SIGTERM while the decks load, before any question: exit status 143 (an
# exit, not a death by the signal), nothing written.
awk 'BEGIN {
	printf "{\"format\": \"recall-deck/1\", \"id\": \"big\", \"title\": \"Big\", \"questions\": [\n"
	for (i = 1; i <= 150000; i++)
		printf "%s{\"id\": \"q%d\", \"type\": \"choice\", \"prompt\": \"Question %d?\", \"choices\": [\"a\", \"b\", \"c\"], \"answer\": \"b\"}\n", (i > 1 ? "," : ""), i, i
	printf "]}\n" }' >"$T/big.json"
if command -v perl >/dev/null 2>&1; then
	how=$(perl -e '$p = fork; if (!$p) { open STDIN, "<", "/dev/null"; exec @ARGV }
		select(undef, undef, undef, 0.3); kill "TERM", $p; waitpid($p, 0);
		print(($? & 127) ? "signal " . ($? & 127) : "exit " . ($? >> 8))' \
		-- "$RECALL" quiz --plain --summary-json "$T/early.json" "$T/big.json" 2>"$T/err")
	err=$(cat "$T/err")
	expect_in "early SIGTERM: exit status 143, not killed" "$how" "exit 143"
	expect_clean "early SIGTERM: no sanitizer report"
else
	"$RECALL" quiz --plain --summary-json "$T/early.json" "$T/big.json" </dev/null >/dev/null 2>&1 &
	pid=$!; sleep 0.3; kill -TERM "$pid"; wait "$pid"; rc=$?
	expect_rc "early SIGTERM: exit status 143" 143
fi
if [ -e "$T/early.json" ]; then fail "early SIGTERM: no report"; else pass "early SIGTERM: no report"; fi
"$RECALL" check "$T/big.json" >/dev/null 2>&1 &
pid=$!; sleep 0.3; kill -TERM "$pid"; wait "$pid"; rc=$?
expect_rc "early SIGTERM in check: exit status 143" 143

# ---- tags: any case; a filter that matches nothing says what there is ----
run tag-case ":quit
" quiz --plain --tag People questions/who-is-who.json
expect_rc "--tag in another case: exit 0" 0
expect_in "--tag in another case: finds the questions" "$out" "Question 1 of "
run tag-none "" quiz --plain --tag nothing "$deck"
expect_rc "no question matches: exit 1" 1
expect_in "no question matches: lists the tags" "$err" "recall: tags in these decks: "
expect_in "no question matches: lists the types" "$err" "recall: types in these decks: choice (1), multi (1)"

# ---- where decks are looked for ------------------------------------------
run missing-deck "" quiz --plain "$T/gone.json" "$deck"
expect_rc "missing deck: exit 1" 1
expect_in "missing deck: says it cannot be opened, and why" "$err" "recall: cannot open '$T/gone.json': No such file or directory"
expect_not_in "missing deck: not called a broken deck" "$err" "refusing to start"
run help-start "" --help
expect_in "--help: the start screen" "$out" "the start screen"
expect_in "--help: the learner's decks" "$out" "~/.local/share/recall/decks/"
# A copy of the binary in a tree of its own: the bundled questions/ beside
# it, the learner's decks in folders below $XDG_DATA_HOME/recall/decks.
mkdir -p "$T/tree/build" "$T/tree/questions" "$T/xdg/recall/decks/sub/deep"
cp "$RECALL" "$T/tree/build/recall"
: >"$T/tree/questions/FORMAT.md"
cp "$deck" "$T/tree/questions/basic.json"
cp "$deck" "$T/xdg/recall/decks/sub/deep/basic.json"                   # a copy: listed once
ln -s ../../../tree/questions/basic.json "$T/xdg/recall/decks/link.json"  # the same file
ln -s .. "$T/xdg/recall/decks/sub/loop"                                   # a loop
printf '{"format": "recall-deck/1", "id": "other", "title": "O", "questions": [
 {"id": "a", "type": "truefalse", "prompt": "P", "answer": true}]}' >"$T/xdg/recall/decks/sub/deep/other.json"
printf ':quit\n' | XDG_DATA_HOME=$T/xdg timeout 20 "$T/tree/build/recall" >"$T/out" 2>"$T/err"; rc=$?
out=$(cat "$T/out") err=$(cat "$T/err")
expect_rc "start without a terminal: exit 0" 0
expect_in "decks in folders below are found, each once" "$out" "Question 1 of 9 "
expect_in "a copy of a deck: noted" "$err" "recall: note: '$T/xdg/recall/decks/sub/deep/basic.json' is the same deck as '$T/tree/questions/basic.json' (listed once)"
expect_in "the same file by a link: noted" "$err" "recall: note: '$T/xdg/recall/decks/link.json'"
rm -rf "$T/tree/questions"/* "$T/xdg/recall/decks"
: >"$T/tree/questions/FORMAT.md"
XDG_DATA_HOME=$T/xdg "$T/tree/build/recall" </dev/null >"$T/out" 2>"$T/err"; rc=$? err=$(cat "$T/err")
expect_rc "no decks: exit 1" 1
expect_in "no decks: says where they are looked for" "$err" "recall: no decks found in '$T/tree/questions' or '$T/xdg/recall/decks'"

# ---- many programs opening one new database at once ----------------------
# The first program to open a new file turns it to WAL; a program that
# asks while another holds the write lock is answered "busy" at once by
# SQLite, without waiting: it must try again, never fail as locked.
# (Before it did, about 1 in 1,000 such opens failed on a busy machine.)
lost=
round=1
while [ "$round" -le 8 ]; do
	rm -f "$T/fresh.db" "$T/fresh.db-wal" "$T/fresh.db-shm"
	i=1
	while [ "$i" -le 30 ]; do
		{ "$RECALL" results init --results "$T/fresh.db" >/dev/null 2>"$T/fresh.err.$i"
		  echo "$?" >"$T/fresh.rc.$i"; } &
		i=$((i + 1))
	done
	wait
	i=1
	while [ "$i" -le 30 ]; do
		[ "$(cat "$T/fresh.rc.$i")" = 0 ] || lost="$lost round $round: $(cat "$T/fresh.err.$i")"
		i=$((i + 1))
	done
	round=$((round + 1))
done
if [ -z "$lost" ]; then pass "one new database, thirty programs at once, eight times: every open works"
else fail "one new database, thirty programs at once, eight times: every open works" "$lost"; fi

e2e_end
