"""Query expressions of general use."""

from django.db.models import IntegerField, Lookup, Subquery


class SubqueryCount(Subquery):
    """The number of rows of a subquery, as an integer column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


class AnyOf(Lookup):
    """The column is one of these integers, given as one parameter: `column = ANY(array)` on
    PostgreSQL, `column IN (SELECT value FROM json_each(list))` on SQLite. `__in` makes a
    parameter and a node of the parsed query of each value (and SQLite allows 32,766
    parameters), which for tens of thousands of values costs more than the query itself.
    AnyOf(F("pk"), ids) in a filter."""

    lookup_name = "any_of"
    prepare_rhs = False

    def values(self):
        return ",".join(str(int(value)) for value in self.rhs)

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, "{" + self.values() + "}"]

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rows = "(SELECT value FROM json_each(%s))"
        return f"{lhs} IN {rows}", [*lhs_params, "[" + self.values() + "]"]
