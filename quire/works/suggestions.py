"""Tag suggestions on the work form: shown beside each tag field, accepted or
dismissed by the author, with or without JavaScript.

Without JavaScript, Accept and Dismiss are submit buttons of the work form
itself: the view puts the tag into the submitted data and shows the form again
with everything the author typed, saving nothing. With JavaScript
(static/quire/suggestions.js) the same happens in the page. Either way the
outcome is recorded when the author saves the work.
"""

from quire.tags.models import SuggestionStatus, TagSuggestion, TagType

from .forms import split_tags

# Which form field takes each type of suggested tag, and how.
FIELDS = {
    TagType.RATING: "rating",
    TagType.WARNING: "warnings",
    TagType.FANDOM: "fandoms",
    TagType.RELATIONSHIP: "relationships",
    TagType.CHARACTER: "characters",
    TagType.FREEFORM: "freeforms",
}
DISMISSED_FIELD = "dismissed_suggestions"


def dismissed_ids(data) -> set[int]:
    raw = data.get(DISMISSED_FIELD, "") if data is not None else ""
    return {int(x) for x in raw.split(",") if x.strip().isdigit()}


def _present(field: str, values, name: str) -> bool:
    if field == "rating":
        return values == name
    if field == "warnings":
        return name in (values or [])
    return name.lower() in {n.lower() for n in split_tags(values or "")}


def pending_by_field(work, form, dismissed: set[int]) -> dict[str, list[TagSuggestion]]:
    """Pending suggestions for each field, leaving out those dismissed or already in the field."""
    out: dict[str, list[TagSuggestion]] = {field: [] for field in FIELDS.values()}
    if work is None:
        return out
    for suggestion in work.tag_suggestions.filter(status=SuggestionStatus.PENDING):
        field = FIELDS[suggestion.type]
        if suggestion.pk in dismissed or _present(field, form[field].value(), suggestion.name):
            continue
        out[field].append(suggestion)
    for suggestions in out.values():
        suggestions.sort(key=lambda s: -s.confidence)
    return out


def accept_into(data, suggestion: TagSuggestion):
    """A copy of the submitted form data with the suggested tag added to its field."""
    data = data.copy()
    field = FIELDS[suggestion.type]
    if field == "rating":
        data["rating"] = suggestion.name
    elif field == "warnings":
        chosen = data.getlist("warnings")
        if suggestion.name not in chosen:
            # "No Archive Warnings Apply" and a specific warning contradict each other.
            chosen = [w for w in chosen if w != "No Archive Warnings Apply"] + [suggestion.name]
        data.setlist("warnings", chosen)
    else:
        names = split_tags(data.get(field, ""))
        if suggestion.name.lower() not in {n.lower() for n in names}:
            names.append(suggestion.name)
        data[field] = ", ".join(names)
    return data


def dismiss_into(data, suggestion: TagSuggestion):
    data = data.copy()
    data[DISMISSED_FIELD] = ",".join(str(i) for i in sorted(dismissed_ids(data) | {suggestion.pk}))
    return data


def record_outcomes(work, data) -> None:
    """After a save: suggestions whose tag the work now has are accepted; dismissed ones are kept dismissed."""
    names = {(t.type, t.name.lower()) for t in work.tags.all()}
    for suggestion in work.tag_suggestions.filter(status=SuggestionStatus.PENDING):
        if (suggestion.type, suggestion.name.lower()) in names:
            suggestion.status = SuggestionStatus.ACCEPTED
        elif suggestion.pk in dismissed_ids(data):
            suggestion.status = SuggestionStatus.DISMISSED
        else:
            continue
        suggestion.save(update_fields=["status"])
