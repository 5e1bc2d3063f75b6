"""The five bundled documents as test data: import them, and wipe the archive after."""

from django.apps import apps

from sessions.backup import RECORD_MODELS
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, import_file


def import_bundled():
    curated = Curated()
    # The five documents only: the real pages in fixtures/documents/real/ have tests of their own.
    paths = sorted(BUNDLED_DOCUMENTS.glob("*.txt"))
    return {path.name: import_file(path, curated) for path in paths}


def wipe_archive():
    models = [apps.get_model(label) for label in reversed(RECORD_MODELS)]
    for model in models:
        model.objects.all().delete()
    # Deleting wrote history too: clear it, so that the next tests start from nothing.
    for model in models:
        if hasattr(model, "history"):
            model.history.all().delete()
