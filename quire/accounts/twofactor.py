"""Two-factor log-in for staff and moderators: a TOTP app plus single-use recovery
codes, through django-otp (its devices, token matching with drift and replay
protection, and the session flag `request.user.is_verified()`).

Moderators and staff must have verified a code in this session before they open
the moderators' console or the admin (STAFF_PREFIXES); everyone else is untouched.
QUIRE_STAFF_TWO_FACTOR=false turns the requirement off (a private test archive)."""

import base64
import secrets
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from quire.lib.redirects import safe_next

STAFF_PREFIXES = ("/moderation/", "/admin/", "/pages/manage/", "/announcements/")
RECOVERY_CODES = 10


def needs_two_factor(user) -> bool:
    staff = user.is_authenticated and (user.is_staff or user.is_superuser or user.is_moderator)
    return bool(settings.STAFF_TWO_FACTOR and staff)


def verified(request) -> bool:
    return not needs_two_factor(request.user) or request.user.is_verified()


def redirect_to_verify(request):
    target = "accounts:two_factor_verify" if user_has_device(request.user) else "accounts:two_factor_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class StaffTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: staff pages need a verified session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(STAFF_PREFIXES) and not verified(request):
            if needs_two_factor(request.user):
                return redirect_to_verify(request)
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=20, label=gettext_lazy("Code"),
        help_text=gettext_lazy("The 6-digit code your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )  # fmt: skip


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def _new_recovery_codes(user) -> list[str]:
    static, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Recovery codes"})
    static.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@never_cache
@login_required
def setup(request):
    """Scan a QR code, type the code it shows, and receive recovery codes."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        codes = None
        if request.method == "POST" and request.POST.get("action") == "new-codes":
            if not request.user.is_verified():
                return redirect_to_verify(request)
            codes = _new_recovery_codes(request.user)
            messages.success(request, _("New recovery codes made; the old ones no longer work."))
        left = StaticToken.objects.filter(device__user=request.user).count()
        return render(request, "accounts/two_factor_status.html", {"codes": codes, "left": left})

    device = _pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _detail = device.verify_is_allowed()  # django-otp pauses after each wrong code
        if not allowed:
            form.add_error("code", _("Too many wrong codes in a row: wait a few seconds, then type the newest code."))
        elif device.verify_token(form.cleaned_data["code"].strip().replace(" ", "")):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                codes = _new_recovery_codes(request.user)
            otp_login(request, device)
            messages.success(request, _("Two-factor log-in is on."))
            return render(request, "accounts/two_factor_status.html", {
                "codes": codes, "left": len(codes), "next": safe_next(request, ""),
            })  # fmt: skip
        else:
            form.add_error(
                "code", _("That code doesn't match. Check the clock on your phone and type the newest code.")
            )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code for your authenticator app"))
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr": qr, "secret": secret, "next": request.GET.get("next") or request.POST.get("next", ""),
    })  # fmt: skip


@never_cache
@login_required
def verify(request):
    """The second step for staff: a code from the app, or a recovery code."""
    if not user_has_device(request.user):
        return redirect_to_verify(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(request, ngettext(
                    "You used a recovery code; %(left)s left. Make new ones if that is few.",
                    "You used a recovery code; %(left)s left. Make new ones if that is few.",
                    left,
                ) % {"left": left})
            return redirect(safe_next(request, reverse("moderation:console")))
        form.add_error("code", _("That code doesn't match. Type the newest code from your app, or a recovery code."))
    next_url = request.GET.get("next") or request.POST.get("next", "")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})
