import pytest
from django.test import Client

PASSWORD = "correct-horse-battery"  # make_user's default


@pytest.fixture
def csrf_client():
    """A browser-like client: POSTs without the form's token are refused."""
    return Client(enforce_csrf_checks=True)
