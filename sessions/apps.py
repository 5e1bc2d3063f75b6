from django.apps import AppConfig


class SessionsConfig(AppConfig):
    """The archive's sessions.

    The folder is `sessions/`, but the label `sessions` belongs to
    django.contrib.sessions, so this app is labelled `archive`: its tables are
    `archive_*` and `apps.get_model("archive", "Session")` reaches its model.
    """

    name = "sessions"
    label = "archive"
    verbose_name = "Sessions"

    def ready(self):
        from sessions import derived

        derived.connect()
