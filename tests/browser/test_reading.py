"""A guest reads a demo-like work in the browser, chapter by chapter and entire."""

from tests.factories import make_user, make_work


def test_guest_reads_a_work_chapter_by_chapter_and_entire(page, transactional_db):
    author = make_user("rowan")
    work = make_work(
        author,
        "Paper Boats",
        chapters=["The first boat sank at once.", "The second boat reached the weir.", "The third one came home."],
        expected_chapters=3,
    )
    page.goto("/works/")
    page.get_by_role("link", name="Paper Boats").click()
    assert "The first boat sank at once." in page.inner_text("main")
    assert "Chapters: 3/3" in page.inner_text(".meta")
    page.get_by_role("link", name="Next chapter →").first.click()
    assert "The second boat reached the weir." in page.inner_text("main")
    assert "The first boat sank" not in page.inner_text("main")
    page.get_by_role("link", name="Entire work").first.click()
    text = page.inner_text("main")
    assert text.index("sank at once") < text.index("reached the weir") < text.index("came home")
    assert work.get_absolute_url() in page.url
