// Per-page cleaning time of Readability.js (with jsdom) over a folder of pages (.html, .html.gz),
// one thread: node readability-bench.mjs DIR OUT.jsonl [ROUNDS]. Same protocol as CleanBench.java:
// pages read and decoded first; timed: parsing the HTML (jsdom) and extracting the article
// (Readability); two untimed warm-up rounds, then ROUNDS (3) timed rounds, median per page.
// Prints one summary line (JSON) on stdout; writes the texts as JSON lines to OUT for scoring.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [dir, outFile, roundsArg] = process.argv.slice(2);
if (!dir || !outFile) {
  console.error('usage: node readability-bench.mjs DIR OUT.jsonl [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg || 3);
const quiet = new VirtualConsole();
const files = readdirSync(dir).filter((f) => f.endsWith('.html') || f.endsWith('.html.gz')).sort();
const pages = files.map((f) => {
  const bytes = readFileSync(join(dir, f));
  return [f, (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')];
});

function clean(html) {
  const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: quiet });
  try {
    const article = new Readability(dom.window.document).parse();
    return article && article.textContent ? article.textContent : '';
  } finally {
    dom.window.close();
  }
}

const texts = new Map();
let failed = 0;
for (let round = 0; round < 2; round++) {
  for (const [id, html] of pages) {
    try {
      texts.set(id, clean(html));
    } catch (e) {
      if (round === 0) {
        failed++;
        console.error(`readability: ${id} failed: ${e}`);
      }
      texts.set(id, '');
    }
  }
}
const nanos = pages.map(() => []);
const totalStart = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) {
  pages.forEach(([, html], i) => {
    const start = process.hrtime.bigint();
    try {
      clean(html);
    } catch (e) {
      // counted in the warm-up round
    }
    nanos[i].push(Number(process.hrtime.bigint() - start));
  });
}
const totalSeconds = Number(process.hrtime.bigint() - totalStart) / 1e9;
const perPage = nanos.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)] / 1e6).sort((a, b) => a - b);
writeFileSync(outFile, [...texts].map(([pageId, text]) => JSON.stringify({ pageId, text })).join('\n') + '\n');
const mean = perPage.reduce((a, b) => a + b, 0) / perPage.length;
const p95 = perPage[Math.min(perPage.length - 1, Math.ceil(perPage.length * 0.95) - 1)];
console.log(JSON.stringify({
  tool: 'readability', pages: perPage.length, failed,
  meanMs: +mean.toFixed(2), medianMs: +perPage[Math.floor(perPage.length / 2)].toFixed(2), p95Ms: +p95.toFixed(2),
  maxMs: +perPage[perPage.length - 1].toFixed(2), pagesPerSecond: +((pages.length * rounds) / totalSeconds).toFixed(1),
}));
