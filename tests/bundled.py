"""The five bundled documents as test data: import them, and wipe the archive after."""

from django.apps import apps

from sessions.backup import RECORD_MODELS
from sessions.importers.documents import Curated, DocumentRefused, bundled_documents, import_file
from tests.sessions.importers.real_pages import REAL_DOCUMENTS


def import_bundled():
    curated = Curated()
    return {path.name: import_file(path, curated) for path in bundled_documents()}


def import_bundled_and_real():
    """The five bundled documents, then the 25 real pages; {file name: outcome, or the
    DocumentRefused of a page the importer refuses (tests/sessions/importers say which)}."""
    curated = Curated()
    outcomes = {}
    for path in [*bundled_documents(), *sorted(REAL_DOCUMENTS.glob("*.txt"))]:
        try:
            outcomes[path.name] = import_file(path, curated)
        except DocumentRefused as refused:
            outcomes[path.name] = refused
    return outcomes


def wipe_archive():
    # The backup's records, and the documents waiting for an editor, which it leaves out.
    models = [
        apps.get_model(label) for label in ["archive.waitingdocument", *reversed(RECORD_MODELS)]
    ]
    for model in models:
        model.objects.all().delete()
    # Deleting wrote history too: clear it, so that the next tests start from nothing.
    for model in models:
        if hasattr(model, "history"):
            model.history.all().delete()
