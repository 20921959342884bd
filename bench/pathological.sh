#!/usr/bin/env bash
# Analysis cost of the pathological page shapes (a 20,000-row label table, a 20,000-item <dl>,
# 100,000 nested <div>, 50,000 links in a list, a 10 MB page), one thread, CPU time and allocation.
#   bench/pathological.sh        (-Drounds=N -Dwarmup=N -Dlong.bytes=N in PATHOLOGICAL_OPTS)
# Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. bench/test-classpath.sh
exec java -Xmx2g ${PATHOLOGICAL_OPTS:-} -cp "$cp" io.filmwire.enrich.bench.PathologicalCost
