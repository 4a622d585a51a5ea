// The page's script: draws the side-by-side views on demand from the data
// in the page, and applies the in-page filters to every section (headline,
// matrix, clause views, reports, title, header and printed page header).
// Without JavaScript the form stays hidden, and the headline, matrix and
// reports show everything.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#matrix-table tbody tr"));
  var reportsEl = document.getElementById("reports");
  var shownDoc = null;
  var pairData = null, reportData = null;
  var title = document.getElementById("title"), titleText = title.textContent;
  var running = document.getElementById("running"), runningText = running.textContent;
  var filtersNow = document.getElementById("filters-now"), cliFilters = filtersNow.textContent;
  var stanceOrder = ["aligned", "partial", "divergent", "silent", "not-reviewed"];
  form.hidden = false;
  if (matchMedia("(max-width: 800px)").matches) { document.getElementById("filters-box").open = false; }

  // The pair views and the reports are gzip-compressed JSON in base64
  // (see packed in page.go), decoded once, when first needed: a view near
  // the screen, a link followed, the reader's first input, or the browser's
  // first idle moment after load (so printing straight away has them).
  // Nothing is decoded while the page loads.
  function unpack(id) {
    var bin = atob(document.getElementById(id).textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    // A Response reads the stream; it fetches nothing (the CSP forbids it).
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
  }
  var loading = null;
  function load() {
    if (!loading) {
      loading = "DecompressionStream" in window ? Promise.all([unpack("pair-data"), unpack("report-data")]).then(function (d) {
        pairData = d[0]; reportData = d[1];
      }) : Promise.reject(new Error("DecompressionStream unsupported"));
      loading.catch(function () { document.getElementById("old-browser").hidden = false; });
    }
    return loading;
  }
  ["pointerdown", "pointermove", "keydown", "touchstart", "wheel"].forEach(function (type) {
    addEventListener(type, function () { load(); }, { capture: true, passive: true, once: true });
  });
  addEventListener("load", function () {
    if (window.requestIdleCallback) { requestIdleCallback(function () { load(); }, { timeout: 3000 }); } else { setTimeout(load, 1000); }
  });
  function value(name) { return form.elements[name].value; }
  function each(sel, fn, root) { Array.prototype.forEach.call((root || document).querySelectorAll(sel), fn); }

  // A note when no font on this system draws Chinese: a missing glyph is
  // drawn as the same box whatever the character, so two different Chinese
  // characters measure like two private-use ones.
  (function () {
    var ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) { return; }
    ctx.font = "40px " + getComputedStyle(document.body).fontFamily;
    var a = ctx.measureText("\u4e2d\u6587").width, b = ctx.measureText("\ue000\ue001").width;
    var c = ctx.measureText("\u570b\u969b").width;
    if (a === b && c === b) { document.getElementById("font-note").hidden = false; }
  })();

  // Side-by-side views, drawn when they come near the screen (once the
  // data is decoded: hydrate returns the article as drawn so far).
  function hydrate(article) {
    if (!article || !article.classList.contains("stub")) { return article; }
    if (!pairData) { load().then(function () { hydrate(article); }); return article; }
    var html = pairData[article.id];
    if (html === undefined) { return article; }
    article.innerHTML = html;
    article.classList.remove("stub");
    var doc = value("document");
    each("[data-doc]", function (el) { el.hidden = doc !== "" && el.getAttribute("data-doc") !== doc; }, article);
    return article;
  }
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting && !e.target.hidden) { hydrate(e.target); observer.unobserve(e.target); }
    });
  }, { rootMargin: "600px 0px" }) : null;
  each("article.pair.stub", function (a) { if (observer) { observer.observe(a); } else { hydrate(a); } });
  // Printing draws every view the filters leave: at once if the data is
  // decoded (printing cannot wait), and crosswalkDrawAll returns a promise
  // of it all drawn, for tests and tools.
  function hydrateAll() {
    each("article.pair.stub", function (a) { if (!a.hidden) { hydrate(a); } });
    reportsWanted = true;
    if (showReports(value("document"))) { apply(); }
  }
  window.addEventListener("beforeprint", hydrateAll);
  window.crosswalkDrawAll = function () { return load().then(hydrateAll); };

  // A link to a record (#pair-…--document) or a clause view draws it, then
  // goes there; a link back to a row marks the row.
  function go() {
    var id = decodeURIComponent(location.hash.slice(1));
    each("#matrix-table tr.here", function (tr) { tr.classList.remove("here"); });
    if (id.indexOf("pair-") === 0) {
      load().then(function () {
        var article = hydrate(document.getElementById(id.split("--")[0]));
        var el = document.getElementById(id);
        if (article && el) { el.scrollIntoView(); }
      });
    } else if (id.indexOf("row-") === 0) {
      var tr = document.getElementById(id);
      if (tr) { tr.classList.add("here"); tr.scrollIntoView({ block: "center" }); }
    }
  }
  window.addEventListener("hashchange", go);

  // The stance of a cell under the confidence filter.
  function stanceOf(td, level) {
    if (level === 2) { return td.getAttribute("data-s2"); }
    if (level === 3) { return td.getAttribute("data-s3"); }
    return td.getAttribute("data-stance");
  }

  // Whether a cell holds a record of the stance under the confidence filter
  // (or is itself silent or not reviewed): --stance selects records.
  function holds(td, level, stance) {
    var has = td.getAttribute(level === 2 ? "data-has2" : level === 3 ? "data-has3" : "data-has");
    return stanceOf(td, level) === stance || (has !== null && has.split(" ").indexOf(stance) >= 0);
  }

  // The reports, drawn when they come near the screen: the page's own, or
  // one document's alone under the document filter.
  var reportsWanted = false;
  function showReports(doc) {
    if (!reportsWanted || doc === shownDoc || !reportData) { return false; }
    if (reportData[doc] === undefined) { doc = ""; } // the page holds one document only
    if (doc === shownDoc) { return false; }
    reportsEl.innerHTML = reportData[doc];
    shownDoc = doc;
    return true;
  }
  function drawReports() {
    reportsWanted = true;
    load().then(function () { if (showReports(value("document"))) { apply(); } });
  }
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries, obs) {
      if (entries.some(function (e) { return e.isIntersecting; })) { obs.disconnect(); drawReports(); }
    }, { rootMargin: "1000px 0px" }).observe(reportsEl);
  } else { reportsWanted = true; }

  function filterReports(objective, theme, stance, level) {
    each("#reports [data-f]", function (el) {
      var has = function (name, v) {
        var a = el.getAttribute("data-" + name);
        return a === null || a.split(" ").indexOf(v) >= 0;
      };
      var ok = (objective === "" || has("obj", objective)) && (theme === "" || has("themes", theme)) &&
        (stance === "" || has("stances", stance)) && (level === 0 || !el.hasAttribute("data-conf") || Number(el.getAttribute("data-conf")) >= level);
      el.hidden = !ok;
    });
    // Tables, captions and group headings with nothing left go too.
    each("#reports .scroll", function (s) {
      var rs = s.querySelectorAll("tbody tr");
      s.hidden = rs.length > 0 && !Array.prototype.some.call(rs, function (r) { return !r.hidden; });
      var cap = s.previousElementSibling;
      if (cap && cap.classList.contains("cap")) { cap.hidden = s.hidden; }
    });
    each("#reports h3.group", function (h) {
      var any = false;
      for (var n = h.nextElementSibling; n && n.tagName !== "H3" && n.tagName !== "H2" && !n.classList.contains("legend"); n = n.nextElementSibling) {
        if (!n.hidden) { any = true; break; }
      }
      h.hidden = !any;
    });
  }

  // The headline's figures and picture, counted over the rows shown.
  function headline(level, doc) {
    var counts = {}, figs = {};
    rows.forEach(function (tr) {
      if (tr.hidden) { return; }
      var sec = tr.getAttribute("data-section");
      each("td[data-doc]", function (td) {
        var d = td.getAttribute("data-doc"), s = stanceOf(td, level);
        var key = d + "\u0000" + sec;
        counts[key] = counts[key] || {};
        counts[key][s] = (counts[key][s] || 0) + 1;
        var f = figs[d] = figs[d] || { cp: 0, div: 0, sil: 0, nr: 0, of: 0 };
        if (s === "not-reviewed") { f.nr++; return; }
        f.of++;
        if (s === "silent") { f.sil++; } else { f.cp++; if (s === "divergent") { f.div++; } }
      }, tr);
    });
    var pct = function (n, of) { return of ? Math.round(100 * n / of) + "%" : "0%"; };
    each("#figures tbody tr", function (tr) {
      var f = figs[tr.getAttribute("data-doc")] || { cp: 0, div: 0, sil: 0, nr: 0, of: 0 };
      var vals = { cp: f.cp, of: f.of, "cp%": pct(f.cp, f.of), div: f.div, sil: f.sil, "sil%": pct(f.sil, f.of), nr: f.nr };
      each("[data-k]", function (el) { el.textContent = String(vals[el.getAttribute("data-k")]); }, tr);
    });
    each("#picture > g[data-doc]", function (g) {
      var d = g.getAttribute("data-doc");
      each("g.bar", function (bar) {
        var c = counts[d + "\u0000" + bar.getAttribute("data-section")] || {};
        var frame = bar.querySelector("rect.frame");
        var x = Number(frame.getAttribute("x")), w = Number(frame.getAttribute("width"));
        var total = 0, words = [];
        stanceOrder.forEach(function (s) { total += c[s] || 0; if (c[s]) { words.push(c[s] + " " + s); } });
        stanceOrder.forEach(function (s) {
          var r = bar.querySelector("rect.f-" + s), part = total ? w * (c[s] || 0) / total : 0;
          r.setAttribute("x", x.toFixed(1)); r.setAttribute("width", part.toFixed(1)); x += part;
        });
        var t = bar.querySelector("title"), label = t.textContent.split(" (")[0];
        t.textContent = label + " (" + total + " clauses shown): " + (words.join(", ") || "no clause shown");
      }, g);
    });
  }

  function apply() {
    var objective = value("objective"), theme = value("theme"), stance = value("stance"), doc = value("document");
    var level = Number(value("confidence") || 0);
    var shown = 0;
    each("[data-doc]", function (el) {
      // An attribute, not the property: SVG elements have no hidden property.
      var hide = doc !== "" && el.getAttribute("data-doc") !== doc;
      if (el.hasAttribute("hidden") !== hide) { el.toggleAttribute("hidden", hide); }
    });
    rows.forEach(function (tr) {
      var ok = (objective === "" || tr.getAttribute("data-objective") === objective) &&
        (theme === "" || tr.getAttribute("data-themes").split(" ").indexOf(theme) >= 0);
      var any = stance === "";
      each("td[data-doc]", function (td) {
        var s = stanceOf(td, level), cls = "s-" + s + (s !== td.getAttribute("data-stance") ? " thin" : "");
        if (td.className !== cls) { td.className = cls; }
        if (!td.hidden && holds(td, level, stance)) { any = true; }
      }, tr);
      ok = ok && any;
      if (tr.hidden === ok) { tr.hidden = !ok; }
      var pair = document.getElementById(tr.getAttribute("data-pair"));
      if (pair && pair.hidden === ok) { pair.hidden = !ok; }
      if (ok) { shown++; }
    });
    showReports(doc);
    filterReports(objective, theme, stance, level);
    headline(level, doc);
    // The header, the title and the printed page header name the filters.
    var parts = [];
    if (objective !== "") { parts.push("objective " + objective); }
    if (theme !== "") { parts.push("theme " + form.elements.theme.selectedOptions[0].textContent); }
    if (stance !== "") { parts.push("stance " + stance); }
    if (level > 0) { parts.push("confidence " + (level === 3 ? "high" : "medium or higher")); }
    if (doc !== "") { parts.push("document " + doc); }
    var words = parts.length ? (cliFilters === "none" ? "" : cliFilters + "; ") + "in this page: " + parts.join(", ") : cliFilters;
    filtersNow.textContent = words;
    title.textContent = doc === "" ? titleText : "Global Digital Compact and " + doc + ", clause by clause";
    document.title = "crosswalk briefing: " + title.textContent;
    running.textContent = runningText.replace("Filters: " + cliFilters, "Filters: " + words.replace(/["\\]/g, ""));
    document.getElementById("count").textContent = shown + " of " + rows.length + " GDC clauses shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  // The matrix stays put while the view it opens is drawn.
  document.getElementById("matrix").addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href^='#pair-']");
    if (a) { hydrate(document.getElementById(a.getAttribute("href").slice(1).split("--")[0])); }
  });
  if (Array.prototype.some.call(form.elements, function (el) { return el.value; })) { apply(); } else {
    document.getElementById("count").textContent = rows.length + " of " + rows.length + " GDC clauses shown";
  }
  if (location.hash) { go(); }
})();
