"""Parts of the work form that apps above `works` add (collections, gifts,
related works): works must not import them, so they register a form class here
from their AppConfig.ready(), and the posting views show, validate and save
every registered section beside the work form.

A section is a Django form taking `data`, `user=` and `work=` (None for a new
work), with a `legend` for its fieldset and `save(work) -> list[str]`: what it
could not do, for the page to say."""

SECTIONS: list[type] = []


def register(section) -> None:
    if section not in SECTIONS:
        SECTIONS.append(section)


def bound(data, *, user, work) -> list:
    return [section(data, user=user, work=work) for section in SECTIONS]


def all_valid(sections) -> bool:
    # Validate every one (no short-circuit) so all problems show at once.
    return all([section.is_valid() for section in sections])


def save_all(sections, work) -> list[str]:
    problems: list[str] = []
    for section in sections:
        problems += section.save(work)
    return problems
