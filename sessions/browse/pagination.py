"""Pagination of the archive's lists, with a message instead of an error for a bad `page`."""

from django.core.paginator import InvalidPage, Paginator

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
    raw = request.GET.get(parameter, "")
    if not raw:
        return paginator.page(1), None
    try:
        return paginator.page(int(raw)), None
    except (ValueError, InvalidPage):
        pages = "1 page" if paginator.num_pages == 1 else f"{paginator.num_pages} pages"
        return paginator.page(1), f"Ignored {parameter}={raw}: no such page (the list has {pages})"
