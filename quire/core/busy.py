""""The archive is busy": a locked SQLite database answers 503, never 500.

SQLite lets one writer in at a time. Requests wait for the lock (the busy
timeout in settings.DATABASES), but a write that still can't get it raises
`OperationalError: database is locked`. The reader then gets a short "busy, try
again" page with Retry-After, showing what they posted (a comment, a chapter) in
a form that sends it again, so nothing they typed is lost.
"""

import sys

from django.db import OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader

RETRY_AFTER_SECONDS = 5
# Never echo secrets back into a page.
SECRET_FIELDS = ("password", "csrfmiddlewaretoken", "token", "secret")


def is_database_locked(exc: BaseException | None) -> bool:
    """SQLite's "database is locked" (another writer) or "database table is locked"."""
    return isinstance(exc, OperationalError) and "is locked" in str(exc)


def kept_fields(request) -> tuple[list[dict], bool]:
    """The posted fields worth giving back, and whether any were left out as secret."""
    fields, left_out = [], False
    if request.method != "POST":
        return fields, left_out
    try:
        data = request.POST
    except Exception:  # an unreadable body: nothing to keep
        return fields, left_out
    for name in data:
        if any(word in name.lower() for word in SECRET_FIELDS):
            left_out = left_out or "password" in name.lower()
            continue
        for value in data.getlist(name):
            fields.append({"name": name, "value": value, "long": len(value) > 80 or "\n" in value})
    return fields, left_out


def busy_response(request, overloaded: bool = False) -> HttpResponse:
    """The busy page: the database was locked, or (`overloaded`) too many requests at once."""
    fields, passwords_left_out = kept_fields(request)
    context = {
        "overloaded": overloaded,
        "fields": fields,
        "passwords_left_out": passwords_left_out,
        "action": request.path,
        "csrf_token": get_token(request) if fields else "",
        "files": [f.name for f in request.FILES.values()] if request.method == "POST" and request.FILES else [],
        "retry_after": RETRY_AFTER_SECONDS,
    }
    # Rendered without context processors: they may need the database that is busy.
    response = HttpResponse(loader.get_template("503.html").render(context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseBusyMiddleware:
    """Turns a view's "database is locked" into the busy page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_locked(exception):
            return busy_response(request)
        return None


def server_error(request):
    """handler500: the busy page when the error was a locked database raised outside
    a view (in a middleware saving the session, say), else the ordinary 500 page."""
    if is_database_locked(sys.exc_info()[1]):
        return busy_response(request)
    from .views import error_500

    return error_500(request)
