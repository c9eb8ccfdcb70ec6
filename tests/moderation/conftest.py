import pytest

from tests.factories import make_user


@pytest.fixture
def stranger(db):
    return make_user("ellis")
