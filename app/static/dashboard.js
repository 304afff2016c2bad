/* creditor-matcher ops dashboard: the stale banner and the keyboard. Plain script, no library besides htmx,
   no inline code (strict CSP). Keys: "/" search, "j"/"k" move the selection, Enter open, "r" retry the job. */
(function () {
  "use strict";

  var ITEMS = "tbody tr[data-job-id], .selectable[data-review-id]";
  var lastUpdate = new Date();
  var selectedKey = null;

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function clock(date) { return two(date.getHours()) + ":" + two(date.getMinutes()); }

  /* ---- freshness: a polled region that stops answering shows when the page was last up to date ---- */
  function showStale(detail) {
    var banner = document.getElementById("stale-banner");
    if (!banner) { return; }
    document.getElementById("stale-since").textContent = clock(lastUpdate);
    document.getElementById("stale-detail").textContent = detail ? " (" + detail + ")" : "";
    banner.hidden = false;
    document.body.classList.add("is-stale");
  }

  function fresh() {
    lastUpdate = new Date();
    var banner = document.getElementById("stale-banner");
    if (banner) { banner.hidden = true; }
    document.body.classList.remove("is-stale");
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var status = xhr ? xhr.status : 0;
    if (status >= 200 && status < 500) { fresh(); }
    else if (status >= 500) { showStale("HTTP " + status); }
  });
  document.addEventListener("htmx:sendError", function () { showStale(""); });
  document.addEventListener("htmx:timeout", function () { showStale("timed out"); });

  /* ---- messages written by this script (text only) ---- */
  function flash(text) {
    var region = document.getElementById("flash");
    if (!region) { return; }
    var line = document.createElement("p");
    line.className = "notice";
    line.setAttribute("role", "status");
    line.textContent = text;
    region.replaceChildren(line);
  }

  /* ---- selection in lists ---- */
  function keyOf(item) {
    return item.dataset.jobId ? "job:" + item.dataset.jobId : "review:" + item.dataset.reviewId;
  }

  function items() { return Array.prototype.slice.call(document.querySelectorAll(ITEMS)); }

  function mark(list) {
    list.forEach(function (item) {
      var on = keyOf(item) === selectedKey;
      item.classList.toggle("is-selected", on);
      if (on) { item.setAttribute("aria-selected", "true"); } else { item.removeAttribute("aria-selected"); }
    });
  }

  function move(step) {
    var list = items();
    if (!list.length) { return; }
    var index = list.findIndex(function (item) { return keyOf(item) === selectedKey; });
    index = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(index + step, 0), list.length - 1);
    selectedKey = keyOf(list[index]);
    mark(list);
    list[index].scrollIntoView({ block: "nearest" });
  }

  function selected() {
    return items().find(function (item) { return keyOf(item) === selectedKey; }) || null;
  }

  document.addEventListener("htmx:afterSettle", function () { mark(items()); });  // polling swapped the rows

  function open() {
    var item = selected();
    var link = item && item.querySelector("a[href]");
    if (link) { window.location.assign(link.getAttribute("href")); }
  }

  /* ---- retry: the job page's own form, or the selected failed job in a list ---- */
  function statusOf(row) {
    if (row.dataset.status) { return row.dataset.status; }
    var badge = row.querySelector(".badge[class*='status-']");
    return badge ? badge.textContent.trim() : "";
  }

  function postRetry(jobId) {
    var token = document.querySelector("meta[name='csrf-token']");
    var form = document.createElement("form");
    form.method = "post";
    form.action = "/dashboard/jobs/" + encodeURIComponent(jobId) + "/retry";
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = "csrf_token";
    field.value = token ? token.getAttribute("content") : "";
    form.appendChild(field);
    document.body.appendChild(form);
    form.submit();
  }

  function retry() {
    var pageForm = document.querySelector("#job-detail form[action$='/retry']");
    if (pageForm) {
      var id = document.getElementById("job-detail").dataset.jobId;
      if (window.confirm("Retry job " + id + "?")) { pageForm.requestSubmit(); }
      return;
    }
    var row = selected();
    if (!row || !row.dataset.jobId) { flash("Select a job with j/k first; r retries a failed job."); return; }
    var status = statusOf(row);
    if (status && status !== "failed") {
      flash("Job " + row.dataset.jobId + " is " + status + ": only a failed job can be retried.");
      return;
    }
    if (window.confirm("Retry job " + row.dataset.jobId + "?")) { postRetry(row.dataset.jobId); }
  }

  function typing(target) {
    if (!target || !target.closest) { return false; }
    return target.isContentEditable || !!target.closest("input, textarea, select");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key === "/") {
      var search = document.querySelector("[data-search], input[type='search']");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (event.key === "j") {
      move(1);
    } else if (event.key === "k") {
      move(-1);
    } else if (event.key === "Enter" && selectedKey && !event.target.closest("a, button")) {
      open();
    } else if (event.key === "r") {
      retry();
    }
  });
})();
