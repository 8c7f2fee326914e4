// Sends the CSRF token with every htmx request (the token is in the page's meta tags; no inline script: CSP).
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) event.detail.headers[header.content] = token.content;
});

// A refused request says why beside the form that sent it, instead of nothing (htmx swaps no error answer): the
// sentence of the error page, read as text only, else the page's word for an error with the status.
document.addEventListener("htmx:responseError", function (event) {
  var elt = event.detail.elt;
  var form = (elt.closest && elt.closest("form")) || elt;
  var sentence = "";
  var problem = new DOMParser().parseFromString(event.detail.xhr.responseText || "", "text/html").getElementById("problem");
  if (problem) sentence = problem.textContent.trim();
  if (!sentence) {
    var word = document.querySelector('meta[name="error-word"]');
    sentence = (word ? word.content : "Error") + " (" + event.detail.xhr.status + ")";
  }
  var slot = form.querySelector("[data-testid=form-error]");
  if (!slot) {
    slot = document.createElement("p");
    slot.className = "error";
    slot.setAttribute("role", "alert");
    slot.setAttribute("data-testid", "form-error");
    form.appendChild(slot);
  }
  slot.textContent = sentence;
});

// A field required for one choice only (a dismissal needs its note): the browser then says so beside the field,
// before anything is sent.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-note-required-for]") || !select.form) return;
  var note = select.form.querySelector("[name=note]");
  if (note) note.required = select.value === select.getAttribute("data-note-required-for");
});
