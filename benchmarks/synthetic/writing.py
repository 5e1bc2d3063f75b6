"""How the synthetic rows are written: fast, in one transaction, with explicit primary keys.

Explicit ids mean related rows need no read-back, and the same seed gives the same ids on any
database. Rows go in by COPY on PostgreSQL and by executemany of one INSERT on SQLite, both
several times faster than bulk_create (which on SQLite sends at most 999 values a statement,
and builds a model instance per row). On PostgreSQL one UPDATE a chunk sets the search vector;
analyze() then gives the planner its statistics.
"""

import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, models

from sessions.models import Session
from sessions.search import search_vector

# Connection settings while writing (see tuned_connection) and vacuuming, in KiB.
SQLITE_CACHE_KIB = 1024 * 1024
GIN_PENDING_LIST_KIB = 2 * 1024 * 1024 - 1  # the largest; 100,000 sessions fill ~1.5 GiB
GIN_CLEANUP_MEMORY_KIB = 1024 * 1024
VACUUM_MEMORY_KIB = 1024 * 1024


class Table:
    """The rows of one table waiting to be written, with explicit ids where the table has one.

    A row is given as keyword arguments named after the model's fields (attnames, such as
    meeting_id); a field left out takes its default. Values must be ready for the database:
    JSON as text, times and timestamps through connection.ops.
    """

    def __init__(self, model, with_ids=True):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
        self.names = [f.attname for f in fields]
        self.columns = [f.column for f in fields]
        self.defaults = {f.attname: database_default(f) for f in fields}
        self.key = model._meta.pk.attname if with_ids else None
        self.rows = []
        self.taken = 0
        self.last_id = 0

    def next_id(self):
        self.last_id += 1
        return self.last_id

    def add(self, **values):
        """Queue a row; its id, the next one unless given, is returned."""
        if self.key and self.key not in values:
            values[self.key] = self.next_id()
        self.rows.append(tuple(map({**self.defaults, **values}.__getitem__, self.names)))
        return values.get(self.key)

    def take(self):
        rows, self.rows = self.rows, []
        self.taken += len(rows)
        return rows


def database_default(model_field):
    if isinstance(model_field, models.JSONField):
        return json.dumps(model_field.get_default())
    return model_field.get_default()


def insert(table, rows):
    """Write rows of a Table: COPY on PostgreSQL, one INSERT run for every row elsewhere."""
    if not rows:
        return
    name = connection.ops.quote_name(table.model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in table.columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(f"INSERT INTO {name} ({columns}) VALUES ({placeholders})", rows)


@dataclass
class Chunk:
    """The rows of a run of sessions and of what they brought in (people, organizations)."""

    rows: dict  # table key -> rows
    sessions_so_far: int


def write(chunk, tables):
    """Write a chunk's rows; on PostgreSQL, set the search vector of its sessions as soon as
    they are in (with one UPDATE, the expression of sessions.search.search_vector)."""
    for key, rows in chunk.rows.items():
        insert(tables[key], rows)
        if key == "sessions" and rows and connection.vendor == "postgresql":
            first_id, last_id = rows[0][0], rows[-1][0]  # the id is a row's first value
            Session.objects.filter(pk__range=(first_id, last_id)).update(
                search_vector=search_vector()
            )


@contextmanager
def tuned_connection():
    """Settings of this connection while the rows go in, put back afterwards.

    SQLite: a page cache of SQLITE_CACHE_KIB instead of 2 MiB, or the indexes of a large
    archive are read back from the file again and again. PostgreSQL, for this transaction: a
    GIN pending list of GIN_PENDING_LIST_KIB, so that the new search vectors wait there instead
    of being merged into the large index every 4 MiB (2 to 3 times slower), and memory for the
    merge if the list fills up all the same; the VACUUM of analyze() merges them in one pass.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL gin_pending_list_limit = {GIN_PENDING_LIST_KIB}")
            cursor.execute(f"SET LOCAL work_mem = {GIN_CLEANUP_MEMORY_KIB}")
        yield
        return
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def analyze():
    """Give the planner statistics of the new rows: VACUUM ANALYZE on PostgreSQL (which also
    merges the GIN pending list, with VACUUM_MEMORY_KIB of memory), ANALYZE on SQLite. Inside
    a transaction (a test's) PostgreSQL cannot VACUUM: ANALYZE alone then."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            cursor.execute("ANALYZE")
            return
        cursor.execute(f"SET maintenance_work_mem = {VACUUM_MEMORY_KIB}")
        try:
            cursor.execute("VACUUM ANALYZE")
        finally:
            cursor.execute("RESET maintenance_work_mem")
