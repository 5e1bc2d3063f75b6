"""The shared cache, used so that a Redis that does not answer costs one wait, not one a call;
each process's own copies of the pages and page parts it reads; and one computation at a time
of a value that many requests want at once.

Everything the archive keeps in the cache (the archive version, pages, parts of pages) can be
computed again, so a cache call that fails is answered by computing. After a failure the
cache at that address rests: calls do not wait on it, and the failure is logged once, not once
a request. A cache that refuses the connection (stopped) rests for REST_SECONDS; one that does
not answer in time (50 ms to connect or to answer, igfarchive/environment.py) rests for
SLOW_REST_SECONDS only: on a busy machine a Redis that is up misses its 50 ms now and then, and
while the cache rests, the process renders every page it does not hold itself, right after an
import all of them. A Redis that hangs then costs each process one wait a second.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from igfarchive.environment import LOCAL_MEMORY_CACHE

logger = logging.getLogger(__name__)

# Short: a cache that came back is used again within seconds.
REST_SECONDS = 5
# A Redis that is up but was slow once: tried again after a second.
SLOW_REST_SECONDS = 1
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
        rest = SLOW_REST_SECONDS if isinstance(error, RedisTimeoutError) else REST_SECONDS
        _resting_until[address] = time.monotonic() + rest
        logger.warning("cache unavailable, not used for %d s: %s", rest, error)
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


# A value being computed is claimed for at most this long: a computation is bounded by the
# public requests' deadline (igfarchive/deadline.py), so a claim outlives it only when its
# process died, and then the others compute the value themselves.
CLAIM_SECONDS = settings.PUBLIC_QUERY_SECONDS + 1
# How often a request waiting for another's computation looks for its result.
WAIT_STEP_SECONDS = 0.02


def claim(key):
    """A token if this request may compute the value of `key`, None while another does. The
    claim is in the shared cache (every process of every server sees it), or in this process's
    memory while that cache fails."""
    token, name = uuid.uuid4().hex, claim_name(key)

    def local():
        return local_cache.add(name, token, CLAIM_SECONDS)

    claimed = through_cache(lambda: cache.add(name, token, CLAIM_SECONDS), otherwise=local)
    return token if claimed else None


def claim_name(key):
    return "computing:" + key


def is_claimed(key):
    name = claim_name(key)
    if local_cache.get(name) is not None:
        return True
    return through_cache(lambda: cache.get(name), otherwise=lambda: None) is not None


def release(key, token):
    """Let the claim on `key` go, if it is still this request's."""
    name = claim_name(key)
    if local_cache.get(name) == token:
        local_cache.delete(name)
    if through_cache(lambda: cache.get(name), otherwise=lambda: None) == token:
        through_cache(lambda: cache.delete(name), otherwise=lambda: None)


def computed_once(key, seconds, compute, keepable=lambda value: True, meanwhile=None):
    """The value kept under `key`, else compute()'s, kept for `seconds` when keepable(value).

    When many requests want the same missing value at once (after each write to the archive,
    every page is missing), one computes it and the others wait for its result instead of
    computing it too: a page that costs 100 ms then costs 100 ms once, not once per waiting
    reader. They are given meanwhile()'s value instead of waiting, when it has one. A request
    whose wait ends without a kept value (the computation was not keepable, failed, or its
    process died) computes the value itself.
    """
    value = recall(key, seconds)
    if value is not None:
        return value
    token = claim(key)
    if token is None:
        value = meanwhile() if meanwhile else None
        if value is None:
            value = wait_for(key, seconds)
        if value is not None:
            return value
    try:
        value = compute()
        if keepable(value):
            keep(key, value, seconds)
        return value
    finally:
        if token is not None:
            release(key, token)


def wait_for(key, seconds):
    """The value another request is computing under `key`, once kept; None if its claim ends
    (or outlives CLAIM_SECONDS) without one."""
    give_up = time.monotonic() + CLAIM_SECONDS
    while time.monotonic() < give_up:
        time.sleep(WAIT_STEP_SECONDS)
        value = recall(key, seconds)
        if value is not None:
            return value
        if not is_claimed(key):
            return recall(key, seconds)
    return None
