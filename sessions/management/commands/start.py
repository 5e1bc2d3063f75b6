import os
import sys

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from sessions.importers.documents import bundled_documents


class Command(BaseCommand):
    help = (
        "Prepare the archive (migrations, reference data, static files, the bundled "
        "documents, the dataset) and serve it at http://127.0.0.1:8000/ with gunicorn, as "
        "production does."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare everything, then stop."
        )

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        # Importing is repeatable: documents already in the archive change nothing.
        call_command("import_documents", *map(str, bundled_documents()))
        # The Data page's downloads (once per archive version: a restart builds nothing).
        call_command("build_dataset")
        if not get_user_model().objects.filter(is_staff=True).exists():
            self.stdout.write(
                "To edit records, create a login: uv run python manage.py createsuperuser "
                "(then add editors to the Editors group in the admin)."
            )
        if not no_serve:
            self.stdout.write(f"Serving at http://{addrport}/ (Ctrl-C stops).", ending="\n")
            self.stdout.flush()
            # gunicorn takes this process's place, with the production settings
            # (igfarchive/gunicorn.py): what a newcomer starts is what production runs.
            gunicorn = [sys.executable, "-m", "gunicorn", "-c", "python:igfarchive.gunicorn"]
            os.execv(sys.executable, [*gunicorn, "--bind", addrport, "igfarchive.wsgi:application"])
