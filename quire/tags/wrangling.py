"""Wrangling: the changes wranglers make to tags. Each checks what it is asked,
changes the tags, writes the wrangling log, and re-files every work the change
moves (their filter tags: `quire.works.filing`, on `events.canon_changed`), so
readers filtering on a canonical tag find works tagged with any of its synonyms
and sub tags without anyone editing a work."""

from django.db import transaction
from django.utils.translation import gettext as _

from . import events, filtering
from .models import Media, Tag, TagType, WranglingAction


class WranglingError(Exception):
    """A change that would break the canon; the message says why, in words."""


def can_wrangle(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_wrangler or user.can_moderate))


def _log(tag: Tag, actor, description: str) -> None:
    WranglingAction.objects.create(tag=tag, actor=actor, description=description[:500])


def _refile(tags: list[Tag]) -> None:
    """Re-file the works these changed tags may move, in this transaction."""
    events.canon_changed.send(sender=Tag, tags=tags)


@transaction.atomic
def make_canonical(tag: Tag, actor) -> None:
    if tag.canonical and not tag.synonym_of_id:
        return
    was = tag.synonym_of
    tag.canonical, tag.synonym_of = True, None
    tag.save(update_fields=["canonical", "synonym_of"])
    _log(tag, actor, f"Made {tag.name} canonical" + (f" (was a synonym of {was.name})" if was else ""))
    _refile([tag] + ([was] if was else []))


@transaction.atomic
def make_unwrangled(tag: Tag, actor) -> None:
    if tag.synonyms.exists():
        raise WranglingError(_("%(name)s has synonyms; make them synonyms of another tag first.") % {"name": tag.name})
    was = tag.synonym_of
    tag.canonical, tag.synonym_of = False, None
    tag.save(update_fields=["canonical", "synonym_of"])
    tag.metatags.clear()
    _log(tag, actor, f"Made {tag.name} unwrangled")
    _refile([tag] + ([was] if was else []))


@transaction.atomic
def make_synonym(tag: Tag, canonical: Tag, actor) -> None:
    """File `tag` under `canonical`; the tag's own synonyms follow it, and its
    fandoms pass to the canonical tag so nothing falls out of its fandom."""
    canonical = canonical.canonical_tag
    if canonical.pk == tag.pk:
        raise WranglingError(_("%(name)s can't be a synonym of itself.") % {"name": tag.name})
    if canonical.type != tag.type:
        raise WranglingError(
            _("%(name)s is a %(type)s tag and %(other)s a %(other_type)s tag: a synonym must be of the same type.")
            % {
                "name": tag.name,
                "type": tag.get_type_display(),
                "other": canonical.name,
                "other_type": canonical.get_type_display(),
            }
        )
    if tag.type in (TagType.RATING, TagType.WARNING, TagType.CATEGORY):
        raise WranglingError(_("Ratings, warnings and categories are fixed; they can't become synonyms."))
    if not canonical.canonical:
        canonical.canonical = True
        canonical.save(update_fields=["canonical"])
        _log(canonical, actor, f"Made {canonical.name} canonical")
    moved = list(tag.synonyms.all())
    tag.synonyms.update(synonym_of=canonical)
    canonical.parents.add(*tag.parents.all())
    canonical.metatags.add(*[m for m in tag.metatags.all() if m.pk != canonical.pk])
    tag.metatags.clear()
    tag.subtags.clear()
    tag.canonical, tag.synonym_of = False, canonical
    tag.save(update_fields=["canonical", "synonym_of"])
    _log(tag, actor, f"Made {tag.name} a synonym of {canonical.name}")
    _refile([tag, canonical, *moved])


@transaction.atomic
def set_fandoms(tag: Tag, fandoms: list[Tag], actor) -> None:
    if any(f.type != TagType.FANDOM for f in fandoms):
        raise WranglingError(_("Only fandom tags can be a tag's fandoms."))
    if tag.type == TagType.FANDOM:
        raise WranglingError(_("A fandom belongs to a media, not to another fandom: use a meta tag instead."))
    fandoms = [f.canonical_tag for f in fandoms]
    current = {p.pk for p in tag.parents.all()}
    if current == {f.pk for f in fandoms}:
        return
    tag.parents.set(fandoms)
    _log(tag, actor, f"Set the fandoms of {tag.name} to {', '.join(f.name for f in fandoms) or 'none'}")


