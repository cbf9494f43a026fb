/* Progressive enhancement: turn the organisation <select> into an ARIA 1.2 combobox with a
   filtered list. Without JavaScript the grouped <select> works as it is. The <select> keeps
   its name and stays the value that is posted; the text field only helps to choose. */
(function () {
  "use strict";

  var MAX_SHOWN = 60;

  function normalise(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function enhance(select) {
    var html = document.documentElement;
    var sv = (html.getAttribute("lang") || "sv").indexOf("sv") === 0;
    var text = {
      results: sv ? function (n) { return n === 1 ? "1 träff" : n + " träffar"; }
                  : function (n) { return n === 1 ? "1 result" : n + " results"; },
      none: sv ? "Inga träffar" : "No results",
      more: sv ? "Skriv fler bokstäver för att se fler" : "Type more letters to see more",
      selected: sv ? " vald" : " selected"
    };
    var options = [];
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) { return; }
      var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
      options.push({ value: option.value, label: option.text, group: group,
                     key: normalise(option.text + " " + group) });
    });

    var id = select.id;
    select.id = id + "-select";
    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.className = "form-control" + (select.classList.contains("is-invalid") ? " is-invalid" : "");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    ["aria-describedby", "aria-invalid", "aria-required"].forEach(function (name) {
      if (select.hasAttribute(name)) { input.setAttribute(name, select.getAttribute(name)); }
    });
    // The hidden select carries "required"; the field people type in must say so too.
    if (select.required) { input.setAttribute("aria-required", "true"); }
    var listbox = document.createElement("ul");
    listbox.id = id + "-listbox";
    listbox.className = "combobox-listbox";
    listbox.setAttribute("role", "listbox");
    var label = document.querySelector('label[for="' + id + '"]');
    if (label) {
      label.id = label.id || id + "-label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    input.setAttribute("aria-controls", listbox.id);
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    select.parentNode.insertBefore(wrapper, select);
    wrapper.appendChild(input);
    wrapper.appendChild(listbox);
    wrapper.appendChild(status);
    wrapper.appendChild(select);
    select.hidden = true;
    select.tabIndex = -1;

    var shown = [];
    var active = -1;
    var statusTimer = null;

    function current() {
      for (var i = 0; i < options.length; i++) {
        if (options[i].value === select.value) { return options[i]; }
      }
      return null;
    }
    if (current()) { input.value = current().label; }

    function announce(message) {
      window.clearTimeout(statusTimer);
      statusTimer = window.setTimeout(function () { status.textContent = message; }, 400);
    }

    function setActive(index) {
      var items = listbox.querySelectorAll('[role="option"]');
      if (active >= 0 && items[active]) { items[active].classList.remove("is-active"); }
      active = index;
      if (active >= 0 && items[active]) {
        items[active].classList.add("is-active");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      var query = normalise(input.value);
      var matches = options.filter(function (option) {
        return !query || option.key.indexOf(query) !== -1;
      });
      // Names that start with the typed text first.
      matches.sort(function (a, b) {
        var as = normalise(a.label).indexOf(query) === 0 ? 0 : 1;
        var bs = normalise(b.label).indexOf(query) === 0 ? 0 : 1;
        return as - bs;
      });
      shown = matches.slice(0, MAX_SHOWN);
      listbox.textContent = "";
      shown.forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = id + "-option-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", option.value === select.value ? "true" : "false");
        item.textContent = option.label;
        if (option.group) {
          var group = document.createElement("span");
          group.className = "combobox-group";
          group.textContent = " · " + option.group;
          item.appendChild(group);
        }
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(option); });
        listbox.appendChild(item);
      });
      listbox.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      setActive(-1);
      var message = matches.length ? text.results(matches.length) : text.none;
      if (matches.length > MAX_SHOWN) { message += ". " + text.more; }
      announce(message);
    }

    function choose(option) {
      select.value = option.value;
      input.value = option.label;
      close();
      announce(option.label + text.selected);
    }

    input.addEventListener("input", function () {
      var exact = null;
      var typed = normalise(input.value);
      options.forEach(function (option) { if (normalise(option.label) === typed) { exact = option; } });
      select.value = exact ? exact.value : "";
      open();
    });
    input.addEventListener("keydown", function (event) {
      var expanded = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!expanded) { open(); }
        if (!event.altKey && shown.length) { setActive(Math.min(active + 1, shown.length - 1)); }
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!expanded) { open(); }
        if (shown.length) { setActive(active <= 0 ? shown.length - 1 : active - 1); }
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(shown[active]);
        }
      } else if (event.key === "Escape") {
        if (expanded) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; select.value = ""; }
      } else if (event.key === "Tab") {
        if (expanded && active >= 0) { choose(shown[active]); } else { close(); }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select.js-combobox"), enhance);
  });
})();
