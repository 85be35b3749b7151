(function () {
  "use strict";
  var body = document.body;
  var docs = Array.prototype.slice.call(document.querySelectorAll("details.doc"));
  var q = document.getElementById("q");
  var only = document.getElementById("only-analogies");
  var shown = document.getElementById("shown");
  var haystack = null;

  // Kind filter: a class on <body> per hidden kind; CSS does the rest.
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });

  // Document filter: one pass over the documents per change.
  function filter() {
    if (haystack === null) {
      haystack = docs.map(function (d) {
        return ((d.getAttribute("data-names") || "") + " " + d.textContent).toLowerCase();
      });
    }
    var needle = q.value.trim().toLowerCase();
    var n = 0;
    docs.forEach(function (d, i) {
      var ok = (!needle || haystack[i].indexOf(needle) >= 0) &&
        (!only.checked || d.getAttribute("data-analogies") !== "0");
      d.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
  }
  var timer = null;
  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(filter, 150);
  });
  only.addEventListener("change", filter);

  function setOpen(open) {
    docs.forEach(function (d) { if (!d.hidden) { d.open = open; } });
  }
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });

  // A chart bar filters the documents by its name.
  document.querySelectorAll(".chart .bar").forEach(function (bar) {
    function pick() {
      q.value = bar.getAttribute("data-q") || "";
      filter();
      document.getElementById("controls").scrollIntoView({ behavior: "smooth" });
    }
    bar.addEventListener("click", pick);
    bar.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(); } });
  });

  // Hovering an analogy outlines its sides and cue in the text.
  function mark(li, on) {
    (li.getAttribute("data-ids") || "").split(" ").forEach(function (id) {
      var el = id && document.getElementById(id);
      if (el) { el.classList.toggle("hl", on); }
    });
  }
  document.querySelectorAll("li.analogy").forEach(function (li) {
    li.addEventListener("mouseenter", function () { mark(li, true); });
    li.addEventListener("mouseleave", function () { mark(li, false); });
  });

  // Following a link into a closed document opens it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var d = el && el.closest("details.doc");
    if (d && !d.open) { d.open = true; el.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
