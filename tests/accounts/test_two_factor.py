"""Two-factor log-in for staff and moderators: set up with a QR code and a first code,
recovery codes once, and a code asked for before the console or the admin. Codes are
made from the device's key at a clock the test controls."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_user
from tests.interactions.conftest import page_text

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
CONSOLE = reverse("moderation:console")
SETUP = reverse("accounts:two_factor_setup")
VERIFY = reverse("accounts:two_factor_verify")


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.STAFF_TWO_FACTOR = True


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _log_in(client, username):
    response = client.post(reverse("accounts:login"), {"username": username, "password": "correct-horse-battery"})
    assert response.status_code == 302
    return client


def test_a_moderator_sets_up_two_factor_before_the_console(moderator, time_machine):
    time_machine.move_to(NOW, tick=False)
    c = _log_in(Client(), "dove")
    response = c.get(CONSOLE)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    page = c.get(response["Location"])
    assert "<svg" in page.content.decode() and "Type this key instead" in page_text(page)
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    wrong = c.post(SETUP, {"code": "000000"})
    assert "doesn't match" in page_text(wrong) and not TOTPDevice.objects.get().confirmed
    time_machine.shift(timedelta(seconds=5))  # past the pause a wrong code earns, within the same 30 s step
    done = c.post(SETUP, {"code": _code(device), "next": CONSOLE})
    codes = re.findall(r"<li><code>([0-9a-f]{10})</code></li>", done.content.decode())
    assert len(codes) == 10 and TOTPDevice.objects.get().confirmed
    assert c.get(CONSOLE).status_code == 200


def test_the_next_log_in_asks_for_a_code_and_a_recovery_code_works_once(moderator, time_machine):
    time_machine.move_to(NOW, tick=False)
    device = TOTPDevice.objects.create(user=moderator, name="app", confirmed=True)
    c = _log_in(Client(), "dove")
    response = c.get(CONSOLE)
    assert response["Location"].startswith(VERIFY)
    assert "doesn't match" in page_text(c.post(VERIFY, {"code": "123456"}))
    assert c.get(CONSOLE).status_code == 302
    time_machine.shift(timedelta(seconds=5))
    c.post(VERIFY, {"code": _code(device), "next": CONSOLE})
    assert c.get(CONSOLE).status_code == 200

    # Lost phone: a recovery code, which can't be used twice.
    static = moderator.staticdevice_set.create(name="Recovery codes")
    StaticToken.objects.create(device=static, token="abcde12345")
    other = _log_in(Client(), "dove")
    other.post(VERIFY, {"code": "abcde12345"})
    assert other.get(CONSOLE).status_code == 200
    third = _log_in(Client(), "dove")
    assert "doesn't match" in page_text(third.post(VERIFY, {"code": "abcde12345"}))


def test_a_code_from_the_app_is_not_accepted_twice(moderator):
    device = TOTPDevice.objects.create(user=moderator, name="app", confirmed=True)
    with time_machine.travel(NOW, tick=False):
        code = _code(device)
        first = _log_in(Client(), "dove")
        first.post(VERIFY, {"code": code})
        assert first.get(CONSOLE).status_code == 200
        second = _log_in(Client(), "dove")
        assert "doesn't match" in page_text(second.post(VERIFY, {"code": code}))
    with time_machine.travel(NOW + timedelta(seconds=30), tick=False):
        second.post(VERIFY, {"code": _code(device)})
        assert second.get(CONSOLE).status_code == 200


def test_the_admin_also_needs_the_second_step(db):
    make_user("hollis", is_staff=True, is_superuser=True)
    c = _log_in(Client(), "hollis")
    assert c.get("/admin/")["Location"].startswith(SETUP)


def test_members_are_never_asked(reader):
    c = _log_in(Client(), "corin")
    assert c.get(reverse("works:new")).status_code == 200
    assert c.get(CONSOLE).status_code == 403  # not a moderator: refused, not asked for a code
