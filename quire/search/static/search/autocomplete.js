// Canonical tags first, as suggestions under tag fields. Progressive enhancement:
// without this script the fields are plain comma-separated text boxes.
// Each suggestion keeps what was typed before the last comma, so a <datalist>
// can complete the tag being typed in a list of tags.
(function () {
  "use strict";
  var TYPES = { fandoms: "fandom", characters: "character", relationships: "relationship", freeforms: "freeform" };
  // The suggestions URL comes from the page ({% url %} in search/_nav.html), not a guess at the site's URL layout.
  var script = document.currentScript || document.querySelector("script[data-autocomplete-url]");
  var url = script && script.getAttribute("data-autocomplete-url");
  if (!url) { return; }
  // The word for "canonical" in the page's language, from the template that loads this script.
  var canonicalLabel = script.getAttribute("data-canonical-label") || "canonical";
  var counter = 0;

  function attach(input) {
    var type = TYPES[input.name] || "";
    var list = document.createElement("datalist");
    list.id = "tag-suggestions-" + (++counter);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.insertAdjacentElement("afterend", list);
    var pending = null;
    input.addEventListener("input", function () {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var prefix = cut >= 0 ? value.slice(0, cut + 1) + " " : "";
      var term = value.slice(cut + 1).trim();
      if (pending) { clearTimeout(pending); }
      if (term.length < 2) { return; }
      pending = setTimeout(function () {
        fetch(url + "?type=" + encodeURIComponent(type) + "&term=" + encodeURIComponent(term), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.tags.forEach(function (tag) {
              var option = document.createElement("option");
              option.value = prefix + tag.name;
              if (tag.canonical) { option.label = tag.name + " (" + canonicalLabel + ")"; }
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  function init() {
    var selector = Object.keys(TYPES).map(function (n) { return "input[name=" + n + "]"; }).join(",");
    document.querySelectorAll(selector + ",input[data-tag-autocomplete]").forEach(attach);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
