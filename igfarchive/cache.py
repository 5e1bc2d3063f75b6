"""The shared cache, used so that a Redis that does not answer costs one wait, not one a call,
and each process's own copies of the pages and page parts it reads.

Everything the archive keeps in the cache (the archive version, pages, parts of pages) can be
computed again, so a cache call that fails is answered by computing. After a failure the
cache at that address rests for REST_SECONDS: calls do not wait on it, and the failure is
logged once, not once a request.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

from igfarchive.environment import LOCAL_MEMORY_CACHE

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


# Pages and page parts are kept twice: in this process's memory, read first, and in the shared
# cache, which other processes and servers read. Their keys name the archive version, so neither
# copy is ever stale; the local copy spares a round trip to Redis for the pages read most, and
# keeps them while Redis fails or hangs, when every page would otherwise be rendered again. At
# most as many entries as a process without Redis (igfarchive/environment.py). The archive version
# itself is not kept here: it must be the one every server shares (igfarchive/version.py).
local_cache = LocMemCache("igfarchive-local", LOCAL_MEMORY_CACHE["OPTIONS"])


def recall(key, seconds):
    """The value kept under `key`, from this process or else the shared cache (then kept here
    for `seconds`); None if neither has it."""
    value = local_cache.get(key)
    if value is None:
        value = through_cache(lambda: cache.get(key), otherwise=lambda: None)
        if value is not None:
            local_cache.set(key, value, seconds)
    return value


def keep(key, value, seconds):
    """Keep `value` under `key` for `seconds`, here and in the shared cache."""
    local_cache.set(key, value, seconds)
    through_cache(lambda: cache.set(key, value, seconds), otherwise=lambda: None)
