// Filters the matrix and the clause views in place. Without JavaScript the
// form stays hidden and the page shows everything.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rows = document.querySelectorAll("#matrix-table tbody tr");
  form.hidden = false;
  function value(name) { return form.elements[name].value; }
  function apply() {
    var objective = value("objective"), theme = value("theme"), stance = value("stance"), doc = value("document");
    var conf = Number(value("confidence") || 0);
    var shown = 0;
    document.querySelectorAll("[data-doc]").forEach(function (el) {
      el.hidden = doc !== "" && el.getAttribute("data-doc") !== doc;
    });
    rows.forEach(function (tr) {
      var ok = (objective === "" || tr.getAttribute("data-objective") === objective) &&
        (theme === "" || tr.getAttribute("data-themes").split(" ").indexOf(theme) >= 0);
      if (ok && stance !== "") {
        ok = Array.prototype.some.call(tr.querySelectorAll("td[data-doc]"), function (td) {
          return !td.hidden && td.getAttribute("data-stance") === stance;
        });
      }
      if (ok && conf > 0) {
        // A row stays when a shown cell has a counterpart that sure.
        ok = Array.prototype.some.call(tr.querySelectorAll("td[data-doc]"), function (td) {
          return !td.hidden && Number(td.getAttribute("data-conf")) >= conf;
        });
      }
      tr.hidden = !ok;
      var pair = document.getElementById(tr.getAttribute("data-pair"));
      if (pair) { pair.hidden = !ok; }
      if (ok) { shown++; }
    });
    document.getElementById("count").textContent = shown + " of " + rows.length + " GDC clauses shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
