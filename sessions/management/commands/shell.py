from django.core.management.commands import shell


class Command(shell.Command):
    """`manage.py shell` whose `Session` is the archive's session.

    Django's own `django.contrib.sessions` model is also called Session; it is
    left out of the automatic imports so the name can only mean the archive's. The
    history models are left out too: they are built at start-up under a module name that
    cannot be imported (reach one as `Session.history.model`).
    """

    def get_auto_imports(self):
        return [
            path
            for path in super().get_auto_imports()
            if path != "django.contrib.sessions.models.Session"
            and not path.rpartition(".")[2].startswith("Historical")
        ]
