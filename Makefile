# recall — a terminal quiz and flashcard trainer.
#
#   make run       install missing build dependencies, build, start a quiz
#   make test      the same dependency step, then every test under the sanitizers
#   make screens   write the golden screen dumps (tests/screens/) anew
#   make bench     load-time and memory figures on a generated deck, study
#                  mode's on a generated database of 1M items, 10M reviews,
#                  drill results': 30 writers on SQLite and on a throwaway
#                  PostgreSQL server, a report over 1M answers, the time to
#                  import a generated 5,000-question trivia dump, and the
#                  live drill's signal on both engines
#   make fuzz      fuzz the loader, answer checking, escaping, layout and importers
#                  (clang, FUZZ_SECONDS=60 each)
#   make install   PREFIX=/usr/local DESTDIR= (the binary, the decks, the man page,
#                  the format's description and JSON Schema)

VERSION    = 0.1.0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man
DOCDIR    ?= $(DATADIR)/doc/recall
PKG_CONFIG ?= pkg-config

# Where build output goes; each build flavour has a folder of its own.
O         ?= build

# libpq is loaded when first needed (src/pqlib.h), not linked: only its
# headers are used at build time.  The tests and benches link it to look
# into a PostgreSQL database on their own.
PKGS       = libcjson sqlite3 libpq ncursesw
LINK_PKGS  = libcjson sqlite3 ncursesw
CORE_PKGS  = libcjson sqlite3 libpq
LIBPQ     ?= libpq.so.5

CFLAGS    ?= -O2 -g
WARNINGS   = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
             -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wundef
# pkg-config's feature macros for ncursesw clash with ours; ours are a superset.
pkgcflags  = $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,$(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null))
DEFS       = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DRECALL_VERSION='"$(VERSION)"' \
             -DRECALL_DATADIR='"$(DATADIR)/recall"' \
             -DRECALL_LIBPQ='"$(LIBPQ)"'
ALL_CFLAGS = $(WARNINGS) $(DEFS) $(call pkgcflags,$(PKGS)) $(CPPFLAGS) $(CFLAGS) -MMD -MP
LIBS       = $(shell $(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null) -lm
CORE_LIBS  = $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null) -lm

# The core never includes curses: everything but main, the commands (cmd_*)
# and the front ends.
SRC        = $(wildcard src/*.c)
CORE_SRC   = $(filter-out src/main.c src/cmd_%.c src/ui_%.c,$(SRC))
OBJ        = $(SRC:src/%.c=$(O)/%.o)
CORE_OBJ   = $(CORE_SRC:src/%.c=$(O)/%.o)
BIN        = $(O)/recall

UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)

# The test build: sanitizers on, warnings are errors.
SAN_FLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=all
SAN_O      = $(O)/san

.PHONY: all run test check screens bench fuzz install uninstall clean deps test-deps

all: $(BIN)

$(BIN): $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(O)/%.o: src/%.c | $(O)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

$(O) $(O)/tests:
	mkdir -p $@

# The dependency step: installs with apt-get (through sudo when not root)
# whatever of the build, and for the tests tmux, the sqlite3 tool, python3
# and its jsonschema module (the schema test's validator) and the PostgreSQL
# server (its initdb under /usr/lib/postgresql/*/bin), is missing; says
# what it does.  A python3-NAME package counts as there when python3 can
# import NAME.
DEB_BUILD  = gcc make pkg-config libcjson-dev libsqlite3-dev libpq-dev libncurses-dev
# postgresql: the server the tests start a throwaway copy of (tests/pg.sh).
DEB_TEST   = tmux sqlite3 python3 python3-jsonschema postgresql
define install_missing
	@missing=; \
	command -v $(CC) >/dev/null 2>&1 || missing="$$missing gcc"; \
	if command -v $(PKG_CONFIG) >/dev/null 2>&1; then \
		$(PKG_CONFIG) --exists libcjson || missing="$$missing libcjson-dev"; \
		$(PKG_CONFIG) --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
		$(PKG_CONFIG) --exists libpq || missing="$$missing libpq-dev"; \
		$(PKG_CONFIG) --exists ncursesw || missing="$$missing libncurses-dev"; \
	else missing="$$missing pkg-config libcjson-dev libsqlite3-dev libpq-dev libncurses-dev"; fi; \
	for t in $(1); do \
		case $$t in \
		python3-*) python3 -c "import $${t#python3-}" >/dev/null 2>&1 ;; \
		postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ;; \
		*) command -v $$t >/dev/null 2>&1 ;; \
		esac || missing="$$missing $$t"; \
	done; \
	[ -z "$$missing" ] && exit 0; \
	echo "recall: installing missing build dependencies:$$missing"; \
	command -v apt-get >/dev/null 2>&1 || { \
		echo "recall: no apt-get here; install these by hand:$$missing" >&2; exit 1; }; \
	if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	echo "recall: $${sudo:+$$sudo }apt-get update"; \
	$$sudo apt-get update -q >/dev/null || exit 1; \
	echo "recall: $${sudo:+$$sudo }apt-get install -y$$missing"; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $$missing >/dev/null || exit 1
