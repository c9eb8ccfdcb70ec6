"""`make demo` loads a canon for the demo's own fandoms, so Post from text in the demo
links the names in a pasted story to full canonical names with high confidence."""
from django.core.management import call_command
from django.urls import reverse

from quire.accounts.models import User
from quire.core import demo, demo_library
from quire.tags.models import Tag
from quire.works.models import Work

# Our own writing, in the demo's Pride and Prejudice fandom, posted FanFiction.Net style.
STORY = """Lizzy has one week at Pemberley to decide whether she was wrong about everything.

A/N: My first Pride and Prejudice fic! Darcy/Lizzy, obviously. Please review!

Disclaimer: I don't own Pride and Prejudice, Jane Austen does.

Chapter 1: The Gallery

Elizabeth walked the long gallery alone. Mr. Darcy found her by the window, and for a moment neither of them spoke.

"You came," Darcy said.

"Jane insisted," said Lizzy, and smiled in spite of herself.

Chapter 2: The Lake

Jane and Mr. Bingley rowed out on the lake while Elizabeth watched from the shore. Darcy sat beside her. When he kissed Elizabeth's hand she let him.

Next chapter soon!
"""


def test_demo_loads_its_canon_with_the_works(db):
    call_command("load_demo", verbosity=0)
    darcy = Tag.objects.get(name="Fitzwilliam Darcy")
    assert darcy.canonical and darcy.parents.filter(name=demo.AUSTEN).exists()
    assert Tag.objects.get(name="Mr. Darcy").synonym_of == darcy
    # The demo works are tagged with the canonical tags, not unwrangled copies of them.
    assert Work.objects.get(title="The Case of the Borrowed Violin").tags.get(
        name="Sherlock Holmes").canonical


def test_post_from_text_in_the_demo_suggests_full_canonical_names(db, client):
    call_command("load_demo", verbosity=0)
    client.force_login(User.objects.get(username="tessellate"))
    response = client.post(reverse("imports:from_text"), {"text": STORY})
    assert response.status_code == 302
    work = Work.objects.latest("pk")
    assert work.is_draft and response.url == reverse("works:edit", args=[work.pk])
    got = {(s.type, s.name): s for s in work.tag_suggestions.all()}
    assert got[("fandom", demo.AUSTEN)].confidence >= 0.8
    for name in ("Elizabeth Bennet", "Fitzwilliam Darcy"):
        s = got[("character", name)]
        assert s.canonical and s.confidence >= 0.8, (name, s.confidence)
    assert ("relationship", "Elizabeth Bennet/Fitzwilliam Darcy") in got
    # Given names alone are never offered beside the full name they stand for.
    assert not any(t == "character" and n in ("Lizzy", "Darcy", "Elizabeth") for t, n in got)
    page = client.get(reverse("works:edit", args=[work.pk])).content.decode()
    assert "Fitzwilliam Darcy" in page and "canonical" in page


def test_the_demo_fills_a_dozen_fandoms_with_canon_and_has_staff_accounts(db, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert Work.objects.filter(published_at__isnull=False).count() >= 60
    fandoms = Tag.objects.filter(type="fandom", canonical=True)
    assert fandoms.count() >= 12
    for fandom in fandoms:
        # Every fandom has canon characters, and works tagged with it.
        assert Tag.objects.filter(type="character", canonical=True, parents=fandom).exists(), fandom.name
        assert Work.objects.filter(tags=fandom).exists(), fandom.name
    assert User.objects.get(username="warden").can_moderate
    assert User.objects.get(username="sorter").is_wrangler
    # `make demo` tells people how to log in as each of them.
    assert "warden" in out and "moderator" in out and "sorter" in out and demo.DEMO_PASSWORD in out
    assert User.objects.get(username="warden").check_password(demo.DEMO_PASSWORD)


def test_the_generated_works_are_the_same_on_every_run():
    first, second = (demo_library.generated_works(demo.HANDWRITTEN_CANON) for _ in range(2))
    assert first == second
    assert len({w["title"] for w in first}) == len(first)
