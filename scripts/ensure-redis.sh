#!/usr/bin/env bash
# The tests need a Redis server on 127.0.0.1:6379 (the PostgreSQL journeys share their pages in it).
# Start one when none answers; install Debian's redis-server when there is none.
set -euo pipefail
HOST=127.0.0.1 PORT=6379
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# A PING written to the port, without redis-cli (which may not be installed yet).
ready() { (exec 3<>"/dev/tcp/$HOST/$PORT" && printf 'PING\r\n' >&3 && read -r -t 2 answer <&3 && [[ "$answer" == +PONG* ]]) 2>/dev/null; }
if ready; then exit 0; fi

if ! command -v redis-server >/dev/null; then
  echo "Installing Debian's redis-server for the tests…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi
# Kept in memory only, as a test machine needs.
$SUDO redis-server --bind "$HOST" --port "$PORT" --save "" --appendonly no --daemonize yes >/dev/null
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "Redis did not come up on $HOST:$PORT" >&2
exit 1
