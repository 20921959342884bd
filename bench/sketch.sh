#!/usr/bin/env bash
# Dedup sketch speed with JMH: microseconds per article for the one-permutation MinHash that dedup
# uses and the 128-hash MinHash it replaced, side by side, on 3 KB, 30 KB and 600 KB texts; and the
# page-content scan of an HTML page of that text.
#   bench/sketch.sh [JMH OPTIONS...]      e.g. bench/sketch.sh -p chars=30000
# Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. bench/test-classpath.sh
exec java -cp "$cp" org.openjdk.jmh.Main SketchBenchmark -rf json -rff target/sketch-bench.json "$@"
