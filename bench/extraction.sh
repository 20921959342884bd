#!/usr/bin/env bash
# Extraction speed with JMH: pages per second of parse + clean + extract on one thread.
#   bench/extraction.sh [PAGES_DIR]      (default: ../shared/corpus/real)
# Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pages=$(cd "${1:-$here/../shared/corpus/real}" && pwd)
cd "$here"
. bench/test-classpath.sh
exec java -cp "$cp" org.openjdk.jmh.Main ExtractionBenchmark -p pages="$pages" -rf json -rff target/extraction-bench.json "${@:2}"
