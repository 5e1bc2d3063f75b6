import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmarks.synthetic import (
    CHUNK_SESSIONS,
    COMMON_WORD,
    RARE_WORD,
    SyntheticRefused,
    analyze,
    generate,
)


class Command(BaseCommand):
    help = (
        "Fill an empty, migrated archive with N synthetic sessions for benchmarks: the same N "
        "and seed give the same rows on SQLite and PostgreSQL. Meetings of 2006-2025 (IGF, "
        "WSIS Forum, regional and national IGFs, press conferences), every session type, 5-15 "
        "people a session drawn so that a few are in hundreds of sessions, organizers, SDG "
        "goals and targets, policy questions, takeaways, arguments, transcripts on about a "
        "tenth of the sessions (about 10 participations and 20 transcript turns a session in "
        "all), text from a fixed word list with a Zipf distribution. For the search "
        f'benchmark, the common word "{COMMON_WORD}" is in most sessions (96%) and the rare '
        f'word "{RARE_WORD}" in one session in a thousand (at least 3). Refuses an archive '
        "that already has records. Everything is written in one transaction (a failed run "
        "leaves the archive empty), then VACUUM ANALYZE (PostgreSQL) or ANALYZE (SQLite) gives "
        "the planner its statistics. No audit history is recorded for the synthetic rows. "
        "Prints the counts, the largest session, the busiest person and the time taken: for "
        "100,000 sessions, about 2 minutes on SQLite and 7 on PostgreSQL on 2 cores."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sessions", type=int, required=True, help="How many sessions.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--chunk",
            type=int,
            default=CHUNK_SESSIONS,
            help=f"Sessions written at a time (default {CHUNK_SESSIONS}); the data is the same.",
        )

    def handle(self, *args, sessions, seed, chunk, **options):
        if chunk < 1:
            raise CommandError("--chunk must be at least 1")
        try:
            summary = generate(sessions, seed, chunk_size=chunk, progress=self.stdout.write)
        except SyntheticRefused as error:
            raise CommandError(f"generate_synthetic: {error}") from None
        started = time.perf_counter()
        analyze()
        analyzed = time.perf_counter() - started
        counts = ", ".join(f"{count:,} {name}" for name, count in summary.counts.items())
        largest = summary.largest_session_rows.items()
        rows = ", ".join(f"{count:,} {name}" for name, count in largest)
        self.stdout.write(
            f"Generated {summary.sessions:,} sessions (seed {summary.seed}) on "
            f"{connection.vendor} in {summary.seconds:.1f} s, statistics in {analyzed:.1f} s: "
            f"{counts}.\n"
            f"Largest session: {summary.largest_session} ({rows}).\n"
            f"Busiest person: {summary.busiest_person} "
            f"({summary.busiest_person_sessions:,} sessions).\n"
            f'Search words: "{COMMON_WORD}" (common), "{RARE_WORD}" (rare, in '
            f"{summary.rare_word_sessions:,} sessions)."
        )
