"""Pagination of the archive's lists, with a message instead of an error for a bad `page`.

It lives in `speakers`, the bottom of the dependency chain (sessions -> speakers), so that
the lists of both apps share it.
"""

from django.core.paginator import InvalidPage, Paginator


def paginate(request, queryset, per_page):
    """The page the `page` parameter asks for, and a message when it was ignored."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "")
    if not raw:
        return paginator.page(1), None
    try:
        return paginator.page(int(raw)), None
    except (ValueError, InvalidPage):
        pages = "1 page" if paginator.num_pages == 1 else f"{paginator.num_pages} pages"
        return paginator.page(1), f"Ignored page={raw}: no such page (the list has {pages})"
