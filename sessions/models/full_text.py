"""A row of the SQLite full-text index of sessions: the FTS5 table `archive_session_fts`.

The table exists on SQLite only (migration 0014 creates it, with the triggers that keep it in
step with `archive_session`); Django never writes it. The model is here so that a search can
join it to the sessions and read its rank in the same query (sessions/search.py). On
PostgreSQL nothing reads it: there the stored vector and its GIN index answer a search.
"""

from django.db import models

from sessions.models.session import Session

FULL_TEXT_TABLE = "archive_session_fts"


class FullTextQueryField(models.TextField):
    """The FTS5 table's hidden column named after the table: the left side of a MATCH."""


@FullTextQueryField.register_lookup
class Matches(models.Lookup):
    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SessionFullText(models.Model):
    """A session's title and search text as FTS5 indexes them (an external-content table:
    the text itself stays in archive_session). `rank` is bm25 with the title weighted above
    the text, configured by the migration; it is read only beside a MATCH."""

    session = models.OneToOneField(
        Session,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="full_text",
    )
    title = models.TextField()
    search_document = models.TextField()
    query = FullTextQueryField(db_column=FULL_TEXT_TABLE)
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = FULL_TEXT_TABLE

    def __str__(self):
        return f"Full text of session {self.session_id}"
