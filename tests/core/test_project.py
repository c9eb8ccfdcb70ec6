import os
import subprocess
import sys

import pytest
from django.core.management import call_command


def test_no_model_change_lacks_a_migration(db):
    """A model change without its migration would break `make demo` on a fresh clone."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("QUIRE_DEBUG", "maybe", "QUIRE_DEBUG='maybe' is not a boolean"),
        ("QUIRE_SIGNUP", "sometimes", "QUIRE_SIGNUP='sometimes' is not one of: open, invite, closed"),
        ("QUIRE_LOGIN_ATTEMPTS", "lots", "QUIRE_LOGIN_ATTEMPTS='lots' is not a whole number"),
        ("QUIRE_LOGIN_ATTEMPTS", "0", "QUIRE_LOGIN_ATTEMPTS=0 is too small"),
        ("QUIRE_DATABASE_URL", "mysql://x@y/z", "Quire supports SQLite and PostgreSQL only"),
    ],
)
def test_bad_setting_stops_start_up_with_a_message_naming_it(variable, value, message, tmp_path):
    env = {**os.environ, variable: value, "QUIRE_DATA_DIR": str(tmp_path)}
    env.pop("QUIRE_DATABASE_URL", None) if variable != "QUIRE_DATABASE_URL" else None
    result = subprocess.run(
        [sys.executable, "-m", "quire.manage", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_demo_content_loads_once_and_reads(db, client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # the second run changes nothing
    from quire.works.models import Work

    assert Work.objects.filter(title="The Case of the Borrowed Violin").count() == 1
    page = client.get("/works/").content.decode()
    assert "The Case of the Borrowed Violin" in page
    # The restricted demo work is not listed for guests; the draft is listed for no one.
    assert "Mrs. Hudson Keeps Accounts" not in page
    assert "Untitled Lighthouse Thing" not in page


def test_unknown_page_is_a_friendly_404_without_a_traceback(client, db):
    response = client.get("/works/999999/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body and "Traceback" not in body
