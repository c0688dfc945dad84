// planc serve: the editor page. The text is a plain <textarea>; a <pre>
// under it shows the same text with colours and underlines (the server's
// highlighting and diagnostics), the gutter marks lines with problems. All
// checking, fixing, rendering and simulating is done by planc behind
// /api/…; this script only shows the results and sends the text.
"use strict";

const $ = (id) => document.getElementById(id);
const data = JSON.parse($("data").textContent);
const W = data.words;
const file = data.file;
const lang = data.lang;
const src = $("src"), hl = $("hl"), gutter = $("gutter");
const statusEl = $("status"), noticeEl = $("notice");
const problemsEl = $("problems"), countsEl = $("counts");
const preview = $("preview"), blockedEl = $("blocked");
const printBtn = $("print"), wordBtn = $("word"), saveBtn = $("save");

let version = null;       // the version token of the file as loaded or saved
let savedText = "";       // the text as on disk
let shownText = "";       // the text the marks below belong to
let analyzedText = null;  // the text of the last analysis
let last = null;          // the last analysis
let highlights = [];      // [from, to, class]
let diags = [];           // the diagnostics of the last analysis
let timer = null, seq = 0, factsKey = "", previewHtml = null;

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// A POST to planc; status 0 when planc cannot be reached (its window closed).
async function post(path, body) {
  let r;
  try {
    r = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (_) {
    return { status: 0, body: { error: W["serve-offline"] } };
  }
  let j = {};
  try { j = await r.json(); } catch (_) { /* not JSON */ }
  return { status: r.status, body: j };
}

function notice(text, actions) {
  noticeEl.textContent = text;
  noticeEl.dataset.offline = text === W["serve-offline"] ? "1" : "";
  for (const [label, act] of actions || []) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", act);
    noticeEl.appendChild(b);
  }
  noticeEl.hidden = false;
}

function hideNotice() { noticeEl.hidden = true; noticeEl.textContent = ""; }

function setStatus(text) {
  const dirty = src.value !== savedText;
  statusEl.textContent = text || (dirty ? W["serve-unsaved"] : W["serve-saved"]);
  statusEl.classList.toggle("dirty", !text && dirty);
}

// The overlay: each piece of text with the classes of the marks over it.
function paint() {
  const text = src.value;
  const marks = highlights.map(([a, b, c]) => [a, b, c]);
  for (const d of diags) {
    let [a, b] = d.range;
    if (b <= a) { // an empty span: mark the character at it, or the one before
      b = a + 1;
      if (b > text.length || text[a] === "\n") { a = Math.max(0, a - 1); b = a + 1; }
    }
    marks.push([a, b, "d-" + d.severity]);
  }
  const starts = new Map(), ends = new Map(), points = new Set([0, text.length]);
  // Each line is a block of its own (it may wrap): no piece spans a line break.
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) { points.add(i); points.add(i + 1); }
  for (const [a0, b0, c] of marks) {
    const a = Math.min(a0, text.length), b = Math.min(b0, text.length);
    if (b <= a) continue;
    points.add(a); points.add(b);
    (starts.get(a) || starts.set(a, []).get(a)).push(c);
    (ends.get(b) || ends.set(b, []).get(b)).push(c);
  }
  const sorted = [...points].sort((x, y) => x - y);
  const active = new Map(), out = ["<div>"];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const p = sorted[i];
    for (const c of ends.get(p) || []) active.set(c, active.get(c) - 1);
    for (const c of starts.get(p) || []) active.set(c, (active.get(c) || 0) + 1);
    const raw = text.slice(p, sorted[i + 1]);
    if (raw === "\n") { out.push("</div><div>"); continue; }
    const piece = escapeHtml(raw);
    const cls = [...active].filter(([, n]) => n > 0).map(([c]) => c).join(" ");
    out.push(cls ? `<span class="${cls}">${piece}</span>` : piece);
  }
  out.push("</div>");
  hl.innerHTML = out.join("");
  // The gutter: a number per line, as tall as the line is wrapped; a line
  // with a problem coloured and titled.
  const marked = new Map();
  for (const d of diags) {
    const m = marked.get(d.line);
    if (!m || d.severity === "error") marked.set(d.line, { severity: d.severity, title: `${d.message}` });
  }
  const rows = [];
  const lines = hl.children;
  for (let n = 1; n <= lines.length; n++) {
    const m = marked.get(n);
    const height = lines[n - 1].offsetHeight;
    const style = height > lineHeight() ? ` style="height:${height}px"` : "";
    rows.push(m ? `<div class="${m.severity}"${style} title="${escapeHtml(m.title)}">${n}</div>` : `<div${style}>${n}</div>`);
  }
  gutter.innerHTML = rows.join("") + '<div></div><div></div>';
  shownText = text;
  syncScroll();
}

