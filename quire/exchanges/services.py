"""Gift-exchange workflows: set-up, sign-ups, nominations, matching, sending
assignments, defaulting, pinch hits, posting a gift, reveal. Views call these; each
checks who may do it and raises Refused with a message for the person."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quire.accounts.language import speaking
from quire.accounts.models import User
from quire.collections import services as collections
from quire.collections.models import Collection, CollectionKind, Gift
from quire.collections.services import Refused
from quire.works.models import Work

from . import matching
from .models import (
    MAX_ENTRIES,
    MAX_TAGS,
    TAG_TYPE_NAMES,
    Assignment,
    AssignmentState,
    EntryKind,
    Exchange,
    NominationState,
    PinchHitter,
    SignUp,
    SignUpEntry,
    TagSetEntry,
)

__all__ = ["Refused"]  # views catch it from here


def _maintainer(exchange: Exchange, user) -> None:
    if not exchange.collection.is_maintainer(user):
        raise Refused(_("Only the exchange's owner and moderators can do that."))


# --- set-up -----------------------------------------------------------------------------
@transaction.atomic
def create_exchange(owner, *, name: str, title: str, description: str = "", **settings_) -> Exchange:
    """A gift exchange is a collection (anonymous and unrevealed until the reveal) with
    its sign-up rules."""
    collection = Collection.objects.create(
        name=name, title=title, description=description, owner=owner, kind=CollectionKind.GIFT_EXCHANGE,
        anonymous=True, unrevealed=True,
    )  # fmt: skip
    return Exchange.objects.create(collection=collection, **settings_)


def normalise(name: str) -> str:
    return " ".join(name.split())[:100]


# --- tag set ----------------------------------------------------------------------------
def nominate(exchange: Exchange, user, tag_type: str, names: list[str]) -> int:
    """Participants nominate tags (pending); moderators' additions are approved at once."""
    is_maintainer = exchange.collection.is_maintainer(user)
    if not is_maintainer and not exchange.nominations_open:
        raise Refused(_("Nominations for this exchange are closed."))
    if tag_type not in {t for t, _label, _rule in exchange.asked_types()}:
        raise Refused(_("This exchange does not ask about that tag type."))
    added = 0
    for name in dict.fromkeys(normalise(n) for n in names if n.strip()):
        if TagSetEntry.objects.filter(exchange=exchange, tag_type=tag_type, name__iexact=name).exists():
            continue
        TagSetEntry.objects.create(
            exchange=exchange, tag_type=tag_type, name=name, nominated_by=user,
            state=NominationState.APPROVED if is_maintainer else NominationState.PENDING,
        )  # fmt: skip
        added += 1
    return added


def review_nomination(entry: TagSetEntry, by, *, approve: bool) -> None:
    _maintainer(entry.exchange, by)
    entry.state = NominationState.APPROVED if approve else NominationState.REJECTED
    entry.save(update_fields=["state"])


def approved_tags(exchange: Exchange) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for entry in exchange.tag_set.filter(state=NominationState.APPROVED):
        out.setdefault(entry.tag_type, []).append(entry.name)
    return out


