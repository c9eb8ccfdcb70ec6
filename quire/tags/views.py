"""Wrangling pages for wranglers. The tag page everyone sees lists works, so it is
the search app's (quire/search/views_tags.py), under the same `tags:detail` name."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import wrangling
from .forms import MassWrangleForm, TagEditForm, split_names
from .models import Media, Tag, TagType, WranglingAction


def _require_wrangler(request) -> None:
    if not wrangling.can_wrangle(request.user):
        raise PermissionDenied(_("Only tag wranglers can do that. Ask a moderator if you would like to help wrangle."))


def _apply_edit(tag: Tag, data: dict, actor) -> None:
    wrangling.rename(tag, data["name"], actor)
    status = data["status"]
    if status == "synonym":
        wrangling.make_synonym(tag, wrangling.resolve(data["synonym_of"]), actor)
    elif status == "canonical":
        wrangling.make_canonical(tag, actor)
    elif status == "unwrangled" and tag.status != "unwrangled":
        wrangling.make_unwrangled(tag, actor)
    tag.refresh_from_db()
    if tag.type == TagType.FANDOM:
        wrangling.set_media(tag, data.get("media") or "", actor)
    elif tag.type not in (TagType.RATING, TagType.WARNING, TagType.CATEGORY):
        fandoms = [wrangling.resolve(n, TagType.FANDOM) for n in split_names(data.get("fandoms", ""))]
        wrangling.set_fandoms(tag, fandoms, actor)
    if not tag.synonym_of_id:
        wrangling.set_metatags(
            tag, [wrangling.resolve(n, tag.type) for n in split_names(data.get("metatags", ""))], actor
        )


@login_required
def tag_edit(request, pk):
    _require_wrangler(request)
    tag = get_object_or_404(Tag.objects.select_related("synonym_of"), pk=pk)
    initial = {
        "name": tag.name,
        "status": tag.status,
        "synonym_of": tag.synonym_of.name if tag.synonym_of else "",
        "fandoms": ", ".join(p.name for p in tag.parents.all()),
        "media": tag.media,
        "metatags": ", ".join(m.name for m in tag.metatags.all()),
    }
    form = TagEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            from django.db import transaction

            with transaction.atomic():
                _apply_edit(tag, form.cleaned_data, request.user)
        except wrangling.WranglingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved the tag %(name)s.") % {"name": form.cleaned_data["name"]})
            return redirect(tag.get_absolute_url())
    return render(request, "tags/edit.html", {"tag": tag, "form": form})


@login_required
def wrangle_home(request):
    """Fandoms with tags waiting to be wrangled, and fandoms that need wrangling themselves."""
    _require_wrangler(request)
    fandoms = (
        Tag.objects.of_type(TagType.FANDOM)
        .canonical()
        .annotate(
            waiting=Count(
                "filter_taggings__work__taggings__tag",
                filter=Q(
                    filter_taggings__work__taggings__tag__canonical=False,
                    filter_taggings__work__taggings__tag__synonym_of__isnull=True,
                ),
                distinct=True,
            )
        )
        .order_by("-waiting", "name")
    )
    unwrangled_fandoms = Tag.objects.of_type(TagType.FANDOM).unwrangled().order_by("name")
    no_media = Tag.objects.of_type(TagType.FANDOM).canonical().filter(media="").order_by("name")
    return render(
        request,
        "tags/wrangle_home.html",
        {"fandoms": fandoms, "unwrangled_fandoms": unwrangled_fandoms, "no_media": no_media, "media": Media.choices},
    )


def _unwrangled_in(fandom: Tag | None):
    qs = Tag.objects.unwrangled().exclude(type__in=[TagType.RATING, TagType.WARNING, TagType.CATEGORY])
    if fandom is None:
        return qs.of_type(TagType.FANDOM).order_by("name")
    return qs.exclude(pk=fandom.pk).filter(works__filter_taggings__tag=fandom).distinct().order_by("type", "name")


@login_required
def wrangle_fandom(request, pk=None):
    """The unwrangled tags used in one fandom (or the unwrangled fandoms), and mass wrangling."""
    _require_wrangler(request)
    fandom = get_object_or_404(Tag, pk=pk, type=TagType.FANDOM) if pk else None
    tags = list(_unwrangled_in(fandom))
    form = MassWrangleForm(request.POST or None, tag_ids=[t.pk for t in tags])
    if request.method == "POST" and form.is_valid():
        chosen = [t for t in tags if t.pk in form.cleaned_data["tags"]]
        action, target = form.cleaned_data["action"], form.cleaned_data["target"]
        try:
            from django.db import transaction

            with transaction.atomic():
                if action == "canonical":
                    for tag in chosen:
                        wrangling.make_canonical(tag, request.user)
                elif action == "synonym":
                    canonical = wrangling.resolve(target)
                    for tag in chosen:
                        wrangling.make_synonym(tag, canonical, request.user)
                else:
                    parent = wrangling.resolve(target, TagType.FANDOM)
                    for tag in chosen:
                        wrangling.add_fandom(tag, parent, request.user)
        except wrangling.WranglingError as exc:
            form.add_error(None, str(exc))
        else:
            count = len(chosen)
            done = ngettext("Wrangled %(count)s tag.", "Wrangled %(count)s tags.", count) % {"count": count}
            messages.success(request, done)
            return redirect(request.path)
    return render(request, "tags/wrangle_fandom.html", {"fandom": fandom, "tags": tags, "form": form})


@login_required
def wrangling_log(request):
    _require_wrangler(request)
    actions = WranglingAction.objects.select_related("tag", "actor")
    page = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(request, "tags/wrangling_log.html", {"page": page})
