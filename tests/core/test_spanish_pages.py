"""Every page a reader, an author or a moderator opens reads in Spanish when they ask
for it. The archive's content here is Spanish (titles, summaries, comments) and tag
names are data, so any English sentence left on a page is interface text that was
never marked for translation: the test finds it by its English function words
("the", "your", "with"…), which Spanish never uses, and names the page."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from quire.accounts.models import User
from quire.interactions import feedback
from quire.tags.models import Tag
from quire.works.models import Series
from tests.factories import make_user, make_work

_WORDS = (
    "the|your|you|and|with|this|that|of|to|is|are|for|has|have|was|will|from|it|by|or|on|at|"
    "be|not|can|here|there|what|which|who|when|been|were|would|should|into|than|they|their|"
    "these|those|yet|only|also|more|some|any|none|please"
)
# Lower case or capitalised: "AND" and "OR" in capitals name the exchange's matching rules.
ENGLISH = re.compile(r"\b(" + _WORDS + "|" + "|".join(w.capitalize() for w in _WORDS.split("|")) + r")\b")


class VisibleText(HTMLParser):
    """The text a reader sees, and the attributes a screen reader reads out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        for name, value in attrs:
            if value and name in ("title", "placeholder", "aria-label", "alt"):
                self.parts.append(value)
            if value and name == "value" and dict(attrs).get("type") in ("submit", "button"):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def english_left(html: str, data: set[str]) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    left = []
    for part in parser.parts:
        for name in data:  # tag names, usernames and the like are not interface text
            part = part.replace(name, " ")
        if ENGLISH.search(part):
            left.append(part)
    return left


@pytest.fixture
def archive(db):
    autora = make_user("autora")
    lectora = make_user("lectora")
    moderadora = make_user("moderadora", is_moderator=True, is_staff=True)
    obra = make_work(
        autora, "Farolillos de papel", summary="Una noche de verbena en el pueblo.",
        chapters=["Encendimos los farolillos.", "Se apagaron al amanecer."],
        fandoms=("Cuentos del Sur",), characters=("Lucía Ortega",), freeforms=("Verano",),
    )
    serie = Series.objects.create(title="Noches de verano")
    feedback.leave_kudos(obra, user=lectora)
    return {"autora": autora, "lectora": lectora, "moderadora": moderadora, "obra": obra, "serie": serie}


def _data_names() -> set[str]:
    names = set(Tag.objects.values_list("name", flat=True)) | set(User.objects.values_list("username", flat=True))
    return {name for name in names if name} | {"Quire"}


def _pages(archive) -> dict[str, list[str]]:
    obra, autora = archive["obra"], archive["autora"]
    fandom = Tag.objects.get(name="Cuentos del Sur")
    guest = [
        "/", reverse("works:index"), obra.get_absolute_url(), reverse("search:works") + "?q=farolillos",
        reverse("search:fandoms"), reverse("tags:detail", args=[fandom.pk]),
        reverse("search:tag_works", args=[fandom.pk]), reverse("collections:index"), reverse("exchanges:index"),
        reverse("accounts:login"), reverse("accounts:signup"), reverse("accounts:password_reset"),
        reverse("accounts:profile", args=[autora.username]), reverse("interactions:bookmarks", args=[autora.username]),
        reverse("interactions:work_bookmarks", args=[obra.pk]), reverse("sitepages:news"),
        reverse("sitepages:contact"), reverse("accounts:language"), reverse("accounts:appearance"),
        reverse("moderation:report", args=["work", obra.pk]),
    ]
    reader = [
        "/", obra.get_absolute_url(), reverse("works:new"), reverse("imports:from_text"), reverse("imports:new"),
        reverse("accounts:preferences"), reverse("accounts:profile_edit"), reverse("accounts:pseuds"),
        reverse("accounts:password_change"), reverse("accounts:email_change"), reverse("accounts:username_change"),
        reverse("interactions:settings"), reverse("interactions:blocked"), reverse("downloads:app_passwords"),
        reverse("downloads:data_export"), reverse("works:account_delete"), reverse("interactions:inbox"),
        reverse("interactions:subscriptions"), reverse("interactions:my_bookmarks"), reverse("interactions:history"),
        reverse("interactions:stats"), reverse("search:saved_filters"), reverse("works:creatorships"),
        reverse("collections:new"), reverse("interactions:bookmark", args=["work", obra.pk]),
        reverse("accounts:my_invitations"), reverse("collections:related_pending"),
    ]
    author = [
        obra.get_absolute_url(), reverse("works:edit", args=[obra.pk]), reverse("works:chapter_new", args=[obra.pk]),
        reverse("works:chapters_manage", args=[obra.pk]), reverse("works:series_new"),
        reverse("works:orphan_work", args=[obra.pk]),
    ]
    moderator = [
        reverse("moderation:console"), reverse("moderation:sanctions"), reverse("moderation:blocklist"),
        reverse("moderation:log"), reverse("moderation:policy"), reverse("moderation:review"),
        reverse("sitepages:manage"), reverse("sitepages:news_new"),
        reverse("tags:wrangle"), reverse("exchanges:new"),
    ]
    return {"guest": guest, "lectora": reader, "autora": author, "moderadora": moderator}


def test_every_page_reads_in_spanish(client, archive, settings):
    settings.STAFF_TWO_FACTOR = False  # the moderator's pages, without a phone at hand
    names = _data_names()
    problems = []
    checked = 0
    for who, urls in _pages(archive).items():
        client.logout()
        if who != "guest":
            client.force_login(archive[who])
        for url in urls:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="es", follow=True)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                problems.append(f"{who} {url}: status {response.status_code}")
                continue
            assert response["Content-Language"] == "es", url
            checked += 1
            for text in english_left(response.content.decode(), names):
                problems.append(f"{who} {url}: {text[:160]!r}")
    assert checked > 50
    assert not problems, f"{len(problems)} English strings on Spanish pages:\n" + "\n".join(problems)


def test_the_detector_sees_english_and_passes_spanish():
    html = '<p>Añadir a <b>Verano</b></p><button title="Leave kudos for the author">Kudos</button><p>No hay obras</p>'
    assert english_left(html, {"Verano"}) == ["Leave kudos for the author"]
    assert english_left("<p>Your works</p>", set()) == ["Your works"]
    assert english_left("<p>Al menos una en común (OR)</p>", set()) == []
