"""The shared cache, used so that a Redis that does not answer costs one wait, not one a call.

Everything the archive keeps in the cache (the archive version, parts of pages) can be
computed again, so a cache call that fails is answered by computing. After a failure the
cache at that address rests for REST_SECONDS: calls do not wait on it, and the failure is
logged once, not once a request.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Short: a cache that came back is used again within seconds.
REST_SECONDS = 5
# Cache address -> until when (time.monotonic()) it rests.
_resting_until = {}


def through_cache(call, otherwise):
    """call() against the cache, or otherwise() when it fails or rests after a failure."""
    address = settings.CACHES["default"].get("LOCATION", "")
    if time.monotonic() < _resting_until.get(address, 0):
        return otherwise()
    try:
        return call()
    except RedisError as error:
        _resting_until[address] = time.monotonic() + REST_SECONDS
        logger.warning("cache unavailable, not used for %d s: %s", REST_SECONDS, error)
        return otherwise()


# While the shared cache fails or rests, each process keeps the pages and page parts it
# computes in its own memory instead (the archive version itself is then read off the
# database, so it is never stale): their keys name the archive version, so nothing kept there
# is stale either, and a Redis outage costs the site its shared copies, not every page's
# rendering. At most 100 entries, as a process without Redis (igfarchive/environment.py).
local_cache = LocMemCache("igfarchive-fallback", {"MAX_ENTRIES": 100})
