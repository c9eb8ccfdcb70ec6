"""Changing the archive policy: the fixed tags a new scale names are created with
it, so the posting form never offers a rating that set_tags would refuse."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.tags.models import Tag, TagType

from .models import ArchivePolicy


class PolicyError(Exception):
    pass


def clashes(policy: ArchivePolicy) -> list[str]:
    """Names the policy wants as ratings/warnings/categories that are already tags of another type."""
    found = []
    for tag_type, names in (
        (TagType.RATING, policy.ratings),
        (TagType.WARNING, policy.warning_list),
        (TagType.CATEGORY, policy.category_list),
    ):
        for name in names:
            tag = Tag.objects.named(name).first()
            if tag is not None and tag.type != tag_type:
                found.append(
                    _(
                        "“%(name)s” is already a tag of another kind (%(kind)s), so it can't also be "
                        "a %(wanted)s: choose another name or rename that tag."
                    ) % {"name": name, "kind": tag.get_type_display(), "wanted": str(TagType(tag_type).label).lower()}
                )
    return found


@transaction.atomic
def save_policy(policy: ArchivePolicy, by) -> list[str]:
    """Save and create missing fixed tags; returns what changed, in words, for the audit log."""
    problems = clashes(policy)
    if problems:
        raise PolicyError(" ".join(problems))
    before = ArchivePolicy.objects.filter(pk=1).first() or ArchivePolicy(pk=1)
    for tag_type, names in (
        (TagType.RATING, policy.ratings),
        (TagType.WARNING, policy.warning_list),
        (TagType.CATEGORY, policy.category_list),
    ):
        for name in names:
            if not Tag.objects.named(name).exists():
                Tag.objects.create(name=name, type=tag_type, canonical=True)
    policy.updated_at, policy.updated_by = timezone.now(), by
    policy.save()
    changed = []
    for field in ("rating_scale", "anonymous_posting", "review_new_works"):
        if getattr(before, field) != getattr(policy, field):
            changed.append(f"{field.replace('_', ' ')}: {getattr(before, field)} → {getattr(policy, field)}")
    if before.warning_list != policy.warning_list:
        changed.append("warnings: " + ", ".join(policy.warning_list))
    if before.category_list != policy.category_list:
        changed.append("categories: " + ", ".join(policy.category_list))
    return changed
