// The preview window: the post's page in a frame, at a phone's or a desktop's width, shown
// again (at the same place) whenever the form's autosave or a save changes what it shows.
(() => {
  const POLL_MS = 2000;
  const config = JSON.parse(document.getElementById("preview-config").textContent);
  const frame = document.querySelector("[data-preview-frame]");
  const status = document.querySelector("[data-preview-status]");
  let version = frame.dataset.version;

  for (const button of document.querySelectorAll("[data-width]")) {
    button.addEventListener("click", () => {
      for (const other of document.querySelectorAll("[data-width]")) {
        other.setAttribute("aria-pressed", String(other === button));
      }
      frame.classList.toggle("live-preview__frame--phone", button.dataset.width === "phone");
    });
  }

  let scrollY = 0;
  frame.addEventListener("load", () => {
    frame.contentWindow?.scrollTo(0, scrollY);
  });

  async function poll() {
    try {
      const response = await fetch(config.preview_version, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`The server answered ${response.status}`);
      const reply = await response.json();
      if (reply.version !== version) {
        version = reply.version;
        scrollY = frame.contentWindow?.scrollY ?? 0;
        frame.contentWindow.location.replace(config.preview_page);
        const time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
        status.textContent = `Updated at ${time}.`;
      } else if (status.textContent.startsWith("Not updated")) {
        status.textContent = "Up to date.";
      }
    } catch (error) {
      status.textContent = "Not updated — the site is out of reach; trying again.";
    }
    setTimeout(poll, POLL_MS);
  }
  setTimeout(poll, POLL_MS);
})();
