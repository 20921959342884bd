// The console's script: a file of its own, so the page's CSP allows only 'self'. Every string that
// comes from a page (titles, names, reasons, ids) is set as text (textContent), never as HTML.
"use strict";
const $ = id => document.getElementById(id);
const text = s => s == null ? "" : String(s);
const show = v => v == null ? "" : v && typeof v === "object" && "value" in v && "scale" in v
  ? v.value + "/" + v.scale + (v.count != null ? " (" + v.count + " votes)" : "")
  : typeof v === "string" ? v : JSON.stringify(v);
const filmHref = id => "#/film/" + encodeURIComponent(id);
const pageHref = id => "#/page/" + encodeURIComponent(id);
const say = msg => { $("status").textContent = msg; };

// Access: the page holds no data; every request to the API carries the token the operator typed
// (kept in this tab's sessionStorage, never in a cookie) as "Authorization: Bearer TOKEN"; writes
// send JSON, so that no other site can make them.
const TOKEN_KEY = "filmwire.token";
function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }
function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(path, Object.assign({}, options, {headers, credentials: "omit",
    body: options.body === undefined ? undefined : JSON.stringify(options.body)}));
}
function needToken(r) {
  if (r.status === 401 || r.status === 403) say(r.status === 401 ? "a token is needed: enter it above" : "this token may not do that");
}
async function get(path) { const r = await api(path); if (!r.ok) { needToken(r); throw new Error(path + ": " + r.status); } return r.json(); }
async function problem(r) { try { const b = await r.json(); return b.message || b.error || String(r.status); } catch (e) { return String(r.status); } }

// Cells are specs: {t: text, href, cls, button: {label, name, run}}; a row is {key, cells}.
function node(spec) {
  if (spec.links) {
    const f = document.createDocumentFragment();
    spec.links.forEach((l, i) => { if (i) f.append(document.createTextNode(", ")); const a = document.createElement("a"); a.href = l.href; a.textContent = text(l.t); f.append(a); });
    return f;
  }
  if (spec.button) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = spec.button.label; b.setAttribute("aria-label", spec.button.name);
    b.addEventListener("click", spec.button.run);
    return b;
  }
  if (spec.href) { const a = document.createElement("a"); a.href = spec.href; a.textContent = text(spec.t); return a; }
  return document.createTextNode(text(spec.t));
}
const signature = spec => JSON.stringify([spec.t, spec.href, spec.cls, spec.button && spec.button.name, spec.links]);
function setCells(tr, cells) {
  cells.forEach((spec, i) => {
    let td = tr.cells[i];
    if (!td) { td = document.createElement("td"); tr.append(td); }
    const sig = signature(spec);
    if (td.dataset.sig === sig) return; // unchanged: left alone, so focus and selection in it survive
    td.dataset.sig = sig; td.className = spec.cls || "";
    td.replaceChildren(node(spec));
  });
  while (tr.cells.length > cells.length) tr.lastElementChild.remove();
}
// Patches a table in place: rows keep their element while their key stays; only what changed is rewritten.
function patch(table, rows) {
  const body = (typeof table === "string" ? document.querySelector("#" + table) : table).tBodies[0];
  const old = new Map([...body.rows].map(tr => [tr.dataset.key, tr]));
  let prev = null;
  for (const row of rows) {
    let tr = old.get(row.key);
    if (tr) old.delete(row.key); else { tr = document.createElement("tr"); tr.dataset.key = row.key; }
    setCells(tr, row.cells);
    const want = prev ? prev.nextElementSibling : body.firstElementChild;
    if (tr !== want) body.insertBefore(tr, want);
    prev = tr;
  }
  old.forEach(tr => tr.remove());
}
function table(headers, caption) {
  const t = document.createElement("table");
  if (caption) { const c = t.createCaption(); c.textContent = caption; c.className = "muted"; }
  const tr = t.createTHead().insertRow();
  headers.forEach(h => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; tr.append(th); });
  t.createTBody();
  return t;
}
function section(title, ...content) {
  const s = document.createElement("section");
  const h = document.createElement("h2"); h.textContent = title; s.append(h);
  content.forEach(c => { if (c.tagName === "TABLE") { const d = document.createElement("div"); d.className = "scroll"; d.append(c); s.append(d); } else s.append(c); });
  return s;
}
function replayButton(x) {
  return {button: {label: "Replay", name: "Replay dead letter " + x.id + " of " + (x.pageId || "no page"), run: async () => {
    const r = await api("/api/dlq/" + encodeURIComponent(x.id) + "/replay", {method: "POST", body: {}});
    say(r.ok ? "replayed " + x.id + " to " + (await r.json()).topic : "replay failed: " + await problem(r)); needToken(r);
  }}};
}
const dlqRow = x => ({key: x.id, cells: [{t: x.time}, {t: x.stage}, x.pageId ? {t: x.pageId, href: pageHref(x.pageId), cls: "id"} : {t: ""},
  {t: x.reason}, replayButton(x)]});