# --- sign-ups ---------------------------------------------------------------------------
def check_entries(exchange: Exchange, kind: str, entries: list[dict]) -> list[str]:
    """Problems with a sign-up's requests or offers, each a sentence for the person."""
    problems = []
    is_request = kind == EntryKind.REQUEST
    required = exchange.requests_required if is_request else exchange.offers_required
    allowed = exchange.requests_allowed if is_request else exchange.offers_allowed
    given = len(entries)
    if given < required:
        problems.append((ngettext(
            "This exchange needs at least %(count)s request; you gave %(given)s.",
            "This exchange needs at least %(count)s requests; you gave %(given)s.", required,
        ) if is_request else ngettext(
            "This exchange needs at least %(count)s offer; you gave %(given)s.",
            "This exchange needs at least %(count)s offers; you gave %(given)s.", required,
        )) % {"count": required, "given": given})
    if given > min(allowed, MAX_ENTRIES):
        problems.append((ngettext(
            "This exchange allows at most %(count)s request; you gave %(given)s.",
            "This exchange allows at most %(count)s requests; you gave %(given)s.", allowed,
        ) if is_request else ngettext(
            "This exchange allows at most %(count)s offer; you gave %(given)s.",
            "This exchange allows at most %(count)s offers; you gave %(given)s.", allowed,
        )) % {"count": allowed, "given": given})
    tag_set = approved_tags(exchange) if exchange.tag_set_only else None
    for number, entry in enumerate(entries, start=1):
        which = (_("Request %(number)s") if is_request else _("Offer %(number)s")) % {"number": number}
        for tag_type, type_label, rule in exchange.asked_types():
            names = entry["tags"].get(tag_type, [])
            types = type_label.lower()
            if tag_type in entry["any"]:
                if not rule.get("any"):
                    problems.append(_('%(entry)s: "any" is not allowed for %(types)s.') % {
                        "entry": which, "types": types})
                continue
            # Left empty, a type means "any" to the matcher: allowed only where "any" is.
            if not names and (tag_type == "fandom" or not rule.get("any")):
                problems.append(_("%(entry)s: name at least one of the %(types)s.") % {
                    "entry": which, "types": types})
            if len(names) > MAX_TAGS:
                problems.append(_("%(entry)s: at most %(count)s %(types)s.") % {
                    "entry": which, "count": MAX_TAGS, "types": types})
            if tag_set is not None:
                allowed_names = {n.casefold() for n in tag_set.get(tag_type, [])}
                strays = [n for n in names if n.casefold() not in allowed_names]
                if strays:
                    problems.append(_(
                        "%(entry)s: %(names)s is not in the exchange's tag set for %(types)s; "
                        "nominate it or choose from the list."
                    ) % {"entry": which, "names": ", ".join(strays), "types": types})
    return problems


@transaction.atomic
def sign_up(exchange: Exchange, user, requests: list[dict], offers: list[dict], now=None) -> SignUp:
    """Create or replace `user`'s sign-up. Entries are {"tags": {type: [names]},
    "any": [types], "details": str}."""
    if not exchange.signups_open(now):
        raise Refused(_("Sign-ups for this exchange are not open."))
    problems = check_entries(exchange, EntryKind.REQUEST, requests) + check_entries(exchange, EntryKind.OFFER, offers)
    if problems:
        raise Refused(" ".join(problems))
    signup, created = SignUp.objects.get_or_create(exchange=exchange, user=user)
    if not created:
        signup.entries.all().delete()
        signup.updated_at = timezone.now()
        signup.save(update_fields=["updated_at"])
    for kind, entries in ((EntryKind.REQUEST, requests), (EntryKind.OFFER, offers)):
        for position, entry in enumerate(entries, start=1):
            SignUpEntry.objects.create(
                signup=signup, kind=kind, position=position,
                tags={t: [normalise(n) for n in names if n.strip()] for t, names in entry["tags"].items() if names},
                any_types=list(entry["any"]), details=entry.get("details", "") if exchange.prompts else "",
            )  # fmt: skip
    return signup


def withdraw(exchange: Exchange, user, now=None) -> None:
    if not exchange.signups_open(now):
        raise Refused(_("Sign-ups are closed: ask the moderators to take you out of the exchange."))
    SignUp.objects.filter(exchange=exchange, user=user).delete()


def close_signups(exchange: Exchange, by, now=None) -> None:
    _maintainer(exchange, by)
    now = now or timezone.now()
    if exchange.signups_close_at > now:
        exchange.signups_close_at = now
        exchange.save(update_fields=["signups_close_at"])


# --- matching ---------------------------------------------------------------------------
def _entries(signups: list[SignUp], kind: str) -> list[matching.Entry]:
    out = []
    for index, signup in enumerate(signups):
        for entry in signup.entries.all():
            if entry.kind == kind:
                out.append(matching.Entry(
                    index, {t: frozenset(n.casefold() for n in names) for t, names in entry.tags.items()},
                    frozenset(entry.any_types),
                ))  # fmt: skip
    return out


