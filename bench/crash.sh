#!/usr/bin/env bash
# The crash test (see the README's Reliability section): the broker, ingest-service, enrich-streams and
# publish-service each in a JVM of its own, a steady load of distinct pages, kill -9 of each part and a
# frozen broker during the load; prints lost / duplicated / skipped counts and the longest stall per fault.
#
#   bench/crash.sh                              # 2800 pages at 10/s, 17 faults
#   bench/crash.sh --pages 300 --rate 5 --faults 5   # a short run
#   bench/crash.sh --kinds enrich,publish --faults 4 # only Streams instances
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/filmwire" crash "$@"
