/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Move focus to the error summary when a form comes back with errors,
  // so screen reader users hear what went wrong first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  });
})();
