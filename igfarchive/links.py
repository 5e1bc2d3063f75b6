"""Links to records by their slugs, without resolving the URL configuration for each link.

`reverse()` matches the name against the URL patterns on every call (11 µs here); the largest
session's page links to some 200 people, organizations and sessions, which cost it a tenth of
its rendering. `link()` reverses a name once (per URL configuration and script prefix) with
markers in place of its slugs, and then fills the slugs in.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What Django's `slug` path converter accepts: anything else goes through reverse(), which
# quotes it or refuses it as it always did.
SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
MARKER = re.compile(r"slot(\d)mark")


def link(name, *slugs):
    """The path of the URL named `name` (a "<slug:…>" pattern) for these slugs."""
    if not all(isinstance(slug, str) and SLUG.match(slug) for slug in slugs):
        return reverse(name, args=slugs)
    pattern = _pattern(name, len(slugs), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
    return pattern.format(*slugs)


@lru_cache(maxsize=64)
def _pattern(name, count, _prefix, _urlconf, _root_urlconf):
    """The name's path as a format string, "/people/{0}/" (the other arguments are the key)."""
    path = reverse(name, args=[f"slot{n}mark" for n in range(count)])
    escaped = path.replace("{", "{{").replace("}", "}}")
    return MARKER.sub(lambda match: "{" + match[1] + "}", escaped)
