/* Progressive enhancement for the partnership list: filters apply as soon as they change,
   and results update without a full page load. Without this file the form still submits. */
(function () {
  "use strict";
  var browser = document.getElementById("partnership-browser");
  if (!browser || !window.fetch || !window.history.pushState) { return; }
  var status = document.getElementById("results-status");
  var latest = 0;

  function load(url, push, focusName) {
    var request = ++latest;
    browser.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "X-Partnerships-Partial": "results" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) { return; }  // a newer choice is on its way
        browser.innerHTML = html;
        browser.removeAttribute("aria-busy");
        if (push) { window.history.pushState({ partnerships: true }, "", url); }
        var heading = browser.querySelector("[data-results-count]");
        if (status && heading) { status.textContent = heading.textContent.trim(); }
        var again = focusName && browser.querySelector("[name='" + focusName + "']");
        if (again) { again.focus(); }
        if (focusName === "results" && heading) {
          heading.focus();
          heading.scrollIntoView({ block: "start" });
        }
      })
      .catch(function () { window.location.href = url; });
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  browser.addEventListener("change", function (event) {
    var form = event.target.form;
    if (!form || !form.hasAttribute("data-live-filters") || event.target.type === "search" || event.target.type === "text") { return; }
    load(formUrl(form), true, event.target.name);
  });
  browser.addEventListener("submit", function (event) {
    event.preventDefault();
    load(formUrl(event.target), true, "results");
  });
  browser.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || link.hasAttribute("download") || link.origin !== window.location.origin) { return; }
    if (link.pathname !== window.location.pathname || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    if (link.hash) { return; }
    event.preventDefault();
    load(link.href, true, "results");
  });
  window.addEventListener("popstate", function () { load(window.location.href, false, null); });
})();
