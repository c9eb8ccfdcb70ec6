"""Steps several browser journeys share, done the way a person does them."""

import re

from playwright.sync_api import expect

PASSWORD = "correct-horse-battery"  # tests.factories.make_user's default


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the header's "Log in" link and the log-in form."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", name="Log in", exact=True)).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def confirmation_path(message) -> str:
    """The path of the link an email carries (the live server's port differs from QUIRE_SITE_URL's)."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]
