# End-to-end: make install and make uninstall into a staging folder.
. tests/e2e/lib.sh
root=$T/root
unset MAKEFLAGS MFLAGS MAKELEVEL  # a fresh make, not a part of the one running the tests
if make -s install O="$T/build" DESTDIR="$root" PREFIX=/usr >"$T/log" 2>&1; then
	pass "install: runs"
else
	fail "install: runs" "$(tail -20 "$T/log")"
fi
for f in usr/bin/recall usr/share/man/man1/recall.1 usr/share/recall/questions/who-is-who.json \
         usr/share/doc/recall/FORMAT.md usr/share/doc/recall/recall-deck.schema.json \
         usr/share/recall/questions/schema/recall-deck.schema.json; do
	if [ -f "$root/$f" ]; then pass "install: $f"; else fail "install: $f" "missing"; fi
done
if [ -x "$root/usr/bin/recall" ] && "$root/usr/bin/recall" --version | grep -q '^recall '; then
	pass "install: installed binary runs"
else
	fail "install: installed binary runs"
fi
# The binary looks for its decks under the PREFIX it was built for (DESTDIR
# only stages the files).
if grep -aq '/usr/share/recall' "$root/usr/bin/recall"; then
	pass "install: built for its PREFIX"
else
	fail "install: built for its PREFIX"
fi
if grep -q '/usr/share/doc/recall/FORMAT.md' "$root/usr/share/man/man1/recall.1" &&
   ! grep -q '/usr/local' "$root/usr/share/man/man1/recall.1"; then
	pass "install: man page names the installed paths"
else
	fail "install: man page names the installed paths"
fi
make -s uninstall DESTDIR="$root" PREFIX=/usr >"$T/log" 2>&1
left=$(find "$root" -type f | head -5)
if [ -z "$left" ]; then pass "uninstall: removes every file"; else fail "uninstall: removes every file" "$left"; fi
e2e_end
