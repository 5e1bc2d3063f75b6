"""The igfarchive app: it connects the archive version's refresh to every archive write."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

from igfarchive.version import archive_changed, version_models


class ArchiveVersionConfig(AppConfig):
    """Connects archive_changed to every write of an archive record.

    An app, not the middleware, so that the receivers are connected in every process that
    writes records: the servers, and the commands (import_documents, import_archive, shell),
    which load the apps but not the middleware. Saves and deletes of the records, and changes
    to their many-to-many links (a session's SDGs), are signalled; history rows are written
    with their records. The importer's bulk-created rows are not signalled one by one, but
    every import that writes saves its session too (sessions/importers/loader.py, load()).
    """

    name = "igfarchive"
    verbose_name = "IGF session archive"

    def ready(self):
        # Which models these are is igfarchive.version's to say (version_models()).
        models = version_models()
        for model in models.saved:
            post_save.connect(archive_changed, sender=model)
            post_delete.connect(archive_changed, sender=model)
        for model in models.linked:
            m2m_changed.connect(archive_changed, sender=model)
