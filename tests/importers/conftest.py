import pytest
from django.apps import apps

from sessions.backup import RECORD_MODELS
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, document_paths, import_file


def import_bundled():
    curated = Curated()
    return {path.name: import_file(path, curated) for path in document_paths([BUNDLED_DOCUMENTS])}


def wipe_archive():
    models = [apps.get_model(label) for label in reversed(RECORD_MODELS)]
    for model in models:
        model.objects.all().delete()
    # Deleting wrote history too: clear it, so that the next tests start from nothing.
    for model in models:
        if hasattr(model, "history"):
            model.history.all().delete()


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """The five bundled documents, imported once for a module's read-only tests."""
    with django_db_blocker.unblock():
        outcomes = import_bundled()
    yield outcomes
    with django_db_blocker.unblock():
        wipe_archive()
