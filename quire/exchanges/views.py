"""Gift-exchange pages: the index, an exchange's page, set-up, sign-up, nominations and
the tag set, the moderator's dashboard (matching review, sending, defaults, pinch
hits, reveal) and a writer's assignment page (posting the gift). Works are reached
through the one visibility rule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from quire.accounts.models import User
from quire.lib.ratelimit import Window
from quire.works.models import Work

from . import services
from .forms import ExchangeForm, NominateForm, SignUpForm
from .models import (
    TAG_TYPE_NAMES,
    Assignment,
    AssignmentState,
    EntryKind,
    Exchange,
    NominationState,
    PinchHitter,
    SignUp,
    TagSetEntry,
)

NOMINATIONS_PER_HOUR = 30
SIGNUPS_PER_HOUR = 20


def _exchange(name) -> Exchange:
    return get_object_or_404(Exchange.objects.select_related("collection__owner"), collection__name=name)


def _maintained(request, name) -> Exchange:
    exchange = _exchange(name)
    if not exchange.collection.is_maintainer(request.user):
        raise PermissionDenied(_("Only the exchange's owner and moderators can do that."))
    return exchange


def _limited(request, what: str, limit: int) -> bool:
    window = Window(f"exchange-{what}:{request.user.pk}", limit, 3600)
    if window.seconds_blocked():
        minutes = window.seconds_blocked() // 60 + 1
        if what == "sign-up":
            text = ngettext("Too many sign-ups in an hour: try again in %(minutes)s minute.",
                            "Too many sign-ups in an hour: try again in %(minutes)s minutes.", minutes)
        else:
            text = ngettext("Too many nominations in an hour: try again in %(minutes)s minute.",
                            "Too many nominations in an hour: try again in %(minutes)s minutes.", minutes)
        messages.error(request, text % {"minutes": minutes})
        return True
    window.hit()
    return False


def _tag_set(exchange: Exchange) -> list[tuple[str, list[str]]]:
    """The approved tag set as (type's label, names), the label in the reader's language."""
    return [(TAG_TYPE_NAMES.get(t, t), names) for t, names in services.approved_tags(exchange).items()]


def exchange_index(request):
    exchanges = Exchange.objects.select_related("collection__owner").order_by("-signups_close_at")
    return render(request, "exchanges/index.html", {"exchanges": exchanges})


@login_required
def exchange_new(request):
    form = ExchangeForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        settings_ = {f: data[f] for f in ExchangeForm.Meta.fields}
        exchange = services.create_exchange(request.user, name=data["name"], title=data["title"],
                                            description=data["description"], rules=form.rules(), **settings_)
        messages.success(request, _("Created the gift exchange %(exchange)s.") % {"exchange": exchange})
        return redirect(exchange)
    return render(request, "exchanges/form.html", {"form": form, "exchange": None})


@login_required
def exchange_edit(request, name):
    exchange = _maintained(request, name)
    form = ExchangeForm(request.POST or None, instance=exchange, creating=False)
    if request.method == "POST" and form.is_valid():
        exchange = form.save(commit=False)
        exchange.rules = form.rules()
        exchange.save()
        messages.success(request, _("Exchange settings saved."))
        return redirect(exchange)
    return render(request, "exchanges/form.html", {"form": form, "exchange": exchange})


def exchange_detail(request, name):
    exchange = _exchange(name)
    user = request.user
    signup = assignments = None
    if user.is_authenticated:
        signup = SignUp.objects.filter(exchange=exchange, user=user).prefetch_related("entries").first()
        assignments = exchange.assignments.filter(giver=user).exclude(state=AssignmentState.DRAFT)
    context = {
        "exchange": exchange,
        "collection": exchange.collection,
        "is_maintainer": exchange.collection.is_maintainer(user),
        "signup": signup,
        "assignments": assignments,
        "tag_set": _tag_set(exchange),
        "asked": exchange.asked_types(),
        "nominate_form": (NominateForm(exchange=exchange)
                          if user.is_authenticated and exchange.nominations_open else None),
        "signup_count": exchange.signups.count(),
        "volunteered": user.is_authenticated and PinchHitter.objects.filter(exchange=exchange, user=user).exists(),
    }
    return render(request, "exchanges/detail.html", context)


@login_required
def signup(request, name):
    exchange = _exchange(name)
    existing = SignUp.objects.filter(exchange=exchange, user=request.user).prefetch_related("entries").first()
    form = SignUpForm(request.POST or None, exchange=exchange, signup=existing)
    if request.method == "POST" and form.is_valid() and not _limited(request, "sign-up", SIGNUPS_PER_HOUR):
        try:
            services.sign_up(exchange, request.user, form.entries(EntryKind.REQUEST), form.entries(EntryKind.OFFER))
        except services.Refused as refusal:
            messages.error(request, str(refusal))  # the form keeps what they typed
        else:
            messages.success(request, _("You are signed up. You can change your sign-up until sign-ups close."))
            return redirect(exchange)
    return render(request, "exchanges/signup.html", {"exchange": exchange, "form": form, "existing": existing,
                                                     "tag_set": _tag_set(exchange),
                                                     "open": exchange.signups_open()})


@login_required
@require_POST
def withdraw(request, name):
    exchange = _exchange(name)
    try:
        services.withdraw(exchange, request.user)
        messages.success(request, _("Your sign-up is withdrawn."))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect(exchange)


@login_required
@require_POST
def nominate(request, name):
    exchange = _exchange(name)
    form = NominateForm(request.POST, exchange=exchange)
    if not form.is_valid():
        messages.error(request, _("Choose a tag type and name at least one tag."))
    elif not _limited(request, "nomination", NOMINATIONS_PER_HOUR):
        try:
            added = services.nominate(exchange, request.user, form.cleaned_data["tag_type"], form.tag_names())
            if exchange.collection.is_maintainer(request.user):
                text = ngettext("%(count)s tag added to the tag set.", "%(count)s tags added to the tag set.", added)
            else:
                text = ngettext("%(count)s tag nominated: the moderators will review it.",
                                "%(count)s tags nominated: the moderators will review them.", added)
            messages.success(request, text % {"count": added})
        except services.Refused as refusal:
            messages.error(request, str(refusal))
    return redirect(exchange)


@login_required
def tag_set(request, name):
    exchange = _maintained(request, name)
    if request.method == "POST":
        entry = get_object_or_404(TagSetEntry, exchange=exchange, pk=request.POST.get("entry") or 0)
        services.review_nomination(entry, request.user, approve=request.POST.get("action") == "approve")
        messages.success(request, _("%(tag)s: %(state)s.") % {
            "tag": entry.name, "state": entry.get_state_display().lower()})
        return redirect("exchanges:tag_set", exchange.name)
    entries = exchange.tag_set.select_related("nominated_by")
    return render(request, "exchanges/tag_set.html", {
        "exchange": exchange, "pending": entries.filter(state=NominationState.PENDING),
        "approved": entries.filter(state=NominationState.APPROVED),
        "rejected": entries.filter(state=NominationState.REJECTED),
        "nominate_form": NominateForm(exchange=exchange),
    })  # fmt: skip


@login_required
def dashboard(request, name):
    exchange = _maintained(request, name)
    context = {"exchange": exchange, "collection": exchange.collection, **services.dashboard(exchange),
               "pinch_hitters": exchange.pinch_hitters.select_related("user"),
               "signups": exchange.signups.select_related("user").prefetch_related("entries")}
    return render(request, "exchanges/dashboard.html", context)


def _moderator_action(request, name, action, success):
    """`success(result)` is the message once `action` has run."""
    exchange = _maintained(request, name)
    try:
        result = action(exchange, request.user)
        messages.success(request, success(result))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("exchanges:dashboard", exchange.name)


@login_required
@require_POST
def close(request, name):
    return _moderator_action(request, name, services.close_signups, lambda _result: _("Sign-ups are closed."))


@login_required
@require_POST
def run_matching(request, name):
    def done(result):
        return ngettext(
            "Matching done: %(matched)s of %(n)s person has a writer (the most possible is %(maximum)s). "
            "Review it, then send the assignments.",
            "Matching done: %(matched)s of %(n)s people have a writer (the most possible is %(maximum)s). "
            "Review it, then send the assignments.",
            result.n,
        ) % {"matched": result.matched, "n": result.n, "maximum": result.maximum}

    return _moderator_action(request, name, services.run_matching, done)


@login_required
@require_POST
def send(request, name):
    return _moderator_action(request, name, services.send_assignments, lambda sent: ngettext(
        "Sent %(count)s assignment.", "Sent %(count)s assignments.", sent) % {"count": sent})


@login_required
@require_POST
def reveal(request, name):
    return _moderator_action(request, name, services.reveal, lambda shown: ngettext(
        "Revealed: %(count)s gift now shown with its creators.",
        "Revealed: %(count)s gifts now shown with their creators.", shown) % {"count": shown})


@login_required
@require_POST
def pinch_hit(request, name):
    exchange = _maintained(request, name)
    recipient = User.objects.filter(pk=request.POST.get("recipient") or 0).first()
    giver = User.objects.filter(username__iexact=(request.POST.get("giver") or "").strip()).first()
    if recipient is None or giver is None:
        messages.error(request, _("Choose the person who needs a writer and name the pinch hitter by username."))
    else:
        try:
            services.pinch_hit(exchange, recipient, giver, request.user)
            messages.success(request, _("%(giver)s now writes for %(recipient)s; they have been told.") % {
                "giver": giver.username, "recipient": recipient.username})
        except services.Refused as refusal:
            messages.error(request, str(refusal))
    return redirect("exchanges:dashboard", exchange.name)


@login_required
@require_POST
def volunteer(request, name):
    exchange = _exchange(name)
    services.volunteer(exchange, request.user)
    messages.success(request, _("You are on the pinch-hitter list: the moderators may ask you to write a gift."))
    return redirect(exchange)


def _assignment(request, name, pk) -> Assignment:
    exchange = _exchange(name)
    assignment = get_object_or_404(Assignment.objects.select_related("giver", "recipient", "work"),
                                   exchange=exchange, pk=pk)
    if assignment.giver_id != request.user.pk and not exchange.collection.is_maintainer(request.user):
        raise PermissionDenied(_("This assignment is someone else's."))
    return assignment


@login_required
def assignment_detail(request, name, pk):
    assignment = _assignment(request, name, pk)
    if assignment.state == AssignmentState.DRAFT and assignment.giver_id == request.user.pk:
        raise PermissionDenied(_("The moderators have not sent this assignment yet."))
    exchange = assignment.exchange
    requests = SignUp.objects.filter(exchange=exchange, user=assignment.recipient).prefetch_related("entries").first()
    works = Work.objects.by_user(request.user, request.user).distinct()
    if request.method == "POST":
        work = works.filter(pk=request.POST.get("work") or 0).first()
        if work is None:
            messages.error(request, _("Choose one of your works to post as the gift."))
        else:
            try:
                services.post_gift(assignment, work, request.user)
                messages.success(request, _("%(title)s is posted to %(exchange)s as a gift for %(recipient)s.") % {
                    "title": work.title, "exchange": exchange, "recipient": assignment.recipient.username})
                return redirect("exchanges:assignment", exchange.name, assignment.pk)
            except services.Refused as refusal:
                messages.error(request, str(refusal))
    return render(request, "exchanges/assignment.html", {
        "exchange": exchange, "assignment": assignment, "requests": requests.requests() if requests else [],
        "works": works.order_by("-pk")[:200] if assignment.giver_id == request.user.pk else [],
    })  # fmt: skip


@login_required
@require_POST
def default(request, name, pk):
    assignment = _assignment(request, name, pk)
    try:
        services.default(assignment, request.user)
        messages.success(request, _("Assignment defaulted: the moderators will find a pinch hitter."))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    if assignment.exchange.collection.is_maintainer(request.user):
        return redirect("exchanges:dashboard", assignment.exchange.name)
    return redirect(assignment.exchange)
