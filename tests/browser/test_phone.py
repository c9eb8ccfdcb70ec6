"""On a phone the header is short, its Menu button opens without a script, the Filters
button reaches the filters, and no page is wider than the screen. Readers choose a
skin, a text size and a line width that stay chosen, and can fold spoilers away."""

import contextlib

import pytest
from playwright.sync_api import expect

from quire.accounts.models import User
from tests.browser.helpers import log_in
from tests.browser.site_pages import build_site
from tests.factories import make_user, make_work


@contextlib.contextmanager
def phone(browser, live_server, width=390, *, scripts=True, username="", **options):
    """A page at a phone's width, signed in as `username` when given (logged in at a desktop
    width, where the header's Log out button shows without opening the menu)."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1100, "height": 900}, java_script_enabled=scripts, **options
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        if username:
            log_in(page, username)
        page.set_viewport_size({"width": width, "height": 844})
        yield page
    finally:
        context.close()


def menu(page):
    return page.locator("header summary", has_text="Menu")


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", [320, 390])
def test_the_signed_in_header_fits_a_phone_and_its_menu_opens_without_javascript(browser, live_server, width):
    make_user("phoebe")
    with phone(browser, live_server, width, scripts=False, username="phoebe") as page:
        page.goto("/works/")
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] < 120, header
        assert overflow(page) == 0
        search = page.get_by_role("searchbox", name="Search works")
        assert search.bounding_box()["width"] > 150
        # The signed-in links wait behind the Menu button, not cut off at the screen's edge.
        log_out = page.get_by_role("button", name="Log out")
        expect(log_out).to_be_hidden()
        menu(page).click()
        expect(page.get_by_role("link", name="Post new work")).to_be_visible()
        box = log_out.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        assert overflow(page) == 0
        log_out.click()
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()


def test_a_desktop_keeps_the_links_inline_with_no_menu_button(page, live_server):
    make_user("phoebe")
    log_in(page, "phoebe")
    page.goto("/works/")
    expect(menu(page)).to_be_hidden()
    expect(page.get_by_role("link", name="Post new work")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_the_filters_button_on_a_phone_jumps_to_the_filters(browser, live_server):
    author = make_user("phoebe")
    for n in range(8):
        make_work(author, f"Lantern {n}", chapters=["The lamps went on one by one along the quay."])
    with phone(browser, live_server, scripts=False) as page:
        page.goto("/works/")
        filters = page.get_by_role("form", name="Sort and filter")
        expect(filters).not_to_be_in_viewport()
        button = page.get_by_role("link", name="Filters", exact=True)
        assert button.bounding_box()["y"] < 300
        button.click()
        expect(filters).to_be_in_viewport()
        expect(page.get_by_label("Sort by")).to_be_in_viewport()


def test_the_filters_button_is_not_needed_beside_a_desktop_sidebar(page):
    page.goto("/works/")
    expect(page.get_by_role("form", name="Sort and filter")).to_be_visible()
    expect(page.get_by_role("link", name="Filters", exact=True)).to_be_hidden()


@pytest.mark.parametrize("width", [320, 390])
def test_no_main_page_is_wider_than_a_phone(browser, live_server, width):
    """Every main page, signed in or out as a person would visit it, scrolls only up and down."""
    pages = build_site("phoebe")
    wide = []
    with phone(browser, live_server, width, username="phoebe") as page:
        for site_page in (p for p in pages if p.signed_in):
            page.goto(site_page.path)
            if overflow(page):
                wide.append((site_page.name, site_page.path, overflow(page)))
        page.goto("/works/")
        menu(page).click()
        if overflow(page):
            wide.append(("open menu", "/works/", overflow(page)))
    with phone(browser, live_server, width) as page:
        for site_page in pages:
            page.goto(site_page.path)
            if overflow(page):
                wide.append((site_page.name + " (guest)", site_page.path, overflow(page)))
        # Positive control: a page made wider than the screen is caught.
        page.goto("/")
        page.evaluate("document.querySelector('main').append(Object.assign(document.createElement('div'),"
                      "{style: 'width: 2000px; height: 1px'}))")  # fmt: skip
        assert overflow(page) > 0
    assert not wide, f"pages wider than {width}px (name, path, extra pixels): {wide}"


def test_a_guest_picks_a_dark_skin_and_larger_text_and_they_stay_chosen(browser, live_server):
    make_user("phoebe")
    make_work(User.objects.get(username="phoebe"), "Lantern", chapters=["The lamps went on along the quay."])
    with phone(browser, live_server, color_scheme="light") as page:
        page.goto("/works/")
        light = page.evaluate("getComputedStyle(document.body).backgroundColor")
        page.get_by_role("link", name="Appearance").click()
        page.get_by_label("Skin").select_option(label="Dark")
        page.get_by_label("Text size").select_option(label="Larger")
        page.get_by_role("button", name="Save appearance").click()
        expect(page.get_by_text("Your reading settings have been saved.")).to_be_visible()
        # Back on the page the reader came from, and on every page after it.
        assert page.url.endswith("/works/")
        page.get_by_role("link", name="Lantern").click()
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
        assert page.locator("html").get_attribute("data-skin") == "dark"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_default_skin_follows_the_device(browser, live_server, scheme):
    with phone(browser, live_server, color_scheme=scheme) as page:
        page.goto("/")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        darkness = sum(int(c) for c in background[background.index("(") + 1:-1].split(",")[:3])
        assert (darkness < 200) == (scheme == "dark"), background


def test_a_signed_in_reader_keeps_high_contrast_and_a_narrow_line_on_their_account(browser, live_server):
    author = make_user("phoebe")
    work = make_work(author, "Lantern", chapters=["The lamps went on one by one along the quay. " * 40])
    with phone(browser, live_server, 1280, username="phoebe") as page:
        page.goto(work.get_absolute_url())
        wide = page.locator(".userstuff").first.bounding_box()["width"]
        page.goto("/settings/preferences/")
        page.get_by_label("Skin").select_option(label="High contrast")
        page.get_by_label("Line width").select_option(label="Narrow")
        page.get_by_role("button", name="Save preferences").click()
        page.goto(work.get_absolute_url())
        assert page.locator(".userstuff").first.bounding_box()["width"] < wide
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    author.refresh_from_db()
    assert (author.skin, author.line_width) == ("contrast", "narrow")


def test_a_reader_who_hides_spoilers_opens_them_on_each_work(browser, live_server):
    author = make_user("phoebe", hide_spoilers=True)
    work = make_work(author, "Lantern", warnings=("Major Character Death",), freeforms=("Heartbreak",),
                     characters=("Ada Thistlewood",))  # fmt: skip
    with phone(browser, live_server, scripts=False, username="phoebe") as page:
        page.goto("/works/")
        blurb = page.locator(f"#work_{work.pk}")
        expect(blurb.get_by_role("link", name="Ada Thistlewood")).to_be_visible()
        expect(blurb.get_by_role("link", name="Major Character Death")).to_be_hidden()
        expect(blurb.get_by_role("link", name="Heartbreak")).to_be_hidden()
        blurb.get_by_text("Warnings and additional tags").click()
        expect(blurb.get_by_role("link", name="Major Character Death")).to_be_visible()
        expect(blurb.get_by_role("link", name="Heartbreak")).to_be_visible()
        page.goto(work.get_absolute_url())
        meta = page.get_by_label("Work information")
        expect(meta.get_by_role("link", name="Major Character Death")).to_be_hidden()
        meta.get_by_text("Hidden by your preference: show").first.click()
        expect(meta.get_by_role("link", name="Major Character Death")).to_be_visible()
    # A reader who did not ask sees them straight away.
    make_user("quentin")
    with phone(browser, live_server, username="quentin") as page:
        page.goto("/works/")
        expect(page.locator(f"#work_{work.pk}").get_by_role("link", name="Major Character Death")).to_be_visible()


def test_the_site_has_its_own_favicon(page):
    page.goto("/")
    icon = page.locator("link[rel=icon][type='image/svg+xml']").get_attribute("href")
    assert page.request.get(icon).headers["content-type"].startswith("image/svg")
    response = page.request.get("/favicon.ico")
    assert response.ok and response.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
