"""Query expressions of general use."""

from django.db.models import IntegerField, Subquery


class SubqueryCount(Subquery):
    """The number of rows of a subquery, as an integer column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()
