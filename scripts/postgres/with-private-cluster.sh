#!/usr/bin/env bash
# Runs CMD... with a throw-away PostgreSQL 15 cluster on 127.0.0.1 and CRMSYNC_TEST_POSTGRES_URL pointing at it.
#
#   scripts/postgres/with-private-cluster.sh swift test --filter SyncStoreTests
#
# - Needs Debian's PostgreSQL 15 server binaries (initdb, pg_ctl); installs `postgresql-15` with apt-get when they are
#   missing and this runs as root, else stops with a message.
# - The cluster lives in a temporary directory (data, socket, log), trusts local logins (`initdb -A trust`), listens
#   on 127.0.0.1 only, on port $PGPORT_TEST or a free one. As root it runs as the OS user `postgres` (initdb refuses
#   root). The system's own clusters and configuration are not touched.
# - The cluster is stopped and its directory deleted when CMD ends (or the script is interrupted); CMD's exit code
#   is the script's.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARG...]" >&2
    exit 64
fi

find_bindir() {
    local dir
    for dir in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/15/bin; do
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

if ! bindir="$(find_bindir)"; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "$0: PostgreSQL's initdb is missing; install Debian's postgresql-15 (as root) and try again." >&2
        exit 69
    fi
    echo "$0: installing postgresql-15 (Debian packages)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    bindir="$(find_bindir)"
fi

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if [ -n "${PGPORT_TEST:-}" ]; then
    port="$PGPORT_TEST"
else
    port=""
    for _ in $(seq 1 50); do
        candidate=$((40000 + RANDOM % 20000))
        if port_is_free "$candidate"; then
            port="$candidate"
            break
        fi
    done
    if [ -z "$port" ]; then
        echo "$0: no free port found; set PGPORT_TEST" >&2
        exit 69
    fi
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/crmsync-pg.XXXXXX")"
chmod 700 "$workdir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$workdir"
fi
datadir="$workdir/data"

cleanup() {
    as_owner "$bindir/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_owner "$bindir/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$datadir" >"$workdir/initdb.log" 2>&1 || {
    cat "$workdir/initdb.log" >&2
    exit 70
}
as_owner "$bindir/pg_ctl" -D "$datadir" -l "$workdir/server.log" -w \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || {
    cat "$workdir/server.log" >&2
    exit 70
}

export CRMSYNC_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "$0: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (CRMSYNC_TEST_POSTGRES_URL)" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
