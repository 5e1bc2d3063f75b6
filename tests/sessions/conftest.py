import pytest

from tests.bundled import import_bundled, wipe_archive


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """The five bundled documents, imported once for a module's read-only tests."""
    with django_db_blocker.unblock():
        outcomes = import_bundled()
    yield outcomes
    with django_db_blocker.unblock():
        wipe_archive()
