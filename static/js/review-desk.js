// The review desk's keys: j/k move between suggestions, a accepts, r rejects, c corrects.
// Everything works without it: the keys only press the buttons a mouse would.
(function () {
  "use strict";

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".review-desk__list .suggestion"));
  }

  function markCurrent(item) {
    var number = item.getAttribute("data-number");
    document.querySelectorAll(".review-desk__mark").forEach(function (mark) {
      var numbers = (mark.getAttribute("data-suggestions") || "").split(" ");
      mark.classList.toggle("is-current", numbers.indexOf(number) !== -1);
    });
  }

  function focus(item) {
    items().forEach(function (other) { other.classList.remove("is-current"); });
    item.classList.add("is-current");
    item.focus();
    markCurrent(item);
    var mark = document.querySelector(".review-desk__mark.is-current");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
    }
    item.scrollIntoView({ block: "nearest" });
  }

  function current() {
    var list = items();
    var active = document.activeElement && document.activeElement.closest(".suggestion");
    return active || document.querySelector(".suggestion.is-current") || list[0];
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (target.closest("input, select, textarea, [contenteditable], .select2-container")) {
      return;
    }
    var list = items();
    if (!list.length) {
      return;
    }
    var item = current();
    var index = list.indexOf(item);
    if (event.key === "j" || event.key === "k") {
      var next = list[Math.min(Math.max(index + (event.key === "j" ? 1 : -1), 0), list.length - 1)];
      if (!item.classList.contains("is-current") && document.activeElement.closest(".suggestion") !== item) {
        next = item;
      }
      focus(next);
      event.preventDefault();
      return;
    }
    var control = item.querySelector('[data-key="' + event.key + '"]');
    if (control) {
      event.preventDefault();
      control.click();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var target = window.location.hash && document.querySelector(window.location.hash);
    var item = target && target.closest(".suggestion");
    if (item) {
      focus(item);
    }
    document.querySelectorAll(".review-desk__number").forEach(function (link) {
      link.addEventListener("click", function () {
        var number = link.textContent.trim();
        var found = document.querySelector('.suggestion[data-number="' + number + '"]');
        if (found) {
          focus(found);
        }
      });
    });
  });
})();