// ---- charts of the last hour: inline SVG drawn here (no chart library), patched in place each refresh.
// Each chart is an <svg role="img"> named by its <title> and described by its <desc>; the latest values
// are also written out as text under it, which is the chart's text alternative.
const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#1849a9", "#b42318", "#067647", "#6941c6", "#b54708", "#0e7090"];
const DASHES = ["", "7 4", "2 3", "9 3 2 3"];
const W = 600, H = 170, L = 46, R = 8, T = 10, B = 24;
function svgEl(name, attrs) { const e = document.createElementNS(SVG, name); Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v)); return e; }
const lastValue = values => { for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i]; return null; };
const round = v => v == null ? "–" : Number.isInteger(v) ? String(v) : v.toFixed(1);
function chartFigure(id, title) {
  let fig = $(id);
  if (fig) return fig;
  fig = document.createElement("figure"); fig.className = "chart"; fig.id = id;
  const h = document.createElement("h3"); h.textContent = title; h.id = id + "-h";
  const svg = svgEl("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": id + "-title " + id + "-desc", focusable: "false"});
  const t = svgEl("title", {id: id + "-title"}); t.textContent = title;
  const d = svgEl("desc", {id: id + "-desc"});
  const axes = svgEl("g", {stroke: "#98a2b3", "stroke-width": "1"});
  axes.append(svgEl("line", {x1: L, y1: T, x2: L, y2: H - B}), svgEl("line", {x1: L, y1: H - B, x2: W - R, y2: H - B}));
  const grid = svgEl("line", {x1: L, y1: T, x2: W - R, y2: T, stroke: "#e4e7ec", "stroke-dasharray": "3 3"});
  const labels = svgEl("g", {fill: "#5d6779", "font-size": "12"});
  const max = svgEl("text", {x: L - 4, y: T + 4, "text-anchor": "end", class: "max"});
  const zero = svgEl("text", {x: L - 4, y: H - B + 4, "text-anchor": "end"}); zero.textContent = "0";
  const from = svgEl("text", {x: L, y: H - 6}); from.textContent = "60 min ago";
  const to = svgEl("text", {x: W - R, y: H - 6, "text-anchor": "end"}); to.textContent = "now";
  labels.append(max, zero, from, to);
  const lines = svgEl("g", {fill: "none", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round", class: "lines"});
  svg.append(t, d, grid, axes, labels, lines);
  const legend = document.createElement("ul"); legend.className = "legend"; legend.setAttribute("aria-hidden", "true");
  const latest = document.createElement("p"); latest.className = "latest"; latest.id = id + "-latest";
  fig.append(h, svg, legend, latest);
  $("charts").append(fig);
  return fig;
}
// series: [{key, name, values (60, null = no sample), unit}]; summary: the text alternative
function drawChart(id, title, series, summary) {
  const fig = chartFigure(id, title);
  const svg = fig.querySelector("svg");
  const top = Math.max(1, ...series.flatMap(x => x.values.filter(v => v != null)));
  const scale = top <= 5 ? top : Math.ceil(top / Math.pow(10, Math.floor(Math.log10(top)))) * Math.pow(10, Math.floor(Math.log10(top)));
  svg.querySelector("text.max").textContent = round(scale);
  const lines = svg.querySelector("g.lines");
  const old = new Map([...lines.children].map(p => [p.dataset.key, p]));
  const legend = fig.querySelector(".legend");
  const items = new Map([...legend.children].map(li => [li.dataset.key, li]));
  series.forEach((x, i) => {
    const n = x.values.length;
    let d = "", pen = false;
    x.values.forEach((v, j) => {
      if (v == null) { pen = false; return; }
      const px = (L + j * (W - L - R) / (n - 1)).toFixed(1), py = (H - B - v / scale * (H - B - T)).toFixed(1);
      d += (pen ? " L" : " M") + px + " " + py + (pen ? "" : " h0.01"); pen = true;
    });
    let p = old.get(x.key);
    if (p) old.delete(x.key); else { p = svgEl("path", {}); p.dataset.key = x.key; lines.append(p); }
    const colour = COLOURS[i % COLOURS.length], dash = DASHES[i % DASHES.length];
    p.setAttribute("d", d.trim() || "M0 0"); p.setAttribute("stroke", colour); p.setAttribute("stroke-dasharray", dash);
    let li = items.get(x.key);
    if (li) items.delete(x.key); else {
      li = document.createElement("li"); li.dataset.key = x.key;
      const sw = svgEl("svg", {width: "24", height: "8", "aria-hidden": "true"});
      sw.append(svgEl("line", {x1: 1, y1: 4, x2: 23, y2: 4, "stroke-width": "2"}));
      li.append(sw, document.createElement("span")); legend.append(li);
    }
    const line = li.querySelector("line"); line.setAttribute("stroke", colour); line.setAttribute("stroke-dasharray", dash);
    li.lastChild.textContent = x.name;
  });
  old.forEach(p => p.remove()); items.forEach(li => li.remove());
  fig.querySelector("desc").textContent = summary + (series.length ? " Scale 0 to " + round(scale) + "." : "");
  fig.querySelector(".latest").textContent = summary;
}
function drawActivity(a) {
  const sum = v => v.reduce((s, x) => s + (x || 0), 0);
  const flows = [["pagesIn", "pages in"], ["recordsOut", "records out"], ["deadLetters", "dead letters"]];
  drawChart("chart-flow", "Pages in, records out and dead letters per minute",
    flows.map(([k, name]) => ({key: k, name, values: a[k]})),
    "Latest minute: " + flows.map(([k, name]) => name + " " + round(lastValue(a[k]))).join(", ")
      + ". Last hour: " + flows.map(([k, name]) => name + " " + sum(a[k])).join(", ") + "."
      + ((a.notCountedHere || []).length ? " Not counted in this process: " + flows.filter(([k]) => a.notCountedHere.includes(k)).map(([k, n]) => n).join(", ") + "." : ""));
  const lag = a.lag || [];
  const none = "No consumer group measured yet.";
  drawChart("chart-lag-records", "Consumer lag per stage, records (highest each minute)",
    lag.map(l => ({key: l.group + "/" + l.topic, name: l.stage, values: l.records})),
    lag.length ? "Latest: " + lag.map(l => l.stage + " " + round(lastValue(l.records)) + " records").join("; ") + "." : none);
  drawChart("chart-lag-seconds", "Consumer lag per stage, seconds (age of the oldest waiting record)",
    lag.map(l => ({key: l.group + "/" + l.topic, name: l.stage, values: l.seconds})),
    lag.length ? "Latest: " + lag.map(l => l.stage + " " + round(lastValue(l.seconds)) + " s").join("; ") + "." : none);
}

// ---- home
let offset = 0;
const PAGE = 20;
async function refreshHome() {
  try {
    const h = await fetch("/health").then(r => r.json());
    $("health").textContent = h.status + " · " + Object.entries(h.components || {}).map(([k, v]) => k + " " + (v.status || v)).join(" · ");
    $("health").className = h.status === "UP" ? "up" : "down";
  } catch (e) { $("health").textContent = "unreachable"; }
  const jobs = [
    Promise.all([get("/api/quality"), get("/api/pages?withoutFilms=true&limit=20").catch(() => null)]).then(([qy, pg]) => {
      if (pg) patch("nofilm", pg.pages.map(x => ({key: x, cells: [{t: x, href: pageHref(x), cls: "id"}]})));
      const figures = [["films", qy.films], ["films without facts", qy.filmsWithoutFacts], ["films with conflicts (waiting for an editor)", qy.filmsWithConflicts],
        ["pages with no film", pg ? pg.withoutFilms : null], ["pages seen", pg ? pg.pagesSeen : null]]
        .concat(Object.entries(qy.factsByLayer || {}).map(([l, n]) => ["facts: " + l, n]));
      const dl = $("quality");
      figures.forEach(([k, v], i) => {
        let d = dl.children[i];
        if (!d) { d = document.createElement("div"); d.append(document.createElement("dt"), document.createElement("dd")); dl.append(d); }
        d.firstChild.textContent = k; d.lastChild.textContent = text(v);
      });
    }),
    get("/api/films?limit=" + PAGE + "&offset=" + offset + "&q=" + encodeURIComponent($("q").value)).then(f => {
      patch("films", f.films.map(x => ({key: x.id, cells: [{t: x.title, href: filmHref(x.id)}, {t: x.year, cls: "num"},
        {t: x.runtimeMinutes, cls: "num"}, {t: x.version, cls: "num"}]})));
      $("found").textContent = f.total === 0 ? "no film found" : (offset + 1) + "–" + (offset + f.count) + " of " + f.total;
      $("prev").disabled = offset === 0; $("next").disabled = offset + f.count >= f.total;
    }),
    get("/api/dlq?limit=30").then(d => patch("dlq", d.entries.map(dlqRow))),
    get("/api/activity").then(drawActivity),
    get("/api/changes?limit=30").then(c => patch("changes", c.changes.map(x => ({key: x.filmId + "@" + x.version + "@" + x.type,
      cells: [{t: x.time}, {t: x.filmId, href: filmHref(x.filmId), cls: "id"}, {t: x.type + (x.mergedInto ? " → " + x.mergedInto : "")},
        {t: x.version, cls: "num"}, {t: (x.changes || []).map(f => f.field).join(", ")}, cause(x.causedBy)]})))),
    get("/api/conflicts?limit=30").then(k => {
      const rows = [];
      k.films.forEach(f => Object.entries(f.conflicts).forEach(([field, c]) => rows.push({key: f.id + "/" + field, cells: [
        {t: f.title, href: filmHref(f.id)}, {t: field},
        {t: c.values.map(v => show(v.value) + " [" + v.pages.length + " page" + (v.pages.length > 1 ? "s" : "") + ", " + v.layer + "]").join(" · ")},
        {t: show(c.chosen)}]})));
      patch("conflicts", rows);
    }),
    get("/api/topics").then(t => patch("topics", t.topics.map(x => ({key: x.name, cells: [{t: x.name + (x.compacted ? " (compacted)" : "")},
      {t: x.partitions, cls: "num"}, {t: x.offsets, cls: "num"},
      {t: Object.entries(x.lagByGroup).map(([g, n]) => g + ": " + n).join(", ")}]})))),
  ];
  await Promise.allSettled(jobs);
}
function cause(c) {
  if (!c) return {t: ""};
  if (c.override) return {t: "editor: " + c.override};
  return c.pageId ? {t: c.pageId, href: pageHref(c.pageId), cls: "id"} : {t: ""};
}

// ---- film view
const BOOKKEEPING = ["provenance", "conflicts", "sources", "mergedFrom"]; // named in the history, not spelled out
async function filmView(id, root, first) {
  const [film, history, overrides] = await Promise.all([get("/api/films/" + encodeURIComponent(id)),
    get("/api/films/" + encodeURIComponent(id) + "/history").catch(() => ({events: []})),
    get("/api/films/" + encodeURIComponent(id) + "/overrides").catch(() => ({fields: {}}))]);
  if (first) {
    root.replaceChildren();
    const record = table(["field", "value", "page", "layer", "evidence", "confidence"], "Each value with the evidence for it");
    record.id = "record";
    const conflicts = table(["field", "value", "pages", "layer"]); conflicts.id = "film-conflicts";
    const hist = table(["time", "version", "type", "fields", "cause"]); hist.id = "history";
    const over = table(["field", "value", "editor", "reason", "action"]); over.id = "overrides";
    const title = document.createElement("p"); title.id = "film-title";
    root.append(section("Film", title, record), section("Conflicts", conflicts), section("History", hist),
      section("Overrides", over, overrideForm(id)));
  }
  root.querySelector("#film-title").textContent = film.title + (film.year ? " (" + film.year + ")" : "") + " · " + film.id + " · version " + film.version;
  const rows = [];
  const fields = ["title", "aliases", "year", "runtimeMinutes", "rating", "languages", "genres", "credits"];
  fields.forEach(field => {
    const value = film[field];
    const evidence = (film.provenance || {})[field] || [];
    if (evidence.length === 0) {
      if (value != null && !(Array.isArray(value) && value.length === 0)) rows.push({key: field, cells: [{t: field}, {t: show(value)}, {t: ""}, {t: ""}, {t: ""}, {t: ""}]});
      return;
    }
    evidence.forEach((e, i) => rows.push({key: field + "#" + i, cells: [{t: i === 0 ? field : ""}, {t: e.value != null ? e.value : show(value)},
      e.pageId ? {t: e.pageId, href: pageHref(e.pageId), cls: "id"} : {t: ""}, {t: e.layer}, {t: e.evidence}, {t: e.confidence, cls: "num"}]}));
  });
  patch(root.querySelector("#record"), rows);
  const crows = [];
  Object.entries(film.conflicts || {}).forEach(([field, c]) => c.values.forEach((v, i) => crows.push({key: field + "#" + i, cells: [
    {t: i === 0 ? field + " (chosen: " + show(c.chosen) + ")" : ""}, {t: show(v.value)}, {links: v.pages.map(pg => ({t: pg, href: pageHref(pg)})), cls: "id"}, {t: v.layer}]})));
  patch(root.querySelector("#film-conflicts"), crows);
  patch(root.querySelector("#history"), (history.events || []).slice().reverse().map(x => ({key: x.version + "@" + x.type, cells: [
    {t: x.time}, {t: x.version, cls: "num"}, {t: x.type + (x.mergedInto ? " → " + x.mergedInto : "")},
    {t: (x.changes || []).map(f => BOOKKEEPING.includes(f.field) ? f.field : f.field + ": " + show(f.oldValue) + " → " + show(f.newValue)).join("; ")},
    cause(x.causedBy)]})));
  patch(root.querySelector("#overrides"), Object.entries(overrides.fields || {}).map(([field, o]) => ({key: field, cells: [
    {t: field}, {t: show(o.value)}, {t: o.editor}, {t: o.reason},
    {button: {label: "Remove", name: "Remove the override of " + field, run: async () => {
      const reason = root.querySelector("#ov-reason").value.trim() || "removed in the console";
      const who = root.querySelector("#ov-editor").value.trim();
      const r = await api("/api/films/" + encodeURIComponent(id) + "/overrides/" + encodeURIComponent(field) + "?reason=" + encodeURIComponent(reason)
        + (who ? "&editor=" + encodeURIComponent(who) : ""), {method: "DELETE"});
      say(r.ok ? "override of " + field + " removed; the record follows shortly" : "not removed: " + await problem(r)); needToken(r);
    }}}]})));
}
function overrideForm(id) {
  const f = document.createElement("form"); f.className = "override"; f.id = "override-form";
  const add = (label, el) => { const l = document.createElement("label"); l.htmlFor = el.id; l.textContent = label; f.append(l, el); };
  const field = document.createElement("select"); field.id = "ov-field";
  ["title", "aliases", "year", "runtimeMinutes", "rating", "languages", "genres", "credits"].forEach(n => field.add(new Option(n, n)));
  const value = document.createElement("input"); value.id = "ov-value"; value.required = true; value.autocomplete = "off";
  const reason = document.createElement("input"); reason.id = "ov-reason"; reason.required = true; reason.autocomplete = "off";
  const editor = document.createElement("input"); editor.id = "ov-editor"; editor.autocomplete = "off";
  add("Field", field); add("Value (JSON for numbers, lists, ratings)", value); add("Reason", reason);
  add("Editor (only on a server without tokens)", editor);
  const b = document.createElement("button"); b.type = "submit"; b.textContent = "Set override"; f.append(b);
  f.addEventListener("submit", async e => {
    e.preventDefault();
    let v = value.value.trim();
    try { v = JSON.parse(v); } catch (err) { /* plain text */ }
    const body = {field: field.value, value: v, reason: reason.value.trim()};
    if (editor.value.trim()) body.editor = editor.value.trim();
    const r = await api("/api/films/" + encodeURIComponent(id) + "/overrides", {method: "POST", body});
    say(r.ok ? "override of " + field.value + " set; the record follows shortly" : "not set: " + await problem(r)); needToken(r);
  });
  return f;
}

// ---- page view
async function pageView(id, root, first) {
  const r = await api("/api/page?id=" + encodeURIComponent(id));
  let page;
  if (r.status === 404) page = {pageId: id, clean: null, dedup: null, films: [], deadLetters: [], unknown: true};
  else if (!r.ok) { needToken(r); throw new Error("/api/page: " + r.status); }
  else page = await r.json();
  if (first) {
    root.replaceChildren();
    const head = document.createElement("dl"); head.id = "page-facts"; head.className = "facts";
    const verdict = document.createElement("p"); verdict.id = "page-dedup";
    const copies = table(["copy"], "Pages judged copies of this one"); copies.id = "page-copies";
    const ft = table(["film", "year", "v"]); ft.id = "page-films";
    const dt = table(["time", "stage", "page", "reason", "action"]); dt.id = "page-dlq";
    const note = document.createElement("p"); note.id = "page-text-note"; note.className = "muted";
    const pre = document.createElement("pre"); pre.id = "page-text"; pre.className = "text"; pre.tabIndex = 0;
    pre.setAttribute("aria-label", "The page's clean text");
    root.append(section("Page", head), section("Dedup verdict", verdict, copies), section("Films from this page", ft),
      section("Dead letters of this page", dt), section("Clean text", note, pre));
  }
  const c = page.clean || {};
  const facts = [["page", id], ["url", c.url], ["title", c.title], ["site", c.site], ["language", c.language], ["author", c.author], ["published", c.publishedDate]]
    .filter(([k, v], i) => i === 0 || v);
  const dl = root.querySelector("#page-facts");
  facts.forEach(([k, v], i) => {
    let d = dl.children[i];
    if (!d) { d = document.createElement("div"); d.append(document.createElement("dt"), document.createElement("dd")); dl.append(d); }
    if (d.firstChild.textContent !== k) d.firstChild.textContent = k;
    if (d.lastChild.textContent !== text(v)) d.lastChild.textContent = text(v);
  });
  while (dl.children.length > facts.length) dl.lastElementChild.remove();
  setVerdict(root.querySelector("#page-dedup"), page.dedup);
  patch(root.querySelector("#page-copies"), ((page.dedup || {}).copies || []).map(x => ({key: x, cells: [{t: x, href: pageHref(x), cls: "id"}]})));
  patch(root.querySelector("#page-films"), page.films.map(x => ({key: x.id, cells: [{t: x.title, href: filmHref(x.id)}, {t: x.year, cls: "num"}, {t: x.version, cls: "num"}]})));
  patch(root.querySelector("#page-dlq"), page.deadLetters.map(dlqRow));
  const note = page.clean ? (page.textTruncated ? "The first " + page.clean.text.length + " of " + page.textChars + " characters." : page.textChars + " characters.")
    : "No clean text: the page is not on pages.clean (it failed before cleaning, the topic no longer holds it, or it is older than the last "
      + "20,000 pages this view remembers).";
  const noteEl = root.querySelector("#page-text-note"); if (noteEl.textContent !== note) noteEl.textContent = note;
  const pre = root.querySelector("#page-text"); const body = page.clean ? text(page.clean.text) : "";
  if (pre.textContent !== body) pre.textContent = body; // unchanged text is left alone, so a selection in it survives
  pre.hidden = !page.clean;
}
function setVerdict(p, d) {
  const sig = JSON.stringify(d && [d.verdict, d.duplicateOf, d.seenAt]);
  if (p.dataset.sig === sig) return;
  p.dataset.sig = sig;
  if (!d) { p.textContent = "No verdict known: deduplication has not seen this page yet (or this view has forgotten it)."; return; }
  const seen = d.seenAt ? " (seen " + d.seenAt + ")" : "";
  if (d.verdict === "original") { p.textContent = "Original: its works were used" + seen + "."; return; }
  const a = document.createElement("a"); a.href = pageHref(d.duplicateOf); a.textContent = d.duplicateOf;
  p.replaceChildren(document.createTextNode((d.verdict === "duplicate" ? "Duplicate (the same text) of " : "Near-duplicate (a similar text) of ")),
    a, document.createTextNode(": its works were not used" + seen + "."));
}

// ---- routing and the live loop
let view = null;
async function refresh() {
  const m = location.hash.match(/^#\/(film|page)\/(.+)$/);
  const key = m ? m[1] + ":" + m[2] : "home";
  const first = view !== key;
  view = key;
  $("home").hidden = !!m; $("detail").hidden = !m;
  try {
    if (!m) await refreshHome();
    else await (m[1] === "film" ? filmView : pageView)(decodeURIComponent(m[2]), $("detail"), first);
  } catch (e) { if (first) say("could not load: " + e.message); }
}
$("q").addEventListener("input", () => { offset = 0; refresh(); });
$("search").addEventListener("submit", e => e.preventDefault());
$("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); refresh(); });
$("next").addEventListener("click", () => { offset += PAGE; refresh(); });
$("token").value = token();
$("auth").addEventListener("submit", e => {
  e.preventDefault();
  const t = $("token").value.trim();
  if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
  say(t ? "token set for this tab" : "token cleared");
  refresh();
});
window.addEventListener("hashchange", refresh);
refresh(); setInterval(refresh, 3000);
