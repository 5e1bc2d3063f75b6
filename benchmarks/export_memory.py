"""Peak memory and time to first byte of the downloads (the session exports: CSV, JSON, JSON
Lines, iCalendar; the dataset's files: zip, SQLite) at several sizes.

    uv run python benchmarks/export_memory.py 1000 100000
    uv run python benchmarks/export_memory.py 1000 30000 --exports ics
    DATA_DIR=/tmp/data uv run python benchmarks/export_memory.py --database-url postgres://…

For each size, a new SQLite database in a temporary folder is migrated and filled with that
many synthetic sessions (each on two SDG goals and a target, with an organizer and three
participations), and the dataset is built there when its files are measured. With
`--database-url`, the downloads of an archive that is already filled (by `generate_synthetic`)
are measured instead, the dataset's files being those built in DATA_DIR. Then each download
runs in a new process, through its view, to the end, its bytes counted and thrown away; the
process's peak resident memory (getrusage) is printed with how much it grew while streaming,
the line count, size, time to the first byte and time to the last. A peak that stays the same
across sizes is what streaming promises (docs/open-data.md has the figures). `--first N` stops
reading a session export after N lines, as a client that hangs up: the JSON Lines file of
100,000 sessions takes longer to write than a run can wait.
"""

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BATCH = 5000
PEOPLE = 2000
ORGANIZATIONS = 200
# The session exports, then the dataset's files (built by build_dataset).
EXPORTS = ["csv", "json", "jsonl", "ics", "zip", "sqlite"]
DATASET_FILES = ["zip", "sqlite"]


def create_sessions(count):
    """`count` synthetic sessions with a few related rows each, by bulk inserts."""
    from django.db import transaction

    from sessions.models import Meeting, Organizer, Participation, Session
    from speakers.models import Organization, Person

    with transaction.atomic():
        meetings = Meeting.objects.bulk_create(
            Meeting(slug=f"igf-{year}", name=f"IGF {year}", kind="igf", year=year, city="Geneva")
            for year in range(2006, 2026)
        )
        people = Person.objects.bulk_create(
            Person(name=f"Person {n}", slug=f"person-{n}") for n in range(PEOPLE)
        )
        organizations = Organization.objects.bulk_create(
            Organization(name=f"Organization {n}", slug=f"organization-{n}")
            for n in range(ORGANIZATIONS)
        )
        goals, targets = Session.sdg_goals.through, Session.sdg_targets.through
        for start in range(0, count, BATCH):
            sessions = Session.objects.bulk_create(
                Session(
                    meeting=meetings[n % len(meetings)],
                    # bulk_create skips save(), which copies the meeting's year.
                    year=meetings[n % len(meetings)].year,
                    session_type="workshop",
                    number=n,
                    title=f'Synthetic session {n}, on data; and "energy"',
                    slug=f"session-{n}",
                    date=datetime.date(2006 + n % 20, 11, 1 + n % 28),
                    start_time=datetime.time(9 + n % 8, 30),
                    end_time=datetime.time(10 + n % 8, 30),
                    time_zone="UTC",
                    room=f"Room {n % 12}",
                    format="Panel",
                    description="A synthetic description. " * 20,
                )
                for n in range(start, min(start + BATCH, count))
            )
            goals.objects.bulk_create(
                goals(session_id=s.pk, sdggoal_id=goal)
                for s in sessions
                for goal in (1 + s.number % 17, 1 + (s.number + 6) % 17)
            )
            targets.objects.bulk_create(
                targets(session_id=s.pk, sdgtarget_id="7.a") for s in sessions
            )
            Organizer.objects.bulk_create(
                Organizer(
                    session=s,
                    organization=organizations[s.number % ORGANIZATIONS],
                    position=1,
                    published_name="Organization",
                )
                for s in sessions
            )
            Participation.objects.bulk_create(
                Participation(
                    session=s,
                    person=people[(s.number + k) % PEOPLE],
                    role="speaker",
                    position=k,
                    published_name="Person",
                )
                for s in sessions
                for k in range(3)
            )


def request(path):
    from django.test import RequestFactory

    return RequestFactory().get(path, HTTP_HOST="localhost")


