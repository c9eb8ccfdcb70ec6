"""Which language the interface speaks to whom.

Django's LocaleMiddleware picks the language from the switcher's cookie, else the
browser's Accept-Language. A signed-in reader who chose one keeps it on their
account, so it follows them to a new browser; this middleware applies it after the
session is known. Emails are written in the recipient's language, not in the
language of whoever's request happened to send them: see `speaking()`."""

from contextlib import contextmanager

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def supported(code: str | None) -> str | None:
    """The supported language for `code` ("es-MX" → "es"), or None."""
    if not code:
        return None
    code = code.lower()
    if code in SUPPORTED:
        return code
    base = code.split("-")[0]
    return base if base in SUPPORTED else None


class AccountLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = supported(getattr(user, "language", "")) if user is not None and user.is_authenticated else None
        if chosen and chosen != translation.get_language():
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)


def _safe_next(request, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_http_methods(["GET", "POST"])
def choose_language(request):
    """The footer links here; the choice is a plain form, so it works without
    JavaScript (and pages don't each carry a form and a CSRF cookie for it)."""
    if request.method == "GET":
        return render(request, "accounts/language.html", {
            "next": _safe_next(request, request.GET.get("next")),
            "languages": settings.LANGUAGES,
        })
    code = supported(request.POST.get("language"))
    target = _safe_next(request, request.POST.get("next"))
    response = HttpResponseRedirect(target)
    if code:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax", secure=request.is_secure(),
        )
        if request.user.is_authenticated and request.user.language != code:
            request.user.language = code
            request.user.save(update_fields=["language"])
    return response


def language_of(user) -> str:
    return supported(getattr(user, "language", "")) or settings.LANGUAGE_CODE


@contextmanager
def speaking(user):
    """Build an email (subject and body) for `user` inside this block: it is written
    in their language whichever request or task sends it."""
    with translation.override(language_of(user)):
        yield
