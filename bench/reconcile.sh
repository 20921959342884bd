#!/usr/bin/env bash
# Throughput of the one-partition step of enrich-streams (deduplication + reconciliation), the only
# part of the pipeline that does not scale out with partitions. See bench/ReconcileBench.java.
#
#   bench/reconcile.sh [PAGES]      default 20000 synthetic page digests
#
# Prints two lines: the CPU cost alone (in-memory state, one thread) and the production topology on
# an embedded broker (exactly-once, RocksDB stores, changelogs). Builds Filmwire if needed
# (./filmwire build). Not part of `mvn verify`.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
pages=${1:-20000}

if [ ! -f "$root/standalone/target/filmwire.jar" ] || [ -n "$(find "$root"/*/src/main "$root/pom.xml" -newer "$root/standalone/target/filmwire.jar" -print -quit)" ]; then
  echo "bench: building Filmwire" >&2
  "$root/filmwire" build
fi
cp="$root/standalone/target/filmwire.jar:$root/standalone/target/lib/*"
mkdir -p "$bench/classes"
javac -nowarn -d "$bench/classes" -cp "$cp" "$bench/ReconcileBench.java"
export FILMWIRE_LOG_LEVEL=${FILMWIRE_LOG_LEVEL:-WARN}
java -Xmx1g -cp "$bench/classes:$cp" ReconcileBench memory "$pages"
java -Xmx1g -cp "$bench/classes:$cp" ReconcileBench kafka "$pages"
