"""What the browser is told to refuse: a Content-Security-Policy allowing the site's
own scripts, styles and images only; HSTS and the proxy setting with HTTPS; remote
images in author HTML shown as links. And Django's deploy checks, run for real."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from quire.lib.text import sanitize
from tests.factories import make_work

TEMPLATES = Path(__file__).resolve().parents[2] / "quire"
# Templates that are not pages of the site: emails, and downloaded books (which carry their own <style>).
NOT_PAGES = ("/email/", "/downloads/templates/downloads/")


def _run(args, **env):
    full = {**os.environ, **env}
    full.pop("QUIRE_DATABASE_URL", None)
    full.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' fixtures, never in deployment
    return subprocess.run(
        [sys.executable, "-m", "quire.manage", *args], env=full, capture_output=True, text=True, timeout=120
    )


def test_pages_carry_a_policy_allowing_only_the_sites_own_scripts_and_styles(client, author):
    work = make_work(author, chapters=["One.", "Two."])
    for url in ("/", reverse("works:index"), work.get_absolute_url(), reverse("accounts:login")):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "style-src 'self';" in policy and "img-src 'self';" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_no_template_relies_on_inline_scripts_styles_or_handlers():
    """The policy would silently break any of these in the browser."""
    checked = 0
    for path in TEMPLATES.rglob("templates/**/*.html"):
        if any(part in str(path) for part in NOT_PAGES):
            continue
        source = path.read_text()
        checked += 1
        assert not re.search(r"<script(?![^>]*\ssrc=)", source), path
        assert "<style" not in source and "style=" not in source, path
        assert not re.search(r"\son[a-z]+=", source), path
        assert "javascript:" not in source, path
    assert checked > 50  # positive control: the walk found the site's templates


def test_a_chapter_select_still_jumps_without_an_inline_handler(client, author):
    work = make_work(author, chapters=["One.", "Two."])
    page = client.get(work.get_absolute_url()).content.decode()
    assert 'id="chapter-select" name="chapter" data-autosubmit' in page
    assert "quire/site.js" in page


def test_remote_images_in_author_html_become_links_showing_their_alt_text():
    """A remote image would tell its host who reads the story (a tracking pixel)."""
    html = sanitize('<p>Look: <img src="https://tracker.example/p.gif" alt="a <b>cat</b>"></p>')
    assert "<img" not in html
    assert '<a href="https://tracker.example/p.gif" rel="nofollow noopener" class="image-link">' in html
    assert "[Image: a &lt;b&gt;cat&lt;/b&gt;]" in html
    assert "<img" not in sanitize('<img src="//tracker.example/p.gif">')
    # Positive control: an image on this site stays an image.
    assert sanitize('<img src="/static/quire/x.png" alt="ours">') == '<img src="/static/quire/x.png" alt="ours">'


def test_a_remote_image_posted_in_a_chapter_is_a_link_on_the_page(client, author):
    work = make_work(author, chapters=['<p>Map: <img src="https://maps.example/m.png" alt="the valley"></p>'],
                     text_format="html")  # fmt: skip
    chapter = work.chapters.get()
    chapter.text_format = "html"
    chapter.save()
    page = client.get(work.get_absolute_url()).content.decode()
    assert "[Image: the valley]" in page and '<img src="https://maps.example' not in page


def test_behind_a_proxy_https_requests_are_not_redirected_again(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000"
    # Positive control: plain HTTP is still sent to HTTPS.
    assert client.get("/").status_code == 301


@pytest.mark.parametrize("proxy", ["false", "true"])
def test_the_proxy_and_hsts_settings_follow_the_environment(tmp_path, proxy):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.USE_X_FORWARDED_HOST)"
    )
    result = _run(["shell", "-c", code], QUIRE_HTTPS="true", QUIRE_BEHIND_PROXY=proxy, QUIRE_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip().splitlines()[-1].split()
    if proxy == "true":
        assert printed == ["31536000", "('HTTP_X_FORWARDED_PROTO',", "'https')", "True"]
    else:
        assert printed == ["31536000", "None", "False"]


def test_deploy_checks_are_clean_with_https_and_a_secret_key(tmp_path):
    env = {"QUIRE_HTTPS": "true", "QUIRE_SECRET_KEY": secrets.token_urlsafe(50), "QUIRE_DATA_DIR": str(tmp_path)}
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode == 0, result.stdout + result.stderr
    # Positive control: without HTTPS the same checks do complain.
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], **{**env, "QUIRE_HTTPS": "false"})
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stdout + result.stderr
