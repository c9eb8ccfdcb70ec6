"""Browser tests: a real Chromium (Debian's, or QUIRE_CHROMIUM) driven by Playwright
against Django's live test server."""

import importlib
import os
import shutil

import pytest

CHROMIUM = os.environ.get("QUIRE_CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed machine with no network but loopback: no background
# traffic that would fail, no first-run UI.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# Playwright's sync API runs an event loop in this thread; the test body still
# talks to the database synchronously, which Django otherwise refuses.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fixed_tags(transactional_db):
    """Put back the ratings, warnings and categories of migration 0002 before each test.

    live_server needs transactional_db, which empties every table after each test, and
    a work can't be saved without these tags. serialized_rollback doesn't restore them
    here: once Playwright's sync API runs its event loop in the test thread, the
    connection Django gives that thread no longer carries the snapshot taken at setup."""
    from django.apps import apps

    importlib.import_module("quire.tags.migrations.0002_fixed_tags").create_fixed_tags(apps, None)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium or set QUIRE_CHROMIUM.")
    from playwright.sync_api import expect, sync_playwright

    # Expectations wait as long as actions do (Playwright's default is 5 s), so a
    # busy machine slows the suite down rather than failing it.
    expect.set_options(timeout=10_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def guest_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
