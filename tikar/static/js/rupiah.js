// Rupiah fields (<input data-rupiah>): group the digits with "." while typing, as amounts are
// written in Indonesia ("1.250.000"). The server accepts the grouped form and plain digits.
(function () {
  "use strict";
  function group(digits) {
    return digits.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }
  document.querySelectorAll("input[data-rupiah]").forEach(function (input) {
    input.addEventListener("input", function () {
      var before = input.value;
      if (!/^[\d.\s]*$/.test(before)) return; // leave anything else for the server to explain
      var caretFromEnd = before.length - (input.selectionEnd || before.length);
      var grouped = group(before.replace(/[^\d]/g, ""));
      if (grouped === before) return;
      input.value = grouped;
      var caret = Math.max(0, grouped.length - caretFromEnd);
      input.setSelectionRange(caret, caret);
    });
  });
})();
