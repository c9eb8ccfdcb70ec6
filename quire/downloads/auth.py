"""HTTP Basic with app passwords, for e-reader apps that can't log in through a form."""

import base64
import binascii

from django.http import HttpResponse
from django.utils.translation import gettext

from .models import AppPassword

REALM = "Quire OPDS (use an app password)"


def basic_credentials(request) -> tuple[str, str] | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        username, _, password = base64.b64decode(encoded.strip()).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    return username, password


class BadCredentials(Exception):
    pass


def viewer(request):
    """Who is asking: a Basic-authenticated app password wins over the session.
    Credentials that don't match raise BadCredentials (answered with a 401)."""
    credentials = basic_credentials(request)
    if credentials is None:
        return request.user
    user = AppPassword.objects.authenticate(*credentials)
    if user is None:
        raise BadCredentials
    return user


def challenge(message: str = "") -> HttpResponse:
    message = message or gettext("Sign in with your user name and an app password.")
    response = HttpResponse(message, status=401, content_type="text/plain; charset=utf-8")
    response["WWW-Authenticate"] = f'Basic realm="{REALM}", charset="UTF-8"'
    return response
