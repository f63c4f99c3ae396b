#!/usr/bin/env bash
# Benchmarks: binding figures next to baselines measured in the same run; the results go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
jar=$(ls target/org.openhab.binding.tuyaintercom-*.jar | grep -v -e sources -e tests | head -n 1)
rm -f target/benchmarks.md
mvn -B failsafe:integration-test failsafe:verify -Dit.test='BindingBenchmark,WebBenchmark' \
  -Dbundle.jar="$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
{
  echo "# Benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null || echo 'no Chromium'),"
  echo "against the simulated Tuya cloud and panel on loopback (\`./bench.sh\`)."
  echo
  echo "| Benchmark | Binding | Baseline (same run) |"
  echo "|---|---|---|"
  grep '^| ' target/benchmarks.md | grep -v -e '^| Benchmark' -e '^|---'
} > BENCHMARKS.md
cat BENCHMARKS.md
