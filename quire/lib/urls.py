"""`reverse()` for the links a works list prints hundreds of times (a tag link
per tag per blurb): reverse costs tens of microseconds a call, so each URL
pattern is reversed once per script prefix and the id filled in after."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, reverse

# An id no row will have, replaced by the real one.
_MARK = "2147483646"


@lru_cache(maxsize=64)
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, args=[int(_MARK)])


def url_with_pk(name: str, pk: int) -> str:
    return _pattern(name, get_script_prefix()).replace(_MARK, str(int(pk)))


def site_url(path: str = "") -> str:
    """An absolute URL on this archive, for files and feeds read away from the site."""
    return settings.SITE_URL + path
