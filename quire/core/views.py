"""The site's own pages: the home page and the error pages (403, 404, 500).

The home page lists works through search, like every works list; core sits on
top of the apps, so it may import any of them."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from quire.search.backends import search
from quire.search.listing import blurbs_in_order
from quire.search.query import Query


def home(request):
    # Through search, like every works list, so the reader's saved exclusions apply.
    newest = search(Query(sort="updated", per_page=10), request.user, facets=False)
    return render(request, "core/home.html", {"works": blurbs_in_order(newest.ids, request)})


def favicon(request):
    # Browsers and feed readers ask for /favicon.ico whatever the page's <link rel=icon> says.
    return redirect(static("quire/favicon.ico"))


def healthz(request):
    """For load balancers and benchmarks: the app answers, without touching the database."""
    return HttpResponse("ok\n", content_type="text/plain")


# --- error pages: plain words, never a stack trace ---------------------------------
def error_403(request, exception=None):
    message = str(exception) if exception and str(exception) else _("You don't have permission to see this page.")
    return render(request, "errors/error.html", {"heading": _("Access denied"), "explanation": message}, status=403)


def error_404(request, exception=None):
    return render(
        request,
        "errors/error.html",
        {
            "heading": _("Page not found"),
            "explanation": _(
                "There's nothing here: it may have been deleted, or never existed, or it may not be posted yet."
            ),
        },
        status=404,
    )


@requires_csrf_token
def error_500(request):
    # The 500 page must not depend on the database or context processors, which may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
