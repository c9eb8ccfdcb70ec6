"""The interface speaks Spanish as well as English: every string is marked, every
marked string is translated, and a reader gets their language from the switcher,
their account or their browser."""

import shutil
import subprocess
import sys
import textwrap

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from quire.accounts.language import speaking
from quire.lib import i18n_scan
from tests.factories import make_user

TEMPLATES = i18n_scan.template_files()
MODULES = i18n_scan.python_files()


def _id(path):
    return str(path.relative_to(i18n_scan.PACKAGE))


@pytest.mark.parametrize("path", TEMPLATES, ids=[_id(p) for p in TEMPLATES])
def test_template_text_is_marked_for_translation(path):
    unmarked = i18n_scan.scan_template(path)
    assert not unmarked, "Unmarked interface text:\n" + "\n".join(map(str, unmarked))


@pytest.mark.parametrize("path", MODULES, ids=[_id(p) for p in MODULES])
def test_python_interface_strings_are_marked_for_translation(path):
    unmarked = i18n_scan.scan_python(path)
    assert not unmarked, "Unmarked interface strings:\n" + "\n".join(map(str, unmarked))


def test_the_scanner_finds_unmarked_template_text_and_passes_marked_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(textwrap.dedent("""\
        {% load i18n %}
        <h1>{% translate "Bookmarks" %}</h1>
        <p>{% blocktranslate with n=count %}{{ n }} works in this series{% endblocktranslate %}</p>
        <p>{{ work.title }} · EPUB</p>
        {# A comment is never shown. #}{% comment %}Nor is this.{% endcomment %}
        <script>var shown = "not to readers as text";</script>
        <button type="submit" title="Leave kudos">{% translate "Kudos" %}</button>
        <input type="submit" value="Save draft">
        <p>Left unmarked</p>
        """))
    found = i18n_scan.scan_template(page)
    assert [(item.line, item.text) for item in found] == [
        (7, "Leave kudos"), (8, "Save draft"), (9, "Left unmarked"),
    ]


def test_the_scanner_finds_unmarked_python_strings_and_passes_marked_ones(tmp_path):
    module = tmp_path / "forms.py"
    module.write_text(textwrap.dedent("""\
        from django import forms
        from django.contrib import messages
        from django.utils.translation import gettext as _, gettext_lazy

        class F(forms.Form):
            a = forms.CharField(label=gettext_lazy("Title"), help_text="Up to 200 characters")
            b = forms.ChoiceField(choices=[("x", gettext_lazy("Ex")), ("y", "Why")])

        def view(request):
            messages.success(request, _("Saved."))
            messages.error(request, f"Could not save {request.path}")
            raise forms.ValidationError("Too long")
        """))
    found = i18n_scan.scan_python(module)
    assert [(item.line, item.text) for item in found] == [
        (6, "Up to 200 characters"), (7, "Why"), (11, "Could not save {…}"), (12, "Too long"),
    ]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed (CI installs it)")
def test_every_marked_string_has_a_compiled_spanish_translation():
    result = subprocess.run(
        [sys.executable, "-m", "quire.manage", "messages", "--check"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-5000:]


# --- Choosing the language ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_browser_language_is_followed_and_english_is_the_default(client):
    english = client.get("/")
    assert english["Content-Language"] == "en"
    assert '<html lang="en"' in english.content.decode()
    assert ">Works<" in english.content.decode()

    spanish = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    page = spanish.content.decode()
    assert spanish["Content-Language"] == "es"
    assert '<html lang="es"' in page
    assert ">Obras<" in page and ">Iniciar sesión<" in page
    assert ">Works<" not in page
    assert "Accept-Language" in spanish["Vary"]


@pytest.mark.django_db
def test_a_guest_switches_language_in_the_footer_and_keeps_it(client):
    home = client.get("/works/").content.decode()
    assert 'href="/settings/language/?next=/works/"' in home
    form = client.get("/settings/language/?next=/works/")
    assert 'value="es"' in form.content.decode()

    response = client.post("/settings/language/", {"language": "es", "next": "/works/"})
    assert response.status_code == 302 and response["Location"] == "/works/"
    assert client.get("/works/")["Content-Language"] == "es"
    # Back again: the choice is the reader's, whatever the browser says.
    client.post("/settings/language/", {"language": "en", "next": "/"})
    assert client.get("/works/", HTTP_ACCEPT_LANGUAGE="es")["Content-Language"] == "en"


@pytest.mark.django_db
def test_the_switcher_refuses_an_unknown_language_and_an_outside_redirect(client):
    response = client.post("/settings/language/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/")["Content-Language"] == "en"
    response = client.post("/settings/language/", {"language": "es", "next": "/works/"})
    assert response["Location"] == "/works/"


@pytest.mark.django_db
def test_a_signed_in_readers_choice_follows_them_to_another_browser(client):
    reader = make_user("lucia")
    client.force_login(reader)
    client.post("/settings/language/", {"language": "es", "next": "/"})
    reader.refresh_from_db()
    assert reader.language == "es"

    from django.test import Client

    other_browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    other_browser.force_login(reader)
    assert other_browser.get("/works/")["Content-Language"] == "es"
    guest = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert guest.get("/works/")["Content-Language"] == "en"


def test_speaking_writes_in_the_recipients_language():
    class Person:
        language = "es"

    with speaking(Person()):
        assert translation.get_language() == "es"
        assert translation.gettext("Works") == "Obras"
    Person.language = ""
    with speaking(Person()):
        assert translation.gettext("Works") == "Works"


def test_the_messages_command_names_unknown_apps():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown app nope"):
        call_command("messages", "nope")


def test_one_string_translated_two_ways_in_two_apps_is_reported(tmp_path):
    from quire.core.management.commands.messages import clashes

    def catalogue(app, translations):
        path = tmp_path / app / "locale" / "es" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True)
        po = polib.POFile()
        for (context, msgid), msgstr in translations.items():
            po.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
        po.save(str(path))

    catalogue("works", {(None, "Settings"): "Configuración", (None, "Decline"): "Rechazar"})
    catalogue("exchanges", {(None, "Settings"): "Ajustes", (None, "Decline"): "Rechazar",
                            ("a report", "Dismiss"): "Desestimar"})
    catalogue("search", {(None, "Dismiss"): "Descartar"})
    found = clashes(tmp_path, ["es"])
    assert len(found) == 1 and "'Settings'" in found[0] and "exchanges: 'Ajustes'" in found[0]
