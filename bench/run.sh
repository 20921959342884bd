#!/usr/bin/env bash
# Side-by-side cleaning benchmark: Filmwire's cleaner, boilerpipe (ArticleExtractor, Maven Central)
# and Readability.js (npm, with jsdom) on the same pages, one thread each, same protocol: pages
# read and decoded first; timed per page: parse the HTML and extract the article; two warm-up
# rounds, three timed rounds, the median per page. Prints mean / median / p95 milliseconds per
# page and pages per second, and the body F1 of each tool's texts when a ground truth is given.
# Then cleans one generated 10 MB page with the JVM heap capped at 128 MB, to show the bound.
#
#   bench/run.sh [PAGES_DIR [GROUND_TRUTH.json]]
#     default: ../shared/corpus/aeb/html and ../shared/eval/aeb/ground-truth.json (181 news pages)
#
# Installs what it needs into bench/ (bench/lib: boilerpipe jars; bench/node_modules: Readability
# and jsdom), builds Filmwire if needed (./filmwire build). Not part of `mvn verify`.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
pages=${1:-$root/../shared/corpus/aeb/html}
truth=${2:-$root/../shared/eval/aeb/ground-truth.json}
scorer=$root/../shared/eval/body_score.py
out=$bench/results
mkdir -p "$out"

say() { echo "bench: $*" >&2; }

[ -d "$pages" ] || { say "no such folder: $pages"; exit 2; }

if [ ! -f "$root/standalone/target/filmwire.jar" ] || [ -n "$(find "$root"/*/src/main "$root/pom.xml" -newer "$root/standalone/target/filmwire.jar" -print -quit)" ]; then
  say "building Filmwire"
  "$root/filmwire" build
fi
if [ ! -f "$bench/lib/boilerpipe-1.1.0.jar" ]; then
  say "fetching boilerpipe from Maven Central into bench/lib"
  mvn -B -q -f "$bench/pom.xml" dependency:copy-dependencies -DoutputDirectory="$bench/lib" >&2
fi
if [ ! -d "$bench/node_modules/@mozilla/readability" ] || [ ! -d "$bench/node_modules/jsdom" ]; then
  say "installing Readability.js and jsdom from npm into bench/node_modules"
  (cd "$bench" && npm ci --no-audit --no-fund >&2)
fi

cp="$root/standalone/target/filmwire.jar:$root/standalone/target/lib/*:$bench/lib/*"
mkdir -p "$bench/classes"
javac -nowarn -d "$bench/classes" -cp "$cp" "$bench/CleanBench.java"
java_run() { java -Xss16m -cp "$bench/classes:$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"; }

say "timing on $(find "$pages" -maxdepth 1 -name '*.html*' | wc -l) pages of $pages (a few minutes)"
summaries=()
summaries+=("$(java_run CleanBench filmwire "$pages" "$out/filmwire.jsonl")")
summaries+=("$(java_run CleanBench boilerpipe "$pages" "$out/boilerpipe.jsonl")")
summaries+=("$(node --stack-size=65500 "$bench/readability-bench.mjs" "$pages" "$out/readability.jsonl")")

echo
echo "| tool | mean ms/page | median ms/page | p95 ms/page | pages/s | body F1 |"
echo "|---|---|---|---|---|---|"
for s in "${summaries[@]}"; do
  python3 - "$s" "$truth" "$scorer" "$out" <<'PY'
import json, os, subprocess, sys
s = json.loads(sys.argv[1]); truth, scorer, out = sys.argv[2:5]
f1 = "n/a"
if os.path.exists(truth) and os.path.exists(scorer):
    line = subprocess.run([sys.executable, scorer, truth, os.path.join(out, s["tool"] + ".jsonl")],
                          capture_output=True, text=True).stdout
    f1 = line.split("body F1")[1].split()[0] if "body F1" in line else "n/a"
print("| %s | %.2f | %.2f | %.2f | %.1f | %s |" % (s["tool"], s["meanMs"], s["medianMs"], s["p95Ms"], s["pagesPerSecond"], f1))
PY
done

say "cleaning a generated 10 MB page with the heap capped at 128 MB"
huge=$out/huge
mkdir -p "$huge"
python3 - "$huge/huge-10mb.html" <<'PY'
import sys
p = "<p>The programme shows films from twelve countries, and most screenings are followed by a talk. </p>\n"
nav = "<li><a href='/x'>Section</a></li>"
with open(sys.argv[1], "w") as f:
    f.write("<html><body><nav><ul>" + nav * 2000 + "</ul></nav><main>")
    while f.tell() < 10 * 1024 * 1024:
        f.write(p)
    f.write("</main></body></html>")
PY
java -Xmx128m -Xss16m -cp "$bench/classes:$cp" CleanBench filmwire "$huge" "$out/huge.jsonl" 1 2>/dev/null \
  | python3 -c 'import json,sys; s=json.loads(sys.stdin.read()); print("10 MB page, heap capped at 128 MB (-Xmx128m): cleaned in %.0f ms, %d failed" % (s["medianMs"], s["failed"]))'
