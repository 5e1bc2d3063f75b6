"""Query expressions of general use."""

from django.db.models import IntegerField, Lookup, Subquery


class SubqueryCount(Subquery):
    """The number of rows of a subquery, as an integer column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


class AnyOf(Lookup):
    """`column = ANY(array)` (PostgreSQL), the integers given as one array literal: `__in`
    makes a parameter and a node of the parsed query of each value, and a list parameter is
    quoted value by value, which for tens of thousands of values costs more than the query
    itself. AnyOf(F("pk"), ids) in a filter."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        array = "{" + ",".join(str(int(value)) for value in self.rhs) + "}"
        return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, array]
