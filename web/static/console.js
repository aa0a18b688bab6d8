// Jisr console: the little JavaScript every page shares. Pages work without it.
(function () {
  "use strict";
  // htmx requests carry the form's CSRF token when they are not a form post
  document.addEventListener("htmx:configRequest", function (event) {
    var field = document.querySelector("input[name=csrf]");
    if (field) { event.detail.headers["X-CSRF-Token"] = field.value; }
  });
  // a page answering a refused post shows its error summary first (GOV.UK pattern)
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // live updates: the server tells what changed, the page fetches its fresh parts
  var live = document.body.getAttribute("data-live");
  if (live && window.EventSource) {
    var source = new EventSource(live);
    ["referral", "notification"].forEach(function (kind) {
      source.addEventListener(kind, function (event) {
        var detail = {};
        try { detail = JSON.parse(event.data); } catch (e) { /* nothing to add */ }
        if (window.htmx) { window.htmx.trigger(document.body, "jisr:" + kind, detail); }
      });
    });
    // a referral's page tells when that referral changed under it (someone else answered)
    source.addEventListener("referral", function (event) {
      var changed = document.getElementById("changed");
      var detail = {};
      try { detail = JSON.parse(event.data); } catch (e) { return; }
      if (changed && detail.id === changed.getAttribute("data-referral")) { changed.hidden = false; }
    });
    // every change from now on reaches this page
    source.addEventListener("ready", function () { document.body.setAttribute("data-live-ready", ""); });
    source.addEventListener("signed-out", function () { source.close(); window.location.reload(); });
    // leaving the page (a link, a form such as sign-out) ends its stream: a late event must
    // not reload the page under the navigation already on its way
    window.addEventListener("beforeunload", function () { source.close(); });
  }
})();
