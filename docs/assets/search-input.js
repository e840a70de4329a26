// Material's search reads the query on "keyup". Vietnamese often arrives
// without one: a phone keyboard composing "ý", dictation, pasting from the
// menu. Any input then also says "keyup", so the search sees the whole query.
document.addEventListener("input", function (event) {
  var field = event.target;
  if (field instanceof HTMLInputElement && field.matches("[data-md-component=search-query]")) {
    field.dispatchEvent(new KeyboardEvent("keyup"));
  }
}, true);
