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
  if (spec.button) {
    const b = document.createElement("button");
    b.type = "button"; b.textContent = spec.button.label; b.setAttribute("aria-label", spec.button.name);
    b.addEventListener("click", spec.button.run);
    return b;
  }
  if (spec.href) { const a = document.createElement("a"); a.href = spec.href; a.textContent = text(spec.t); return a; }
  return document.createTextNode(text(spec.t));
}
const signature = spec => JSON.stringify([spec.t, spec.href, spec.cls, spec.button && spec.button.name]);
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
    get("/api/quality").then(qy => {
      const figures = [["films", qy.films], ["films without facts", qy.filmsWithoutFacts], ["films with conflicts", qy.filmsWithConflicts]]
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
    {t: i === 0 ? field + " (chosen: " + show(c.chosen) + ")" : ""}, {t: show(v.value)}, {t: v.pages.join(", ")}, {t: v.layer}]})));
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
  const [films, dlq] = await Promise.all([get("/api/films?limit=100&page=" + encodeURIComponent(id)), get("/api/dlq?limit=200")]);
  if (first) {
    root.replaceChildren();
    const p = document.createElement("p"); p.textContent = id; p.className = "id";
    const ft = table(["film", "year", "v"]); ft.id = "page-films";
    const dt = table(["time", "stage", "page", "reason", "action"]); dt.id = "page-dlq";
    root.append(section("Page", p), section("Films from this page", ft), section("Dead letters of this page", dt));
  }
  patch(root.querySelector("#page-films"), films.films.map(x => ({key: x.id, cells: [{t: x.title, href: filmHref(x.id)}, {t: x.year, cls: "num"}, {t: x.version, cls: "num"}]})));
  patch(root.querySelector("#page-dlq"), dlq.entries.filter(x => x.pageId === id).map(dlqRow));
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
