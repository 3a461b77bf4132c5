// Makes the column headings of a table.sortable into buttons that sort its
// rows, by a cell's data-sort value or its text. The table reads well
// without it: its rows come sorted by status.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (o) { o.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var key = function (row) {
          var cell = row.cells[col];
          return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var n = !isNaN(x) && !isNaN(y) ? x - y : x.localeCompare(y);
          return up ? n : -n;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