function lineHeight() { return parseFloat(getComputedStyle(src).lineHeight) || 21; }

function syncScroll() {
  hl.scrollTop = src.scrollTop;
  hl.scrollLeft = src.scrollLeft;
  gutter.scrollTop = src.scrollTop;
}

// While typing, the marks of the text around the edit move with it; the
// ones inside the edit go until the next analysis.
function shiftMarks() {
  const old = shownText, now = src.value;
  let p = 0;
  const max = Math.min(old.length, now.length);
  while (p < max && old[p] === now[p]) p++;
  let s = 0;
  while (s < max - p && old[old.length - 1 - s] === now[now.length - 1 - s]) s++;
  const oldEnd = old.length - s, delta = now.length - old.length;
  const move = ([a, b]) => (b <= p ? [a, b] : a >= oldEnd ? [a + delta, b + delta] : null);
  highlights = highlights.map((h) => { const r = move(h); return r && [r[0], r[1], h[2]]; }).filter(Boolean);
  diags = diags.map((d) => { const r = move(d.range); return r && { ...d, range: r }; }).filter(Boolean);
}

function onInput() {
  shiftMarks();
  paint();
  setStatus();
  clearTimeout(timer);
  timer = setTimeout(analyze, 250);
}

async function analyze() {
  const mine = ++seq, text = src.value;
  const r = await post("/api/analyze", { file, text, lang });
  if (r.status === 0) { notice(r.body.error); return; }
  if (mine !== seq || text !== src.value || r.status !== 200) return;
  if (noticeEl.dataset.offline) hideNotice();
  last = r.body;
  analyzedText = text;
  highlights = last.highlights;
  diags = last.diagnostics;
  paint();
  showProblems();
  showPreview();
  showFacts();
  setStatus();
}

function goTo(range, line) {
  src.focus();
  src.setSelectionRange(range[0], range[1]);
  const row = hl.children[line - 1];
  if (row) src.scrollTop = Math.max(0, row.offsetTop - 3 * lineHeight());
  syncScroll();
}

function applyEdits(edits) {
  if (src.value !== analyzedText) { analyze(); return; }
  const sorted = [...edits].sort((x, y) => y.range[0] - x.range[0]);
  src.focus();
  for (const e of sorted) {
    src.setSelectionRange(e.range[0], e.range[1]);
    // As if typed: the fix is one step of the browser's undo (Ctrl+Z).
    if (!document.execCommand("insertText", false, e.text)) {
      src.setRangeText(e.text, e.range[0], e.range[1], "end");
      onInput();
    }
  }
  clearTimeout(timer);
  analyze();
}

function fixButton(fix) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "fix";
  b.textContent = `${W["serve-fix"]}：${fix.title}`;
  b.addEventListener("click", (e) => { e.stopPropagation(); applyEdits(fix.edits); });
  return b;
}

function showProblems() {
  countsEl.textContent = `(${last.counts})`;
  problemsEl.textContent = "";
  if (last.diagnostics.length === 0) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = W["serve-no-problems"];
    problemsEl.appendChild(li);
  }
  for (const fix of last.fix_all) {
    const li = document.createElement("li");
    li.appendChild(fixButton(fix));
    problemsEl.appendChild(li);
  }
  for (const d of last.diagnostics) {
    const li = document.createElement("li");
    li.className = d.severity;
    li.dataset.line = d.line;
    li.dataset.code = d.code;
    li.innerHTML = `<span class="where">${escapeHtml(d.where)}</span><span class="message">${escapeHtml(d.message)}</span>`
      + `<a class="code-name" target="_blank" rel="noopener" href="/explain?code=${encodeURIComponent(d.code)}&lang=${lang}">${escapeHtml(d.code)}</a>`
      + (d.help ? `<div class="help">${escapeHtml(d.help)}</div>` : "");
    for (const fix of d.fixes) li.appendChild(fixButton(fix));
    li.addEventListener("click", (e) => { if (!e.target.closest("a")) goTo(d.range, d.line); });
    problemsEl.appendChild(li);
  }
}

function showPreview() {
  const why = last.blocked || last.docx_blocked;
  blockedEl.hidden = !why;
  blockedEl.textContent = why || "";
  blockedEl.classList.toggle("info", !last.blocked);
  printBtn.disabled = !last.preview;
  printBtn.title = last.blocked || "";
  wordBtn.disabled = !!last.docx_blocked;
  wordBtn.title = last.docx_blocked || "";
  preview.classList.toggle("stale", !last.preview);
  if (last.preview && last.preview !== previewHtml) {
    previewHtml = last.preview;
    const y = preview.contentWindow ? preview.contentWindow.scrollY : 0;
    preview.onload = () => preview.contentWindow.scrollTo(0, y);
    preview.srcdoc = previewHtml;
  }
}

