"""Clients that keep requests going and record every answer, for the benchmarks that need more
than wrk's totals: which request failed, when, and of which kind (faults.py, hostile.py)."""

import http.client
import threading
import time
import urllib.parse
from dataclasses import dataclass

# Every request gives up after this long, so a run takes a bounded time.
REQUEST_TIMEOUT = 30


@dataclass
class Answer:
    kind: str
    started: float
    ended: float
    status: int  # 0: no answer (connection failed or timed out)

    @property
    def failed(self):
        """A server error: a 5xx, or no answer at all."""
        return self.status == 0 or self.status >= 500

    @property
    def seconds(self):
        return self.ended - self.started


class Clients:
    """`count` clients, one request at a time each, until stopped; `pick(n)` gives the n-th
    request's (kind, path)."""

    def __init__(self, base_url, count, pick):
        address = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.pick = address.hostname, address.port, pick
        self.answers, self.stopping = [], threading.Event()
        self.threads = [threading.Thread(target=self.fetch, args=(n,)) for n in range(count)]

    def fetch(self, offset):
        n = offset
        while not self.stopping.is_set():
            kind, path = self.pick(n)
            started = time.monotonic()
            # One connection a request, as a browser's first visit; http.client rather than
            # urllib, whose handlers raise for every 4xx: that costs this process (whose
            # threads share one interpreter with the clocks they read) more for the hostile
            # kinds than for the pages, and would be counted in every request's time.
            connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
            try:
                connection.request("GET", path)
                answer = connection.getresponse()
                answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException):
                # No answer, or one cut off (a worker killed mid-answer): a server error.
                status = 0
            finally:
                connection.close()
            self.answers.append(Answer(kind, started, time.monotonic(), status))
            n += len(self.threads)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def p99_ms(answers):
    if not answers:
        return 0
    durations = sorted(answer.seconds for answer in answers)
    return durations[min(len(durations) - 1, int(len(durations) * 0.99))] * 1000