endef

deps:
	$(call install_missing,)

test-deps:
	$(call install_missing,$(DEB_TEST))

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN)

test: test-deps
	@$(MAKE) --no-print-directory check

# Builds everything with the sanitizers into $(SAN_O), then runs the suite.
SAN_MAKE   = $(MAKE) --no-print-directory O=$(SAN_O) CFLAGS="$(SAN_FLAGS) -Werror" \
             LDFLAGS="$(LDFLAGS) -fsanitize=address,undefined"
check:
	@$(SAN_MAKE) $(SAN_O)/recall sanitized-tests
	@sh tests/run.sh "$(SAN_O)"

# After a deliberate change to what is drawn: the golden screen dumps are
# captured anew from the binary, and the change shows as their diff.
screens: test-deps
	@$(SAN_MAKE) $(SAN_O)/recall
	RECALL="$(CURDIR)/$(SAN_O)/recall" RECALL_SCREENS=update sh tests/e2e/screens.sh

.PHONY: sanitized-tests
sanitized-tests: $(UNIT_BIN) $(O)/tests/bench $(O)/tests/bench_study $(O)/tests/bench_results \
	$(O)/tests/bench_live \
	$(O)/tests/bench_import \
	$(O)/recall-failalloc

# For tests/e2e/failalloc.sh only, never installed: recall with every
# allocation of its own (and cJSON's) going through tests/failalloc.c, which
# fails the Nth when RECALL_FAIL_ALLOC=N.
FAIL_WRAP  = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup
$(O)/recall-failalloc: tests/failalloc.c $(OBJ)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tests/failalloc.c $(OBJ) $(LDFLAGS) $(FAIL_WRAP) $(LIBS)

$(O)/tests/bench: tests/bench.c tests/bench_util.h $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

$(O)/tests/bench_study: tests/bench_study.c tests/bench_util.h $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

$(O)/tests/bench_results: tests/bench_results.c tests/bench_util.h $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

$(O)/tests/bench_live: tests/bench_live.c tests/bench_util.h $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

$(O)/tests/bench_import: tests/bench_import.c tests/bench_util.h $(CORE_OBJ) | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(CORE_LIBS)

# The study and results benchmarks keep their generated databases (about
# 1.6 GB, built in a few minutes the first time) in $(O)/bench, named by the
# schema version.  The results and live benchmarks start a throwaway
# PostgreSQL server of their own (tests/e2e/lib-pg.sh).  Every benchmark
# runs even when one before it missed its target; then make says which did.
BENCH_O = $(CURDIR)/$(O)/bench
bench: deps test-deps
	@$(MAKE) --no-print-directory O=$(O)/bench CFLAGS="-O2 -g" $(O)/bench/tests/bench \
		$(O)/bench/tests/bench_study $(O)/bench/tests/bench_results \
		$(O)/bench/tests/bench_import $(O)/bench/tests/bench_live $(O)/bench/recall
	@missed=; RECALL="$(BENCH_O)/recall"; export RECALL; \
	run() { name=$$1; shift; echo "$$*"; "$$@" || missed="$$missed $$name"; }; \
	run bench "$(BENCH_O)/tests/bench"; \
	run bench_study "$(BENCH_O)/tests/bench_study" "$(BENCH_O)" "$$RECALL"; \
	run bench_results sh tests/bench_results.sh "$(BENCH_O)/tests/bench_results" "$(BENCH_O)"; \
	run bench_import "$(BENCH_O)/tests/bench_import" "$$RECALL"; \
	run bench_live sh tests/bench_live.sh "$(BENCH_O)/tests/bench_live"; \
	if [ -n "$$missed" ]; then echo "make bench: a target missed or a failure in:$$missed" >&2; \
		exit 1; fi

