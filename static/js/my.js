// "Add to MY" and "Follow" without a page reload. Without JavaScript the forms post as usual.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-my-toggle]");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.redirected || !response.ok) {
      form.submit();  // e.g. a reader who must log in first
      return;
    }
    const pressed = button.getAttribute("aria-pressed") !== "true";
    const label = pressed ? form.dataset.onLabel : form.dataset.offLabel;
    const text = button.querySelector(".my-button__label");
    if (text) {
      text.firstChild.nodeValue = label;  // the post's title follows, visually hidden
      if (button.title) button.title = label;
    } else {
      const hidden = button.querySelector(".visually-hidden");
      button.textContent = label;
      if (hidden) button.append(hidden);
    }
    button.setAttribute("aria-pressed", String(pressed));
    form.action = form.action.replace(
      pressed ? /\/(save|follow)\// : /\/(unsave|unfollow)\//,
      (match, verb) => `/${pressed ? "un" + verb : verb.replace(/^un/, "")}/`,
    );
  } finally {
    button.disabled = false;
  }
});
