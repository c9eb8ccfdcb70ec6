"""Co-creators are invited by username, credited only once they accept, and may then edit."""

from django.urls import reverse

from quire.works.models import Creatorship, Work
from tests.factories import make_work


def work_data(user, **overrides) -> dict:
    data = {
        "title": "Written Together", "pseuds": [user.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "Original Work", "language": "en",
        "text_format": "plain", "comment_permission": "everyone", "chapter-text": "Two hands.",
        "submit": "post",
    }  # fmt: skip
    data.update(overrides)
    return data


def byline(client, work) -> str:
    content = client.get(work.get_absolute_url()).content.decode()
    return content.split('class="byline"', 1)[1].split("</p>", 1)[0]


def test_invite_accept_and_be_credited(author, cocreator, client, login):
    c = login(author)
    c.post(
        reverse("works:new"), work_data(author, cocreators="Bellamy")
    )  # usernames match case-insensitively
    work = Work.objects.get()
    invitation = Creatorship.objects.get(pseud__user=cocreator)
    assert (invitation.accepted, invitation.invited_by) == (False, author)

    client.logout()
    assert "bellamy" not in byline(client, work)  # pending: not credited
    client.force_login(cocreator)
    assert client.get(reverse("works:edit", args=[work.pk])).status_code == 403

    page = client.get(reverse("works:creatorships"))
    assert "Written Together" in page.content.decode() and "Accept" in page.content.decode()
    client.post(reverse("works:creatorships"), {"creatorship": invitation.pk, "decision": "accept"})
    invitation.refresh_from_db()
    assert invitation.accepted

    client.logout()
    assert "amara" in byline(client, work) and "bellamy" in byline(client, work)
    client.force_login(cocreator)
    assert client.get(reverse("works:edit", args=[work.pk])).status_code == 200
    assert "no pending co-creator invitations" in client.get(reverse("works:creatorships")).content.decode()


def test_declining_an_invitation_removes_it(author, cocreator, client):
    work = make_work(author)
    client.force_login(author)
    data = work_data(author, title=work.title, cocreators="bellamy", submit="save")
    assert client.post(reverse("works:edit", args=[work.pk]), data).status_code == 302
    invitation = Creatorship.objects.get(pseud__user=cocreator)
    client.force_login(cocreator)
    client.post(reverse("works:creatorships"), {"creatorship": invitation.pk, "decision": "decline"})
    assert not Creatorship.objects.filter(pk=invitation.pk).exists()
    assert "bellamy" not in byline(client, work)


def test_nobody_can_answer_someone_elses_invitation(author, cocreator, reader, client):
    work = make_work(author)
    invitation = Creatorship.objects.create(work=work, pseud=cocreator.default_pseud, invited_by=author)
    client.force_login(reader)
    response = client.post(
        reverse("works:creatorships"), {"creatorship": invitation.pk, "decision": "accept"}
    )
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert not invitation.accepted


def test_an_accepted_cocreator_editing_keeps_the_author_credited(author, cocreator, client):
    work = make_work(author, cocreators=(cocreator,))
    client.force_login(cocreator)
    data = work_data(cocreator, title="Retitled by Bellamy", submit="save")
    assert client.post(reverse("works:edit", args=[work.pk]), data).status_code == 302
    work.refresh_from_db()
    assert work.title == "Retitled by Bellamy"
    assert {p.user.username for p in work.accepted_pseuds()} == {"amara", "bellamy"}


def test_inviting_yourself_or_an_existing_creator_adds_no_invitation(author, cocreator, login):
    work = make_work(author, cocreators=(cocreator,))
    data = work_data(author, title=work.title, cocreators="amara, bellamy", submit="save")
    login(author).post(reverse("works:edit", args=[work.pk]), data)
    assert work.creatorships.count() == 2 and not work.creatorships.filter(accepted=False).exists()
