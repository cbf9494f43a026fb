/* Progressive enhancement for a list whose filters apply as they change, without a full page
   load. Without this file the filter form submits and every link works as a normal page.

   The container is marked data-live-filter, names the request header its view answers with
   the results partial (data-live-filter-header) and the polite live region that announces
   the result count (data-live-filter-status). The partial's heading carries the count and
   the page's title (data-results-count, data-page-title), the same title the server renders.

   - A change of a select or checkbox applies after a short pause (several quick changes are
     one request). While a select is being moved through with the keyboard (arrow keys,
     Home, End, letters), nothing loads: the choice applies on Enter or when focus leaves it.
   - Each settled change adds one history entry; changes that follow quickly replace it.
   - Each entry remembers the scroll position and the control that was used, so browser Back
     and Forward bring both back with the results.
*/
(function () {
  "use strict";
  var root = document.querySelector("[data-live-filter]");
  if (!root || !window.fetch || !window.history.replaceState || !window.URLSearchParams) { return; }
  var header = root.getAttribute("data-live-filter-header");
  var status = document.getElementById(root.getAttribute("data-live-filter-status") || "");
  var DEBOUNCE_MS = 400;   // a pause after a pointer choice before loading
  var SETTLE_MS = 1500;    // a change this soon after the last one replaces its history entry
  var NAVIGATION_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"];
  var latest = 0;
  var pending = null;       // the timer of a change waiting to apply
  var lastChangeAt = 0;
  var browsing = null;      // the select being moved through with the keyboard
  var scrollTimer = null;
  var shown = withoutHash(window.location.href);  // the address whose results are on the page

  function withoutHash(url) { return url.split("#")[0]; }

  if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }

  function liveForm(element) {
    var form = element && element.form;
    return form && form.hasAttribute("data-live-filters") ? form : null;
  }

  function focusKey() {
    var active = document.activeElement;
    if (!active || !root.contains(active)) { return null; }
    if (active.id) { return active.id; }
    return "results-heading";  // a link in the results (pagination, a filter to remove)
  }

  function state(focus) {
    return { liveFilter: true, scrollY: window.scrollY, focus: focus };
  }

  // The current entry learns where the page is and what has focus before the page changes.
  function rememberHere() {
    window.history.replaceState(state(focusKey()), "", window.location.href);
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") { params.append(key, value); }
    });
    var query = params.toString();
    var action = new URL(form.action, window.location.href);
    return action.origin + action.pathname + (query ? "?" + query : "");
  }

  function announce(text) {
    if (!status) { return; }
    // Emptied first, so the same count is announced again after another change.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 100);
  }

  function restoreFocus(key, scrollY) {
    var target = key && document.getElementById(key);
    if (target && root.contains(target)) {
      target.focus({ preventScroll: true });
    }
    if (typeof scrollY === "number") { window.scrollTo(0, scrollY); }
  }

  // After new results, focus goes back where it was, unless the visitor has moved it
  // elsewhere meanwhile (the replaced controls leave it on the body).
  function keepFocus(key) {
    var active = document.activeElement;
    if (!active || active === document.body) { restoreFocus(key, null); }
  }

  // history: "push", "replace" or "none" (Back and Forward: the entry exists already);
  // focus: the id the new entry gives focus to when it is come back to.
  function load(url, history, focus, after) {
    var request = ++latest;
    root.setAttribute("aria-busy", "true");
    var headers = {};
    headers[header] = "results";
    fetch(url, { headers: headers, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) { return; }  // a newer choice is on its way
        if (history === "push") {
          rememberHere();
          window.history.pushState(state(focus), "", url);
        } else if (history === "replace") {
          window.history.replaceState(state(focus), "", url);
        }
        shown = withoutHash(url);
        root.innerHTML = html;
        root.removeAttribute("aria-busy");
        browsing = null;
        var heading = root.querySelector("[data-results-count]");
        if (heading) {
          var title = heading.getAttribute("data-page-title");
          if (title) { document.title = title; }
          announce(heading.textContent.trim());
        }
        after(heading);
      })
      .catch(function () { window.location.href = url; });
  }

  // A filter control changed: load its results; focus stays on it (or on ``focusId``).
  function apply(control, focusId) {
    window.clearTimeout(pending);
    pending = null;
    var form = liveForm(control);
    if (!form) { return; }
    var url = formUrl(form);
    if (url === shown) { return; }
    var now = Date.now();
    var history = now - lastChangeAt < SETTLE_MS ? "replace" : "push";
    lastChangeAt = now;
    var id = focusId === undefined ? control.id : focusId;
    load(url, history, id, function () { keepFocus(id); });
  }

  function schedule(control) {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { apply(control); }, DEBOUNCE_MS);
  }

  // Whole page moves (search submitted, a page number, a filter removed): focus the results.
  function showResults(url) {
    window.clearTimeout(pending);
    lastChangeAt = 0;
    load(url, "push", "results-heading", function (heading) {
      if (heading) {
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: "start" });
      }
    });
  }

  root.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target.tagName !== "SELECT" || !liveForm(target)) { return; }
    if (event.key === "Enter") {
      event.preventDefault();  // not a submit: apply this select's choice
      browsing = null;
      apply(target);
    } else if (!event.altKey && (NAVIGATION_KEYS.indexOf(event.key) !== -1 || event.key.length === 1)) {
      browsing = target;  // arrow keys change the value at once in most browsers: wait
      window.clearTimeout(pending);
    }
  });

  root.addEventListener("change", function (event) {
    var target = event.target;
    if (!liveForm(target) || target.type === "search" || target.type === "text") { return; }
    if (browsing === target) { return; }  // applied on Enter or when focus leaves
    schedule(target);
  });

  root.addEventListener("focusout", function (event) {
    var target = event.target;
    if (browsing !== target) { return; }
    browsing = null;
    // Focus goes on where the visitor took it (Tab to the next control), not back.
    var next = event.relatedTarget;
    apply(target, next && root.contains(next) && next.id ? next.id : null);
  });

  root.addEventListener("submit", function (event) {
    event.preventDefault();
    showResults(formUrl(event.target));
  });

  root.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || link.hasAttribute("download") || link.origin !== window.location.origin) { return; }
    if (link.pathname !== window.location.pathname || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    if (link.hash) { return; }
    event.preventDefault();
    showResults(link.href);
  });

  // The scroll position of the entry, kept up to date (not on every pixel).
  window.addEventListener("scroll", function () {
    window.clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(function () {
      var current = window.history.state || {};
      if (current.liveFilter) {
        window.history.replaceState(state(current.focus), "", window.location.href);
      }
    }, 200);
  }, { passive: true });

  window.addEventListener("popstate", function (event) {
    var saved = event.state;
    if (saved && !saved.liveFilter) { return; }
    window.clearTimeout(pending);
    lastChangeAt = 0;
    if (withoutHash(window.location.href) === shown) {
      // Only the fragment changed (a "skip to the results" link): the results are right.
      if (saved) { restoreFocus(saved.focus, saved.scrollY); }
      return;
    }
    load(window.location.href, "none", null, function (heading) {
      if (saved) {
        restoreFocus(saved.focus || (heading && heading.id), saved.scrollY);
      } else if (heading) {
        heading.focus({ preventScroll: true });
      }
    });
  });

  window.history.replaceState(state(null), "", window.location.href);
})();
