from django import template
from django.db.models import Exists, OuterRef

from quire.works.models import Work

from ..models import CollectionItem, Gift, PromptFill, RelatedWork
from ..services import relations_visible_to

register = template.Library()

NONE = {"collections": [], "gifts": [], "fills": [], "parents": [], "children": []}


def _has_any(work) -> bool:
    """Whether anything at all links to `work`: one query, where reading each kind
    was five on every work page, and most works have none."""
    links = {
        "c": CollectionItem.objects.filter(work=OuterRef("pk")),
        "g": Gift.objects.filter(work=OuterRef("pk")),
        "f": PromptFill.objects.filter(work=OuterRef("pk")),
        "p": RelatedWork.objects.filter(child=OuterRef("pk")),
        "k": RelatedWork.objects.filter(parent=OuterRef("pk")),
    }
    row = Work.objects.filter(pk=work.pk).values_list(*(Exists(q) for q in links.values())).first()
    return bool(row and any(row))


@register.simple_tag
def work_associations(work, user) -> dict:
    """What the work page shows of collections, gifts and related works."""
    if not _has_any(work):
        return NONE
    collections = [
        item.collection for item in CollectionItem.objects.approved().filter(work=work).select_related("collection")
    ]
    gifts = list(Gift.objects.filter(work=work, refused=False).select_related("recipient"))
    fills = list(work.prompt_fills.select_related("prompt__collection"))
    return {"collections": collections, "gifts": gifts, "fills": fills, **relations_visible_to(work, user)}
