from pathlib import Path
from django.core.management import call_command
from playwright.sync_api import expect
from tests.factories import make_user
from tests.browser.helpers import log_in

def test_explore(browser, live_server, transactional_db):
    call_command("tags", "import", "/tmp/qb/canon.csv")
    make_user("wren")
    ctx = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = ctx.new_page()
    log_in(page, "wren")
    page.get_by_role("link", name="Post from text").click()
    page.get_by_label("Paste your story").fill(Path("/tmp/qb/story2.txt").read_text())
    page.get_by_role("button", name="Read my story").click()
    page.wait_for_load_state()
    b = page.get_by_role("button", name="Accept The Saltglass Chronicles")
    print(b.evaluate("b => [b.formNoValidate, b.form.noValidate, b.form.checkValidity()]"))
    url = page.url
    b.click()
    page.wait_for_timeout(2000)
    print(url, page.url, page.get_by_label("Fandoms").input_value())
    print(page.evaluate("document.activeElement.outerHTML"))