@transaction.atomic
def add_fandom(tag: Tag, fandom: Tag, actor) -> None:
    fandom = fandom.canonical_tag
    if fandom.type != TagType.FANDOM:
        raise WranglingError(_("%(name)s is not a fandom.") % {"name": fandom.name})
    if tag.type == TagType.FANDOM:
        raise WranglingError(
            _("%(name)s is a fandom; fandoms belong to media, not to other fandoms.") % {"name": tag.name}
        )
    if tag.parents.filter(pk=fandom.pk).exists():
        return
    tag.parents.add(fandom)
    _log(tag, actor, f"Added {tag.name} to the fandom {fandom.name}")


@transaction.atomic
def set_media(tag: Tag, media: str, actor) -> None:
    if tag.type != TagType.FANDOM:
        raise WranglingError(_("Only fandoms have a media."))
    if media and media not in Media.values:
        raise WranglingError(_("“%(media)s” is not a media.") % {"media": media})
    if tag.media == media:
        return
    tag.media = media
    tag.save(update_fields=["media"])
    _log(tag, actor, f"Set the media of {tag.name} to {Media(media).label if media else 'none'}")


def _above(tag: Tag) -> set[int]:
    return filtering.ancestors(tag.pk, filtering.metatag_graph())


@transaction.atomic
def set_metatags(tag: Tag, metatags: list[Tag], actor) -> None:
    """Make `tag` a sub tag of each of `metatags` (and of no others)."""
    metatags = [m.canonical_tag for m in metatags]
    for meta in metatags:
        if meta.type != tag.type:
            raise WranglingError(
                _("%(name)s is a %(type)s tag; a meta tag must be of the same type.")
                % {"name": meta.name, "type": meta.get_type_display()}
            )
        if meta.pk == tag.pk or tag.pk in _above(meta):
            raise WranglingError(
                _("%(meta)s is already below %(name)s: that would make a loop.") % {"meta": meta.name, "name": tag.name}
            )
    if tag.synonym_of_id:
        raise WranglingError(_("%(name)s is a synonym; give its canonical tag meta tags instead.") % {"name": tag.name})
    current = {m.pk for m in tag.metatags.all()}
    if current == {m.pk for m in metatags}:
        return
    for meta in metatags:
        if not meta.canonical:
            meta.canonical = True
            meta.save(update_fields=["canonical"])
    tag.metatags.set(metatags)
    _log(tag, actor, f"Set the meta tags of {tag.name} to {', '.join(m.name for m in metatags) or 'none'}")
    _refile([tag])


@transaction.atomic
def rename(tag: Tag, new_name: str, actor) -> None:
    new_name = " ".join(new_name.split())
    if not new_name or new_name == tag.name:
        return
    clash = Tag.objects.named(new_name).exclude(pk=tag.pk).first()
    if clash is not None:
        raise WranglingError(
            _("There is already a tag called %(name)s: make one a synonym of the other instead.") % {"name": clash.name}
        )
    old = tag.name
    tag.name = new_name
    tag.save(update_fields=["name"])
    _log(tag, actor, f"Renamed {old} to {new_name}")
    _refile([tag])


def resolve(name: str, tag_type: str | None = None) -> Tag:
    """The tag a wrangler named, or a WranglingError saying it doesn't exist."""
    qs = Tag.objects.named(name)
    if tag_type:
        qs = qs.of_type(tag_type)
    tag = qs.first()
    if tag is None:
        if tag_type:
            raise WranglingError(
                _("There is no %(type)s tag called “%(name)s”.") % {"type": TagType(tag_type).label, "name": name}
            )
        raise WranglingError(_("There is no tag called “%(name)s”.") % {"name": name})
    return tag
