"""The site documents a person agrees to (terms of service, privacy policy), which
version of each is current, and who accepted which.

The seam for the site-pages app: `current_policy_versions()` reads the versions
from settings (QUIRE_TERMS_VERSION, QUIRE_PRIVACY_VERSION) and `policy_url(doc)`
names the page showing the text (accounts' own /about/terms/ and /about/privacy/
templates). When editable, versioned pages exist they can replace both functions'
bodies without changing any caller; acceptances are stored per (document, version).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import PolicyAcceptance, User

DOCUMENTS = {"terms": _("Terms of Service"), "privacy": _("Privacy Policy")}
SESSION_KEY = "quire_policies_ok"


def current_policy_versions() -> dict[str, str]:
    """{document: current version}; a document with an empty version asks nothing."""
    versions = {"terms": settings.TERMS_VERSION, "privacy": settings.PRIVACY_VERSION}
    return {doc: version for doc, version in versions.items() if version}


def policy_url(document: str) -> str:
    return reverse("accounts:policy", args=[document])


def policy_title(document: str) -> str:
    return str(DOCUMENTS[document])  # in the language of the page asking


def pending_documents(user: User) -> list[str]:
    """The documents whose current version `user` has not accepted."""
    current = current_policy_versions()
    accepted = set(
        PolicyAcceptance.objects.filter(user=user, document__in=current).values_list("document", "version")
    )
    return [doc for doc, version in current.items() if (doc, version) not in accepted]


def accept_current(user: User, documents=None) -> None:
    """Record that `user` accepted the current version of `documents` (all by default)."""
    now = timezone.now()
    for doc, version in current_policy_versions().items():
        if documents is None or doc in documents:
            PolicyAcceptance.objects.get_or_create(
                user=user, document=doc, version=version, defaults={"accepted_at": now}
            )


def versions_fingerprint() -> str:
    """What the session remembers once a person is up to date, so the check costs no
    query on later pages until a version changes."""
    return "|".join(f"{doc}={version}" for doc, version in sorted(current_policy_versions().items()))