def stream(view, path, first=None, **kwargs):
    """Stream one download to the end, or to its `first` lines (a client that stops reading):
    its lines, its bytes, and the seconds to its first two chunks. An export's first chunk is
    its header (the CSV's column names, the JSON's "["), sent before any query; the second
    holds the first row, read with the first chunk of sessions."""
    started = time.perf_counter()
    response = view(request(path), **kwargs)
    size = lines = 0
    arrivals = []
    for chunk in response.streaming_content:
        if len(arrivals) < 2 and chunk:
            arrivals.append(time.perf_counter() - started)
        size += len(chunk)
        lines += chunk.count(b"\n")
        if first and lines >= first:
            break
    response.close()
    return lines, size, arrivals


def peak_rss_kib():
    # Linux gives ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def setup():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igfarchive.settings")
    import django

    django.setup()


def run_create(count, build):
    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    create_sessions(count)
    print(f"{count} sessions created in {time.perf_counter() - started:.0f} s", flush=True)
    if build:
        call_command("build_dataset", verbosity=0)


def run_measure(name, first):
    setup()
    from django.urls import reverse

    from sessions.api.views import records_jsonl
    from sessions.browse import data, downloads
    from sessions.models import Session

    view, path, kwargs = {
        "csv": (downloads.session_export_csv, "/sessions/export.csv", {}),
        "json": (downloads.session_export_json, "/sessions/export.json", {}),
        "jsonl": (records_jsonl, "/sessions/export.jsonl", {}),
        "ics": (downloads.session_list_calendar, "/sessions/calendar.ics", {}),
        "zip": (data.dataset_file, "/data/igf-session-archive.zip", {"format_name": "zip"}),
        "sqlite": (
            data.dataset_file,
            "/data/igf-session-archive.sqlite3",
            {"format_name": "sqlite"},
        ),
    }[name]
    count = Session.objects.count()
    # Warm up on an empty list (a file opened and closed): URLconf, templates and the database
    # connection are loaded once by any request, and are not what the download's size costs.
    if name in DATASET_FILES:
        view(request(path), **kwargs).close()
    else:
        stream(view, f"{path}?year=1900")
    reverse("sessions:detail", kwargs={"meeting": "m", "slug": "s"})
    before = peak_rss_kib()
    started = time.perf_counter()
    # A file's lines mean nothing: it is read to its end.
    first = None if name in DATASET_FILES else first
    lines, size, (first_byte, first_row) = stream(view, path, first, **kwargs)
    seconds = time.perf_counter() - started
    after = peak_rss_kib()
    lines = "-" if name in DATASET_FILES else f"{lines:,}"
    print(
        f"{count:>7} sessions  {name:<6} {lines:>10} lines {size / 2**20:8.1f} MiB "
        f"first byte {first_byte:6.3f} s, first row {first_row:6.3f} s, last {seconds:6.1f} s   "
        f"peak RSS {after / 1024:6.1f} MiB (+{(after - before) / 1024:5.1f} MiB while streaming)",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 100000])
    parser.add_argument(
        "--exports", nargs="+", choices=EXPORTS, default=EXPORTS, help="which downloads to stream"
    )
    parser.add_argument(
        "--database-url",
        help="measure the downloads of this archive, already filled, instead of new ones",
    )
    parser.add_argument(
        "--first", type=int, help="stop reading each session export after this many lines"
    )
    parser.add_argument("--create", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.create:
        run_create(arguments.create, arguments.build)
        return
    if arguments.measure:
        run_measure(arguments.measure, arguments.first)
        return
    # Each step in a process of its own, so that each peak is the download's alone.
    first = ["--first", str(arguments.first)] if arguments.first else []
    measures = [["--measure", name, *first] for name in arguments.exports]
    if arguments.database_url:
        environment = {**os.environ, "DATABASE_URL": arguments.database_url}
        for step in measures:
            subprocess.run([sys.executable, __file__, *step], env=environment, check=True)
        return
    build = ["--build"] if set(arguments.exports) & set(DATASET_FILES) else []
    for count in arguments.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            environment = {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
                "DATA_DIR": str(Path(scratch) / "data"),
            }
            for step in [["--create", str(count), *build], *measures]:
                subprocess.run([sys.executable, __file__, *step], env=environment, check=True)


if __name__ == "__main__":
    main()
