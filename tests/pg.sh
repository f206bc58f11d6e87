#!/bin/sh
# Runs COMMAND... with a private, throw-away PostgreSQL 15 server:
#   sh tests/pg.sh COMMAND...
# Installs postgresql-15 when pg_ctl is missing, creates a cluster in a
# fresh temporary directory, listens on a free port of 127.0.0.1 only (the
# unix socket stays inside that directory), creates database sitrep_test
# with trust authentication and exports
#   SITREP_PG_URL=postgresql://postgres@127.0.0.1:PORT/sitrep_test
# for COMMAND.  The server is stopped and the directory removed on any exit,
# failure or interrupt (a signal sent to this script alone takes effect
# when COMMAND ends, as with any shell script).  If no server can be had, says so and runs COMMAND
# without SITREP_PG_URL (the PostgreSQL tests then skip).  A SITREP_PG_URL
# already set is used as it is.  Exit status: COMMAND's.
[ $# -gt 0 ] || { echo "usage: sh tests/pg.sh COMMAND..." >&2; exit 2; }
if [ -n "${SITREP_PG_URL:-}" ]; then
  exec "$@"
fi

PGBIN=/usr/lib/postgresql/15/bin
tmp=""
pgrunning=""

say() { echo "pg.sh: $*" >&2; }

# The server refuses to run as root: as root, run it as the postgres user,
# from / since the postgres user may not be allowed into the current
# directory.
as_pg() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su -s /bin/sh postgres -c "$*")   # our arguments hold no spaces
  fi
}

cleanup() {
  if [ -n "$pgrunning" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1
  fi
  [ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

install_pg() {
  [ -x "$PGBIN/pg_ctl" ] && return 0
  say "installing postgresql-15"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      postgresql-15 >&2 && [ -x "$PGBIN/pg_ctl" ]
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + $$ % 20000))
}

start_pg() {
  install_pg || { say "cannot install postgresql-15"; return 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    say "no postgres user to run the server as"; return 1
  fi
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-pg.XXXXXX") || return 1
  chmod 755 "$tmp"
  mkdir "$tmp/data" "$tmp/sock" || return 1
  [ "$(id -u)" -eq 0 ] && chown postgres "$tmp" "$tmp/data" "$tmp/sock"
  as_pg "$PGBIN/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$tmp/initdb.log" 2>&1 || { say "initdb failed:"; tail -5 "$tmp/initdb.log" >&2; return 1; }
  # A free port can be taken between the probe and the start: try a few.
  for try in 1 2 3 4 5; do
    port=$(free_port)
    if as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/data/server.log" -w -t 60 \
         -o "-p $port -k $tmp/sock -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
         start >/dev/null 2>&1; then
      pgrunning=1
      break
    fi
  done
  [ -n "$pgrunning" ] || { say "server did not start:"; tail -5 "$tmp/data/server.log" >&2; return 1; }
  "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres sitrep_test >&2 || return 1
  SITREP_PG_URL="postgresql://postgres@127.0.0.1:$port/sitrep_test"
  export SITREP_PG_URL
  say "PostgreSQL 15 on 127.0.0.1:$port (SITREP_PG_URL exported)"
}

start_pg || say "no PostgreSQL server; running without SITREP_PG_URL (PostgreSQL tests skip)"
"$@"
