#!/usr/bin/env bash
# Try it: the simulated Tuya cloud with two panels and the binding (in Apache Felix) on localhost.
#   ./try-it.sh                   binding + simulator; prints the call page links and how to ring
#   ./try-it.sh --simulator-only  only the simulator; prints the bridge configuration for a real openHAB
#   ./try-it.sh --smart           with a Tuya Smart account bridge (e-mail and password) instead of a cloud project
#   ./try-it.sh --help            this text
# Optional: TRYIT_PORT=8080 ./try-it.sh   (HTTP port of the binding; a free one otherwise)
#           TRYIT_CAPTURE=2 ./try-it.sh  (the bridge captures the next 2 calls, redacted, into target/tryit-userdata)
set -euo pipefail
for arg in "$@"; do
  case "$arg" in
    --simulator-only|--smart) ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "try-it.sh: unknown option '$arg' (see ./try-it.sh --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
jar=$(ls target/org.openhab.binding.tuyaintercom-*.jar | grep -v -e sources -e tests | head -n 1)
exec mvn -B -q exec:java -Dexec.mainClass=org.openhab.binding.tuyaintercom.internal.tryit.TryIt \
  -Dexec.classpathScope=test -Dbundle.jar="$jar" -Dtryit.port="${TRYIT_PORT:-0}" \
  -Dtryit.capture="${TRYIT_CAPTURE:-0}" -Dopenhab.userdata="$PWD/target/tryit-userdata" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dexec.args="$*"
