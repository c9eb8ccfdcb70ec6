from django import template

from ..formats import available_formats
from ..models import DownloadCount

register = template.Library()


@register.simple_tag
def download_formats():
    return available_formats()


@register.simple_tag
def download_count(work) -> int:
    return DownloadCount.for_work(work)
