"""Series: created and edited by their creators; works join them from the work form."""

from django.urls import reverse

from quire.works import services
from quire.works.models import Series, Work
from tests.factories import make_work


def work_data(user, **overrides) -> dict:
    data = {
        "title": "Part of Something", "pseuds": [user.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "Original Work", "language": "en",
        "text_format": "plain", "comment_permission": "everyone", "chapter-text": "Words.", "submit": "post",
    }  # fmt: skip
    data.update(overrides)
    return data


def make_series(user, title="The Orchard Cycle") -> Series:
    series = Series.objects.create(title=title)
    series.creators.add(user.default_pseud)
    return series


def test_creating_a_series_credits_its_creator(author, login):
    response = login(author).post(
        reverse("works:series_new"), {"title": "The Orchard Cycle", "summary": "Seasons.", "notes": ""}
    )
    series = Series.objects.get()
    assert response.status_code == 302 and response["Location"] == series.get_absolute_url()
    assert list(series.creators.all()) == [author.default_pseud]


def test_a_series_without_a_title_is_refused_with_a_message(author, login):
    response = login(author).post(reverse("works:series_new"), {"title": "", "summary": "Kept summary."})
    content = response.content.decode()
    assert "Enter a title." in content and "Kept summary." in content
    assert not Series.objects.exists()


def test_only_series_creators_can_edit_it(author, reader, client):
    series = make_series(author)
    url = reverse("works:series_edit", args=[series.pk])
    assert client.get(url).status_code == 302  # guests log in first
    client.force_login(reader)
    assert client.post(url, {"title": "Taken over"}).status_code == 403
    client.force_login(author)
    response = client.post(url, {"title": "Renamed", "summary": "", "notes": "", "complete": "on"})
    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.title, series.complete) == ("Renamed", True)


def test_a_new_work_joins_one_of_your_series_at_a_position(author, login, client):
    series = make_series(author)
    first = make_work(author, title="Spring")
    services.set_series(first, series)
    c = login(author)
    assert (str(series.pk), "The Orchard Cycle") in c.get(reverse("works:new")).context["form"].fields[
        "series"
    ].choices
    c.post(reverse("works:new"), work_data(author, title="Summer", series=str(series.pk)))
    summer = Work.objects.get(title="Summer")
    assert summer.series_memberships.get().position == 2
    client.logout()
    content = client.get(series.get_absolute_url()).content.decode()
    assert "Spring" in content and "Summer" in content
    assert "Part 2 of" in client.get(summer.get_absolute_url()).content.decode()


def test_a_new_work_can_start_a_new_series(author, login):
    login(author).post(reverse("works:new"), work_data(author, new_series_title="Fresh Cycle"))
    series = Series.objects.get(title="Fresh Cycle")
    assert list(series.creators.all()) == [author.default_pseud]
    assert series.memberships.get().work.title == "Part of Something"


def test_someone_elses_series_cannot_be_chosen(author, reader, login):
    theirs = make_series(reader, title="Not Yours")
    response = login(author).post(reverse("works:new"), work_data(author, series=str(theirs.pk)))
    assert "Select a valid choice." in response.content.decode()
    assert not Work.objects.exists()


def test_choosing_a_series_and_a_new_title_together_is_explained(author, login):
    series = make_series(author)
    response = login(author).post(
        reverse("works:new"), work_data(author, series=str(series.pk), new_series_title="Both")
    )
    assert "Choose an existing series or name a new one, not both." in response.content.decode()


def test_editing_a_work_can_take_it_out_of_its_series(author, login):
    series = make_series(author)
    work = make_work(author)
    services.set_series(work, series)
    c = login(author)
    assert c.get(reverse("works:edit", args=[work.pk])).context["form"].initial["series"] == str(series.pk)
    data = work_data(author, title=work.title, series="", submit="save")
    assert c.post(reverse("works:edit", args=[work.pk]), data).status_code == 302
    assert not work.series_memberships.exists()
