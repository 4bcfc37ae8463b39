// Region picker: a type-to-filter box above any long <select> (e.g. the desa of a kabupaten),
// so an officer on a phone need not scroll through hundreds of names.
(function () {
  "use strict";
  document.querySelectorAll("select").forEach(function (select) {
    if (select.options.length < 15) return;
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = select.dataset.filterPlaceholder || "Cari nama atau kode…";
    box.setAttribute("aria-label", box.placeholder);
    box.className = "select-filter";
    select.parentNode.insertBefore(box, select);
    var all = Array.prototype.slice.call(select.options);
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      all.forEach(function (opt) {
        opt.hidden = q !== "" && opt.value !== "" && opt.text.toLowerCase().indexOf(q) === -1;
      });
    });
  });
})();