@transaction.atomic
def run_matching(exchange: Exchange, by, now=None) -> matching.Result:
    """Match the sign-ups (after sign-ups close, until assignments are sent); the
    draft assignments and the explanations for the unmatched replace the last run's."""
    _maintainer(exchange, by)
    if not exchange.signups_closed(now):
        raise Refused(_("Close sign-ups before matching."))
    if exchange.assignments_sent_at:
        raise Refused(_("Assignments have been sent; use pinch hits to change them."))
    signups = list(exchange.signups.select_related("user").prefetch_related("entries"))
    rules = matching.Rules({t: rule["mode"] for t, _label, rule in exchange.asked_types()})
    requests, offers = _entries(signups, EntryKind.REQUEST), _entries(signups, EntryKind.OFFER)
    scores = matching.compatibility(len(signups), requests, offers, rules)
    result = matching.match_scores(scores)
    explanations = matching.explain(len(signups), requests, offers, rules, scores, result)
    exchange.assignments.all().delete()
    Assignment.objects.bulk_create(
        Assignment(exchange=exchange, giver=signups[g].user, recipient=signups[r].user, coverage=result.coverage[r])
        for g, r in sorted(result.giver_to_receiver.items())
    )
    # The facts, not a sentence: the dashboard words them in the moderator's language.
    exchange.unmatched = [{"user": signups[x.participant].user_id, "username": signups[x.participant].user.username,
                           "reason": x.reason, "detail": x.detail, "missing": x.missing, "people": x.people,
                           "writers": x.writers} for x in explanations]
    exchange.match_stats = {"participants": len(signups), "matched": result.matched, "maximum": result.maximum,
                            "coverage": round(result.mean_coverage, 3), "reciprocal": result.reciprocal}
    exchange.matched_at = now or timezone.now()
    exchange.save(update_fields=["unmatched", "match_stats", "matched_at"])
    return result


def _tell(assignment: Assignment) -> None:
    """An assignment goes to the giver's inbox and, whatever their email settings,
    by email: it is a commitment with a due date, not a piece of news. Both are
    written in the giver's language (the inbox line is stored as text, so it keeps
    the language it was written in)."""
    exchange, giver = assignment.exchange, assignment.giver
    if giver is None:  # the writer's account was deleted
        return
    link = reverse("exchanges:assignment", args=[exchange.name, assignment.pk])
    with speaking(giver):
        names = {"exchange": exchange, "recipient": assignment.recipient.username}
        if assignment.pinch_hit:
            subject = _("%(exchange)s: pinch hit: you are writing a gift for %(recipient)s") % names
        else:
            subject = _("%(exchange)s: you are writing a gift for %(recipient)s") % names
        collections.notify(giver, f"exchange-assignment:{assignment.pk}", subject, link)
        if giver.email:
            requests = [e for e in SignUpEntry.objects.filter(
                signup__exchange=exchange, signup__user=assignment.recipient, kind=EntryKind.REQUEST,
            ).select_related("signup__exchange")]
            body = render_to_string("exchanges/email/assignment.txt", {
                "SITE_NAME": settings.SITE_NAME, "exchange": exchange, "assignment": assignment,
                "requests": requests, "link": f"{settings.SITE_URL}{link}",
            })  # fmt: skip
            send_mail(f"[{settings.SITE_NAME}] {subject}", body, None, [giver.email])


@transaction.atomic
def send_assignments(exchange: Exchange, by, now=None) -> int:
    _maintainer(exchange, by)
    if exchange.matched_at is None:
        raise Refused(_("Run the matching first."))
    now = now or timezone.now()
    drafts = list(exchange.assignments.filter(state=AssignmentState.DRAFT).select_related("giver", "recipient"))
    for assignment in drafts:
        assignment.state = AssignmentState.ASSIGNED
        assignment.sent_at = now
        assignment.save(update_fields=["state", "sent_at"])
        _tell(assignment)
    exchange.assignments_sent_at = now
    exchange.save(update_fields=["assignments_sent_at"])
    return len(drafts)


def default(assignment: Assignment, by, now=None) -> None:
    """The giver (or a moderator for them) says the gift won't come; the recipient
    waits for a pinch hitter."""
    if by != assignment.giver and not assignment.exchange.collection.is_maintainer(by):
        raise Refused(_("Only the assigned writer or a moderator can default an assignment."))
    if assignment.state != AssignmentState.ASSIGNED:
        raise Refused(_("Only a sent assignment that has no gift yet can be defaulted."))
    assignment.state = AssignmentState.DEFAULTED
    assignment.defaulted_at = now or timezone.now()
    assignment.save(update_fields=["state", "defaulted_at"])


def volunteer(exchange: Exchange, user) -> None:
    PinchHitter.objects.get_or_create(exchange=exchange, user=user)


