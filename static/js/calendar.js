// The editorial calendar: drag a scheduled column to another day to move it there, at the
// same time of day. Without this file each column's "Move to" form does the same.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector(".cal-status");
  const scheduled = document.querySelectorAll(".cal-post[draggable=true]");
  if (!scheduled.length) return;
  document.querySelector(".cal-hint").hidden = false;
  let dragged = null;

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("is-error", Boolean(isError));
  }

  scheduled.forEach((entry) => {
    entry.addEventListener("dragstart", (event) => {
      dragged = entry;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", entry.dataset.post);
    });
    entry.addEventListener("dragend", () => { dragged = null; });
  });

  document.querySelectorAll(".cal-day").forEach((day) => {
    day.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      day.classList.add("is-drop-target");
    });
    day.addEventListener("dragleave", () => day.classList.remove("is-drop-target"));
    day.addEventListener("drop", async (event) => {
      day.classList.remove("is-drop-target");
      if (!dragged) return;
      event.preventDefault();
      const entry = dragged;
      const form = entry.querySelector(".cal-move form");
      if (entry.closest(".cal-day") === day) return;
      const data = new FormData(form);
      data.set("date", day.dataset.date);
      say("Moving…");
      let response;
      try {
        response = await fetch(form.action, {
          method: "POST",
          body: data,
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
      } catch {
        say("The column could not be moved: the server did not answer. Try again.", true);
        return;
      }
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        say(answer.error || "The column could not be moved.", true);
        return;
      }
      day.querySelector(".cal-entries").prepend(entry);
      form.querySelector("input[name=date]").value = answer.date;
      say(answer.message);
    });
  });
});
