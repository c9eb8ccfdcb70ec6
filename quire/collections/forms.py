from urllib.parse import urlparse

from django import forms
from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from quire.tags.models import Tag, TagType
from quire.works.models import Work

from . import services
from .models import Collection, CollectionItem, Gift, ItemState, Prompt, RelationKind


def split_names(value: str) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in (value or "").split(",") if n.strip()))


# Addresses under /collections/ that a collection's name would shadow.
RESERVED_NAMES = {"new", "invitations"}


class CollectionForm(forms.ModelForm):
    moderator_names = forms.CharField(
        required=False, label=gettext_lazy("Moderators"),
        help_text=gettext_lazy("Usernames, separated by commas. They approve items and reveal."),
    )  # fmt: skip

    class Meta:
        model = Collection
        fields = ["name", "title", "kind", "parent", "description", "rules", "moderated", "closed", "anonymous",
                  "unrevealed"]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 5}), "rules": forms.Textarea(attrs={"rows": 5})}
        # Labels here rather than verbose names on the model, which would each need a migration.
        labels = {
            "name": gettext_lazy("Name"), "title": gettext_lazy("Title"), "kind": gettext_lazy("Kind"),
            "rules": gettext_lazy("Rules"),
            # Contexts: these describe a collection (feminine in Spanish), not a work or a person.
            "moderated": pgettext_lazy("collection", "Moderated"), "closed": pgettext_lazy("collection", "Closed"),
            "anonymous": pgettext_lazy("collection", "Anonymous"),
            "unrevealed": pgettext_lazy("collection", "Unrevealed"),
        }  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        parents = Collection.objects.maintained_by(user).top_level()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["name"].disabled = True  # addresses and feeds already point at it
            self.fields["moderator_names"].initial = ", ".join(m.username for m in self.instance.moderators.all())
            if self.instance.children.exists():
                parents = parents.none()  # one level of sub-collections, as AO3
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        self.fields["parent"].label = _("Parent collection")

    def clean_name(self):
        name = self.cleaned_data["name"]
        if name.lower() in RESERVED_NAMES:
            raise forms.ValidationError(
                _("“%(name)s” is taken by a page of the archive. Choose another name.") % {"name": name}
            )
        if Collection.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A collection with this name already exists."))
        return name

    def clean_moderator_names(self):
        names = split_names(self.cleaned_data["moderator_names"])
        users, missing = [], []
        for name in names:
            found = get_user_model().objects.filter(username__iexact=name).first()
            (users if found else missing).append(found or name)
        if missing:
            raise forms.ValidationError(
                _("There's no user called %(names)s. Check the spelling.") % {"names": ", ".join(missing)}
            )
        return [u for u in users if u.pk != (self.instance.owner_id or self.user.pk)]


