"""Where to send someone after a form: only ever somewhere on this site."""

from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str, field: str = "next") -> str:
    """`field` from the POST or query string if it points at this site (over HTTPS
    when the request came over HTTPS), else `fallback` (a URL or a URL name)."""
    target = request.POST.get(field) or request.GET.get(field) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(fallback)
