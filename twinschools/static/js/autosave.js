// Autosave of a label application's parts (applications/_part.html), and a warning before
// leaving the page while a part holds unsaved or conflicting text.
//
// When a save was merged with someone else's words, the reply carries the merged text and
// the new revision. The text box takes them only if it still holds exactly what was sent:
// words typed while the save was on its way are never overwritten, and the box keeps the
// old revision, so the next save (due as soon as the writer pauses) merges again or shows
// both versions. The merged text is written into the box rather than swapping the element,
// so the writer keeps the focus and the caret.
(function () {
  "use strict";
  var sent = new WeakMap();

  function partForm(element) {
    return element && element.closest ? element.closest(".part-form") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var form = partForm(event.detail.elt);
    var box = form && form.querySelector("textarea[name=text]");
    if (box) {
      sent.set(form, box.value);
    }
  });

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var form = partForm(target);
    var box = form && form.querySelector("textarea[name=text]");
    if (!box || (target !== box && target.name !== "base_revision")) {
      return;
    }
    var typedSince = sent.has(form) && box.value !== sent.get(form);
    event.detail.shouldSwap = false;
    if (typedSince) {
      return;
    }
    var incoming = event.detail.fragment;
    var element = incoming.querySelector ? incoming.querySelector("#" + target.id) : null;
    element = element || incoming.firstElementChild || incoming;
    if (target === box) {
      var caret = box.selectionStart;
      box.value = element.value;
      box.setSelectionRange(Math.min(caret, box.value.length), Math.min(caret, box.value.length));
      // The box now holds what the server stored: that is what this save sent, as far as the
      // new revision and the unsaved-text warning are concerned.
      sent.set(form, box.value);
    } else {
      target.value = element.value;
    }
  });

  // Leaving the page with text that is not saved, or that is in conflict with another save,
  // asks first. A box is unsaved from its first keystroke until a save of exactly its text
  // comes back without a conflict; the Save button (a normal post) may always leave.
  var unsaved = new Set();
  var submitting = false;

  function hasConflict(form) {
    return Boolean(form.querySelector(".conflict"));
  }

  document.querySelectorAll(".part-form").forEach(function (form) {
    if (hasConflict(form)) {
      unsaved.add(form);
    }
  });

  document.addEventListener("input", function (event) {
    var form = partForm(event.target);
    if (form && event.target.name === "text") {
      unsaved.add(form);
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = partForm(event.detail.elt);
    var box = form && form.querySelector("textarea[name=text]");
    if (!box || !event.detail.successful) {
      return;
    }
    if (box.value === sent.get(form) && !hasConflict(form)) {
      unsaved.delete(form);
    }
  });

  document.addEventListener("submit", function (event) {
    if (partForm(event.target)) {
      submitting = true;
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (submitting || unsaved.size === 0) {
      return;
    }
    // Browsers show their own sentence; some still need a non-empty returnValue to ask at all.
    event.preventDefault();
    event.returnValue = "unsaved";
    return "unsaved";
  });
})();
