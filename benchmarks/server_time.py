"""Server time of the archive's pages, measured inside one process (no network, no gunicorn).

    DATABASE_URL=... uv run python benchmarks/server_time.py [--repeat 50]

Run by benchmarks/pages.py for each database; prints one JSON object. Each page is fetched
through Django's test client (all middleware, the view, the template) `--repeat` times after
one cold fetch; p50 and p95 are of the repeats (--repeat 0: only the pages' paths). The pages
are the ones the synthetic archive makes interesting: the largest session, the person with most
sessions, the organization with most people and sessions, a common and a rare word
(benchmarks/synthetic/), and the people and organization lists, as they open and filtered and
sorted by sessions. Whole pages are not kept (PAGE_SECONDS=0): a repeat would read the page
rendered the first time; the parts kept per archive version are. `--search`: the two searches
alone, which is the time of the search itself; `--page TEXT` (repeatable): only the pages whose
name holds TEXT ("person", "organization list"). `--calls`: the Python function calls of one
fetch of each page after the cold one (cProfile), a measure that does not move with the
machine's load, to compare two versions of the code where timings are noisy.

`--after-import N`: then the first fetch of each list right after an import of N new documents
(`import_documents`, which renders the popular pages after its commit, as on the site), each
list having been fetched once before it. The documents' records are removed afterwards: the
sessions, and the people, organizations and meetings the import added.
"""

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
# Every fetch renders its page (see the docstring).
os.environ["PAGE_SECONDS"] = "0"
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, OuterRef  # noqa: E402
from django.test import Client  # noqa: E402

from benchmarks.documents import VARIANTS  # noqa: E402
from benchmarks.synthetic import COMMON_WORD, RARE_WORD  # noqa: E402
from sessions.importers.documents import BUNDLED_DOCUMENTS  # noqa: E402
from sessions.models import (  # noqa: E402
    Meeting,
    Organizer,
    Participation,
    Session,
    TranscriptTurn,
)
from sessions.models.expressions import SubqueryCount  # noqa: E402
from speakers.models import Organization, Person  # noqa: E402


def pages():
    """(name, path) of every page measured."""
    rows = {
        name: SubqueryCount(model.objects.filter(session=OuterRef("pk")).values("pk"))
        for name, model in [("people", Participation), ("turns", TranscriptTurn)]
    }
    largest = (
        Session.objects.annotate(size=rows["people"] + rows["turns"])
        .select_related("meeting")
        .order_by("-size", "pk")
        .first()
    )
    busiest = (
        Person.objects.annotate(sessions=Count("participations__session", distinct=True))
        .order_by("-sessions", "pk")
        .first()
    )
    # The organization with most rows on its page: people affiliated and sessions organized.
    busiest_organization = (
        Organization.objects.annotate(
            size=SubqueryCount(
                Participation.objects.filter(organization=OuterRef("pk")).values("pk")
            )
            + SubqueryCount(Organizer.objects.filter(organization=OuterRef("pk")).values("pk"))
        )
        .order_by("-size", "pk")
        .first()
    )
    year = Meeting.objects.filter(sessions__isnull=False).order_by("-year").first().year
    return [
        ("home (SDG x year grid)", "/"),
        ("list, unfiltered", "/sessions/"),
        ("list, SDG 7", "/sessions/?sdg=7"),
        (f"list, year {year}", f"/sessions/?year={year}"),
        (f"list, SDG 7 + {year} + workshop", f"/sessions/?sdg=7&year={year}&type=workshop"),
        *search_pages(),
        ("session, the largest", largest.get_absolute_url()),
        ("person, most sessions", busiest.get_absolute_url()),
        ("organization, most rows", f"/organizations/{busiest_organization.slug}/"),
        ("people list", "/people/"),
        (f"people list, year {year}, most sessions", f"/people/?year={year}&sort=sessions"),
        ("organization list", "/organizations/"),
        (
            "organization list, government, most sessions",
            "/organizations/?stakeholder=government&sort=sessions",
        ),
        ("admin: sessions changelist", "/admin/archive/session/"),
        ("admin: people changelist", "/admin/speakers/person/"),
    ]


