"""A Spanish-speaking reader uses the archive end to end in Chromium: the browser asks
for Spanish, every interface string on the pages they walk through is Spanish, they
leave kudos and a comment and are thanked in Spanish, choose Spanish on their account
so it follows them to another browser, and switch back to English in the footer.

Expected words come from the catalogues (gettext), not from this file, so a better
translation never breaks the test; each is checked to differ from the English first,
so an untranslated string can't pass as Spanish."""

from pathlib import Path

import polib
from django.utils import translation
from playwright.sync_api import expect

import quire
from tests.factories import make_user, make_work

PASSWORD = "correct-horse-battery"


def es(english: str, same: bool = False) -> str:
    """The Spanish of an interface string; `same` for the few that read alike (Kudos)."""
    with translation.override("es"):
        spanish = translation.gettext(english)
    assert same or spanish != english, f"{english!r} has no Spanish translation"
    return spanish


def english_sentences() -> set[str]:
    """Interface sentences of three words or more, as English: none may show on a
    Spanish page (short ones could be a work's title)."""
    found = set()
    for path in Path(quire.__file__).parent.rglob("locale/es/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            text = entry.msgid
            if "%" in text or "<" in text or len(text.split()) < 3:
                continue
            if entry.msgstr and entry.msgstr != text:
                found.add(text)
    return found


def assert_no_english(page) -> None:
    shown = page.locator("body").inner_text()
    left = sorted(sentence for sentence in english_sentences() if sentence in shown)
    assert not left, f"English on a Spanish page at {page.url}: {left}"


def test_a_spanish_reader_walks_the_archive_in_spanish(browser, live_server):
    author = make_user("ines")
    work = make_work(author, "Farolillos de papel", chapters=["La primera noche encendimos todos los farolillos."])
    make_user("marta")

    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    page = context.new_page()
    page.set_default_timeout(10_000)

    # The home page, as a guest whose browser asks for Spanish.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    nav = page.get_by_role("navigation", name=es("Main"))
    expect(nav.get_by_role("link", name=es("Log in"))).to_be_visible()
    assert_no_english(page)

    # The works listing and the work.
    nav.get_by_role("link", name=es("Works"), exact=True).click()
    expect(page.get_by_role("link", name="Farolillos de papel")).to_be_visible()
    assert_no_english(page)
    page.get_by_role("link", name="Farolillos de papel").click()
    expect(page.locator("main")).to_contain_text("La primera noche encendimos todos los farolillos.")
    assert_no_english(page)

    # Log in through the Spanish form (Django's own strings are Spanish too).
    page.get_by_role("navigation", name=es("Main")).get_by_role("link", name=es("Log in")).click()
    assert_no_english(page)
    page.get_by_label(es("Username")).fill("marta")
    page.get_by_label(es("Password")).fill(PASSWORD)
    page.get_by_role("button", name=es("Log in")).click()
    expect(page.get_by_role("button", name=es("Log out"))).to_be_visible()

    # Kudos and a comment, thanked in Spanish.
    page.goto(work.get_absolute_url())
    page.get_by_role("button", name=es("Kudos ♥", same=True)).click()
    expect(page.get_by_text(es("Thank you for leaving kudos!"))).to_be_visible()
    page.get_by_label(es("Comment"), exact=True).fill("¡Qué bonito final!")
    with translation.override("es"):
        post = translation.pgettext("verb", "Comment")
    assert post != "Comment"
    page.get_by_role("button", name=post, exact=True).first.click()
    expect(page.get_by_text(es("Comment posted."))).to_be_visible()
    expect(page.locator("main")).to_contain_text("¡Qué bonito final!")
    assert_no_english(page)

    # She keeps Spanish on her account: another browser that asks for English follows it.
    page.get_by_role("contentinfo").get_by_role("link", name=es("Language")).click()
    page.get_by_label("Español").check()
    page.get_by_role("button", name=es("Save")).click()
    other = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    other.goto("/")
    expect(other.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()  # English
    other.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    other.get_by_label("Username").fill("marta")
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Log in").click()
    expect(other.locator("html")).to_have_attribute("lang", "es")
    expect(other.get_by_role("button", name=es("Log out"))).to_be_visible()
    other.context.close()

    # And back to English from the footer.
    page.get_by_role("contentinfo").get_by_role("link", name=es("Language")).click()
    page.get_by_label("English").check()
    page.get_by_role("button", name=es("Save")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    context.close()
