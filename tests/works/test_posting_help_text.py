"""The posting form explains the chapter text field in words a person posting understands."""

import pytest
from django.urls import reverse

from tests.accounts.pages import text
from tests.factories import make_work


@pytest.mark.django_db
def test_chapter_text_help_says_what_to_put_there(author, login):
    client = login(author)
    for url in (reverse("works:new"), reverse("works:chapter_new", args=[make_work(author).pk])):
        page = text(client.get(url))
        assert "The story itself. Type or paste it here" in page
        assert "The author's source" not in page
