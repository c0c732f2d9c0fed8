// The post form keeps what is typed: 3 s after the last keystroke, and at least every 10 s
// while typing, it sends the form to its autosave address, which never changes the post.
// A failed send is tried again, sooner at first; a closing tab sends what is left. It also
// offers back the changes a closed tab left, says who else has the post open, warns before
// leaving unsaved changes, and makes the preview window show what is on screen.
(() => {
  const QUIET_MS = 3000;
  const AT_MOST_MS = 10000;
  const RETRY_MAX_MS = 30000;

  class LoggedOut extends Error {}

  // This script runs before the editor's own (it is not deferred), to hear it is ready.
  let editor = null;
  let editorChanged = () => {};
  document.addEventListener("prose-editor:ready", (event) => {
    if (event.detail.textarea.name === "body") {
      editor = event.detail.editor;
      editor.on("update", () => editorChanged());
    }
  });

  function start() {
    const configNode = document.getElementById("autosave-config");
    if (!configNode) return;
    const config = JSON.parse(configNode.textContent);
    const urls = config.urls;
    const form = document.getElementById("post_form");
    if (!form) return;
    const status = document.querySelector("[data-autosave-status]");
    const others = document.querySelector("[data-autosave-others]");

    let dirty = false; // changed since the page was loaded or really saved
    let pending = false; // changed since the last autosave that arrived
    let firstPendingAt = 0;
    let timer = null;
    let sending = false;
    let failures = 0;
    let savedAt = null;
    let submitting = false;

    function say(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    function savedText() {
      if (!savedAt) return;
      const seconds = (Date.now() - savedAt) / 1000;
      if (seconds < 60) say("Saved a few seconds ago (not published).");
      else if (seconds < 3600) say(`Saved ${Math.round(seconds / 60)} min ago (not published).`);
    }
    setInterval(() => {
      if (!pending && !sending && failures === 0) savedText();
    }, 15000);

    function data() {
      const formData = new FormData(form);
      if (editor) formData.set("body", editor.getHTML());
      for (const [name, value] of Array.from(formData.entries())) {
        // Files are sent by the real save only.
        if (value instanceof File) formData.delete(name);
      }
      return formData;
    }

    function schedule(wait) {
      clearTimeout(timer);
      timer = setTimeout(send, wait);
    }

    function changed() {
      dirty = true;
      pending = true;
      const now = Date.now();
      if (!firstPendingAt) firstPendingAt = now;
      if (failures === 0) {
        schedule(Math.max(0, Math.min(QUIET_MS, firstPendingAt + AT_MOST_MS - now)));
        say("Changes not saved yet…");
      }
    }

    function showOthers(list) {
      if (!others || !list) return;
      const text = list.map((o) => `${o.name} is also editing this post, since ${o.since}.`).join(" ");
      if (others.textContent !== text) others.textContent = text;
    }

    async function send() {
      clearTimeout(timer);
      if (sending || !pending || submitting) return;
      sending = true;
      pending = false;
      firstPendingAt = 0;
      try {
        const response = await fetch(urls.autosave, {
          method: "POST",
          body: data(),
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (response.redirected) throw new LoggedOut();
        if (response.status === 403 || response.status === 404) {
          // Out of reach now (taken back, deleted): trying again would not help.
          failures = 1;
          say("Not saved — you may no longer change this post. Copy your words elsewhere.");
          return;
        }
        if (!response.ok) throw new Error(`The server answered ${response.status}`);
        const reply = await response.json();
        failures = 0;
        savedAt = Date.now();
        showOthers(reply.others);
        if (!pending) savedText();
      } catch (error) {
        pending = true;
        failures += 1;
        const wait = Math.min(RETRY_MAX_MS, 2000 * 2 ** (failures - 1));
        if (error instanceof LoggedOut) {
          say("Not saved — you are logged out. Log in again in another tab; retrying here.");
        } else {
          say(`Not saved — retrying in ${Math.round(wait / 1000)} s. Keep this tab open.`);
        }
        schedule(wait);
        return;
      } finally {
        sending = false;
      }
      if (pending) schedule(QUIET_MS);
    }

    editorChanged = changed;
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", () => {
      // Saved for real: an autosave landing after it would offer back older words.
      submitting = true;
      clearTimeout(timer);
    });

    window.addEventListener("beforeunload", (event) => {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    window.addEventListener("pagehide", () => {
      // The tab closes: what the last autosave missed goes now, and others stop seeing us.
      if (pending && !submitting) navigator.sendBeacon(urls.autosave, data());
      if (urls.presence) {
        const leaving = new FormData();
        leaving.set("leaving", "1");
        leaving.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        navigator.sendBeacon(urls.presence, leaving);
      }
    });

    if (urls.presence) {
      setInterval(async () => {
        if (sending) return;
        const beat = new FormData();
        beat.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        try {
          const response = await fetch(urls.presence, { method: "POST", body: beat, credentials: "same-origin" });
          if (response.ok) showOthers((await response.json()).others);
        } catch (error) {
          // The next beat tries again; presence is only a courtesy.
        }
      }, config.heartbeat_seconds * 1000);
    }

    // The preview window shows the last autosave: send what is on screen before opening it.
    for (const link of document.querySelectorAll("[data-autosave-preview]")) {
      link.addEventListener("click", () => {
        if (pending) send();
      });
    }

    const offer = document.querySelector("[data-autosave-offer]");
    if (offer && config.restore) {
      offer.querySelector("[data-autosave-restore]").addEventListener("click", () => {
        restore(config.restore);
        offer.remove();
        changed();
        say("Restored your unsaved changes: save to keep them.");
        form.elements.title?.focus();
      });
      offer.querySelector("[data-autosave-discard]").addEventListener("click", async () => {
        const body = new FormData();
        body.set("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        await fetch(urls.discard, { method: "POST", body, credentials: "same-origin" });
        offer.remove();
        say("Discarded the unsaved changes.");
      });
    }

    function restore(saved) {
      for (const [name, values] of Object.entries(saved)) {
        if (name === "body") continue;
        const fields = Array.from(form.elements).filter((field) => field.name === name);
        for (const field of fields) {
          if (field.type === "file" || field.type === "submit" || field.type === "button") continue;
          if (field.type === "checkbox" || field.type === "radio") {
            field.checked = values.includes(field.value);
          } else if (field.tagName === "SELECT") {
            for (const option of field.options) {
              if (values.includes(option.value)) {
                option.selected = true;
              } else if (field.multiple) {
                option.selected = false;
              }
            }
            // Autocomplete widgets show an option only once it is in the list.
            const label = config.labels[name]?.[values[0]];
            if (!field.multiple && label && field.value !== values[0]) {
              field.append(new Option(label, values[0], true, true));
            }
          } else {
            field.value = values[0] ?? "";
          }
          field.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }
      if (saved.body) {
        const textarea = form.elements.body;
        if (editor) editor.commands.setContent(saved.body[0] ?? "");
        else if (textarea) textarea.value = saved.body[0] ?? "";
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
