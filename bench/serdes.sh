#!/usr/bin/env bash
# State-store serde speed with JMH: microseconds to read and to write a site profile (what
# enrich-streams does twice for every page) with 300 and 3,000 block hashes, and to read it with
# Jackson's interning of field names (which Filmwire's mapper turns off), side by side.
#   bench/serdes.sh [JMH OPTIONS...]      e.g. bench/serdes.sh -p blocks=3000
# Not part of the test suite. Needs the project's test classes (it builds them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. bench/test-classpath.sh
exec java -cp "$cp" org.openjdk.jmh.Main SerdeBenchmark -rf json -rff target/serde-bench.json "$@"
