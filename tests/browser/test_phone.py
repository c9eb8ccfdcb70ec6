"""On a phone-sized screen the header stays short and every link still works."""

from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import make_user


def test_the_signed_in_header_fits_a_phone_and_its_last_link_works(browser, live_server):
    make_user("phoebe")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, "phoebe")
        page.goto("/works/")
        # The brand and search box, then one row of links to swipe: not a screenful of links.
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] < 130, header
        search = page.get_by_role("searchbox", name="Search works")
        assert search.bounding_box()["width"] > 150
        # The last link is off to the right, a swipe away, and still works.
        page.get_by_role("button", name="Log out").click()
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()
    finally:
        context.close()
