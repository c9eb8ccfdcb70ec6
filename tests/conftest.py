import pytest

from tests.factories import make_user


@pytest.fixture(autouse=True)
def _fast_clean_state(settings, tmp_path):
    # Argon2 is deliberately slow; tests don't need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core.cache import cache

    cache.clear()
    # Each test gets its own search index, built inline: a background thread
    # can't see the test's transaction, and the log can't describe a rollback.
    from quire.search.backends import bitmap

    bitmap.reset_shared()
    bitmap.BUILD_IN_BACKGROUND = False
    yield
    bitmap.reset_shared()


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
