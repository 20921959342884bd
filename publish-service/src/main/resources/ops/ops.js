// The ops page's script: served as a file of its own, so the page's CSP allows only 'self'.
const text = s => s == null ? "" : String(s);
const cell = (v, cls) => { const td = document.createElement("td"); td.textContent = text(v); if (cls) td.className = cls; return td; };
function fill(id, rows) {
  const body = document.querySelector("#" + id + " tbody");
  body.replaceChildren(...rows.map(cells => { const tr = document.createElement("tr"); tr.append(...cells); return tr; }));
}
const show = v => v && typeof v === "object" && "value" in v && "scale" in v
  ? v.value + "/" + v.scale + (v.count != null ? " (" + v.count + " votes)" : "") : JSON.stringify(v);
// Access: the page holds no data; every request to the API carries the token the operator typed
// (kept in this tab's sessionStorage, never in a cookie) as "Authorization: Bearer TOKEN". A page
// built on this one does the same through api(): writes send JSON, so that no other site can make them.
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
  if (r.status === 401 || r.status === 403) {
    document.getElementById("status").textContent = r.status === 401 ? "a token is needed: enter it above" : "this token may not do that";
  }
}
async function get(path) { const r = await api(path); if (!r.ok) { needToken(r); throw new Error(path + ": " + r.status); } return r.json(); }
async function refresh() {
  try {
    const h = await fetch("/health").then(r => r.json());
    const el = document.getElementById("health");
    el.textContent = h.status + " · " + Object.entries(h.components || {}).map(([k, v]) => k + " " + v).join(" · ");
    el.className = h.status === "UP" ? "up" : "down";
  } catch (e) { document.getElementById("health").textContent = "unreachable"; }
  try {
    const t = await get("/api/topics");
    fill("topics", t.topics.map(x => [cell(x.name + (x.compacted ? " (compacted)" : "")), cell(x.partitions, "num"),
      cell(x.offsets, "num"), cell(Object.entries(x.lagByGroup).map(([g, n]) => g + ": " + n).join(", "))]));
  } catch (e) {}
  try {
    const d = await get("/api/dlq?limit=30");
    fill("dlq", d.entries.map(x => {
      const b = document.createElement("button"); b.textContent = "replay";
      b.onclick = async () => { const r = await api("/api/dlq/" + encodeURIComponent(x.id) + "/replay", {method: "POST", body: {}});
        document.getElementById("status").textContent = r.ok ? "replayed " + x.id : "replay failed: " + r.status; needToken(r); };
      const td = document.createElement("td"); td.append(b);
      return [cell(x.time), cell(x.stage), cell(x.pageId), cell(x.reason), td];
    }));
  } catch (e) {}
  try {
    const c = await get("/api/changes?limit=30");
    fill("changes", c.changes.map(x => [cell(x.time), cell(x.filmId), cell(x.type + (x.mergedInto ? " → " + x.mergedInto : "")),
      cell(x.version, "num"), cell(x.changes.map(f => f.field).join(", ")),
      cell(x.causedBy ? (x.causedBy.override || x.causedBy.pageId) : "")]));
  } catch (e) {}
  try {
    const k = await get("/api/conflicts?limit=30");
    const rows = [];
    k.films.forEach(f => Object.entries(f.conflicts).forEach(([field, c]) => rows.push([cell(f.title + " (" + f.id + ")"), cell(field),
      cell(c.values.map(v => show(v.value) + " [" + v.pages.length + " page" + (v.pages.length > 1 ? "s" : "") + ", " + v.layer + "]").join(" · ")),
      cell(show(c.chosen))])));
    fill("conflicts", rows);
  } catch (e) {}
  try {
    const q = document.getElementById("q").value;
    const f = await get("/api/films?limit=30&q=" + encodeURIComponent(q));
    fill("films", f.films.map(x => [cell(x.id), cell(x.title), cell(x.year, "num"), cell(x.runtimeMinutes, "num"), cell(x.version, "num")]));
  } catch (e) {}
  document.getElementById("status").textContent ||= "";
}
document.getElementById("q").addEventListener("input", refresh);
document.getElementById("token").value = token();
document.getElementById("auth").addEventListener("submit", e => {
  e.preventDefault();
  const t = document.getElementById("token").value.trim();
  if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
  document.getElementById("status").textContent = t ? "token set for this tab" : "token cleared";
  refresh();
});
refresh(); setInterval(refresh, 5000);
