"""Saved exclusions and mutes say what they hid, with a way to show it; series pages
apply saved exclusions like every other list."""

import re

from django.urls import reverse

from quire.accounts.models import Mute
from quire.search.models import SavedExclusion
from quire.tags.models import Tag
from tests.downloads.helpers import series_of
from tests.factories import make_user, make_work


def titles(html: str) -> list[str]:
    return sorted(re.findall(r'<h3><a href="/works/\d+/">([^<]+)</a>', html))


def exclude(user, tag_name):
    SavedExclusion.objects.create(user=user, tag=Tag.objects.get(name=tag_name))


def test_a_listing_says_how_many_works_the_exclusions_hid_and_shows_them(login, author, reader):
    make_work(author, "Dark Harbour", freeforms=("Major Character Death",))
    make_work(author, "Darker Harbour", freeforms=("Major Character Death",))
    make_work(author, "Bright Harbour")
    exclude(reader, "Major Character Death")
    c = login(reader)
    page = c.get(reverse("search:works")).content.decode()
    assert titles(page) == ["Bright Harbour"]
    assert "2 works hidden by your" in page
    link = re.search(r'<a href="([^"]+)">show them</a>', page).group(1).replace("&amp;", "&")
    shown = c.get(reverse("search:works") + link).content.decode()
    assert titles(shown) == ["Bright Harbour", "Dark Harbour", "Darker Harbour"]
    assert "Hide them again" in shown
    # Positive control: a reader without exclusions sees everything and no note.
    other = login(make_user("ember")).get(reverse("search:works")).content.decode()
    assert len(titles(other)) == 3 and "hidden by your" not in other


def test_a_listing_says_how_many_works_mutes_hid_and_shows_them(login, author, reader):
    make_work(author, "Muted Story")
    make_work(author, "Another Muted Story")
    make_work(make_user("wren"), "Unmuted Story")
    Mute.objects.create(muter=reader, muted=author)
    c = login(reader)
    page = c.get(reverse("search:works")).content.decode()
    assert titles(page) == ["Unmuted Story"]
    assert "2 works hidden by your" in page and "mutes</a>" in page
    link = re.search(r'<a href="([^"]+)">show them</a>', page).group(1).replace("&amp;", "&")
    shown = c.get(reverse("search:works") + link).content.decode()
    assert titles(shown) == ["Another Muted Story", "Muted Story", "Unmuted Story"]
    assert "Showing works your mutes would hide." in shown
    # Positive control: a reader who muted no one sees every work and no note.
    other = login(make_user("ember")).get(reverse("search:works")).content.decode()
    assert len(titles(other)) == 3 and "hidden by your" not in other


def test_a_mute_that_hides_nothing_here_still_says_mutes_apply(login, author, reader):
    make_work(author, "Open Story")
    Mute.objects.create(muter=reader, muted=make_user("quiet"))
    page = login(reader).get(reverse("search:works")).content.decode()
    assert titles(page) == ["Open Story"]
    assert "Works by the 1 person you muted are not listed." in page


def test_series_pages_apply_saved_exclusions(login, author, reader):
    dark = make_work(author, "Part One", freeforms=("Major Character Death",))
    light = make_work(author, "Part Two")
    series = series_of(author, dark, light)
    c = login(reader)
    assert titles(c.get(series.get_absolute_url()).content.decode()) == ["Part One", "Part Two"]
    exclude(reader, "Major Character Death")
    page = c.get(series.get_absolute_url()).content.decode()
    assert titles(page) == ["Part Two"]
    assert "1 work in this series hidden by your saved exclusions" in page
    assert titles(c.get(series.get_absolute_url() + "?show_excluded=1").content.decode()) == ["Part One", "Part Two"]


def test_a_series_whose_every_work_is_excluded_still_opens(login, author, reader):
    series = series_of(author, make_work(author, "Only Part", freeforms=("Major Character Death",)))
    exclude(reader, "Major Character Death")
    response = login(reader).get(series.get_absolute_url())
    assert response.status_code == 200
    assert "1 work in this series hidden" in response.content.decode()
