"""Which tags a reader may learn exist.

A tag is created the moment an author types it, draft or not, so an unwrangled
tag can name something no one has published. Canonical tags are the archive's
own and always public; any other tag only once a work the reader can see uses it.
Here in `works`, not `tags`, because the answer rests on the works visibility rule."""

from django.db.models import Q
from django.http import Http404

from quire.tags import wrangling
from quire.tags.models import FilterTagging, Tag

from .models import Work


def _visible_works(user):
    return Work.objects.visible_to(user).posted()


def discoverable_tags(user):
    """Tags `user` may find by name (autocomplete): canonical ones, and those
    a posted work they can see is filed under."""
    filed = FilterTagging.objects.filter(work__in=_visible_works(user).values("pk")).values("tag_id")
    return Tag.objects.filter(Q(canonical=True) | Q(pk__in=filed))


def known_tags(user):
    """Tags `user` may learn exist, as `can_see_tag` decides, for resolving ids and
    names a reader sends (search filters, exclusions): canonical tags, and tags
    a posted work they can see carries or is filed under."""
    if wrangling.can_wrangle(user):
        return Tag.objects.all()
    works = _visible_works(user).values("pk")
    filed = FilterTagging.objects.filter(work__in=works).values("tag_id")
    carried = Tag.objects.filter(works__in=works).values("pk")
    return Tag.objects.filter(Q(canonical=True) | Q(pk__in=filed) | Q(pk__in=carried))


def can_see_tag(tag: Tag, user) -> bool:
    if tag.canonical or wrangling.can_wrangle(user):
        return True
    return _visible_works(user).filter(Q(tags=tag) | Q(filter_taggings__tag=tag)).exists()


def get_visible_tag_or_404(queryset, user, **lookup) -> Tag:
    """The tag, or a 404 (not a 403: that would say the tag exists) when `user`
    may not know of it."""
    tag = queryset.filter(**lookup).first()
    if tag is None or not can_see_tag(tag, user):
        raise Http404("No such tag.")
    return tag
