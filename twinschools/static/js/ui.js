// The design system's behaviour, shared by every page (no inline script: the CSP forbids it).
// - <form data-confirm="Question?" [data-confirm-button="Do it"]> asks in a modal dialog first.
// - <textarea maxlength> shows a live count of the characters used and left.
(function () {
  "use strict";

  function confirmDialog() {
    const element = document.getElementById("confirm-dialog");
    if (!element || !window.bootstrap) return null;
    return { element, modal: window.bootstrap.Modal.getOrCreateInstance(element) };
  }

  function askBeforeSubmitting(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    if (form.dataset.confirmed === "yes") {
      delete form.dataset.confirmed;
      return;
    }
    const dialog = confirmDialog();
    if (!dialog) return; // no dialog (old page, script failed): the form submits as it always did
    event.preventDefault();
    event.stopPropagation();
    const submitter = event.submitter || null;
    const accept = dialog.element.querySelector("[data-confirm-accept]");
    dialog.element.querySelector("[data-confirm-message]").textContent = form.dataset.confirm;
    accept.textContent = form.dataset.confirmButton || accept.dataset.defaultLabel;
    accept.onclick = function () {
      dialog.modal.hide();
      form.dataset.confirmed = "yes";
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    };
    dialog.modal.show();
  }

  function countCharacters(textarea, output) {
    const body = document.body.dataset;
    const max = Number(textarea.getAttribute("maxlength"));
    const used = textarea.value.length;
    const left = max - used;
    output.textContent = (body.charCount || "{count} / {max}")
      .replace("{count}", used.toLocaleString(document.documentElement.lang || undefined))
      .replace("{max}", max.toLocaleString(document.documentElement.lang || undefined));
    if (left <= max * 0.1) {
      output.textContent += " · " + (body.charLeft || "{left}").replace("{left}", left.toLocaleString(document.documentElement.lang || undefined));
    }
    output.classList.toggle("near-limit", left <= max * 0.1 && left > 0);
    output.classList.toggle("at-limit", left <= 0);
  }

  function attachCounter(textarea) {
    if (textarea.dataset.counted) return;
    textarea.dataset.counted = "yes";
    let output = textarea.id && document.querySelector('[data-count-for="' + textarea.id + '"]');
    if (!output) {
      output = document.createElement("div");
      output.className = "form-text char-count";
      textarea.insertAdjacentElement("afterend", output);
    }
    // Screen readers hear the count when typing pauses, not at every key.
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-atomic", "true");
    let timer = null;
    countCharacters(textarea, output);
    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { countCharacters(textarea, output); }, 250);
    });
  }

  function attachCounters(root) {
    root.querySelectorAll("textarea[maxlength]").forEach(attachCounter);
  }

  // Every data table with column headers reflows into cards on a phone: each cell is given its
  // column's name (data-label), which the stylesheet shows above the value.
  function labelTable(table) {
    if (table.closest(".table-scroll, .table-responsive, .no-reflow")) return;
    const headers = table.querySelectorAll("thead tr:last-child th");
    if (!headers.length) return;
    const names = Array.from(headers).map(function (th) { return th.textContent.trim(); });
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
      let column = 0;
      Array.from(row.children).forEach(function (cell) {
        if (!cell.hasAttribute("data-label") && names[column]) cell.setAttribute("data-label", names[column]);
        column += cell.colSpan || 1;
      });
    });
    table.classList.add("table-reflow");
  }

  function enhance(root) {
    attachCounters(root);
    root.querySelectorAll("main table").forEach(labelTable);
    if (root.matches && root.matches("main table")) labelTable(root);
  }

  document.addEventListener("submit", askBeforeSubmitting, true);
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target.closest("table") || event.target); });
})();