@transaction.atomic
def pinch_hit(exchange: Exchange, recipient, giver, by, now=None) -> Assignment:
    """A moderator gives `recipient` (defaulted on, or unmatched) a new writer."""
    _maintainer(exchange, by)
    if giver == recipient:
        raise Refused(_("Nobody can write their own gift."))
    if exchange.assignments.filter(recipient=recipient, state__in=[AssignmentState.ASSIGNED,
                                                                   AssignmentState.POSTED]).exists():
        raise Refused(_("%(username)s already has a writer.") % {"username": recipient.username})
    assignment = Assignment.objects.create(
        exchange=exchange, giver=giver, recipient=recipient, pinch_hit=True,
        state=AssignmentState.ASSIGNED, sent_at=now or timezone.now(),
    )  # fmt: skip
    _tell(assignment)
    return assignment


def pinch_candidates(exchange: Exchange):
    """Recipients who need a writer: defaulted on, or unmatched, with no live assignment."""
    covered = exchange.assignments.filter(state__in=[AssignmentState.ASSIGNED, AssignmentState.POSTED,
                                                     AssignmentState.DRAFT]).values("recipient")
    signed = exchange.signups.values("user")
    return User.objects.filter(pk__in=signed).exclude(pk__in=covered).order_by("username")


@transaction.atomic
def post_gift(assignment: Assignment, work: Work, by, now=None) -> None:
    """The giver posts `work` into the exchange's collection as a gift to the recipient."""
    if by != assignment.giver:
        raise Refused(_("Only the assigned writer can post this gift."))
    if assignment.state != AssignmentState.ASSIGNED:
        raise Refused(_("This assignment is not open for a gift."))
    if not work.is_creator(by):
        raise Refused(_("Post one of your own works."))
    collections.add_work_to_collection(work, assignment.exchange.collection, by=by)
    names = [g.recipient.username if g.recipient else g.recipient_name
             for g in Gift.objects.filter(work=work, refused=False).select_related("recipient")]
    collections.set_gifts(work, [*names, assignment.recipient.username], by=by)
    assignment.state = AssignmentState.POSTED
    assignment.work = work
    assignment.posted_at = now or timezone.now()
    assignment.save(update_fields=["state", "work", "posted_at"])


def reveal(exchange: Exchange, by) -> int:
    return collections.reveal(exchange.collection, by)


def why_unmatched(entry: dict) -> str:
    """A stored explanation from the last matching run as a sentence in the reader's
    language. Runs stored before the facts were kept show the matcher's own words."""
    reason = entry.get("reason")
    if reason == "no-giver":
        if "missing" not in entry:
            return _("nobody offers what they request (%(detail)s)") % {"detail": entry.get("detail", "")}
        parts = []
        for missing in entry["missing"]:
            if missing:
                parts.append(", ".join(f"{TAG_TYPE_NAMES.get(t, t)}: {', '.join(names)}"
                                       for t, names in missing.items()))
            else:
                parts.append(_("no single offer satisfies all of its tag types together"))
        if not parts:
            return _("nobody offers what they request (they made no requests)")
        return _("nobody offers what they request (%(detail)s)") % {"detail": "; ".join(parts)}
    if reason == "no-recipient":
        return _("cannot write for anyone: nobody requests anything their offers cover")
    if entry.get("people"):
        return ngettext(
            "no writer: %(people)s people, this one included, can only be written for by the same %(writers)s "
            "writer",
            "no writer: %(people)s people, this one included, can only be written for by the same %(writers)s "
            "writers",
            entry["writers"],
        ) % {"people": entry["people"], "writers": entry["writers"]}
    return _("no writer: %(detail)s") % {"detail": entry.get("detail", "")}


def dashboard(exchange: Exchange) -> dict:
    """What the moderators watch: unmatched, defaulted, waiting, posted."""
    assignments = list(exchange.assignments.select_related("giver", "recipient", "work"))
    return {
        "posted": [a for a in assignments if a.state == AssignmentState.POSTED],
        "waiting": [a for a in assignments if a.state == AssignmentState.ASSIGNED],
        "defaulted": [a for a in assignments if a.state == AssignmentState.DEFAULTED],
        "drafts": [a for a in assignments if a.state == AssignmentState.DRAFT],
        "need_writer": list(pinch_candidates(exchange)) if exchange.matched_at else [],
        "unmatched": [{"username": x.get("username", ""), "why": why_unmatched(x)} for x in exchange.unmatched],
    }

