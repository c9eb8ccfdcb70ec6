// Tag suggestions without a page reload. Without JavaScript the Accept and
// Dismiss buttons submit the form and the server does the same thing.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[name=accept_suggestion], button[name=dismiss_suggestion]");
  if (!button) return;
  const item = button.closest(".suggestion");
  const form = button.form;
  const field = button.closest(".suggestions").dataset.for;
  const name = item.dataset.name;
  event.preventDefault();
  if (button.name === "accept_suggestion") {
    const inputs = form.querySelectorAll(`[name="${field}"]`);
    if (inputs.length && (inputs[0].type === "radio" || inputs[0].type === "checkbox")) {
      inputs.forEach((input) => {
        if (input.value === name) input.checked = true;
        // A specific warning replaces "No Archive Warnings Apply".
        if (field === "warnings" && input.value === "No Archive Warnings Apply") input.checked = false;
      });
    } else if (inputs.length) {
      const input = inputs[0];
      const names = input.value.split(",").map((s) => s.trim()).filter(Boolean);
      if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
      input.value = names.join(", ");
    }
  } else {
    const dismissed = form.querySelector("[name=dismissed_suggestions]");
    const ids = dismissed.value.split(",").filter(Boolean);
    ids.push(item.dataset.id);
    dismissed.value = ids.join(",");
  }
  const list = item.parentElement;
  item.remove();
  if (!list.children.length) list.closest(".suggestions").remove();
});
