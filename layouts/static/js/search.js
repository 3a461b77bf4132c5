// The search page (layouts/search.html). It loads Pagefind's index, which
// the build writes to /pagefind/, only when the reader searches, and only
// for the page's language (Pagefind picks the index by <html lang>).
//
// The reports and editorial pages (group "text") are listed before the
// indicator and year pages (group "reference"), each group in Pagefind's
// order. Each page found is shown with its title, the line the search-tags
// partial gave it, and its best-matching paragraphs, each linked to its
// anchor (#p-…): the build makes every paragraph a part of its page that
// Pagefind can point to. A paragraph that holds the query as written comes
// before one that only holds its words.
//
// The query and filters live in the address (?q=…&region=…), so a search
// can be bookmarked, shared and gone back to.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var filterNames = ["region", "year", "report"];
  var groups = ["text", "reference"]; // internal/site/search.go
  var pageSize = 10;
  var pagefind = null; // the module, once loaded
  var current = null; // the results being shown: {results, shown}
  var serial = 0; // the latest search; an older one that ends later is dropped

  function say(key, n, q) {
    var s = strings[key] || "";
    if (n !== undefined) {
      s = strings[key + "." + plural.select(n)] || strings[key + ".other"] || s;
      s = s.replace("%d", n.toLocaleString(lang));
    }
    return s.replace("%s", q === undefined ? "" : q);
  }

  function load() {
    if (!pagefind) {
      pagefind = import(form.dataset.bundle + "pagefind.js").then(async function (pf) {
        // Long report pages should not lose to short pages for being long:
        // a search for a topic is meant to land in the report that speaks of it.
        await pf.options({ excerptLength: 36, ranking: { pageLength: 0 } });
        await pf.init();
        // Loads every filter (a few small files), so that each search
        // counts the pages for every value, not only for the filters in use.
        await pf.filters();
        return pf;
      });
    }
    return pagefind;
  }

  // The query and the ticked filters, from the form.
  function state() {
    var filters = {};
    filterNames.forEach(function (name) {
      var any = [];
      form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { any.push(box.value); });
      if (any.length) filters[name] = { any: any };
    });
    return { q: input.value.trim(), filters: filters };
  }

  function query(st) {
    var p = new URLSearchParams();
    if (st.q) p.set("q", st.q);
    Object.keys(st.filters).forEach(function (name) {
      st.filters[name].any.forEach(function (v) { p.append(name, v); });
    });
    var s = p.toString();
    return s ? "?" + s : "";
  }

  // Fills the form from the address.
  function fromAddress() {
    var p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    var any = false;
    filterNames.forEach(function (name) {
      var values = p.getAll(name);
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = values.indexOf(box.value) >= 0;
        any = any || box.checked;
      });
    });
    if (any) form.querySelector(".search-filters").open = true;
  }

  // Carries the query to the other language's search page.
  function linkTwins(qs) {
    document.querySelectorAll(".lang-switch, .search-twin").forEach(function (a) {
      a.href = a.href.split("?")[0] + qs;
    });
  }

  function remember(st, push) {
    var qs = query(st);
    if (qs !== location.search) {
      history[push ? "pushState" : "replaceState"](null, "", location.pathname + qs);
    }
    linkTwins(qs);
  }

  async function run(st) {
    var mine = ++serial;
    if (!st.q) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = say("prompt");
      counts({});
      return;
    }
    status.textContent = say("loading");
    var found;
    try {
      var pf = await load();
      found = await Promise.all(groups.map(function (g) {
        return pf.search(st.q, { filters: Object.assign({ group: g }, st.filters) });
      }));
    } catch (e) {
      if (mine === serial) status.textContent = say("error");
      return;
    }
    if (mine !== serial) return;
    var results = [];
    var byFilter = {};
    found.forEach(function (res) {
      results = results.concat(res.results);
      Object.keys(res.filters || {}).forEach(function (name) {
        var c = byFilter[name] = byFilter[name] || {};
        Object.keys(res.filters[name]).forEach(function (v) { c[v] = (c[v] || 0) + res.filters[name][v]; });
      });
    });
    current = { results: results, shown: 0, q: st.q };
    list.replaceChildren();
    counts(byFilter);
    status.textContent = results.length ? say("results", results.length, st.q) : say("none", undefined, st.q);
    await showMore(mine);
  }

  async function showMore(mine) {
    var next = current.results.slice(current.shown, current.shown + pageSize);
    var data = await Promise.all(next.map(function (r) { return r.data(); }));
    if (mine !== serial) return;
    data.forEach(function (d) { list.appendChild(result(d, current.q)); });
    current.shown += next.length;
    more.hidden = current.shown >= current.results.length;
  }

  // Shows beside each filter value how many pages found have it.
  function counts(filters) {
    form.querySelectorAll(".search-filter input").forEach(function (box) {
      var n = (filters[box.name] || {})[box.value];
      box.parentNode.querySelector("[data-count]").textContent = n === undefined ? "" : "(" + n + ")";
    });
  }

  // How well a part of a page answers the query: a part that holds the
  // query as written comes first, a paragraph before a heading, then the
  // sum of its words' scores.
  function fold(s) {
    return s.toLocaleLowerCase(lang).replace(/[\s\u200B]+/g, lang.indexOf("zh") === 0 ? "" : " ").trim();
  }
  function rank(sub, q) {
    var text = sub.anchor ? sub.anchor.text || "" : sub.plain_excerpt || "";
    var phrase = fold(text).indexOf(fold(q)) >= 0 ? 1 : 0;
    var paragraph = sub.anchor && !/^h\d$/i.test(sub.anchor.element) ? 1 : 0;
    var score = (sub.weighted_locations || []).reduce(function (n, l) { return n + l.balanced_score; }, 0);
    return [phrase, paragraph, score];
  }
  function better(q) {
    return function (x, y) {
      var a = rank(x, q), b = rank(y, q);
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
      return 0;
    };
  }

  // The heading a part of a page comes under, from the anchors Pagefind
  // recorded.
  function sectionOf(d, anchor) {
    var title = "";
    (d.anchors || []).forEach(function (a) {
      if (/^h[2-6]$/i.test(a.element) && a.location <= anchor.location && a.text) title = a.text;
    });
    return title;
  }

  // An excerpt as nodes: Pagefind marks the words found with <mark> and
  // escapes < and > in the text; nothing else in it is markup.
  function excerpt(html) {
    var out = document.createDocumentFragment();
    var marked = false;
    html.replace(/\u200B/g, "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") marked = true;
      else if (part === "</mark>") marked = false;
      else if (part) {
        var text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
        if (marked) {
          var m = document.createElement("mark");
          m.textContent = text;
          out.appendChild(m);
        } else {
          out.appendChild(document.createTextNode(text));
        }
      }
    });
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function result(d, q) {
    var li = el("li", "search-result");
    if (d.meta.kicker) li.appendChild(el("p", "kicker", d.meta.kicker));
    var h = el("h2");
    var a = el("a", null, d.meta.title || d.url);
    a.href = d.url;
    h.appendChild(a);
    li.appendChild(h);
    var subs = (d.sub_results || []).slice().sort(better(q)).slice(0, 3);
    if (!subs.length) subs = [{ url: d.url, excerpt: d.excerpt }];
    var ul = el("ul", "search-hits");
    subs.forEach(function (sub) {
      var hit = el("li");
      var section = sub.anchor ? sectionOf(d, sub.anchor) : "";
      if (section && !(sub.anchor && /^h\d$/i.test(sub.anchor.element))) hit.appendChild(el("span", "search-section", section));
      var text = el("span", "search-excerpt");
      text.appendChild(excerpt(sub.excerpt || ""));
      if (sub.url !== d.url) {
        var link = el("a");
        link.href = sub.url;
        link.appendChild(text);
        hit.appendChild(link);
      } else {
        hit.appendChild(text);
      }
      ul.appendChild(hit);
    });
    li.appendChild(ul);
    return li;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var st = state();
    remember(st, true);
    run(st);
  });
  var typing = 0;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      var st = state();
      remember(st, false);
      run(st);
    }, 300);
  });
  form.querySelectorAll(".search-filter input").forEach(function (box) {
    box.addEventListener("change", function () {
      var st = state();
      remember(st, false);
      run(st);
    });
  });
  more.addEventListener("click", function () {
    var first = current.shown;
    showMore(serial).then(function () {
      // Keyboard readers go on from the first result that was added.
      var a = list.children[first] && list.children[first].querySelector("a");
      if (a) a.focus();
    });
  });
  window.addEventListener("popstate", function () {
    fromAddress();
    linkTwins(location.search);
    run(state());
  });

  fromAddress();
  linkTwins(location.search);
  if (input.value) {
    run(state());
  } else {
    status.textContent = say("prompt");
    input.focus();
  }
})();
