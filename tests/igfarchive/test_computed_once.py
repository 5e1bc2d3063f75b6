"""A value many requests want at once is computed by one of them (igfarchive/cache.py,
computed_once); the others wait for its result. With the cache each test run has: a process's
memory, or the Redis that REDIS_URL names.
"""

import threading
import time

import pytest

from igfarchive import cache as archive_cache
from igfarchive.cache import claim, computed_once, is_claimed, recall


class Computation:
    """compute() that records its calls and, when told to, holds until released."""

    def __init__(self, value, hold=False):
        self.value, self.calls = value, 0
        self.started, self.go_on = threading.Event(), threading.Event()
        if not hold:
            self.go_on.set()

    def __call__(self):
        self.calls += 1
        self.started.set()
        assert self.go_on.wait(10)
        return self.value


def in_thread(function, results):
    thread = threading.Thread(target=lambda: results.append(function()))
    thread.start()
    return thread


def test_a_second_request_waits_for_the_first_ones_value_instead_of_computing_it():
    first = Computation("rendered once", hold=True)
    second = Computation("rendered twice")
    results = []
    holder = in_thread(lambda: computed_once("page:a", 60, first), results)
    assert first.started.wait(10)
    waiter = in_thread(lambda: computed_once("page:a", 60, second), results)
    time.sleep(0.2)
    assert results == []  # the second request is waiting, not computing
    first.go_on.set()
    holder.join(10)
    waiter.join(10)

    assert results == ["rendered once", "rendered once"]
    assert (first.calls, second.calls) == (1, 0)
    assert recall("page:a", 60) == "rendered once"


def test_a_value_that_is_not_kept_is_computed_by_the_waiting_request_itself():
    first = Computation("not found", hold=True)
    second = Computation("not found either")
    results = []
    holder = in_thread(
        lambda: computed_once("page:b", 60, first, keepable=lambda value: False), results
    )
    assert first.started.wait(10)
    waiter = in_thread(
        lambda: computed_once("page:b", 60, second, keepable=lambda value: False), results
    )
    first.go_on.set()
    holder.join(10)
    waiter.join(10)

    assert sorted(results) == ["not found", "not found either"]
    assert (first.calls, second.calls) == (1, 1)
    assert recall("page:b", 60) is None


def test_a_failed_computation_lets_its_claim_go():
    def failing():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        computed_once("page:c", 60, failing)

    # Else the next request would wait CLAIM_SECONDS before computing the value itself.
    assert not is_claimed("page:c")
    assert computed_once("page:c", 60, lambda: "computed again") == "computed again"


def test_a_claim_whose_process_died_is_waited_for_only_while_it_lasts(monkeypatch):
    # Whole seconds: Redis keeps a key for whole seconds.
    monkeypatch.setattr(archive_cache, "CLAIM_SECONDS", 1)
    assert claim("page:d") is not None  # never released, as by a process killed mid-render
    started = time.monotonic()

    assert computed_once("page:d", 60, lambda: "computed by the next reader") == (
        "computed by the next reader"
    )
    assert 1 <= time.monotonic() - started < 3


def test_a_request_given_something_meanwhile_does_not_wait():
    first = Computation("new page", hold=True)
    results = []
    holder = in_thread(lambda: computed_once("page:e", 60, first), results)
    assert first.started.wait(10)
    started = time.monotonic()

    meanwhile = computed_once("page:e", 60, Computation("never"), meanwhile=lambda: "old page")

    assert meanwhile == "old page"
    assert time.monotonic() - started < 0.5
    first.go_on.set()
    holder.join(10)
    assert results == ["new page"]
    assert computed_once("page:e", 60, Computation("never"), meanwhile=lambda: "old") == "new page"