# Coverage-guided fuzzing with clang's libFuzzer, FUZZ_SECONDS for each
# target in turn: the deck loader (seeded with the bundled and test decks),
# response checking of every type (fuzz_answer), text_escape (fuzz_text),
# the layout by width (fuzz_layout), and each importer (fuzz_import_NAME,
# seeded with tests/data/import/NAME/; a deck an import makes that recall
# check refuses is a finding too).  Each keeps its corpus in
# $(O)/fuzz/NAME; a finding stops the run, and libFuzzer writes it out.
FUZZ_SECONDS ?= 60
FUZZ_IMPORTS = opentdb aiken csv gift anki hascard
FUZZ_TARGETS = fuzz_deck fuzz_answer fuzz_text fuzz_layout $(FUZZ_IMPORTS:%=fuzz_import_%)
FUZZ_CC      = clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(DEFS) \
               $(call pkgcflags,$(CORE_PKGS)) -Isrc
fuzz: deps
	@mkdir -p $(FUZZ_TARGETS:%=$(O)/fuzz/%)
	cp questions/*.json tests/data/*.json $(O)/fuzz/fuzz_deck/
	for f in $(FUZZ_IMPORTS); do cp tests/data/import/$$f/* $(O)/fuzz/fuzz_import_$$f/; done
	set -e; for t in $(FUZZ_TARGETS); do \
		$(FUZZ_CC) -o $(O)/fuzz/$$t.bin tests/$$t.c $(CORE_SRC) $(CORE_LIBS); \
		echo "== $$t ($(FUZZ_SECONDS) s)"; \
		$(O)/fuzz/$$t.bin -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
			-artifact_prefix=$(O)/fuzz/$$t- $(O)/fuzz/$$t; \
	done

install: $(BIN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/recall/questions
	cp -f $(BIN) $(DESTDIR)$(BINDIR)/recall
	chmod 755 $(DESTDIR)$(BINDIR)/recall
	sed 's|/usr/local|$(PREFIX)|g' recall.1 >$(DESTDIR)$(MANDIR)/man1/recall.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/recall.1
	cp -f questions/*.json $(DESTDIR)$(DATADIR)/recall/questions/
	chmod 644 $(DESTDIR)$(DATADIR)/recall/questions/*.json
	mkdir -p $(DESTDIR)$(DOCDIR)
	cp -f questions/FORMAT.md $(DESTDIR)$(DOCDIR)/FORMAT.md
	chmod 644 $(DESTDIR)$(DOCDIR)/FORMAT.md
	cp -f questions/schema/recall-deck.schema.json $(DESTDIR)$(DOCDIR)/recall-deck.schema.json
	chmod 644 $(DESTDIR)$(DOCDIR)/recall-deck.schema.json
	mkdir -p $(DESTDIR)$(DATADIR)/recall/questions/schema
	cp -f questions/schema/recall-deck.schema.json $(DESTDIR)$(DATADIR)/recall/questions/schema/
	chmod 644 $(DESTDIR)$(DATADIR)/recall/questions/schema/recall-deck.schema.json

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/recall $(DESTDIR)$(MANDIR)/man1/recall.1
	rm -rf $(DESTDIR)$(DATADIR)/recall $(DESTDIR)$(DOCDIR)

clean:
	rm -rf $(O)

-include $(OBJ:.o=.d) $(UNIT_BIN:=.d)
