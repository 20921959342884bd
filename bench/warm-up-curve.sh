#!/usr/bin/env bash
# How a fresh JVM warms up to the page analysis: pages done, rate (thread CPU) and JIT time every 10 s.
#   bench/warm-up-curve.sh [DIR...]   (default: the real, wide, aeb and seeds sets of ../shared/corpus)
#   WARM_UP_SECONDS=240 by default. Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [ $# -eq 0 ]; then
  set -- ../shared/corpus/real ../shared/corpus/wide ../shared/corpus/aeb/html ../shared/corpus/seeds
fi
. bench/test-classpath.sh
exec java -Xmx4g -Dseconds="${WARM_UP_SECONDS:-240}" -cp "$cp" io.filmwire.enrich.bench.WarmUpCurve "$@"
