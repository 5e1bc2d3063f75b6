"""Load with a hostile share: the load test's pages, and requests that try to hurt, while documents
are being imported.

    uv run python benchmarks/hostile.py [--seconds 60] [--connections 50] [--hostile-share 0.1]

For each database (a new SQLite file; a new PostgreSQL database that the run creates and drops
on --postgres-server), the archive is filled as for the load test (benchmarks/load.py) and
served by gunicorn on loopback (--workers of --threads threads, as igfarchive/gunicorn.py), and
`import_documents` imports new documents the whole time. --connections clients then ask for two
mixes: the load test's pages alone, and the same with every tenth request (--hostile-share) one
of HOSTILE's kinds, in turn. The mixes take turns of one import run each (--batch new
documents: the command's start, the reading, the commit and the pages it renders again),
pages-hostile-hostile-pages again and again until each mix has had --seconds. So each mix sees
as many commits as the other, each at the same moment of its turn, and what grows during a run
(the archive, the machine's warmth) weighs on both alike. Turns by the clock could not do that:
a run's p99 is made right after a commit (a page of every kind to render again), a run of 100
documents commits every 20 to 38 s under this load, and turns of 5 s by the clock gave the
same mix against itself 0.92 to 1.07 as it happened to meet those few commits. And a turn lasts
--turn-seconds at least, whenever its import run ends: an import run that ends sooner in one
mix (its pages already rendered by that mix's readers) would otherwise leave that mix's few
slow seconds after the commit a larger share of its turn.

It prints each turn's length and p99 of the ordinary pages as the turn ends. For each mix it
then prints the least and most load average (1 minute) at its turns' starts, its seconds and
import runs, and, per kind of request, the requests, the server errors (5xx or no answer), the
answers 429 (a whole-list download refused at once while the server's slots for them are
taken: igfarchive/costly.py) and the p99. It fails (exit 1) on any server error, or
when the ordinary pages' p99 with the hostile share is more than --tolerance times their p99
without it (by default: any worse).

With --each-kind SECONDS, no import runs and no mixes: the clients ask for the ordinary pages
alone, then for each of HOSTILE's kinds alone, SECONDS each, and the command prints what each
costs the whole system (server and clients on the same machine): requests a second, the p50
and the answers' statuses.
"""

import os
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from benchmarks.clients import Clients, p99_ms  # noqa: E402
from benchmarks.load import (  # noqa: E402
    PATHS,
    Importer,
    fill,
    load_options,
    on_each_database,
)
from benchmarks.serving import gunicorn, warm_up  # noqa: E402
from benchmarks.synthetic import COMMON_WORD  # noqa: E402

# Documents an import run: a run (its start, reading, commit and the pages it renders again)
# takes a few seconds under this load, so each mix sees many of them.
BATCH = 20
LONG_SEARCH = quote(" ".join(f"word{n}" for n in range(500)))
# The longest search the archive accepts (20 words), each word common.
WIDEST_SEARCH = quote(" or ".join([COMMON_WORD] * 10))
HOSTILE = {
    "search of 500 words": f"/sessions/?q={LONG_SEARCH}",
    "widest accepted search": f"/sessions/?q={WIDEST_SEARCH}",
    "page past the end": "/sessions/?page=99999999999999999999999",
    "bad parameters": "/sessions/?year=abc&sdg=999&type=%00&sort=%27%3Bdrop&meeting=%2F..%2F",
    "API search of 500 words": f"/api/sessions/?q={LONG_SEARCH}",
    "API unknown parameters": "/api/sessions/?sdgs=7&pagee=2&q=%00",
    "download with bad parameters": f"/sessions/export.csv?year=abc&q={LONG_SEARCH}",
    "calendar of a wide search": f"/sessions/calendar.ics?q={COMMON_WORD}",
    "unknown session": "/sessions/igf-2099/" + "x" * 2000 + "/",
    "CSV of the whole list": "/sessions/export.csv",
}


