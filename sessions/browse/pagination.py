"""Pagination of the archive's lists, with a message instead of an error for a bad `page`."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q

# A session's transcript page holds this many turns (an organization's page links to the
# transcript page that holds each of its turns).
TRANSCRIPT_TURNS_PER_PAGE = 200


def paginate(request, queryset, per_page, parameter="page", count=None):
    """The page the `parameter` of the query asks for, and a message when it was ignored.

    A page with several lists gives each its own parameter. `count`, when the caller knows the
    list's size already, spares the paginator its COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    number, ignored = page_number(request, paginator, parameter)
    return paginator.page(number), ignored


def page_number(request, paginator, parameter="page"):
    """The number of the page the `parameter` of the query asks for (the first when it names
    none), and a message when it was ignored; no query when the paginator's count is set."""
    raw = request.GET.get(parameter, "")
    if not raw:
        return 1, None
    try:
        return paginator.validate_number(raw), None
    except InvalidPage:
        pages = "1 page" if paginator.num_pages == 1 else f"{paginator.num_pages} pages"
        return 1, f"Ignored {parameter}={raw}: no such page (the list has {pages})"


class ByYear:
    """A list sorted newest year first whose size in each year is known, for a Paginator: a
    page reads only the rows of the years it covers.

    `counts` is [(year, rows)], newest first, as the list is sorted; `year` is the lookup of
    a row's year. The first page of an organization with 100,000 rows then reads and sorts
    those of its newest year or two, not all of them.
    """

    def __init__(self, queryset, counts, year):
        self.queryset = queryset
        self.counts = [(value, rows) for value, rows in counts if rows]
        self.year = year

    def count(self):
        return sum(rows for _, rows in self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        years, before, seen = [], None, 0
        for value, rows in self.counts:
            if seen + rows > start and seen < stop:
                before = seen if before is None else before
                years.append(value)
            seen += rows
        if not years:
            return []
        condition = Q(**{f"{self.year}__in": [value for value in years if value is not None]})
        if None in years:
            condition |= Q(**{f"{self.year}__isnull": True})
        rows = self.queryset.filter(condition)
        return list(rows[start - before : stop - before])


class KeysFirst:
    """A long list for a Paginator whose page is chosen among its rows' keys, then read whole.

    The sort of every row (all 1,727 transcript turns of the busiest person) reads only the
    columns it sorts by, from indexes where they hold them; the texts and the related rows'
    columns are read for the page's rows alone. One query: the page's keys are a subquery.
    `columns`: the page's rows are read as values of these (the keys still from the queryset
    alone: values' joins in the keys' subquery would join every row before the sort).
    """

    def __init__(self, queryset, columns=()):
        self.queryset = queryset
        self.columns = columns

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def filter(self, *args, **kwargs):
        """The list narrowed, still read keys first (for ByYear)."""
        return KeysFirst(self.queryset.filter(*args, **kwargs), self.columns)

    def __getitem__(self, window):
        keys = self.queryset.values("pk")[window]
        page = self.queryset.filter(pk__in=keys)
        return list(page.values(*self.columns) if self.columns else page)