class WorkCollectionsSection(forms.Form):
    """Collections, gifts and a related work, on the post and edit work form."""

    legend = gettext_lazy("Collections, gifts and related works")
    prefix = "assoc"

    collections = forms.CharField(
        required=False, max_length=1000, label=gettext_lazy("Post to collections"),
        help_text=gettext_lazy(
            "Short names of collections, separated by commas (the name in the collection's address)."
        ),
    )  # fmt: skip
    gifts = forms.CharField(
        required=False, max_length=1000, label=gettext_lazy("Gift this work to"),
        help_text=gettext_lazy("Usernames on this archive, or any names, separated by commas."),
    )  # fmt: skip
    related_kind = forms.ChoiceField(
        required=False, label=gettext_lazy("This work is"),
        choices=[("", gettext_lazy("not related to another work")), *RelationKind.choices],
    )  # fmt: skip
    related_url = forms.CharField(
        required=False, max_length=500, label=gettext_lazy("Original work"),
        help_text=gettext_lazy("The address of a work on this archive, or of a work elsewhere."),
    )  # fmt: skip
    related_title = forms.CharField(
        required=False, max_length=255, label=gettext_lazy("Original title (for a work elsewhere)")
    )
    related_author = forms.CharField(
        required=False, max_length=100, label=gettext_lazy("Original creator (for a work elsewhere)")
    )

    def __init__(self, data=None, *, user, work):
        self.user, self.work = user, work
        initial = {}
        if work is not None:
            items = CollectionItem.objects.filter(work=work, author_state=ItemState.APPROVED).exclude(
                collection_state=ItemState.REJECTED
            )
            initial["collections"] = ", ".join(items.values_list("collection__name", flat=True))
            initial["gifts"] = ", ".join(g.display_name for g in Gift.objects.filter(work=work, refused=False))
        super().__init__(data, initial=initial)

    def clean_collections(self):
        names = split_names(self.cleaned_data["collections"])
        found = {c.name.lower(): c for c in Collection.objects.filter(name__in=names)}
        for name in names:
            if name.lower() not in found:
                # name lookups are exact in the database; retry case-insensitively
                match = Collection.objects.filter(name__iexact=name).first()
                if match is None:
                    raise forms.ValidationError(
                        _("There's no collection called %(name)s. Check the spelling.") % {"name": name}
                    )
                found[name.lower()] = match
        current = set()
        if self.work is not None:
            current = set(CollectionItem.objects.filter(work=self.work).values_list("collection_id", flat=True))
        for collection in found.values():
            if collection.closed and collection.pk not in current and not collection.is_maintainer(self.user):
                raise forms.ValidationError(
                    _("%(collection)s is closed: it accepts no new works.") % {"collection": collection.title}
                )
        return list({c.pk: c for c in found.values()}.values())

    def clean_gifts(self):
        return split_names(self.cleaned_data["gifts"])

    def clean(self):
        data = super().clean()
        kind, url = data.get("related_kind"), (data.get("related_url") or "").strip()
        data["related_parent"] = None
        if kind and not url:
            self.add_error("related_url", _("Give the address of the original work."))
        elif url and not kind:
            self.add_error("related_kind", _("Choose how this work relates to the original."))
        elif kind and url:
            parent = work_from_address(url, self.user)
            if parent is not None:
                data["related_parent"] = parent
            elif urlparse(url).scheme not in ("http", "https") or not urlparse(url).netloc:
                self.add_error("related_url", _("Give a full address (https://…) or a work on this archive."))
            elif is_local_work_address(url):
                self.add_error("related_url", _("There's no work at that address you can see."))
        return data

    def save(self, work) -> list[str]:
        data = self.cleaned_data
        problems = services.set_work_collections(work, data["collections"], by=self.user)
        services.set_gifts(work, data["gifts"], by=self.user)
        if data.get("related_kind"):
            try:
                services.link_related(
                    work, kind=data["related_kind"], parent=data["related_parent"],
                    url="" if data["related_parent"] else data["related_url"].strip(),
                    title=data["related_title"], author_name=data["related_author"],
                )  # fmt: skip
            except services.Refused as refusal:
                problems.append(str(refusal))
        return problems


def _local_path(url: str) -> str | None:
    from django.conf import settings

    parsed = urlparse(url)
    if not parsed.netloc:
        return parsed.path or None
    site = urlparse(getattr(settings, "SITE_URL", ""))
    return parsed.path if site.netloc and parsed.netloc == site.netloc else None


def is_local_work_address(url: str) -> bool:
    path = _local_path(url)
    return bool(path and path.startswith("/works/"))


def work_from_address(url: str, user) -> Work | None:
    """A work on this archive from its address (/works/12/ or the site's full URL), if `user` may see it."""
    path = _local_path(url)
    if not path:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    pk = match.kwargs.get("pk") or match.kwargs.get("work_id")
    if not match.url_name or not str(match.namespace).startswith("works") or not pk:
        return None
    return Work.objects.visible_to(user).posted().filter(pk=pk).first()


class InviteWorkForm(forms.Form):
    work = forms.CharField(
        label=gettext_lazy("Work address"), max_length=500,
        help_text=gettext_lazy("The address of a work on this archive."),
    )  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_work(self):
        work = work_from_address(self.cleaned_data["work"].strip(), self.user)
        if work is None:
            raise forms.ValidationError(_("There's no work at that address you can see."))
        return work


class PromptForm(forms.ModelForm):
    fandoms = forms.CharField(
        required=False, max_length=1000, label=gettext_lazy("Fandoms"), help_text=gettext_lazy("Separated by commas.")
    )
    characters = forms.CharField(
        required=False, max_length=1000, label=gettext_lazy("Characters"),
        help_text=gettext_lazy("Separated by commas."),
    )  # fmt: skip

    class Meta:
        model = Prompt
        fields = ["title", "description", "anonymous"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        labels = {"title": gettext_lazy("Title"), "description": gettext_lazy("Description")}

    def tags(self) -> list[Tag]:
        out = []
        for field, tag_type in (("fandoms", TagType.FANDOM), ("characters", TagType.CHARACTER)):
            for name in split_names(self.cleaned_data.get(field, "")):
                tag = Tag.objects.filter(name__iexact=name).first()
                if tag is None:
                    tag = Tag.objects.create(name=name[:100], type=tag_type)
                out.append(tag)
        return out

    def clean(self):
        data = super().clean()
        for field, tag_type in (("fandoms", TagType.FANDOM), ("characters", TagType.CHARACTER)):
            for name in split_names(data.get(field, "")):
                clash = Tag.objects.filter(name__iexact=name).exclude(type=tag_type).first()
                if clash:
                    self.add_error(field, _("“%(tag)s” is already a %(type)s tag.") % {
                        "tag": clash.name, "type": clash.get_type_display().lower(),
                    })  # fmt: skip
        return data
