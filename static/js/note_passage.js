// An editorial note points at a passage: the words last selected in the post's body fill it.
(function () {
  "use strict";
  let selected = "";

  function inBody(node) {
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return Boolean(element && element.closest(".field-body"));
  }

  document.addEventListener("selectionchange", function () {
    const selection = document.getSelection();
    const text = selection ? selection.toString().replace(/\s+/g, " ").trim() : "";
    if (text && inBody(selection.anchorNode) && inBody(selection.focusNode)) {
      selected = text;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    const button = document.querySelector("[data-quote-selection]");
    const field = document.getElementById("id_note-passage");
    if (!button || !field) return;
    const hint = document.getElementById("quote-hint");
    button.hidden = false;
    button.addEventListener("click", function () {
      if (selected) {
        field.value = selected;
        hint.textContent = "";
        field.focus();
      } else {
        hint.textContent = "Select some words of the post first, then press again.";
      }
    });
  });
})();
