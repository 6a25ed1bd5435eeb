# Starts a throwaway PostgreSQL cluster on a free loopback port and exports DATABASE_URL.
pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
  dirname "$(command -v pg_ctl)"
}

start_postgres() {
  local bin port
  bin=$(pg_bin)
  PG_DIR=$(mktemp -d /tmp/billingone-pg.XXXXXX)
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  chown -R postgres:postgres "$PG_DIR" 2>/dev/null || true
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust >/dev/null
  as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" -l "$PG_DIR/log" -w start >/dev/null
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres billingone
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/billingone"
  export PG_BIN="$bin"
  echo "PostgreSQL for the tests: $DATABASE_URL"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  else "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$PG_DIR"
}
