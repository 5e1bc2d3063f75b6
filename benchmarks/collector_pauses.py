"""The garbage collector's pauses while pages are rendered, with and without freezing.

    DATABASE_URL=... uv run python benchmarks/collector_pauses.py [--requests 600]

In one process, as a gunicorn worker: the load test's pages (benchmarks/load.py) fetched once
each, then --requests fetches of them in turn, every one rendered (PAGE_SECONDS=0), in three
ways: nothing frozen; what the process had loaded frozen before its first request; and frozen
after its first fetches, as igfarchive/gunicorn.py does after a worker's first requests. Each
way runs in a process of its own. Prints, per way, the collections of each generation (count,
total and longest pause in ms) and the fetches' p50, p99 and longest.
"""

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

WAYS = ("nothing frozen", "frozen before the first request", "frozen after the first fetches")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--way", choices=WAYS, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.way:
        print(json.dumps(measure(options.way, options.requests)))
        return
    print("| way | full collections: count, ms in all, longest | p50 | p99 | longest |")
    print("|---|---|---|---|---|")
    for way in WAYS:
        command = [sys.executable, __file__, "--way", way, "--requests", str(options.requests)]
        row = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        count, total, longest = row["pauses"]["2"]
        print(
            f"| {way} | {count}, {total:.1f}, {longest:.1f} | {row['p50']:.1f} | "
            f"{row['p99']:.1f} | {row['longest']:.1f} |"
        )


def measure(way, requests):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    os.environ["PAGE_SECONDS"] = "0"
    import django

    django.setup()
    from django.test import Client

    from benchmarks.load import PATHS

    client = Client(HTTP_HOST="localhost")
    if way == WAYS[1]:
        gc.freeze()
    for path in PATHS:
        client.get(path)
    if way == WAYS[2]:
        gc.collect()
        gc.freeze()
    pauses, started = {0: [], 1: [], 2: []}, []

    def note(phase, info):
        if phase == "start":
            started.append(time.perf_counter())
        else:
            pauses[info["generation"]].append((time.perf_counter() - started.pop()) * 1000)

    gc.callbacks.append(note)
    times = []
    for n in range(requests):
        begun = time.perf_counter()
        client.get(PATHS[n % len(PATHS)])
        times.append((time.perf_counter() - begun) * 1000)
    gc.callbacks.remove(note)
    times.sort()
    return {
        "pauses": {
            generation: (len(ms), sum(ms), max(ms, default=0)) for generation, ms in pauses.items()
        },
        "p50": statistics.median(times),
        "p99": times[max(0, round(0.99 * len(times)) - 1)],
        "longest": times[-1],
    }


if __name__ == "__main__":
    main()
