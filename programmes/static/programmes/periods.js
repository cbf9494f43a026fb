/* Progressive enhancement of the offer form: "Add another period" adds a row in place.
   Without this file the button sends the form and the server shows it again, one row longer,
   with everything typed kept. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-add-period]");
    var list = document.querySelector("[data-period-list]");
    var template = document.getElementById("period-template");
    var total = document.getElementById("id_periods-TOTAL_FORMS");
    var max = document.getElementById("id_periods-MAX_NUM_FORMS");
    var status = document.querySelector("[data-period-status]");
    if (!button || !list || !template || !total || !max) {
      return;
    }
    button.addEventListener("click", function (event) {
      var count = parseInt(total.value, 10);
      if (isNaN(count) || count >= parseInt(max.value, 10)) {
        return; // let the server answer
      }
      event.preventDefault();
      var html = template.innerHTML
        .replace(/__prefix__/g, String(count))
        .replace(/__number__/g, String(count + 1));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(count + 1);
      var row = list.lastElementChild;
      var legend = row.querySelector("legend");
      var input = row.querySelector("input");
      if (input) {
        input.focus();
      }
      if (status && legend) {
        status.textContent = legend.textContent.trim();
      }
      if (count + 1 >= parseInt(max.value, 10)) {
        button.hidden = true;
      }
    });
  });
})();