def mix(share):
    """The n-th request: a hostile one every 1/share requests (in turn), else a page."""
    period = round(1 / share) if share else 0
    kinds = list(HOSTILE)

    def pick(n):
        if period and n % period == period - 1:
            kind = kinds[(n // period) % len(kinds)]
            return kind, HOSTILE[kind]
        return "ordinary page", PATHS[n % len(PATHS)]

    return pick


def main():
    parser = load_options(__doc__.split("\n\n")[0])
    parser.add_argument("--hostile-share", type=float, default=0.1)
    parser.add_argument("--tolerance", type=float, default=1.0, help="of the ordinary p99")
    parser.add_argument("--batch", type=int, default=BATCH, help="documents an import run")
    # As in production (igfarchive/gunicorn.py): a slow download does not hold a whole worker.
    parser.add_argument("--threads", type=int, default=4, help="of each gunicorn worker")
    parser.add_argument("--each-kind", type=float, default=0, help="seconds a kind, alone")
    # Longer than an import run under this load (20 to 46 s), so that nearly every turn lasts
    # the same.
    parser.add_argument("--turn-seconds", type=float, default=50, help="of a turn, at least")
    options = parser.parse_args()
    if options.each_kind:
        on_each_database(options, each_kind)
    print(
        "| database | mix | load average | kind | requests | server errors "
        "| answered 429 | p99 ms |\n|---|---|---|---|---|---|---|---|"
    )
    on_each_database(options, run)


def each_kind(name, url, scratch, options):
    """Each kind alone (the ordinary pages as one): requests a second, p50 and statuses."""
    fill(url, options.sessions)
    kinds = {"ordinary pages": None, **HOSTILE}
    with gunicorn(url, options.workers, threads=options.threads) as server:
        warm_up(server.url, PATHS)
        for kind, path in kinds.items():
            pick = mix(0) if path is None else (lambda n, kind=kind, path=path: (kind, path))
            started = time.monotonic()
            with Clients(server.url, options.connections, pick) as clients:
                time.sleep(options.each_kind)
            seconds = time.monotonic() - started
            statuses = Counter(answer.status for answer in clients.answers)
            p50 = sorted(answer.seconds for answer in clients.answers)[len(clients.answers) // 2]
            print(
                f"{name} | {kind} | {len(clients.answers) / seconds:,.0f} requests/s | "
                f"p50 {p50 * 1000:.1f} ms | {dict(sorted(statuses.items()))}"
            )
    return False


def run(name, url, scratch, options):
    fill(url, options.sessions)
    shares = {"pages only": 0, "with hostile share": options.hostile_share}
    answers = {label: [] for label in shares}
    loads = {label: [] for label in shares}
    seconds = dict.fromkeys(shares, 0.0)
    with gunicorn(url, options.workers, threads=options.threads) as server:
        # Both mixes from their steady state: each page and each hostile kind read once (the
        # downloads kept, and noted for the import to make again), as the pages alone were.
        warm_up(server.url, [*PATHS, *HOSTILE.values()])
        importer = Importer(url, scratch / name, batch=options.batch)
        while min(seconds.values()) < options.seconds:
            for label in ["pages only", "with hostile share", "with hostile share", "pages only"]:
                loads[label].append(os.getloadavg()[0])
                started = time.monotonic()
                with Clients(server.url, options.connections, mix(shares[label])) as clients:
                    importer.import_batch()
                    imported = time.monotonic() - started
                    time.sleep(max(0.0, options.turn_seconds - imported))
                turn = time.monotonic() - started
                seconds[label] += turn
                answers[label] += clients.answers
                # Each turn's own p99 too: how far one import run moves it.
                ordinary = [answer for answer in clients.answers if answer.kind == "ordinary page"]
                print(
                    f"{name}: turn of {label}, {turn:.0f} s (its import run {imported:.0f} s), "
                    f"p99 {p99_ms(ordinary):,.0f} ms",
                    flush=True,
                )
    failed = bool(importer.failures)
    for label, share in shares.items():
        for kind in ["ordinary page", *(kind for kind in HOSTILE if share)]:
            of_kind = [answer for answer in answers[label] if answer.kind == kind]
            errors = sum(answer.failed for answer in of_kind)
            refused = sum(answer.status == 429 for answer in of_kind)
            failed |= errors > 0
            print(
                f"| {name} | {label} | {min(loads[label]):.1f}-{max(loads[label]):.1f} | {kind} | "
                f"{len(of_kind):,} | {errors} | {refused:,} | {p99_ms(of_kind):,.0f} |"
            )
    p99 = {
        label: p99_ms([answer for answer in answers[label] if answer.kind == "ordinary page"])
        for label in shares
    }
    ratio = p99["with hostile share"] / p99["pages only"]
    for label in shares:
        print(f"{name}: {label}, {seconds[label]:.0f} s, {len(loads[label])} import runs")
    print(f"{name}: the ordinary pages' p99 with the hostile share is {ratio:.2f} times")
    if ratio > options.tolerance:
        print(f"{name}: the ordinary pages' p99 grew past {options.tolerance} times")
        failed = True
    return failed


if __name__ == "__main__":
    main()
