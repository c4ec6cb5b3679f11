# lib-pg.sh — a throwaway PostgreSQL server for the tests, sourced after
# lib.sh.  pg_start makes one with initdb in a folder of its own under $T,
# listening only on a Unix socket in that folder (no TCP), as the user
# "nobody" when the tests run as root (initdb refuses root); the EXIT trap
# stops it and removes the folder, also when a test fails.  Sets:
#   PG_DIR    the folder (data in $PG_DIR/data, the socket in $PG_DIR)
#   PG_PORT   the port number the socket is named by
#   PG_BIN    the folder of initdb, pg_ctl and psql
# and pg_uri DB gives the connection URI of database DB.  The server runs
# with fsync off (the tests want speed, not durability) unless PG_FSYNC=on
# (a benchmark: commits reach the disk, as on a real server).  When the
# server cannot start, pg_start says why as a failure and returns 1: no
# test is skipped for want of it.

# The server's programs: pg_config's bindir when it holds them, else the
# newest /usr/lib/postgresql/*/bin (Debian's layout).
pg_find_bin() {
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null)
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
	fi
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
	done
	return 1
}

# pg_as CMD...: runs CMD as the server's owner.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u nobody -- "$@"
		else
			setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
		fi
	else
		"$@"
	fi
}

pg_stop() {
	[ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] &&
		pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
	[ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}

# A free port number for the socket's name (nothing listens on TCP).
pg_free_port() {
	p=$(( 20000 + $$ % 20000 ))
	while [ -e "$PG_DIR/.s.PGSQL.$p" ] || [ -e "/tmp/.s.PGSQL.$p" ]; do p=$((p + 1)); done
	echo "$p"
}

pg_start() {
	PG_BIN=$(pg_find_bin) || {
		fail "postgresql: server found" "no initdb/pg_ctl under pg_config --bindir or /usr/lib/postgresql/*/bin" \
			"(make test installs the postgresql package)"
		return 1
	}
	PG_DIR=$(mktemp -d /tmp/recall-pg-XXXXXX)
	trap 'pg_stop; rm -rf "$T"' EXIT
	trap 'exit 1' INT TERM HUP  # through the EXIT trap
	chmod 755 "$PG_DIR"
	[ "$(id -u)" = 0 ] && chown nobody "$PG_DIR"
	PG_PORT=$(pg_free_port)
	if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C \
		>"$PG_DIR/initdb.log" 2>&1; then
		fail "postgresql: initdb" "$(tail -5 "$PG_DIR/initdb.log")"
		return 1
	fi
	if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-k $PG_DIR -c listen_addresses= -p $PG_PORT -c fsync=${PG_FSYNC:-off}" start >/dev/null 2>&1; then
		fail "postgresql: server started" "$(tail -5 "$PG_DIR/server.log" 2>/dev/null)"
		return 1
	fi
	pass "postgresql: a throwaway server started"
}

# pg_uri DB [USER]: the URI of database DB on the throwaway server.
pg_uri() {
	echo "postgresql:///$1?host=$PG_DIR&port=$PG_PORT&user=${2:-postgres}"
}

# pg_sql DB SQL: runs SQL as the superuser, its output unaligned.
pg_sql() {
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$(pg_uri "$1")" -c "$2"
}

# pg_restart: the server stopped and started again, as in a failure.
pg_restart() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -m fast \
		-o "-k $PG_DIR -c listen_addresses= -p $PG_PORT -c fsync=${PG_FSYNC:-off}" restart >/dev/null 2>&1
}
