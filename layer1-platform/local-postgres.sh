#!/usr/bin/env bash
# No Docker? A throw-away local PostgreSQL cluster from the installed binaries (apt-get install postgresql).
# Same commands as scripts/pg-local.sh (start|stop|env|status|destroy); see README.md in this folder.
exec "$(dirname "$0")/../scripts/pg-local.sh" "$@"
