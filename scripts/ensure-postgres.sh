#!/usr/bin/env bash
# The tests need a PostgreSQL server on 127.0.0.1:5432 that trusts local connections.
# Start the installed cluster when it is down; install Debian's postgresql when there is none.
set -euo pipefail
HOST=127.0.0.1 PORT=5432
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }
if command -v pg_isready >/dev/null && ready; then exit 0; fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "Installing Debian's postgresql for the tests…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  for hba in /etc/postgresql/*/main/pg_hba.conf; do
    # A test machine only: trust connections from this host, as CI's server does.
    $SUDO sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  done
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
$SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main restart
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "PostgreSQL did not come up on $HOST:$PORT" >&2
exit 1
