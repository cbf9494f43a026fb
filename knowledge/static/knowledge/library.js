/* Progressive enhancement: on narrow screens, fold the library filters away unless one is
   in use, so the results come first. Without JavaScript the filters simply stay open. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector(".filter-panel");
    if (!panel || !window.matchMedia("(max-width: 55.99rem)").matches) {
      return;
    }
    if (!panel.querySelector("input[type=checkbox]:checked")) {
      panel.removeAttribute("open");
    }
  });
})();
