#!/usr/bin/env bash
# The comparison with DokuWiki renders the corpus with Debian's DokuWiki package (PHP on the command line).
set -euo pipefail
if [ -f /usr/share/dokuwiki/inc/init.php ] && command -v php >/dev/null; then exit 0; fi
echo "Installing Debian's DokuWiki for the comparison…"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends dokuwiki php-cli >/dev/null
