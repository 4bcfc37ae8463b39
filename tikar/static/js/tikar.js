// Small behaviours every page may use, declared with data- attributes instead of inline
// handlers (onclick=, onchange=), which the Content-Security-Policy (script-src 'self') refuses.
//   <select data-autosubmit>       submits its form when the choice changes
//   <select data-navigate>         goes to the URL held in the chosen option's value
//   <button data-print>            opens the print dialog
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLSelectElement)) return;
    if (el.hasAttribute("data-autosubmit") && el.form) {
      if (typeof el.form.requestSubmit === "function") el.form.requestSubmit();
      else el.form.submit();
    } else if (el.hasAttribute("data-navigate") && el.value) {
      window.location.assign(el.value);
    }
  });
  document.addEventListener("click", function (event) {
    var el = event.target.closest && event.target.closest("[data-print]");
    if (el) window.print();
  });
})();
