#!/usr/bin/env bash
# Page analysis cost beside parse cost, one thread, CPU time and allocation per page.
#   bench/analysis-cost.sh [DIR...]   (default: the real, wide, aeb and seeds sets of ../shared/corpus)
# ANALYSIS_COST_OPTS="-Dwarmup=N -Drounds=N -Dtop=N": warm-up and measured rounds (2 and 3), and the N pages
# whose analysis costs most beyond three parses. Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [ $# -eq 0 ]; then
  set -- ../shared/corpus/real ../shared/corpus/wide ../shared/corpus/aeb/html ../shared/corpus/seeds
fi
. bench/test-classpath.sh
exec java -Xmx4g ${ANALYSIS_COST_OPTS:-} -cp "$cp" io.filmwire.enrich.bench.AnalysisCost "$@"
