"""What a public page computes once per archive version: the list's facet counts (and their
HTML) and the home page's SDG grid.

They are a page's dearest part at archive scale (grouped counts over every session and
participation) and change only when the archive does. The conditional-GET middleware
(igfarchive/middleware.py) reads the archive version for every public request and leaves it on
the request; its tag is part of the key, so a write to the archive makes new keys and the old
entries simply expire. With REDIS_URL the cache is shared by every app server.
"""

import hashlib

from django.conf import settings

from igfarchive.cache import computed_once
from igfarchive.version import release


def by_archive_version(request, name, compute):
    """compute(), kept in the cache under `name` for the request's archive version.

    Computed afresh without a version (a request the middleware did not see), without a cache,
    or when settings.PAGE_PART_SECONDS is 0.
    """
    version = getattr(request, "archive_version", None)
    if version is None or not settings.PAGE_PART_SECONDS:
        return compute()
    # The release too: a part may be HTML (the list's facets), which a new release may change.
    digest = hashlib.sha256(f"{version.tag}|{release()}|{name}".encode()).hexdigest()
    key = f"page-part:{digest}"
    return computed_once(key, settings.PAGE_PART_SECONDS, compute)
