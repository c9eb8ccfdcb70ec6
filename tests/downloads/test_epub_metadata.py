"""EPUB metadata e-reader software reads right: the publication date as a full UTC time
(a bare date is read as midnight UTC and shows a day off in Calibre)."""

import re
from datetime import UTC, datetime

from quire.downloads.book import work_book
from quire.downloads.writers import epub
from quire.works.models import Work
from tests.downloads.helpers import epub_files
from tests.factories import make_work


def test_dc_date_is_a_full_utc_time(author):
    work = make_work(author)
    Work.objects.filter(pk=work.pk).update(published_at=datetime(2026, 3, 4, 23, 30, tzinfo=UTC))
    work.refresh_from_db()
    opf = epub_files(epub.write(work_book(work)))["OEBPS/content.opf"]
    assert re.search(r"<dc:date>2026-03-04T23:30:00Z</dc:date>", opf), opf
