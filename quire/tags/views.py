from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from quire.works.models import Work

from .models import Tag


def tag_detail(request, pk):
    """A tag's page: what it is, and the works tagged with it or its synonyms."""
    tag = get_object_or_404(Tag.objects.select_related("synonym_of"), pk=pk)
    canonical = tag.canonical_tag
    works = (
        Work.objects.visible_to(request.user)
        .posted()
        .filter(tags__in=[canonical, *canonical.synonyms.all()])
        .distinct()
        .for_listing()
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(works, 20).get_page(request.GET.get("page"))
    return render(request, "tags/detail.html", {"tag": tag, "canonical": canonical, "page": page})
