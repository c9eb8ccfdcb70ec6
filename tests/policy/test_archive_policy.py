"""Archive policy as settings: an admin switches the rating scale, edits warnings and
categories and decides on anonymous posting; new works follow it, old ones keep theirs."""

import pytest
from django.urls import reverse

from quire.moderation.models import LogAction, ModerationLogEntry
from quire.policy.models import ArchivePolicy
from quire.tags.models import Tag, TagType
from quire.works.models import Work
from tests.factories import make_user, make_work
from tests.interactions.conftest import page_text
from tests.works.test_posting import NEW, work_data

POLICY = reverse("moderation:policy")


@pytest.fixture
def admin(db):
    return make_user("hollis", is_staff=True, is_moderator=True)


def _policy(**overrides):
    data = {
        "rating_scale": "ao3",
        "warnings": "Choose Not To Use Archive Warnings\nNo Archive Warnings Apply",
        "categories": "Gen\nF/F",
        "anonymous_posting": "open",
    }
    data.update(overrides)
    return data


def _rating(work) -> str:
    return work.tags.get(type=TagType.RATING).name


def test_only_admins_change_the_policy(moderator, admin, login):
    assert login(moderator).get(POLICY).status_code == 403
    assert login(admin).get(POLICY).status_code == 200


def test_switching_to_the_k_to_m_scale_applies_to_new_works_and_old_ones_keep_theirs(author, admin, login):
    old = make_work(author, "Before The Change", rating="Teen And Up Audiences")
    response = login(admin).post(POLICY, _policy(rating_scale="ffn"), follow=True)
    assert "Archive policy saved" in page_text(response)
    assert ArchivePolicy.objects.get().rating_scale == "ffn"

    c = login(author)
    form = page_text(c.get(NEW))
    assert 'value="K+"' in form and 'value="General Audiences"' not in form
    refused = c.post(NEW, work_data(author, title="Old Scale", rating="General Audiences"))
    assert refused.status_code == 200 and not Work.objects.filter(title="Old Scale").exists()
    c.post(NEW, work_data(author, title="New Scale", rating="T", warnings=["No Archive Warnings Apply"]))
    assert _rating(Work.objects.get(title="New Scale")) == "T"

    assert _rating(Work.objects.get(pk=old.pk)) == "Teen And Up Audiences"
    # Editing the old work still offers its own rating beside the new scale.
    edit = page_text(c.get(reverse("works:edit", args=[old.pk])))
    assert 'value="Teen And Up Audiences"' in edit and 'value="K"' in edit
    log = ModerationLogEntry.objects.get(action=LogAction.POLICY)
    assert log.moderator == admin and "ao3 → ffn" in log.note


def test_adult_ratings_of_every_scale_count_as_adult(author, admin, login):
    login(admin).post(POLICY, _policy(rating_scale="efiction"))
    assert Tag.objects.filter(name="NC-17", type=TagType.RATING, canonical=True).exists()
    assert make_work(author, rating="NC-17").is_adult
    assert not make_work(author, "Mild", rating="PG").is_adult


def test_custom_warnings_and_categories_are_offered(author, admin, login):
    login(admin).post(POLICY, _policy(warnings="No Archive Warnings Apply\nCharacter Death", categories="Gen"))
    form = page_text(login(author).get(NEW))
    assert 'value="Character Death"' in form and 'value="Underage Sex"' not in form
    assert Tag.objects.get(name="Character Death").type == TagType.WARNING


def test_a_name_already_used_by_another_tag_type_is_refused_clearly(author, admin, login):
    make_work(author, freeforms=("Fluff",))
    response = login(admin).post(POLICY, _policy(categories="Gen\nFluff"))
    assert "“Fluff” is already a tag of another kind (Additional Tags)" in page_text(response)
    assert ArchivePolicy.objects.filter(pk=1).exists() is False


def test_anonymous_posting_off_hides_the_choice(author, admin, login):
    c = login(author)
    assert "Post anonymously" in page_text(c.get(NEW))  # open by default
    login(admin).post(POLICY, _policy(anonymous_posting="off"))
    c = login(author)
    assert "Post anonymously" not in page_text(c.get(NEW))
    c.post(NEW, work_data(author, anonymous="on"))
    assert Work.objects.get().anonymous is False


def test_anonymous_posting_limited_to_collections_says_why(author, admin, login):
    login(admin).post(POLICY, _policy(anonymous_posting="collections"))
    c = login(author)
    response = c.post(NEW, work_data(author, anonymous="on"))
    assert "only be anonymous inside an anonymous collection" in page_text(response)
    assert not Work.objects.exists()
    c.post(NEW, work_data(author))
    assert Work.objects.get().anonymous is False


def test_under_collections_only_a_work_in_an_anonymous_collection_is_anonymous(author, admin, login):
    """AO3's model: anonymity belongs to collections. Ticking the box alone is refused;
    posting into an anonymous collection makes the work anonymous all the same."""
    from quire.collections.models import Collection

    Collection.objects.create(name="masks", title="Masks", owner=admin, anonymous=True)
    Collection.objects.create(name="plain", title="Plain", owner=admin)
    login(admin).post(POLICY, _policy(anonymous_posting="collections"))
    c = login(author)
    c.post(NEW, {**work_data(author, title="In the open"), "assoc-collections": "plain"})
    assert Work.objects.get(title="In the open").anonymous is False  # control: an ordinary collection
    c.post(NEW, {**work_data(author, title="Behind a mask"), "assoc-collections": "masks"})
    assert Work.objects.get(title="Behind a mask").anonymous is True


def test_readers_can_exclude_anonymous_works_from_listings(author, reader, login):
    make_work(author, "Signed Work")
    make_work(author, "Unsigned Work", anonymous=True)
    c = login(reader)
    both = page_text(c.get(reverse("works:index")))
    assert "Signed Work" in both and "Unsigned Work" in both
    only = page_text(c.get(reverse("works:index"), {"anonymous": "exclude"}))
    assert "Signed Work" in only and "Unsigned Work" not in only
    assert "Exclude anonymous works" in only
