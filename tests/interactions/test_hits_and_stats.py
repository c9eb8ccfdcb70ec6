"""Hit counts (one per visitor per work per day) and the author's stats page."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quire.interactions.models import Hit, WorkStats
from tests.factories import make_work
from tests.interactions.conftest import page_text
from tests.interactions.test_comments import comment


def test_a_visitor_counts_once_a_day_however_many_chapters_they_read(author, reader, login):
    work = make_work(author, chapters=["One.", "Two."])
    guest = Client()
    guest.get(work.get_absolute_url())
    guest.get(work.chapters.get(position=2).get_absolute_url())
    Client(REMOTE_ADDR="10.1.1.1").get(work.get_absolute_url())
    login(reader).get(work.get_absolute_url())
    assert WorkStats.objects.get(work=work).hits == 3
    Hit.objects.update(day=timezone.localdate() - timedelta(days=1))
    guest.get(work.get_absolute_url())
    assert WorkStats.objects.get(work=work).hits == 4


def test_the_creators_own_visits_dont_count(author, reader, login):
    work = make_work(author)
    c = login(author)
    assert work.title in page_text(c.get(work.get_absolute_url()))
    assert not Hit.objects.exists()
    c.force_login(reader)  # the control: the same page does count another reader's visit
    c.get(work.get_absolute_url())
    assert WorkStats.objects.get(work=work).hits == 1


def test_the_author_sees_stats_per_work_by_year(author, reader, login):
    work = make_work(author)
    other = make_work(author, "Second Work")
    c = login(reader)
    c.get(work.get_absolute_url())
    c.post(reverse("interactions:kudos", args=[work.pk]))
    comment(c, work, "Lovely words here.")
    c.post(reverse("interactions:subscribe", args=["work", other.pk]))
    c.force_login(author)
    page = c.get(reverse("interactions:stats")).content.decode()
    assert row_of(page).count("<td>1</td>") == 3  # hits, kudos, comments
    year = timezone.localdate().year
    assert f'<option value="{year}"' in page
    page = c.get(reverse("interactions:stats") + f"?year={year}").content.decode()
    assert row_of(page).count("<td>1</td>") == 3  # all of it happened this year
    assert "Stats" in page_text(c.get("/"))  # linked from the header


def test_downloads_show_in_the_authors_stats(author, login):
    work = make_work(author, "Downloaded Work", chapters=["Words to take away."])
    assert Client().get(reverse("downloads:work", args=[work.pk, "txt"])).status_code == 200
    c = login(author)
    page = c.get(reverse("interactions:stats")).content.decode()
    assert '<th scope="col">Downloads</th>' in page
    row = page[page.index("Downloaded Work") :].split("</tr>")[0]
    assert row.endswith("<td>1</td>")


def row_of(page: str, title: str = "A Lantern in the Orchard") -> str:
    return page[page.index(title) :].split("</tr>")[0]


def test_a_year_the_stats_page_doesnt_offer_shows_all_years(author, reader, login):
    work = make_work(author)
    c = login(reader)
    c.post(reverse("interactions:kudos", args=[work.pk]))
    c.force_login(author)
    year = timezone.localdate().year
    for asked in ("0", "10000", "99999999999999999999", str(year - 1), "nonsense"):
        response = c.get(reverse("interactions:stats"), {"year": asked})
        assert response.status_code == 200, asked
        page = response.content.decode()
        assert '<option value="" selected>All years</option>' in page, asked
        assert '<th scope="col">Downloads</th>' in page  # the all-time view
        assert "<td>1</td>" in row_of(page)  # the kudos, counted over all years
    page = c.get(reverse("interactions:stats"), {"year": str(year)}).content.decode()
    assert f'<option value="{year}" selected>' in page


def test_the_stats_table_scrolls_on_a_narrow_screen(author, login):
    make_work(author)
    page = login(author).get(reverse("interactions:stats")).content.decode()
    assert '<div class="table-scroll"><table class="plain stats-table">' in page
