// synopsis page: paste or drop an article, summarize it, show the summary next to the document.
//
// Safety rule for this file: text from the article or the server is only ever put into the page
// with textContent / createTextNode (see el()), never innerHTML, so a paper that contains
// "<script>" shows those characters and runs nothing. The page's Content-Security-Policy forbids
// inline scripts as a second line of defence.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ui = {
    card: $("input-card"), drop: $("drop"), text: $("text"), file: $("file"), chooseFile: $("choose-file"),
    filePanel: $("file-panel"), fileName: $("file-name"), fileSize: $("file-size"), fileClear: $("file-clear"),
    encoding: $("encoding"),
    method: $("method"), lang: $("lang"), methodHint: $("method-hint"), length: $("length"), unit: $("unit"),
    summarize: $("summarize"), status: $("status"), error: $("error"),
    results: $("results"), summaryMeta: $("summary-meta"), summaryNote: $("summary-note"), summaryList: $("summary-list"),
    copy: $("copy"), downloadText: $("download-text"), downloadJson: $("download-json"),
    shade: $("shade"), shadeLegend: $("shade-legend"), shadeLegendText: $("shade-legend-text"),
    documentMeta: $("document-meta"), document: $("document"),
  };
  const state = { file: null, result: null, methods: {}, busy: false };

  // Build an element; string children become text nodes (never parsed as HTML).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function plural(n, word) { return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`; }
  function megabytes(bytes) { return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`; }

  // ---- methods -------------------------------------------------------------------------------
  async function loadMethods() {
    try {
      const response = await fetch("/api/methods");
      if (!response.ok) return;
      const data = await response.json();
      ui.method.replaceChildren(el("option", { value: "auto", text: `auto (${data.default})` }));
      for (const method of data.methods) {
        state.methods[method.name] = method.description;
        ui.method.append(el("option", { value: method.name, title: method.description, text: method.name }));
      }
      state.methods.auto = `auto uses ${data.default}: ${state.methods[data.default] || ""}`;
      showMethodHint();
    } catch (err) {
      // The page still works with "auto"; the summarize request will report a dead server.
    }
  }
  function showMethodHint() { ui.methodHint.textContent = state.methods[ui.method.value] || ""; }

  // ---- input: paste or file -------------------------------------------------------------------
  function setFile(file) {
    state.file = file;
    ui.filePanel.hidden = !file;
    ui.text.hidden = !!file;
    if (file) {
      ui.fileName.textContent = file.name;
      ui.fileSize.textContent = `${megabytes(file.size)} · will be uploaded and summarized`;
    }
    ui.file.value = "";
    ui.encoding.value = ""; // each file its own: UTF-8 unless named (the server never guesses)
    hideError();
  }

  ui.chooseFile.addEventListener("click", () => ui.file.click());
  ui.file.addEventListener("change", () => { if (ui.file.files.length) setFile(ui.file.files[0]); });
  ui.fileClear.addEventListener("click", () => { setFile(null); ui.text.focus(); });
  ui.method.addEventListener("change", showMethodHint);

  let dragDepth = 0;
  ui.card.addEventListener("dragenter", (event) => { event.preventDefault(); dragDepth += 1; ui.card.classList.add("dragging"); });
  ui.card.addEventListener("dragleave", () => { dragDepth -= 1; if (dragDepth <= 0) { dragDepth = 0; ui.card.classList.remove("dragging"); } });
  ui.card.addEventListener("dragover", (event) => event.preventDefault());
  ui.card.addEventListener("drop", (event) => {
    event.preventDefault();
    dragDepth = 0;
    ui.card.classList.remove("dragging");
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) setFile(files[0]);
  });
  // A file dropped elsewhere must not make the browser leave the page to open it.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());

  ui.text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); summarize(); }
  });
  ui.summarize.addEventListener("click", summarize);

  // ---- summarize ------------------------------------------------------------------------------
  function budget() {
    const value = Number.parseInt(ui.length.value, 10);
    return { [ui.unit.value]: Number.isFinite(value) ? value : ui.length.value };
  }

  function request() {
    if (state.file) {
      const form = new FormData();
      form.append("file", state.file, state.file.name);
      form.append("method", ui.method.value);
      form.append("lang", ui.lang.value);
      // A file not in UTF-8 is refused with a message naming "the encoding field": this one.
      if (ui.encoding.value.trim()) form.append("encoding", ui.encoding.value.trim());
      for (const [key, value] of Object.entries(budget())) form.append(key, String(value));
      return { method: "POST", body: form };
    }
    return {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: ui.text.value, method: ui.method.value, lang: ui.lang.value, ...budget() }),
    };
  }

  async function summarize() {
    if (state.busy) return;
    if (!state.file && !ui.text.value.trim()) { fail("Paste an article or choose a file first."); ui.text.focus(); return; }
    // Until the answer comes, what is shown is the summary of the previous input: say so.
    setBusy(true, state.result ? "Summarizing… (the summary below is the previous one)" : "Summarizing…");
    hideError();
    const started = performance.now();
    try {
      const response = await fetch("/api/summarize", request());
      let data = null;
      try { data = await response.json(); } catch (err) { data = null; }
      if (!response.ok) {
        const message = data && data.message ? data.message : `The server answered ${response.status} ${response.statusText}.`;
        throw new Error(message);
      }
      state.result = data;
      render(data);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      setBusy(false, `Done in ${seconds} s`);
      ui.results.scrollIntoView({ behavior: "smooth", block: "start" });
    } catch (err) {
      setBusy(false, "");
      fail(err instanceof TypeError ? "Could not reach the server. Is `synopsis serve` still running?" : err.message);
    }
  }

  // A failed submit shows its error and no summary: the previous one is not the answer to this input.
  function fail(message) {
    clearResults();
    showError(message);
  }

  function clearResults() {
    state.result = null;
    ui.results.hidden = true;
    ui.summaryMeta.textContent = "";
    ui.summaryNote.hidden = true;
    ui.summaryNote.textContent = "";
    ui.summaryList.replaceChildren();
    ui.documentMeta.textContent = "";
    ui.document.replaceChildren();
  }

  function setBusy(busy, message) {
    state.busy = busy;
    ui.summarize.disabled = busy;
    ui.status.textContent = message;
    ui.status.classList.toggle("busy", busy);
    ui.results.classList.toggle("stale", busy); // dimmed while the next summary is being made
    ui.results.setAttribute("aria-busy", String(busy));
  }
  function showError(message) { ui.error.textContent = message; ui.error.hidden = false; }
  function hideError() { ui.error.hidden = true; ui.error.textContent = ""; }

  // ---- render ---------------------------------------------------------------------------------
  function render(data) {
    const summary = data.summary;
    const doc = data.document;
    const ranks = new Map(summary.sentences.map((s, i) => [s.index, i + 1]));
    renderSummary(summary, doc);
    renderDocument(doc, ranks);
    ui.results.hidden = false;
    applyShading();
  }

  function sectionTitle(doc, index) {
    const section = doc.sections[index];
    return section && section.title ? section.title : "";
  }

  // The article's own text (title, headings, paragraphs, summary sentences) is set in the article's
  // direction, from its letters: right to left where Hebrew and Arabic-script letters outnumber the
  // others (a Hebrew or Arabic text is summarized with neutral settings), left to right otherwise —
  // also an English paper that opens with a Hebrew title or a paragraph with a Hebrew word, which
  // dir="auto" set right to left, element by element.
  const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
  function textDirection(doc) {
    const sample = doc.sentences.slice(0, 200).map((s) => s.text).join(" ");
    const rtl = (sample.match(RIGHT_TO_LEFT) || []).length;
    const letters = (sample.match(/\p{L}/gu) || []).length;
    return rtl > letters - rtl ? "rtl" : "ltr";
  }

  function renderSummary(summary, doc) {
    const dir = textDirection(doc);
    const limit = [];
    if (summary.budget.words) limit.push(plural(summary.budget.words, "word"));
    if (summary.budget.sentences) limit.push(plural(summary.budget.sentences, "sentence"));
    ui.summaryMeta.textContent =
      `${summary.method} · ${summary.language || "en"} · ${plural(summary.sentences.length, "sentence")} · ${plural(summary.words, "word")} (budget ${limit.join(", ")})`;
    const notes = [summary.warning, summary.note].filter(Boolean);
    ui.summaryNote.hidden = notes.length === 0;
    ui.summaryNote.textContent = notes.join(" ");
    const items = summary.sentences.map((sentence, i) => {
      const where = sectionTitle(doc, sentence.section);
      const button = el("button", { type: "button", class: "summary-item", dataset: { index: String(sentence.index) } },
        el("span", { class: "rank", text: String(i + 1) }),
        el("span", {},
          el("span", { class: "text", dir, text: sentence.text }),
          el("span", { class: "where", text: `${where ? where + " · " : ""}sentence ${sentence.index + 1} · score ${sentence.score.toFixed(3)}` })));
      button.addEventListener("click", () => jumpTo(ui.document, sentence.index));
      button.addEventListener("mouseenter", () => link(sentence.index, true));
      button.addEventListener("mouseleave", () => link(sentence.index, false));
      return el("li", {}, button);
    });
    ui.summaryList.replaceChildren(...items);
  }

  function renderDocument(doc, ranks) {
    const chosen = summaryCount();
    ui.documentMeta.textContent = [
      doc.source,
      doc.format,
      plural(doc.sentences.length, "sentence"),
      `${doc.sentences.filter((s) => s.candidate).length.toLocaleString()} eligible`,
      `${chosen} highlighted`,
    ].join(" · ");
    const fragment = document.createDocumentFragment();
    const dir = textDirection(doc);
    if (doc.title) fragment.append(el("h1", { class: "doc-title", dir, text: doc.title }));
    if (doc.abstract) {
      fragment.append(el("details", { class: "abstract" }, el("summary", { text: "Author abstract" }), el("p", { dir, text: doc.abstract })));
    }
    const scores = normalisedScores(doc.sentences);
    let section = null;
    let paragraph = null;
    let current = null;
    for (const sentence of doc.sentences) {
      if (sentence.section !== section) {
        section = sentence.section;
        paragraph = null;
        const info = doc.sections[section];
        if (info && info.title) {
          fragment.append(el("h3", { dir }, info.title, showKind(info) ? el("span", { class: "kind", text: info.kind }) : null));
        }
      }
      if (sentence.paragraph !== paragraph || current === null) {
        paragraph = sentence.paragraph;
        current = el("p", { dir });
        fragment.append(current);
      } else {
        current.append(" ");
      }
      const rank = ranks.get(sentence.index);
      const span = el("span", { class: "sent", dataset: { index: String(sentence.index) }, text: sentence.text });
      const score = sentence.score === null ? "n/a" : sentence.score.toFixed(3);
      if (rank) {
        span.classList.add("chosen");
        span.dataset.rank = String(rank);
        span.title = `Summary sentence ${rank} · score ${score}`;
        span.tabIndex = -1;
        span.addEventListener("click", () => jumpTo(ui.summaryList, sentence.index));
      } else if (!sentence.candidate) {
        span.classList.add("skipped");
        const why = sentence.not_candidate ? `: ${sentence.not_candidate.replaceAll("_", " ")}` : "";
        span.title = `Not eligible for the summary${why}`;
      } else {
        span.title = `score ${score}`;
      }
      span.style.setProperty("--score", String(scores.get(sentence.index) || 0));
      current.append(span);
    }
    ui.document.replaceChildren(fragment);
  }

  // The section's kind, when it adds something to the title ("Methods" needs no "methods" badge).
  function showKind(info) { return info.kind !== "other" && !info.title.toLowerCase().includes(info.kind.slice(0, 6)); }

  function summaryCount() { return state.result ? state.result.summary.sentences.length : 0; }

  // Scores rescaled to 0..1 over the eligible sentences, for shading.
  function normalisedScores(sentences) {
    const eligible = sentences.filter((s) => s.candidate && s.score !== null);
    const out = new Map();
    if (!eligible.length) return out;
    const values = eligible.map((s) => s.score);
    const low = Math.min(...values);
    const high = Math.max(...values);
    for (const s of eligible) out.set(s.index, high > low ? (s.score - low) / (high - low) : 1);
    return out;
  }

  function applyShading() {
    ui.document.classList.toggle("shaded", ui.shade.checked);
    ui.shadeLegend.hidden = !ui.shade.checked;
    ui.shadeLegendText.hidden = !ui.shade.checked;
  }
  ui.shade.addEventListener("change", applyShading);

  function find(container, index) { return container.querySelector(`[data-index="${Number(index)}"]`); }

  function jumpTo(container, index) {
    const target = find(container, index);
    if (!target) return;
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.classList.remove("flash");
    void target.offsetWidth; // restart the animation
    target.classList.add("flash");
    if (target.focus) target.focus({ preventScroll: true });
  }

  function link(index, on) {
    const span = find(ui.document, index);
    if (span) span.classList.toggle("linked", on);
  }

  // ---- copy and download ----------------------------------------------------------------------
  function summaryText() {
    return state.result ? state.result.summary.sentences.map((s) => s.text).join("\n") : "";
  }

  async function copySummary() {
    const text = summaryText();
    try {
      await navigator.clipboard.writeText(text);
    } catch (err) {
      const scratch = el("textarea", { "aria-hidden": "true" });
      scratch.value = text;
      document.body.append(scratch);
      scratch.select();
      document.execCommand("copy");
      scratch.remove();
    }
    flashButton(ui.copy, "Copied");
  }

  function download(content, type, extension) {
    const id = (state.result && state.result.summary.id) || "summary";
    const safe = id.replace(/[^\w.-]+/g, "_").slice(0, 80) || "summary";
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: `${safe}.summary.${extension}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function flashButton(button, label) {
    const original = button.textContent;
    button.textContent = label;
    button.classList.add("done");
    setTimeout(() => { button.textContent = original; button.classList.remove("done"); }, 1200);
  }

  ui.copy.addEventListener("click", copySummary);
  ui.downloadText.addEventListener("click", () => download(summaryText() + "\n", "text/plain;charset=utf-8", "txt"));
  ui.downloadJson.addEventListener("click", () => {
    if (state.result) download(JSON.stringify(state.result.summary, null, 2) + "\n", "application/json", "json");
  });

  loadMethods();
})();
