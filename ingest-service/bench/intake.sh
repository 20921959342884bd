#!/usr/bin/env bash
# Intake throughput on this machine: the `ingest` command, the watched folder and POST /pages,
# each writing N pages of about 8 KB to pages.raw of an embedded broker started for the run.
#
#   ingest-service/bench/intake.sh [N]        (default N=2000; needs python3 and curl 7.66+)
#
# Prints one line per path: pages, seconds, pages/s. Everything runs on loopback in a temporary
# folder, removed at the end; only the processes this script starts are stopped.
set -euo pipefail
n=${1:-2000}
here=$(cd "$(dirname "$0")/../.." && pwd)
fw="$here/filmwire"
work=$(mktemp -d -t filmwire-intake-bench-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 600); do if eval "$1"; then return 0; fi; sleep 0.1; done; echo "timed out: $1" >&2; exit 1; }
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%d pages in %.2f s: %.0f pages/s\n", n, b - a, n / (b - a) }'; }

"$fw" build >/dev/null
filler=$(head -c 6000 /dev/zero | tr '\0' 'x')
mkdir -p "$work/pages" "$work/staging" "$work/drop"
for i in $(seq 1 "$n"); do
  printf '<!doctype html><html><head><title>Bench film %d</title></head><body><h1>Bench film %d</h1><p>%s</p></body></html>\n' \
    "$i" "$i" "$filler" > "$work/pages/page-$i.html"
done

broker_port=$(free_port)
FILMWIRE_NO_BUILD=1 "$fw" broker --port "$broker_port" --data-dir "$work/broker" 2>"$work/broker.log" & pids+=($!)
wait_for "grep -q 'broker: Kafka on' '$work/broker.log'"
bootstrap="127.0.0.1:$broker_port"

http_port=$(free_port)
FILMWIRE_NO_BUILD=1 "$fw" ingest-service --bootstrap-servers "$bootstrap" --http-port "$http_port" --data-dir "$work/svc" \
  --set ingest.watch.dirs="$work/drop" --set ingest.watch.interval.ms=200 --set ingest.watch.settle.ms=0 \
  2>"$work/svc.log" & pids+=($!)
wait_for "grep -q 'ingest-service: running' '$work/svc.log'"

# ingest-service created the topics
echo "ingest command (files):"
FILMWIRE_NO_BUILD=1 "$fw" ingest "$work/pages" --bootstrap-servers "$bootstrap" 2>&1 | tail -1

echo "watched folder:"
cp "$work"/pages/*.html "$work/staging/"
t0=$(now)
mv "$work"/staging/*.html "$work/drop/"
wait_for "[ \$(ls '$work/drop/processed' | wc -l) -ge $n ]"
rate "$n" "$t0" "$(now)"

echo "POST /pages (one curl, 8 requests at a time):"
sep=""
for f in "$work"/pages/*.html; do
  printf '%surl = "http://127.0.0.1:%s/pages?url=https://bench.example/%s"\ndata-binary = "@%s"\n' "$sep" "$http_port" \
    "$(basename "$f")" "$f"
  printf 'header = "Content-Type: text/html"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
  sep="next"$'\n'
done > "$work/curl.cfg"
t0=$(now)
curl -s --no-progress-meter --parallel --parallel-max 8 --config "$work/curl.cfg" > "$work/codes.txt"
rate "$n" "$t0" "$(now)"
echo "answers: $(sort "$work/codes.txt" | uniq -c | tr '\n' ' ')"
