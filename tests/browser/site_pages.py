"""The twenty-odd pages people use most, with content on each, for the browser walks
(tests/browser/test_phone.py at phone widths, tests/browser/test_accessibility.py with axe)."""

from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from quire.core import demo, demo_library
from quire.interactions.feedback import post_comment
from quire.interactions.tracking import save_bookmark
from quire.tags.canon import CanonRow, import_canon
from quire.tags.models import Tag
from quire.works import services
from quire.works.models import Series, Work
from tests.factories import make_user, make_work

# Our own words: long unbroken names and a long title are what push a narrow page wide.
LONG_TITLE = "The Extraordinarily Long-Winded Chronicle of the Lamplighter's Apprenticeship Year"
PASTED = """A/N: Darcy/Lizzy, a week at Pemberley. Please review!

Chapter 1: The Gallery

Elizabeth walked the long gallery alone. Mr. Darcy found her by the window.

"You came," Darcy said. "Jane insisted," said Lizzy.
"""


@dataclass
class SitePage:
    name: str
    path: str
    signed_in: bool = True


def build_site(username: str = "phoebe") -> list[SitePage]:
    """An author with works, a series, a bookmark, a comment and a draft from text; the pages to visit."""
    # The demo's canon, so the draft from text has suggestions beside its tag fields.
    rows = demo.canon_rows({**demo.HANDWRITTEN_CANON, **demo_library.canon()})
    import_canon(CanonRow(n, *row) for n, row in enumerate(rows, start=1))
    author = make_user(username)
    reader = make_user("rosalind")
    work = make_work(
        author, LONG_TITLE,
        chapters=["The lamps went on one by one along the quay.", "By morning the harbour was quiet again."],
        fandoms=("Pride and Prejudice - Jane Austen",), characters=("Elizabeth Bennet", "Fitzwilliam Darcy"),
        relationships=("Elizabeth Bennet/Fitzwilliam Darcy",),
        freeforms=("Supercalifragilisticexpialidocious-Length-Freeform-Tag-Without-Spaces", "Slow Burn"),
        summary="A year of lamps, ladders and a harbour that never quite sleeps.",
    )  # fmt: skip
    make_work(reader, "Second Lantern", fandoms=("Pride and Prejudice - Jane Austen",))
    series = Series.objects.create(title="Harbour Lights", summary="Lamps and the people who light them.")
    series.creators.add(author.default_pseud)
    services.set_series(work, series, 1)
    save_bookmark(author, work=Work.objects.get(title="Second Lantern"), notes="Lovely.", tags="comfort read")
    post_comment(work, work.chapters.first(), "I read this twice.", user=reader, actor_key="rosalind")
    client = Client()
    client.force_login(author)
    response = client.post(reverse("imports:from_text"), {"text": PASTED})
    assert response.status_code == 302, response.content[:500]
    draft = Work.objects.latest("pk")
    assert draft.is_draft and draft.tag_suggestions.exists()
    chapter = work.chapters.order_by("position")[1]
    tag = Tag.objects.get(name="Elizabeth Bennet")
    return [
        SitePage("home", "/"),
        SitePage("works list", "/works/"),
        SitePage("work page", work.get_absolute_url()),
        SitePage("chapter", chapter.get_absolute_url()),
        SitePage("entire work", work.get_absolute_url() + "?view_full_work=true"),
        SitePage("chapter index", reverse("works:navigate", args=[work.pk])),
        SitePage("tag page", reverse("tags:detail", args=[tag.pk])),
        SitePage("tag works", reverse("search:tag_works", args=[tag.pk])),
        SitePage("search", "/search/?q=lamps"),
        SitePage("fandoms", reverse("search:fandoms")),
        SitePage("bookmarks", reverse("interactions:my_bookmarks")),
        SitePage("profile", reverse("accounts:profile", args=[username])),
        SitePage("post new work", reverse("works:new")),
        SitePage("post from text", reverse("imports:from_text")),
        SitePage("draft with suggestions", reverse("works:edit", args=[draft.pk])),
        SitePage("import works", reverse("imports:new")),
        SitePage("inbox", reverse("interactions:inbox")),
        SitePage("history", reverse("interactions:history")),
        SitePage("preferences", reverse("accounts:preferences")),
        SitePage("appearance", reverse("accounts:appearance")),
        SitePage("series", series.get_absolute_url()),
        SitePage("log in", reverse("accounts:login"), signed_in=False),
        SitePage("sign up", reverse("accounts:signup"), signed_in=False),
        SitePage("not found", "/no-such-page/", signed_in=False),
    ]

