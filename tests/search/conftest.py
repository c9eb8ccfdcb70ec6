import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """Django's LocaleMiddleware activates a request's language for the whole thread and
    never resets it: each test here starts and ends in the default language, whatever
    language the test before it asked for."""
    translation.deactivate()
    yield
    translation.deactivate()
