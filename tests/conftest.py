import pytest

from tests.factories import make_user


def pytest_collection_finish(session):
    # pytest-randomly's own header is hidden by -q: print the seed so a failing order can be repeated.
    seed = getattr(session.config.option, "randomly_seed", None)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if isinstance(seed, int) and reporter is not None and session.config.getoption("randomly_reorganize", True):
        reporter.write_line(f"Random order: repeat it with --randomly-seed={seed}")


@pytest.fixture(autouse=True)
def _fast_clean_state(settings, tmp_path):
    # Argon2 is deliberately slow; tests don't need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Staff two-factor log-in has its own tests (tests/accounts/test_two_factor.py);
    # elsewhere moderators log in with force_login and go straight to work.
    settings.STAFF_TWO_FACTOR = False
    # One cache per test process: the default is a folder under var/, which two suites
    # running side by side (SQLite and PostgreSQL) would share, rate-limit counts and all.
    if "filebased" in settings.CACHES["default"]["BACKEND"]:
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache, caches

    cache.clear()
    caches["fragments"].clear()
    # Each test gets its own search index, built inline: a background thread
    # can't see the test's transaction, and the log can't describe a rollback.
    from quire.search.backends import bitmap

    bitmap.reset_shared()
    bitmap.BUILD_IN_BACKGROUND = False
    # Django's LocaleMiddleware activates a request's language for the whole thread and
    # never resets it: each test starts in the default language, whatever the one
    # before it asked for (else its emails, refusals and lazy labels come out in Spanish).
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
    bitmap.reset_shared()


DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}


@pytest.fixture(autouse=True)
def _fixed_tags(request):
    """The ratings, warnings and categories a data migration creates, present in every
    database test whatever ran before it. A test that commits for real (the worker
    tests, live_server) ends by flushing every table, migrations' rows included, so
    without this a later test's outcome would depend on the order the suite runs in."""
    if request.node.get_closest_marker("django_db") is None and not DB_FIXTURES & set(request.fixturenames):
        return
    request.getfixturevalue("_django_db_helper")
    from quire.tags.models import CATEGORIES, RATINGS, WARNINGS, Tag

    wanted = {"rating": RATINGS, "warning": WARNINGS, "category": CATEGORIES}
    if Tag.objects.filter(name__in=[name for names in wanted.values() for name in names]).count() == sum(
        map(len, wanted.values())
    ):
        return
    for tag_type, names in wanted.items():
        for name in names:
            Tag.objects.get_or_create(name=name, defaults={"type": tag_type, "canonical": True})


# Personas, as in every test module: the author of a work, an accepted
# co-creator, another signed-in reader, and a moderator. Guests use `client`.
@pytest.fixture
def author(db):
    return make_user("amara")


@pytest.fixture
def cocreator(db):
    return make_user("bellamy")


@pytest.fixture
def reader(db):
    return make_user("corin")


@pytest.fixture
def moderator(db):
    return make_user("dove", is_moderator=True)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
