"""Peak memory of streaming the session exports (CSV, JSON, JSON Lines, iCalendar) at several
sizes.

    uv run python benchmarks/export_memory.py 1000 100000
    uv run python benchmarks/export_memory.py 1000 30000 --exports ics

For each size, a new SQLite database in a temporary folder is migrated and filled with that
many synthetic sessions (each on two SDG goals and a target, with an organizer and three
participations). Then each export runs in a new process, through its view, to the end, its
bytes counted and thrown away; the process's peak resident memory (getrusage) is printed
with how much it grew while streaming, the line count, size and time. A peak that stays the
same across sizes is what streaming promises (docs/open-data.md has the figures).
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
EXPORTS = ["csv", "json", "jsonl", "ics"]


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


def stream(view, path):
    """Stream one export to the end, counting its lines and bytes."""
    from django.test import RequestFactory

    response = view(RequestFactory().get(path, HTTP_HOST="localhost"))
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return lines, size


def peak_rss_kib():
    # Linux gives ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def setup():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igfarchive.settings")
    import django

    django.setup()


def run_create(count):
    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    create_sessions(count)
    print(f"{count} sessions created in {time.perf_counter() - started:.0f} s", flush=True)


def run_measure(count, name):
    setup()
    from django.urls import reverse

    from sessions.api.views import records_jsonl
    from sessions.browse import downloads

    view, path = {
        "csv": (downloads.session_export_csv, "/sessions/export.csv"),
        "json": (downloads.session_export_json, "/sessions/export.json"),
        "jsonl": (records_jsonl, "/sessions/export.jsonl"),
        "ics": (downloads.session_list_calendar, "/sessions/calendar.ics"),
    }[name]
    # Warm up on an empty list: URLconf, templates and the database connection are loaded
    # once by any request, and are not what the export's size costs.
    stream(view, f"{path}?year=1900")
    reverse("sessions:detail", kwargs={"meeting": "m", "slug": "s"})
    before = peak_rss_kib()
    started = time.perf_counter()
    lines, size = stream(view, path)
    seconds = time.perf_counter() - started
    after = peak_rss_kib()
    print(
        f"{count:>7} sessions  {name:<4} {lines:>9} lines {size / 2**20:7.1f} MiB "
        f"in {seconds:6.1f} s   peak RSS {after / 1024:6.1f} MiB "
        f"(+{(after - before) / 1024:5.1f} MiB while streaming)",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 100000])
    parser.add_argument(
        "--exports", nargs="+", choices=EXPORTS, default=EXPORTS, help="which exports to stream"
    )
    parser.add_argument("--create", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.create:
        run_create(arguments.create)
        return
    if arguments.measure:
        run_measure(int(arguments.measure[0]), arguments.measure[1])
        return
    for count in arguments.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            environment = {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{Path(scratch) / 'bench.sqlite3'}",
            }
            # Each step in a process of its own, so that each peak is the export's alone.
            steps = [["--create", str(count)]]
            steps += [["--measure", str(count), name] for name in arguments.exports]
            for step in steps:
                subprocess.run([sys.executable, __file__, *step], env=environment, check=True)


if __name__ == "__main__":
    main()
