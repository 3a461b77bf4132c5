// Citations, copied with one click. A report page shows its citation in
// plain text, BibTeX and CSL-JSON in <details id="cite">, readable without
// this script; the script adds a Copy button to each. Every row of a table
// of figures gets a Cite button that opens a dialog with the figure's
// citation in the same three forms, made here from the report's CSL-JSON
// item (data/reports.json, fetched on the first click) by the rules of
// internal/site/cite.go, which a browser test holds to the same text.
// Strings in the page's language come from the script tag's data-*.
(function () {
  "use strict";
  var me = document.currentScript, ui = me.dataset;
  var forms = ui.forms.split("|");
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
  function iso(p) { return p.map(function (n, i) { return pad(n, i ? 2 : 4); }).join("-"); }
  function english(p) {
    if (p.length === 1) return String(p[0]);
    var m = MONTHS[p[1] - 1] + " " + p[0];
    return p.length === 2 ? m : p[2] + " " + m;
  }

  // The three forms of a CSL item, as cite.go writes them.
  function text(c) {
    var author = c.author[0].literal, p = c.issued["date-parts"][0];
    var where = c.publisher && c.publisher !== author ? c.publisher + ", " : "";
    var note = c.note ? " " + c.note : "";
    if (c.language === "en") {
      return author + ". “" + c.title + ".” " + c.genre + ". " + where + english(p) + ". " + c.URL + "." + note + " Accessed [date].";
    }
    var title = c.title + (c.number ? ": " + c.number : "");
    return author + ". " + title + "[R/OL]. " + where + iso(p) + "[引用日期]. " + c.URL + "." + note;
  }
  function esc(s) {
    var map = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
    return (s || "").replace(/[\\{}&%$#_~^]/g, function (ch) { return map[ch]; });
  }
  function bibtex(c) {
    var p = c.issued["date-parts"][0], out = "@techreport{" + c.id + ",\n";
    var field = function (k, v, raw) { if (v) out += "  " + (k + "           ").slice(0, 11) + " = " + (raw ? v : "{" + v + "}") + ",\n"; };
    var author = esc(c.author[0].literal);
    field("author", "{" + author + "}");
    field("title", "{" + esc(c.title) + "}");
    field("institution", c.publisher ? esc(c.publisher) : author);
    field("type", esc(c.genre));
    field("number", esc(c.number));
    field("year", String(p[0]));
    if (p.length > 1) field("month", "janfebmaraprmayjunjulaugsepoctnovdec".substr(3 * p[1] - 3, 3), true);
    field("date", iso(p));
    field("url", c.URL);
    field("note", esc(c.note));
    field("language", c.language === "en" ? "english" : "chinese");
    return out + "}";
  }
  function csl(c) { return JSON.stringify([c]); }

  // Copying: the clipboard API where the page may use it, else the
  // selection; the result is said in a live region and on the button.
  function copier(pre, status) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "cite-copy";
    b.textContent = ui.copy;
    b.setAttribute("aria-describedby", pre.getAttribute("aria-labelledby") || "");
    b.addEventListener("click", function () {
      var done = function (ok) {
        status.textContent = "";
        status.textContent = ok ? ui.copied : ui.failed; // a change, so that it is read again
        b.textContent = ok ? ui.copied + " ✓" : ui.copy;
        setTimeout(function () { b.textContent = ui.copy; }, 2000);
      };
      var select = function () {
        var r = document.createRange();
        r.selectNodeContents(pre);
        var s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(pre.textContent).then(function () { done(true); }, select);
      } else {
        select();
      }
    });
    return b;
  }
  function live() {
    var p = document.createElement("p");
    p.className = "cite-status";
    p.setAttribute("role", "status");
    p.setAttribute("aria-live", "polite");
    return p;
  }
  function withCopyButtons(box) {
    var status = live();
    box.querySelectorAll("pre.cite-form").forEach(function (pre) { pre.after(copier(pre, status)); });
    box.appendChild(status);
  }

  var page = document.querySelector("#cite .cite-forms");
  if (page) {
    withCopyButtons(page);
    // The link to the citation at the top of the page opens it.
    var opener = function () { if (location.hash === "#cite") document.getElementById("cite").open = true; };
    window.addEventListener("hashchange", opener);
    opener();
  }

  // Figure rows.
  var rows = document.querySelectorAll("table.figures tbody tr");
  if (!rows.length) return;
  var reports = null;
  function load() {
    if (!reports) {
      reports = fetch(ui.reports).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (list) {
        var by = {};
        list.forEach(function (r) { by[r.id] = r; });
        return by;
      });
      reports.catch(function () { reports = null; });
    }
    return reports;
  }
  var first = function (cell) { return cell ? (cell.firstChild && cell.firstChild.nodeType === 3 ? cell.firstChild : cell).textContent.trim() : ""; };
  // figure reads what a row shows: its indicator, region, period, kind,
  // value and the paragraph it was copied from.
  function figure(tr) {
    var cells = tr.cells, i = cells.length === 6 ? 1 : 0;
    var link = cells[cells.length - 1].querySelector('a[href*="/reports/"]');
    var m = link && /\/reports\/([^/]+)\//.exec(link.getAttribute("href"));
    return {
      id: tr.dataset.f || tr.id.replace(/^f-/, ""),
      report: m && m[1],
      url: link && link.href,
      indicator: (i ? cells[0].querySelector("a") || cells[0] : document.querySelector("h1")).textContent.trim(),
      region: first(cells[i]),
      period: first(cells[i + 1]),
      kind: (cells[i + 2].querySelector(".kind") || cells[i + 2]).textContent.trim(),
      value: cells[i + 3].textContent.trim()
    };
  }
  function fill(format, args) {
    var k = 0;
    return format.replace(/%s/g, function () { return args[k++]; });
  }
  var dialog, opener, bodies = [], dstatus;
  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "cite-dialog";
    dialog.setAttribute("aria-labelledby", "cite-dialog-title");
    var h = document.createElement("h2");
    h.id = "cite-dialog-title";
    h.textContent = ui.title;
    dialog.appendChild(h);
    dstatus = live();
    forms.forEach(function (label, k) {
      var p = document.createElement("p"), pre = document.createElement("pre");
      p.className = "cite-label";
      p.id = "cite-dialog-" + k;
      p.textContent = label;
      pre.className = "cite-form";
      pre.setAttribute("aria-labelledby", p.id);
      dialog.append(p, pre, copier(pre, dstatus));
      bodies.push(pre);
    });
    var note = document.createElement("p"), close = document.createElement("button");
    note.className = "card-meta";
    note.textContent = ui.note;
    close.type = "button";
    close.className = "cite-close";
    close.textContent = ui.close;
    close.addEventListener("click", function () { dialog.close(); });
    dialog.append(note, dstatus, close);
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    document.body.appendChild(dialog);
  }
  function open(tr, button) {
    var f = figure(tr);
    opener = button;
    load().then(function (by) {
      var r = by[f.report];
      var item = r && r[ui.lang === "en" ? "citation_en" : "citation_zh"];
      if (!item) throw new Error("no report " + f.report);
      var c = JSON.parse(JSON.stringify(item));
      c.id = f.id;
      c.URL = f.url;
      var about = fill(ui.figure, [f.indicator, f.region, f.period, f.kind, f.value]);
      c.note = c.note ? about + " " + c.note : about;
      if (!dialog) makeDialog();
      bodies[0].textContent = text(c);
      bodies[1].textContent = bibtex(c);
      bodies[2].textContent = csl(c);
      dstatus.textContent = "";
      dialog.showModal();
    }).catch(function () {
      button.textContent = ui.unavailable;
    });
  }
  // One button per row, made from one template; one listener for all.
  var tpl = document.createElement("button");
  tpl.type = "button";
  tpl.className = "cite-row";
  tpl.textContent = ui.button;
  rows.forEach(function (tr) {
    var b = tpl.cloneNode(true), f = figure(tr);
    b.setAttribute("aria-label", ui.title + ": " + f.indicator + ", " + f.period + ", " + f.value);
    tr.cells[tr.cells.length - 1].appendChild(b);
  });
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.cite-row");
    if (b) open(b.closest("tr"), b);
  });
})();
