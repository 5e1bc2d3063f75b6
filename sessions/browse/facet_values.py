"""A long facet's own page: every person, organizer, meeting or SDG target of the session
list's sessions, with the same counts as the list's facets (sessions/browse/facets.py), the
list's filters kept, VALUES_PER_PAGE a page, and a search over the values' names (`find`).

Two queries whatever the archive's size (the count and the page of values), after those that
resolve the list's parameters (tests/sessions/browse/test_views_query_counts.py).
"""

from django.shortcuts import render

from sessions.browse.facets import LONG_FACETS, Facets
from sessions.browse.filters import SessionFilter
from sessions.browse.pagination import paginate
from sessions.browse.parameters import link
from sessions.models import Session

VALUES_PER_PAGE = 50
# A search over the values' names repeats at most this much of what was typed.
FIND_LENGTH = 100


def facet_values(request, kind):
    long = LONG_FACETS[kind]
    filterset = SessionFilter(request.GET, queryset=Session.objects.all())
    facets = Facets(filterset)
    find = request.GET.get("find", "").replace("\x00", "").strip()[:FIND_LENGTH]
    rows = facets.ranked(long)  # a chosen value no session has is left out (the list shows it)
    if find:
        rows = long.matching(rows, find)
    page, page_ignored = paginate(request, rows, VALUES_PER_PAGE)
    query = filterset.query
    if find:
        query["find"] = find
    context = {
        "facet": long,
        "filter": filterset,
        "find": find,
        "page": page,
        "options": facets.options(long.name, [long.row(row) for row in page.object_list]),
        "query": query,
        "list_url": link(filterset.query),
        "kept": [(name, value) for name, values in filterset.query.lists() for value in values],
        "ignored": [*filterset.ignored, *([page_ignored] if page_ignored else [])],
    }
    return render(request, "sessions/facet_values.html", context)
