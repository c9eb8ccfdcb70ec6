"""Subscribing and unsubscribing, notification settings, and the one-click
unsubscribe link every email carries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from quire.accounts.models import Pseud, User
from quire.lib.redirects import safe_next
from quire.works.access import work_for_interacting
from quire.works.models import Series

from . import subscriptions
from .emails import read_unsubscribe_token
from .forms import ReaderSettingsForm
from .models import EmailFrequency, ReaderSettings, Subscription
from .safety import Refused


def _target(request, kind: str, pk: int) -> dict:
    if kind == "work":
        return {"work": work_for_interacting(request.user, pk)}
    if kind == "user":
        return {"author": get_object_or_404(User, pk=pk, is_active=True)}
    if kind == "pseud":
        return {"pseud": get_object_or_404(Pseud.objects.select_related("user"), pk=pk, user__is_active=True)}
    if kind == "series":
        return {"series": get_object_or_404(Series, pk=pk)}
    raise Http404("No such thing to subscribe to.")


@require_POST
@login_required
def subscribe(request, kind, pk):
    target = _target(request, kind, pk)
    name = str(next(iter(target.values())))
    back = safe_next(request, "/")
    if request.POST.get("action") == "unsubscribe":
        for sub in Subscription.objects.filter(user=request.user, **target):
            subscriptions.unsubscribe(sub)
        messages.success(request, _("You have unsubscribed from %(name)s.") % {"name": name})
        return redirect(back)
    try:
        subscriptions.subscribe(request.user, **target)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("You are now subscribed to %(name)s. You'll hear about updates in your inbox.") % {"name": name}
        )
    return redirect(back)


@login_required
def subscription_list(request):
    subs = Subscription.objects.filter(user=request.user).select_related("work", "author", "pseud__user", "series")
    return render(request, "interactions/subscriptions.html", {"subscriptions": subs})


@require_POST
@login_required
def subscription_delete(request, pk):
    sub = Subscription.objects.filter(user=request.user, pk=pk).first()
    if sub is not None:
        subscriptions.unsubscribe(sub)
        messages.success(request, _("Unsubscribed."))
    return redirect("interactions:subscriptions")


@login_required
def reader_settings(request):
    current = ReaderSettings.for_user(request.user)
    form = ReaderSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        if not form.cleaned_data["keep_history"]:
            from .tracking import clear_history

            clear_history(request.user)
        messages.success(request, _("Your settings are saved."))
        return redirect("interactions:settings")
    return render(request, "interactions/settings.html", {"form": form})


@csrf_exempt
def unsubscribe(request, token):
    """GET shows a confirmation; POST unsubscribes. Mail clients that follow
    RFC 8058 POST "List-Unsubscribe=One-Click" here directly, without cookies,
    which is why this view has no CSRF check: the signed token is the permission."""
    data = read_unsubscribe_token(token)
    user = User.objects.filter(pk=data["u"]).first() if data else None
    if user is None:
        return render(request, "interactions/unsubscribe.html", {"invalid": True}, status=400)
    sub = Subscription.objects.filter(user=user, pk=data["s"]).first() if data["s"] else None
    if request.method == "POST":
        if data["s"] and sub is None:
            done = _("You were already unsubscribed.")
        elif sub is not None:
            what = str(sub.target)
            subscriptions.unsubscribe(sub)
            done = _("You are unsubscribed from %(name)s.") % {"name": what}
        else:
            ReaderSettings.objects.update_or_create(user=user, defaults={"email_frequency": EmailFrequency.NEVER})
            done = _("You won't get notification emails any more. Your inbox on the site still shows updates.")
        return render(request, "interactions/unsubscribe.html", {"done": done})
    return render(
        request, "interactions/unsubscribe.html", {"subscription": sub, "all_email": data["s"] == 0 or sub is None}
    )
