from django import template

from ..models import CollectionItem, Gift
from ..services import relations_visible_to

register = template.Library()


@register.simple_tag
def work_associations(work, user) -> dict:
    """What the work page shows of collections, gifts and related works."""
    collections = [
        item.collection for item in CollectionItem.objects.approved().filter(work=work).select_related("collection")
    ]
    gifts = list(Gift.objects.filter(work=work, refused=False).select_related("recipient"))
    fills = list(work.prompt_fills.select_related("prompt__collection"))
    return {"collections": collections, "gifts": gifts, "fills": fills, **relations_visible_to(work, user)}
