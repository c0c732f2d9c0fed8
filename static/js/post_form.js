// The post form's typing aids: a name and spell-checking for the body editor, suggestions of
// existing tags in the tag box. Without this file the form works as it is.
(() => {
  "use strict";

  // django-prose-editor announces each editor it builds. Its editable area is a textbox
  // (role="textbox") that needs a name, and spell-checking as the title and excerpt have.
  document.addEventListener("prose-editor:ready", (event) => {
    const { editor, textarea } = event.detail;
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    const name = label ? label.textContent.replace(/:\s*$/, "").trim() : textarea.name;
    const props = editor.options.editorProps || {};
    const current = typeof props.attributes === "object" ? props.attributes : {};
    editor.setOptions({
      editorProps: {
        ...props,
        attributes: {
          ...current,
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": name,
          spellcheck: "true",
        },
      },
    });
  });

  // Suggest tags already in use for the tag being typed (the text after the last comma).
  // The browser's own list (a datalist) offers them, with the tags before it kept.
  function suggestTags(input) {
    const list = document.createElement("datalist");
    list.id = `${input.id}-suggestions`;
    input.after(list);
    input.setAttribute("list", list.id);
    let timer = null;
    let asked = "";

    async function suggest() {
      const value = input.value;
      const typed = value.slice(value.lastIndexOf(",") + 1).trim();
      if (!typed || typed.toLowerCase() === asked) return;
      asked = typed.toLowerCase();
      const url = `${input.dataset.suggestions}?q=${encodeURIComponent(typed)}`;
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok || input.value !== value) return;
      const { tags } = await response.json();
      const head = value.slice(0, value.length - value.slice(value.lastIndexOf(",") + 1).trimStart().length);
      const chosen = new Set(head.split(",").map((tag) => tag.trim().toLowerCase()));
      list.replaceChildren(
        ...tags
          .filter((tag) => !chosen.has(tag.toLowerCase()))
          .map((tag) => new Option(tag, `${head}${tag}`)),
      );
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
  }

  // The admin's autocomplete selects (select2) name their combobox by the chosen value
  // alone, so an empty one has no name: name it by the field's label too.
  function nameAutocomplete(select) {
    const label = document.querySelector(`label[for="${select.id}"]`);
    const combobox = select.parentElement.querySelector(".select2-selection");
    const rendered = combobox?.querySelector(".select2-selection__rendered");
    if (!label || !combobox || !rendered) return false;
    label.id ||= `${select.id}-label`;
    combobox.setAttribute("aria-labelledby", `${label.id} ${rendered.id}`);
    rendered.setAttribute("aria-labelledby", `${label.id} ${rendered.id}`);
    return true;
  }

  // The admin builds its select2 widgets once jQuery is ready, at a moment of its own:
  // name each as soon as its widget appears beside it.
  function watchAutocomplete(select) {
    if (nameAutocomplete(select)) return;
    const observer = new MutationObserver(() => {
      if (nameAutocomplete(select)) observer.disconnect();
    });
    observer.observe(select.parentElement, { childList: true, subtree: true });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-suggestions]").forEach(suggestTags);
    document
      .querySelectorAll("select.admin-autocomplete:not([name*=__prefix__])")
      .forEach(watchAutocomplete);
  });
})();
