#!/usr/bin/env bash
# The whole programme in about a minute, on a daemon started with `script/run --test-clock`:
# teachers register (codes from sms.outbox), complete their profiles, enrol; school
# administrators verify some; a simulated player plays lessons, honestly or with known cheats;
# the window closes, certificates are issued, one is checked offline; the county report prints.
# Runs as an operator (root, or a uid/group configured as one). Extra arguments go to
# yanxiu-demo, e.g. --teachers 60 or --socket PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product yanxiu-demo
swift build --product yanxiuctl
exec .build/debug/yanxiu-demo "$@"
