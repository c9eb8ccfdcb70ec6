"""Site pages written by staff in Markdown and versioned; news with comments and an
Atom feed; the contact form that reaches the moderators' queue; the site banner."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.test import Client
from django.urls import reverse

from quire.moderation.models import Report, ReportReason
from quire.sitepages.models import NewsComment, NewsPost, PageVersion, SiteBanner
from tests.factories import make_user
from tests.interactions.conftest import page_text

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def staff(db):
    return make_user("hollis", is_staff=True)


def _edit(client, slug, body, title="Terms of Service", note=""):
    return client.post(reverse("sitepages:page_edit", args=[slug]), {"title": title, "body": body, "note": note})


def test_staff_write_a_page_in_markdown_and_it_is_sanitised(staff, login):
    c = login(staff)
    assert "Edit Terms of Service" in page_text(c.get(reverse("sitepages:manage")))
    _edit(c, "terms", "## Who we are\n\nA **small** archive.<script>alert(1)</script>")
    response = Client().get(reverse("sitepages:page", args=["terms"]))
    html = response.content.decode()
    assert "<strong>small</strong>" in html and "<script>alert" not in html
    assert "Version 1" in page_text(response)


def test_editing_keeps_every_version_and_shows_the_current_one(staff, login):
    c = login(staff)
    with time_machine.travel(NOW, tick=False):
        _edit(c, "terms", "First terms.", note="launch")
    with time_machine.travel(NOW + timedelta(days=30), tick=False):
        c = login(staff)  # a month on, the first session has expired
        _edit(c, "terms", "Second terms.", note="clearer")
    page = page_text(Client().get(reverse("sitepages:page", args=["terms"])))
    assert "Second terms." in page and "First terms." not in page
    assert "Version 2, 3 June 2026" in page
    old = page_text(Client().get(reverse("sitepages:page_version", args=["terms", 1])))
    assert "First terms." in old and "an earlier version" in old
    history = page_text(Client().get(reverse("sitepages:page_history", args=["terms"])))
    assert "launch" in history and "clearer" in history
    assert list(PageVersion.objects.values_list("number", flat=True)) == [2, 1]


def test_the_current_terms_version_is_readable_without_importing_sitepages(staff, login):
    _edit(login(staff), "terms", "v1")
    _edit(login(staff), "terms", "v2")
    _edit(login(staff), "privacy", "p1", title="Privacy Policy")
    site_page = apps.get_model("sitepages", "SitePage")
    assert site_page.objects.current_version("terms").number == 2
    assert site_page.objects.current_version("privacy").number == 1
    assert site_page.objects.current_version("content-policy") is None


def test_faq_sections_are_listed_and_linked(staff, login):
    _edit(login(staff), "faq", "## Posting\n\nHow to post.\n\n## Reading\n\nHow to read.", title="FAQ")
    html = Client().get(reverse("sitepages:page", args=["faq"])).content.decode()
    assert 'href="#section-posting"' in html and 'id="section-posting"' in html and 'id="section-reading"' in html


def test_pages_are_linked_from_every_page_footer(staff, login):
    home = page_text(Client().get("/"))
    assert "Terms of Service" not in home  # not written yet
    _edit(login(staff), "terms", "Be kind.")
    home = Client().get("/").content.decode()
    assert reverse("sitepages:page", args=["terms"]) in home and reverse("sitepages:contact") in home


def test_only_staff_edit_pages(reader, staff, login):
    assert login(reader).get(reverse("sitepages:page_edit", args=["terms"])).status_code == 403
    assert login(staff).get(reverse("sitepages:page_edit", args=["terms"])).status_code == 200
    assert login(staff).get(reverse("sitepages:page_edit", args=["no-such-page"])).status_code == 404


def test_news_post_comment_and_feed(staff, reader, moderator, login):
    login(staff).post(reverse("sitepages:news_new"), {"title": "Server move", "body": "We move *Sunday*.",
                                                       "comments_open": "on"})  # fmt: skip
    post = NewsPost.objects.get()
    c = login(reader)
    c.post(post.get_absolute_url(), {"text": "Thanks for the notice!"}, REMOTE_ADDR="203.0.113.9")
    assert NewsComment.objects.get().ip_address == "203.0.113.9"
    public = page_text(Client().get(post.get_absolute_url()))
    assert "Thanks for the notice!" in public and "203.0.113.9" not in public
    assert "203.0.113.9" in page_text(login(moderator).get(post.get_absolute_url()))
    feed = Client().get(reverse("sitepages:news_feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"Server move" in feed.content and b"&lt;em&gt;Sunday&lt;/em&gt;" in feed.content
    assert "Server move" in page_text(Client().get(reverse("sitepages:news")))


def test_guests_cannot_comment_on_news(staff, login):
    login(staff).post(reverse("sitepages:news_new"), {"title": "Hello", "body": "Hi."})
    post = NewsPost.objects.get()
    response = Client().post(post.get_absolute_url(), {"text": "drive-by"})
    assert response.status_code == 302 and not NewsComment.objects.exists()


def test_the_contact_form_files_a_support_report(reader, moderator, login):
    response = Client().post(reverse("sitepages:contact"), {"subject": "Lost password", "details": "Help me.",
                                                            "email": "guest@example.org"}, follow=True)  # fmt: skip
    assert "reached the archive's volunteers" in page_text(response)
    report = Report.objects.get()
    assert report.reason == ReportReason.SUPPORT and report.reporter_email == "guest@example.org"
    assert "Lost password" in page_text(login(moderator).get(reverse("moderation:console")))


def test_a_guest_must_give_an_email_to_be_answered(db):
    response = Client().post(reverse("sitepages:contact"), {"subject": "Hi", "details": "Question"})
    assert "This field is required." in page_text(response) and not Report.objects.exists()


def test_the_banner_shows_between_its_times_and_stays_dismissed(staff, reader, login):
    with time_machine.travel(NOW, tick=False):
        login(staff).post(reverse("sitepages:banner_new"), {
            "text": "Downtime on Sunday", "kind": "notice",
            "starts_at": "2026-05-04T10:00", "ends_at": "2026-05-05T10:00",
        })  # fmt: skip
        assert "Downtime on Sunday" not in page_text(Client().get("/"))  # not started yet
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        guest = Client()
        page = page_text(guest.get("/"))
        assert "Downtime on Sunday" in page
        banner_id = SiteBanner.objects.get().pk
        guest.post(reverse("sitepages:banner_dismiss", args=[banner_id]), {"next": "/"})
        assert "Downtime on Sunday" not in page_text(guest.get("/"))
        member = login(reader)
        assert "Downtime on Sunday" in page_text(member.get("/"))
        member.post(reverse("sitepages:banner_dismiss", args=[banner_id]))
        other_device = Client()
        other_device.force_login(reader)
        assert "Downtime on Sunday" not in page_text(other_device.get("/"))
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        assert "Downtime on Sunday" not in page_text(Client().get("/"))  # over


def test_a_spanish_reader_gets_the_contact_form_and_banner_in_spanish(staff, login):
    with time_machine.travel(NOW, tick=False):
        login(staff).post(reverse("sitepages:banner_new"), {
            "text": "Downtime on Sunday", "kind": "notice", "starts_at": "2026-05-04T08:00", "ends_at": "",
        })  # fmt: skip
        english = page_text(Client().get(reverse("sitepages:contact")))
        assert "Contact the archive's volunteers" in english and "Dismiss this announcement" in english

        spanish = page_text(Client(HTTP_ACCEPT_LANGUAGE="es").get(reverse("sitepages:contact")))
        assert "Contacta con las personas voluntarias del archivo" in spanish
        assert "Tu correo electrónico" in spanish and "Cerrar este anuncio" in spanish
        assert "Dismiss this announcement" not in spanish and "Your email" not in spanish
        assert "Downtime on Sunday" in spanish  # the staff's own words stay as written
