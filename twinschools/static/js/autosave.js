// Autosave of a label application's parts (applications/_part.html): what a box holds is never
// lost, whether the save merges, conflicts, fails or the writer leaves.
//
// - When a save was merged with someone else's words, the reply carries the merged text and
//   the new revision. The box takes them only if it still holds exactly what was sent: words
//   typed while the save was on its way are never overwritten, and the box keeps the old
//   revision, so the next save merges again or conflicts. The merged text is written into the
//   box rather than swapping the element, so the writer keeps the focus and the caret.
// - A conflict is kept by the server until a person resolves it: the reply gives the box the
//   conflict's id, and every later save of the box (on blur too) only updates the writer's
//   pending version. The resolution buttons are normal submit buttons (they work without
//   JavaScript); pressing one does not also fire the blur's autosave.
// - Every keystroke keeps the box's text in this browser (localStorage, per part and person)
//   until a save of exactly that text comes back. If a save fails (no network, signed out),
//   the text stays there and the next visit offers it back: restore, or discard.
// - Leaving the page while a box is unsaved or in conflict asks first (beforeunload).
// The sentences come translated from the section's data-* attributes.
(function () {
  "use strict";
  var sent = new WeakMap();
  var failed = new WeakSet();
  var unsaved = new Set();
  var submitting = false;
  var resolving = false;

  function partForm(element) {
    return element && element.closest ? element.closest(".part-form") : null;
  }

  function boxOf(form) {
    return form ? form.querySelector("textarea[name=text]") : null;
  }

  function field(form, name) {
    return form.querySelector("input[name=" + name + "]");
  }

  function words(name) {
    var holder = document.querySelector(".application-section");
    return (holder && holder.dataset[name]) || "";
  }

  function hasConflict(form) {
    return Boolean(form.querySelector(".conflict"));
  }

  // The text kept in this browser --------------------------------------------------------

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage switched off: the warning before leaving still protects the text
    }
  }

  function readDraft(form) {
    var store = storage();
    var key = form.dataset.draftKey;
    if (!store || !key) return null;
    try {
      return JSON.parse(store.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function keepDraft(form) {
    var store = storage();
    var key = form.dataset.draftKey;
    var box = boxOf(form);
    if (!store || !key || !box) return;
    var draft = {
      text: box.value,
      base: field(form, "base_revision").value,
      conflict: field(form, "conflict") ? field(form, "conflict").value : "",
      at: Date.now(),
    };
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // full or refused: nothing more to do here
    }
  }

  function dropDraft(form) {
    var store = storage();
    if (store && form.dataset.draftKey) store.removeItem(form.dataset.draftKey);
  }

  function offerDraft(form) {
    var box = boxOf(form);
    var draft = readDraft(form);
    if (!box || !draft || typeof draft.text !== "string") return;
    if (draft.text === box.value) {
      dropDraft(form);
      return;
    }
    var offer = form.querySelector(".draft-offer");
    if (!offer) return;
    var when = new Date(draft.at).toLocaleString(document.documentElement.lang || undefined);
    offer.querySelector("[data-draft-sentence]").textContent = words("draftOffer").replace("{time}", when);
    offer.hidden = false;
    offer.querySelector("[data-draft-restore]").addEventListener("click", function () {
      box.value = draft.text;
      // The text was written on the revision it started from: the server merges it with what was
      // saved since, or keeps both versions in a conflict. It never replaces newer words blindly.
      field(form, "base_revision").value = draft.base;
      if (field(form, "conflict")) field(form, "conflict").value = draft.conflict || "";
      offer.hidden = true;
      unsaved.add(form);
      form.querySelector("[role=status]").textContent = words("draftRestored");
      box.focus();
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
    offer.querySelector("[data-draft-discard]").addEventListener("click", function () {
      dropDraft(form);
      offer.hidden = true;
      box.focus();
    });
  }

  document.querySelectorAll(".part-form").forEach(function (form) {
    if (hasConflict(form)) unsaved.add(form);
    offerDraft(form);
  });

  document.addEventListener("input", function (event) {
    var form = partForm(event.target);
    if (form && event.target.name === "text") {
      unsaved.add(form);
      keepDraft(form);
    }
  });

  // Saving --------------------------------------------------------------------------------

  // Pressing a resolution button moves the focus out of the box first; that blur must not
  // send an autosave racing the resolution (the server would keep it apart anyway).
  document.addEventListener("pointerdown", function (event) {
    var button = event.target.closest ? event.target.closest("button[formaction]") : null;
    if (button && partForm(button)) {
      resolving = true;
      window.setTimeout(function () {
        resolving = false;
      }, 1000);
    }
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var form = partForm(event.detail.elt);
    var box = boxOf(form);
    if (!box) return;
    if (resolving || submitting) {
      event.preventDefault();
      return;
    }
    failed.delete(form);
    sent.set(form, box.value);
  });

  function saveFailed(form, sentence) {
    failed.add(form);
    keepDraft(form);
    unsaved.add(form);
    var status = form.querySelector("[role=status]");
    if (status) status.textContent = sentence;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = partForm(event.detail.elt);
    if (!boxOf(form)) return;
    var xhr = event.detail.xhr;
    var asked = event.detail.pathInfo && event.detail.pathInfo.requestPath;
    var answered = xhr && xhr.responseURL ? new URL(xhr.responseURL).pathname : asked;
    if (xhr.status === 403 || (asked && answered !== asked)) {
      // Signed out: the request was refused or sent on to the sign-in page.
      event.detail.shouldSwap = false;
      saveFailed(form, words("autosaveExpired"));
    } else if (xhr.status >= 400) {
      event.detail.shouldSwap = false;
      saveFailed(form, words("autosaveFailed"));
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    var form = partForm(event.detail.elt);
    if (boxOf(form)) saveFailed(form, words("autosaveFailed"));
  });

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var form = partForm(target);
    var box = boxOf(form);
    if (!box || (target !== box && target.name !== "base_revision")) {
      return; // the conflict's id, the versions and the history always take the reply
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

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = partForm(event.detail.elt);
    var box = boxOf(form);
    if (!box || failed.has(form) || !event.detail.successful) {
      return;
    }
    if (box.value === sent.get(form)) {
      // The server holds exactly this text: saved, merged, or kept as a version in conflict.
      dropDraft(form);
      if (!hasConflict(form)) unsaved.delete(form);
    }
  });

  // Leaving -------------------------------------------------------------------------------

  document.addEventListener("submit", function (event) {
    var form = partForm(event.target);
    if (!form) return;
    submitting = true;
    var button = event.submitter;
    if (button && button.hasAttribute("formaction")) {
      // A resolution: the person chose what the part keeps; the server has every version.
      dropDraft(form);
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

  // Back from the page cache (the back button), the page may have been left half-submitted.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) submitting = false;
  });
})();