// The exercise's form: one field per fact, rebuilt when the facts change.
function showFacts() {
  const key = JSON.stringify(last.facts);
  if (key === factsKey) return;
  factsKey = key;
  const form = $("facts");
  form.textContent = "";
  const field = (labelText, input) => {
    const label = document.createElement("label");
    label.textContent = labelText;
    label.htmlFor = input.id;
    form.append(label, input);
  };
  for (const f of last.facts) {
    let input;
    if (f.kind === "flag") {
      input = document.createElement("input");
      input.type = "checkbox";
    } else if (f.kind === "one_of") {
      input = document.createElement("select");
      input.append(new Option(W["serve-unknown"], ""));
      for (const v of f.variants) input.append(new Option(`${v.label}（${v.name}）`, v.name));
    } else {
      input = document.createElement("input");
      input.type = f.kind === "count" ? "number" : "text";
      if (f.kind === "count") input.min = "0";
      input.inputMode = f.kind === "count" ? "numeric" : "decimal";
    }
    input.id = "fact-" + f.name;
    input.dataset.fact = f.name;
    input.dataset.kind = f.kind;
    field(`${f.label}（${f.name}）`, input);
  }
  const start = document.createElement("input");
  start.type = "text";
  start.id = "start";
  start.placeholder = "2026-11-28T09:00";
  field(W["serve-start"], start);
  const run = document.createElement("button");
  run.type = "submit";
  run.className = "run primary";
  run.textContent = W["serve-run"];
  form.appendChild(run);
}

async function runExercise(e) {
  e.preventDefault();
  const set = [];
  for (const input of $("facts").querySelectorAll("[data-fact]")) {
    const name = input.dataset.fact;
    if (input.dataset.kind === "flag") { if (input.checked) set.push(`${name}=true`); }
    else if (input.value.trim() !== "") set.push(`${name}=${input.value.trim()}`);
  }
  const r = await post("/api/simulate", { file, text: src.value, set, start: $("start").value, lang });
  $("outcome").textContent = r.body.text || r.body.error || "";
}

async function save() {
  const text = src.value;
  setStatus(W["serve-saving"]);
  const r = await post("/api/save", { file, text, version, lang });
  if (r.status === 200) {
    version = r.body.version;
    savedText = text;
    hideNotice();
    setStatus();
    return true;
  }
  setStatus();
  if (r.status === 409) {
    const theirs = r.body.version;
    notice(r.body.error, [
      [W["serve-reload"], () => { hideNotice(); load(); }],
      [W["serve-overwrite"], () => { version = theirs; save(); }],
    ]);
  } else {
    notice(r.body.error || W["serve-save-failed"]);
  }
  return false;
}

async function load() {
  const r = await fetch(`/api/plan?file=${encodeURIComponent(file)}&lang=${lang}`);
  const j = await r.json();
  if (!r.ok) { notice(j.error); return; }
  src.value = j.text;
  version = j.version;
  savedText = src.value; // as the browser holds it (line ends as LF)
  highlights = []; diags = [];
  paint();
  setStatus();
  analyze();
}

function tab(name) {
  $("tab-preview").classList.toggle("on", name === "preview");
  $("tab-exercise").classList.toggle("on", name === "exercise");
  preview.hidden = name !== "preview";
  $("exercise").hidden = name !== "exercise";
}

src.addEventListener("input", onInput);
src.addEventListener("scroll", syncScroll);
src.addEventListener("keydown", (e) => {
  if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !src.readOnly) {
    e.preventDefault();
    src.setRangeText("  ", src.selectionStart, src.selectionEnd, "end");
    onInput();
  }
});
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") { e.preventDefault(); save(); }
});
saveBtn.addEventListener("click", save);
printBtn.addEventListener("click", () => { if (last && last.preview) preview.contentWindow.print(); });
wordBtn.addEventListener("click", async () => {
  if (src.value !== savedText && !(await save())) return;
  window.location.href = `/docx?file=${encodeURIComponent(file)}&lang=${lang}`;
});
$("tab-preview").addEventListener("click", () => tab("preview"));
$("tab-exercise").addEventListener("click", () => tab("exercise"));
$("facts").addEventListener("submit", runExercise);
window.addEventListener("beforeunload", (e) => {
  if (src.value !== savedText) { e.preventDefault(); e.returnValue = ""; }
});
// A wider or narrower window wraps the lines anew.
new ResizeObserver(() => { if (shownText === src.value) paint(); }).observe(src);
if (window.matchMedia("(max-width: 800px)").matches) {
  src.readOnly = true;
  saveBtn.hidden = true;
  notice(W["serve-readonly"]);
}
load();
