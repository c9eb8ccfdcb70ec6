"""The entire work has one comment form, at its end; comments come in pages."""

import re

from quire.interactions.models import Comment
from quire.interactions.templatetags.interactions_tags import THREADS_PER_PAGE
from tests.factories import make_work


def comment_forms(html: str) -> int:
    return len(re.findall(r'<form class="form comment-form"', html))


def test_the_entire_work_has_one_comment_form_at_the_end(login, author, reader):
    work = make_work(author, chapters=["One.", "Two.", "Three."])
    c = login(reader)
    whole = c.get(work.get_absolute_url(), {"view_full_work": "true"}).content.decode()
    assert whole.count("One.") and whole.count("Three.")
    assert comment_forms(whole) == 1
    last = work.chapters.get(position=3)
    # The one form is the last one on the page and comments on the last chapter.
    assert whole.rindex("comment-form") > whole.index("Comments on Chapter 2")
    assert f'name="chapter" value="{last.pk}"' in whole
    # The other chapters point to their own pages to comment there.
    first = work.chapters.get(position=1)
    assert f'href="{first.get_absolute_url()}#comments">Comment on Chapter 1</a>' in whole
    # Positive control: a chapter page keeps its own form.
    chapter_page = c.get(first.get_absolute_url()).content.decode()
    assert comment_forms(chapter_page) == 1
    assert f'name="chapter" value="{first.pk}"' in chapter_page


def test_comments_come_in_pages_oldest_first(client, author, reader):
    work = make_work(author)
    chapter = work.chapters.get()
    for n in range(THREADS_PER_PAGE + 3):
        Comment.objects.create(work=work, chapter=chapter, user=reader, text=f"Thread number {n}.",
                               text_html=f"<p>Thread number {n}.</p>")  # fmt: skip
    first = client.get(work.get_absolute_url()).content.decode()
    assert "Thread number 0." in first and f"Thread number {THREADS_PER_PAGE - 1}." in first
    assert f"Thread number {THREADS_PER_PAGE}." not in first
    assert "Comments page 1 of 2" in first
    later = re.search(r'<a href="([^"]+)" rel="next">Later comments', first).group(1).replace("&amp;", "&")
    second = client.get(work.get_absolute_url() + later).content.decode()
    assert f"Thread number {THREADS_PER_PAGE}." in second and "Thread number 0." not in second
    assert "Comments page 2 of 2" in second
    assert f"({THREADS_PER_PAGE + 3})" in second  # the count is of every comment, not the page
