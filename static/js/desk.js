// The moderation desk's keys: j and k move between comments, a, r and s press the current
// comment's Approve, Reject and Spam, x ticks it for the buttons that act on a selection.
// Without this file every button still works as a plain form.
document.addEventListener("DOMContentLoaded", () => {
  const comments = Array.from(document.querySelectorAll(".desk-comment"));
  if (!comments.length) return;
  let current = 0;

  function show(index) {
    comments[current].classList.remove("is-current");
    current = Math.max(0, Math.min(index, comments.length - 1));
    comments[current].classList.add("is-current");
    comments[current].focus();
  }

  comments.forEach((comment, index) => {
    comment.addEventListener("focusin", () => {
      comments[current].classList.remove("is-current");
      current = index;
      comment.classList.add("is-current");
    });
  });
  comments[0].classList.add("is-current");
  document.getElementById("desk-keys").hidden = false;

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input:not([type=checkbox]), textarea, select, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    if (key === "j") show(current + 1);
    else if (key === "k") show(current - 1);
    else if (key === "x") comments[current].querySelector("input[name=ids]").click();
    else {
      const button = comments[current].querySelector(`button[data-key="${key}"]`);
      if (!button) return;
      button.click();
    }
    event.preventDefault();
  });
});
