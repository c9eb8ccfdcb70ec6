"""axe-core finds no serious or critical accessibility problem on the main pages, in the
light and dark skins, and the posting form can be filled in and sent with the keyboard alone.

axe-core is vendored (tests/browser/vendor/axe-core: axe.min.js with its MPL-2.0 licence
and third-party notices, unmodified): the suite then runs with no network and always
checks with the same rules; a new axe version is a deliberate update of that folder,
checked against AXE_SHA256 below."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quire.accounts.appearance import COOKIE, Look
from quire.accounts.models import User
from quire.works.models import Work
from tests.browser.helpers import log_in
from tests.browser.site_pages import build_site
from tests.factories import make_user

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
BLOCKING = ("serious", "critical")


def axe_source() -> str:
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, f"{AXE} is not axe-core {AXE_VERSION} as vendored"
    return source.decode()


def violations(page, source: str) -> list[dict]:
    """axe's serious and critical findings on the page as it stands. Evaluated through
    the DevTools protocol, which the site's Content-Security-Policy does not block."""
    page.evaluate(source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"rule": v["id"], "impact": v["impact"], "help": v["help"],
         "where": [n["target"] for n in v["nodes"][:3]]}
        for v in result["violations"] if v["impact"] in BLOCKING
    ]  # fmt: skip


@pytest.mark.parametrize("skin", ["light", "dark", "contrast"])
def test_the_main_pages_have_no_serious_accessibility_problems(browser, live_server, skin):
    """Light and dark as the device asks for them (the default skin follows it); high
    contrast as a reader chooses it, on the account and in a guest's cookie."""
    pages = build_site("phoebe")
    if skin == "contrast":
        User.objects.filter(username="phoebe").update(skin="contrast")
    source = axe_source()
    found = {}
    for signed_in in (True, False):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1100, "height": 900},
            color_scheme="dark" if skin == "dark" else "light",
        )  # fmt: skip
        if skin == "contrast":
            context.add_cookies([{"name": COOKIE, "value": Look(skin="contrast").cookie_value(), "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        try:
            if signed_in:
                log_in(page, "phoebe")
            for site_page in (p for p in pages if p.signed_in == signed_in):
                page.goto(site_page.path)
                assert page.locator("html").get_attribute("data-skin") == ("auto" if skin != "contrast" else skin)
                if problems := violations(page, source):
                    found[site_page.name] = problems
        finally:
            context.close()
    assert len(pages) >= 20
    assert not found, json.dumps(found, indent=1)


def test_axe_reports_a_problem_it_is_shown(page, live_server):
    """Positive control: the check above would fail on a page with a serious problem."""
    page.goto("/")
    page.evaluate("document.querySelector('main').append(Object.assign(document.createElement('img'), {src: '/x.png'}))")
    assert any(v["rule"] == "image-alt" for v in violations(page, axe_source()))


def test_a_work_can_be_posted_with_the_keyboard_alone(page, live_server):
    make_user("phoebe")
    log_in(page, "phoebe")
    page.goto("/works/new/")
    keyboard = page.keyboard

    def tab_to(locator, limit=80):
        """Press Tab until `locator` has the focus, and show that the focus can be seen."""
        for _ in range(limit):
            if locator.evaluate("el => el === document.activeElement"):
                outline = locator.evaluate("el => getComputedStyle(el).outlineStyle")
                assert outline != "none", "the focused field shows no focus ring"
                return
            keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    # Tab enters the rating's radio group on its first choice; the arrow keys choose within it.
    tab_to(page.get_by_label("Not Rated"))
    keyboard.press("ArrowDown")
    expect(page.get_by_label("General Audiences")).to_be_checked()
    tab_to(page.get_by_label("No Archive Warnings Apply"))
    keyboard.press("Space")
    tab_to(page.get_by_label(re.compile(r"^Fandoms")))
    keyboard.type("Original Work")
    tab_to(page.get_by_label(re.compile(r"^Title")))
    keyboard.type("Typed Without a Mouse")
    tab_to(page.get_by_label("Chapter text"))
    keyboard.type("Every word of this arrived through the keys.")
    tab_to(page.get_by_role("button", name="Post", exact=True))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Typed Without a Mouse")).to_be_visible()
    work = Work.objects.get(title="Typed Without a Mouse")
    assert not work.is_draft
