"""Collections in the browser: a moderated collection approving a submission, an
anonymous collection hiding then revealing a creator on every surface, and a
prompt meme from prompt to fill."""

import re

from playwright.sync_api import expect

from tests.factories import make_user

from .helpers import log_in


def _create_collection(page, name, title, *, kind=None, flags=()):
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Collections").click()
    page.get_by_role("link", name="New collection").click()
    page.get_by_label(re.compile(r"^Name\b")).fill(name)
    page.get_by_label(re.compile(r"^Title\b")).fill(title)
    if kind:
        page.get_by_label("Kind").select_option(label=kind)
    page.get_by_label("Profile").fill(f"Everything about {title}.")
    page.get_by_label("Rules").fill("Be kind to each other.")
    for flag in flags:
        page.get_by_label(flag, exact=True).check()
    page.get_by_role("button", name="Create collection").click()
    expect(page.get_by_role("status")).to_contain_text(f"Created the collection {title}.")
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()


def _post_work(page, title, fandom, text, *, collections=""):
    page.get_by_role("link", name="Post new work").click()
    page.get_by_label("General Audiences").check()
    page.get_by_label("No Archive Warnings Apply").check()
    page.get_by_label("Fandoms").fill(fandom)
    page.get_by_label(re.compile(r"^Title")).fill(title)
    page.get_by_label("Chapter text").fill(text)
    if collections:
        page.get_by_label("Post to collections").fill(collections)
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Work posted.")
    return page.url


def _log_out(page):
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()


def test_a_moderated_collection_approves_a_submission(page, transactional_db):
    make_user("fenna")
    make_user("amara")
    log_in(page, "fenna")
    _create_collection(page, "juried_show", "Juried Show", flags=["Moderated"])
    _log_out(page)

    log_in(page, "amara")
    _post_work(page, "Pressed Violets", "Garden Almanac", "The violets dried flat between the pages.",
               collections="juried_show")  # fmt: skip
    page.goto("/collections/juried_show/works/")
    expect(page.get_by_role("heading", name="0 works")).to_be_visible()
    _log_out(page)

    log_in(page, "fenna")
    page.goto("/collections/juried_show/")
    page.get_by_role("link", name=re.compile(r"Manage items \(1 waiting\)")).click()
    pending = page.get_by_role("region", name="Waiting for approval")
    expect(pending).to_contain_text("Pressed Violets")
    pending.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status")).to_contain_text("Approved.")
    _log_out(page)

    page.goto("/collections/juried_show/")
    page.get_by_role("navigation", name="Collection").get_by_role("link", name="Works").click()
    expect(page.get_by_role("heading", name="1 work")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Pressed Violets")


def test_an_anonymous_collection_hides_then_reveals_the_creator_everywhere(page, guest_page, transactional_db):
    make_user("fenna")
    make_user("amara")
    log_in(page, "fenna")
    _create_collection(page, "masquerade", "Masquerade", flags=["Anonymous"])
    _log_out(page)
    log_in(page, "amara")
    work_url = _post_work(page, "The Quince Lantern", "Weirside", "Quince light over the weir.",
                          collections="masquerade")  # fmt: skip
    work_path = "/" + work_url.split("/", 3)[3]
    _log_out(page)

    guest = guest_page
    creator_link = "/users/amara/pseuds/amara/"

    def surfaces():
        guest.goto(work_path)
        fandom_url = guest.get_by_role("link", name="Weirside").first.get_attribute("href")
        tag_id = re.search(r"/tags/(\d+)/", fandom_url).group(1)
        pages = [work_path, "/works/", f"/tags/{tag_id}/works/", "/collections/masquerade/works/",
                 "/search/?q=quince"]  # fmt: skip
        files = [f"/tags/{tag_id}/feed.atom", "/collections/masquerade/feed.atom",
                 f"{work_path.rstrip('/')}/download/html/"]  # fmt: skip
        return pages, files

    pages, files = surfaces()
    for path in pages:
        guest.goto(path)
        main = guest.get_by_role("main")
        expect(main).to_contain_text("The Quince Lantern")
        expect(main).to_contain_text("Anonymous")
        expect(guest.locator(f'main a[href="{creator_link}"]')).to_have_count(0)
    for path in files:
        body = guest.request.get(path).text()
        assert "The Quince Lantern" in body and "amara" not in body, path
    # Counts: the profile lists the collection's one work; the creator's profile lists none to a guest.
    guest.goto("/users/amara/")
    expect(guest.get_by_role("main")).not_to_contain_text("The Quince Lantern")

    log_in(page, "fenna")
    page.goto("/collections/masquerade/")
    expect(page.get_by_role("main")).to_contain_text("1 work")
    page.get_by_role("button", name="Reveal collection").click()
    expect(page.get_by_role("status")).to_contain_text("Revealed Masquerade: 1 work now shown with their creators.")

    for path in pages:
        guest.goto(path)
        expect(guest.locator(f'main a[href="{creator_link}"]').first).to_be_visible()
    for path in files:
        assert "amara" in guest.request.get(path).text(), path
    guest.goto("/users/amara/")
    expect(guest.get_by_role("main")).to_contain_text("The Quince Lantern")


def test_a_prompt_meme_from_prompt_to_fill(page, transactional_db):
    make_user("fenna")
    make_user("corin")
    make_user("amara")
    log_in(page, "fenna")
    _create_collection(page, "lantern_meme", "Lantern Meme", kind="Prompt meme")
    _log_out(page)

    log_in(page, "corin")
    page.goto("/collections/lantern_meme/")
    page.get_by_role("navigation", name="Collection").get_by_role("link", name="Prompts").click()
    page.get_by_role("link", name="New prompt").click()
    page.get_by_label(re.compile(r"^Title\b")).fill("Two keepers, one lighthouse")
    page.get_by_label("Description").fill("Rivals share the night shift.")
    page.get_by_label("Post this prompt anonymously").check()
    page.get_by_label("Fandoms").fill("Lighthouse Saga")
    page.get_by_role("button", name="Post prompt").click()
    expect(page.get_by_role("status")).to_contain_text("Prompt posted.")
    _log_out(page)

    log_in(page, "amara")
    page.goto("/collections/lantern_meme/prompts/")
    expect(page.get_by_role("main")).to_contain_text("by Anonymous")
    page.get_by_role("link", name="Two keepers, one lighthouse").click()
    page.get_by_role("button", name="Claim this prompt").click()
    expect(page.get_by_role("status")).to_contain_text("Claimed.")
    _post_work(page, "Night Shift", "Lighthouse Saga", "The lamp turned; neither keeper slept.")
    page.goto("/collections/lantern_meme/prompts/")
    page.get_by_role("link", name="Two keepers, one lighthouse").click()
    page.get_by_label("Add your work as a fill").select_option(label="Night Shift")
    page.get_by_role("button", name="Add fill").click()
    expect(page.get_by_role("status")).to_contain_text("Night Shift is now a fill for this prompt.")

    page.goto("/collections/lantern_meme/prompts/")
    page.get_by_label("Status").select_option(label="Unfilled")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("main")).to_contain_text("No prompts match.")
    page.get_by_label("Status").select_option(label="Filled")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name="Two keepers, one lighthouse")).to_be_visible()
    page.get_by_role("link", name="Two keepers, one lighthouse").click()
    page.get_by_role("link", name="Night Shift").click()
    expect(page.get_by_role("main")).to_contain_text("Fills the prompt:")