def search_pages():
    return [
        (f"search, common word '{COMMON_WORD}'", f"/sessions/?q={COMMON_WORD}"),
        (f"search, rare word '{RARE_WORD}'", f"/sessions/?q={RARE_WORD}"),
    ]


def calls(client, path):
    """The Python function calls of one fetch of `path` (after a first, cold one)."""
    client.get(path)
    profile = cProfile.Profile()
    profile.runcall(client.get, path)
    return pstats.Stats(profile).total_calls


def measure(client, path, repeat):
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        started = time.perf_counter()
        response = client.get(path)
        cold = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code}")
    # What the first fetch loaded (its templates, say) is frozen out of the collector's sight,
    # as a gunicorn worker freezes what its first requests loaded (igfarchive/gunicorn.py).
    gc.collect()
    gc.freeze()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "cold_ms": cold * 1000,
        "p50_ms": statistics.median(times) * 1000,
        "p95_ms": times[max(0, round(0.95 * len(times)) - 1)] * 1000,
        "queries": len(queries),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument(
        "--search",
        action="store_true",
        help="only the searches, each rendered every time (whole pages not kept; the count "
        "and facets still kept after the first fetch)",
    )
    parser.add_argument(
        "--after-import",
        type=int,
        default=0,
        metavar="N",
        help="then the first fetch of each list after an import of N documents",
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="TEXT",
        help="only the pages whose name holds TEXT (repeatable)",
    )
    parser.add_argument(
        "--calls",
        action="store_true",
        help="the Python function calls of one fetch of each page instead of its times",
    )
    options = parser.parse_args()
    repeat = options.repeat
    if options.search:
        # The first fetch of a common word counts and facets ~96,000 matches: timed, not cut.
        settings.PUBLIC_QUERY_SECONDS = 600
    results = {"sessions": Session.objects.count(), "pages": []}
    # DEBUG is off, so the host must be one of the default ALLOWED_HOSTS.
    client = Client(HTTP_HOST="localhost")
    # The admin pages need a logged-in superuser; the user and its login are rolled back.
    with transaction.atomic():
        client.force_login(
            User.objects.create_superuser("benchmark-editor"),
            backend="django.contrib.auth.backends.ModelBackend",
        )
        for name, path in search_pages() if options.search else pages():
            if options.page and not any(text in name for text in options.page):
                continue
            if options.calls:
                timings = {"calls": calls(client, path)}
            else:
                timings = measure(client, path, repeat) if repeat else {}
            results["pages"].append({"name": name, "path": path, **timings})
        transaction.set_rollback(True)
    if options.after_import:
        lists = [
            (name, path) for name, path in pages() if name.startswith(("list", "home", "search"))
        ]
        results["after_import"] = after_import(Client(HTTP_HOST="localhost"), lists, options)
    print(json.dumps(results))


# What an import may add, removed after the measure by id.
ADDED = [Session, Person, Organization, Meeting]


def after_import(client, lists, options):
    """The first fetch of each of `lists` right after an import of --after-import documents."""
    for _name, path in lists:
        client.get(path)
    largest = {
        model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for model in ADDED
    }
    originals = {name: (BUNDLED_DOCUMENTS / name).read_text(encoding="utf-8") for name in VARIANTS}
    with tempfile.TemporaryDirectory() as folder:
        # Numbers far from the synthetic archive's, so that every document is a new session.
        for n in range(90_000, 90_000 + options.after_import):
            name = list(VARIANTS)[n % len(VARIANTS)]
            (Path(folder) / f"{n}-{name}").write_text(VARIANTS[name](originals[name], n))
        started = time.perf_counter()
        call_command("import_documents", folder, stdout=io.StringIO())
        import_seconds = time.perf_counter() - started
    rows = []
    for name, path in lists:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} after the import")
        rows.append({"name": name, "path": path, "first_ms": elapsed * 1000})
    for model in ADDED:
        model.objects.filter(pk__gt=largest[model]).delete()
    return {"documents": options.after_import, "import_s": import_seconds, "pages": rows}


if __name__ == "__main__":
    main()
