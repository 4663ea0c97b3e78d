// The activity page, live: re-read this same page every second and swap the table in,
// while files are still in the queue. Without JavaScript a <noscript> refresh does it.
(function () {
  "use strict";
  function refresh() {
    var table = document.getElementById("jobs");
    if (!table || table.dataset.active !== "1") { return; }
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["jobs", "job-counts"].forEach(function (id) {
          var now = document.getElementById(id), next = fresh.getElementById(id);
          if (now && next) { now.replaceWith(next); }
        });
        setTimeout(refresh, 1000);
      })
      .catch(function () { setTimeout(refresh, 3000); });
  }
  document.addEventListener("DOMContentLoaded", function () { setTimeout(refresh, 1000); });
})();
