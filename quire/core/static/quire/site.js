// Site-wide behaviour, kept in a static file so the Content-Security-Policy can
// refuse every inline script. Pages work without it: each form has a button in
// <noscript>.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches && field.matches("select[data-autosubmit]") && field.form) {
    field.form.submit();
  }
});
