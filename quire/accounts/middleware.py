"""Signed-in people who have not accepted the current terms and privacy policy are
sent to the page that asks them to, before anything else. The check is one query,
and then none for the rest of the session while the versions stay the same."""

from urllib.parse import quote

from django.shortcuts import redirect
from django.urls import reverse

from . import policies

# Pages a person must reach without accepting: the question itself, the documents,
# leaving, and what machines fetch (files, feeds, catalogs: they carry no session prompt).
EXEMPT_PREFIXES = ("/static/", "/admin/", "/feeds/", "/opds/", "/about/")


# Someone who won't accept new terms may still leave with their data: the export
# and account deletion (reversed by name; they live in apps above this one).
EXEMPT_NAMES = (
    "accounts:policies_accept", "accounts:logout", "accounts:language", "works:account_delete", "downloads:data_export",
)  # fmt: skip


def _exempt(path: str) -> bool:
    if path.startswith(EXEMPT_PREFIXES) or path.endswith((".atom", ".xml")):
        return True
    exempt = {reverse(name) for name in EXEMPT_NAMES}
    return path in exempt or path.startswith(reverse("downloads:data_export"))


class PolicyAcceptanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _exempt(request.path):
            fingerprint = policies.versions_fingerprint()
            if request.session.get(policies.SESSION_KEY) != fingerprint:
                if policies.pending_documents(user):
                    return redirect(f"{reverse('accounts:policies_accept')}?next={quote(request.get_full_path())}")
                request.session[policies.SESSION_KEY] = fingerprint
        return self.get_response(request)
