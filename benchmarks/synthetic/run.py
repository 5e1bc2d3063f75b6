"""generate(): a synthetic archive written into the empty archive, all of it or nothing."""

import time

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from benchmarks.synthetic.generator import Generator
from benchmarks.synthetic.writing import tuned_connection, write
from sessions import record_counts
from sessions.backup import RECORD_MODELS
from sessions.models import SdgTarget

CHUNK_SESSIONS = 5000


class SyntheticRefused(Exception):
    pass


def generate(sessions, seed, chunk_size=CHUNK_SESSIONS, progress=None):
    """Write a synthetic archive of `sessions` sessions into the empty archive, in one
    transaction: all of it or nothing. The same `sessions` and `seed` give the same rows
    (`chunk_size` only says how many sessions are written at a time). `progress`, if given,
    is called with a line of text after each chunk. Returns a Summary.
    """
    if sessions < 1:
        raise SyntheticRefused("the number of sessions must be at least 1")
    started = time.perf_counter()
    with transaction.atomic(), tuned_connection():
        for label in RECORD_MODELS:
            model = apps.get_model(label)
            if model.objects.exists():
                raise SyntheticRefused(
                    f"the archive is not empty (it has {label} rows): "
                    "generate into a new, migrated database"
                )
        goal_targets = {}
        for code, goal in SdgTarget.objects.order_by("goal_id", "position").values_list(
            "code", "goal_id"
        ):
            goal_targets.setdefault(goal, []).append(code)
        generator = Generator(sessions, seed, chunk_size, goal_targets, connection.ops)
        for chunk in generator.chunks():
            write(chunk, generator.tables)
            if progress and chunk.rows["sessions"]:
                seconds = time.perf_counter() - started
                progress(f"{chunk.sessions_so_far:,} of {sessions:,} sessions ({seconds:.0f} s)")
        # The people's and organizations' counts, from all their rows at once.
        record_counts.refresh_people()
        record_counts.refresh_organizations()
        with connection.cursor() as cursor:
            tables = [table.model for table in generator.tables.values()]
            for statement in connection.ops.sequence_reset_sql(no_style(), tables):
                cursor.execute(statement)
    summary = generator.summary()
    summary.seconds = time.perf_counter() - started
    return summary
