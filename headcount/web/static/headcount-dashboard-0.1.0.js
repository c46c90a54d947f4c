/* headcount dashboard: the small interactive pieces. No inline scripts anywhere (the CSP forbids
   them); this file is loaded from the dashboard's own origin. */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // htmx requests that change state carry the session's CSRF token in a header.
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  // --- compare chart: hover a mark for its claim, click to open it -----------------------------
  function chartLinks() {
    var links = {};
    document.querySelectorAll("#series-table a[data-ref]").forEach(function (a) {
      links[a.getAttribute("data-ref")] = a.getAttribute("href");
    });
    return links;
  }

  function setUpChart() {
    var wrap = document.getElementById("chart");
    if (!wrap) return;
    var tip = document.getElementById("chart-tip");
    var links = chartLinks();
    wrap.querySelectorAll("svg.timeline g.mark").forEach(function (mark) {
      var ref = mark.getAttribute("data-ref");
      var title = mark.querySelector("title");
      var text = title ? title.textContent : ref;
      var href = links[ref] || (ref && ref.indexOf("/") < 0 && Number(ref) > 0 ? "/claims/" + ref : null);
      mark.setAttribute("tabindex", "0");
      mark.setAttribute("role", "link");
      mark.setAttribute("aria-label", text);
      function show(event) {
        tip.textContent = text + (href ? "\n(click to open the claim)" : "");
        tip.hidden = false;
        var box = wrap.getBoundingClientRect();
        var x = event.clientX !== undefined ? event.clientX - box.left : 20;
        var y = event.clientY !== undefined ? event.clientY - box.top : 20;
        tip.style.left = Math.min(x + 12, box.width - 300) + "px";
        tip.style.top = y + 14 + "px";
        mark.classList.add("active");
      }
      function hide() {
        tip.hidden = true;
        mark.classList.remove("active");
      }
      function open() {
        if (href) window.location.assign(href);
      }
      mark.addEventListener("mousemove", show);
      mark.addEventListener("focus", show);
      mark.addEventListener("mouseleave", hide);
      mark.addEventListener("blur", hide);
      mark.addEventListener("click", open);
      mark.addEventListener("keydown", function (event) {
        if (event.key === "Enter") open();
      });
    });
  }

  // --- article page: select a figure to add a claim the extractor missed ------------------------
  function codePoints(text) {
    return Array.from(text).length; // offsets in the ledger count code points, not UTF-16 units
  }

  function setUpSelection() {
    var body = document.getElementById("article-body");
    var form = document.getElementById("add-claim");
    if (!body || !form) return;
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      var range = selection.getRangeAt(0);
      if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
      var before = document.createRange();
      before.setStart(body, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var start = codePoints(before.toString());
      var picked = range.toString();
      form.querySelector("#sel-start").value = String(start);
      form.querySelector("#sel-end").value = String(start + codePoints(picked));
      form.querySelector("#sel-figure").textContent = picked;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpChart();
    setUpSelection();
  });
})();
