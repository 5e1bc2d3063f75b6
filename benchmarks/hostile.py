"""Load with a hostile share: the load test's pages, and requests that try to hurt, while documents
are being imported.

    uv run python benchmarks/hostile.py [--seconds 60] [--connections 50] [--hostile-share 0.1]

For each database (a new SQLite file; a new PostgreSQL database that the run creates and drops
on --postgres-server), the archive is filled as for the load test (benchmarks/load.py) and
served by gunicorn on loopback (--workers of --threads threads, as igfarchive/gunicorn.py), and
`import_documents` imports new documents, 100 a run, the whole time. --connections clients
then ask for two mixes, --seconds of each: the load test's pages alone, and the same with every
tenth request (--hostile-share) one of HOSTILE's kinds, in turn. The mixes take turns in slices
of about SLICE_SECONDS, pages-hostile-hostile-pages again and again, so that what changes during
a run (the archive grows with each import, an import commits, the machine warms up) weighs on
both alike: two runs back to back, the same mix twice, gave the second a p99 1.21 times the
first's; four halves, pages-hostile-hostile-pages, still 1.11 times. For each mix it prints the
least and most load average (1 minute) at its slices' starts and, per kind of request, the
requests, the server errors (5xx or no answer), the answers 429 (a whole-list download refused
at once while the server's slots for them are taken: igfarchive/costly.py) and the p99. It
fails (exit 1) on any server error, or when the ordinary pages' p99 with the hostile share is
more than --tolerance times their p99 without it (by default: any worse).
"""

import os
import sys
import time
from pathlib import Path
from urllib.parse import quote

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from benchmarks.clients import Clients, p99_ms  # noqa: E402
from benchmarks.load import PATHS, Importer, fill, load_options, on_each_database  # noqa: E402
from benchmarks.serving import gunicorn, warm_up  # noqa: E402
from benchmarks.synthetic import COMMON_WORD  # noqa: E402

SLICE_SECONDS = 5
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
    # As in production (igfarchive/gunicorn.py): a slow download does not hold a whole worker.
    parser.add_argument("--threads", type=int, default=4, help="of each gunicorn worker")
    options = parser.parse_args()
    print(
        "| database | mix | load average | kind | requests | server errors "
        "| answered 429 | p99 ms |\n|---|---|---|---|---|---|---|---|"
    )
    on_each_database(options, run)


def run(name, url, scratch, options):
    fill(url, options.sessions)
    shares = {"pages only": 0, "with hostile share": options.hostile_share}
    answers = {label: [] for label in shares}
    loads = {label: [] for label in shares}
    with gunicorn(url, options.workers, threads=options.threads) as server:
        warm_up(server.url, PATHS)
        importer = Importer(url, scratch / name)
        importer.start()
        turns = max(1, round(options.seconds / (2 * SLICE_SECONDS)))
        for label in [
            "pages only",
            "with hostile share",
            "with hostile share",
            "pages only",
        ] * turns:
            loads[label].append(os.getloadavg()[0])
            with Clients(server.url, options.connections, mix(shares[label])) as clients:
                time.sleep(options.seconds / (2 * turns))
            answers[label] += clients.answers
        importer.finish()
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
    print(f"{name}: the ordinary pages' p99 with the hostile share is {ratio:.2f} times")
    if ratio > options.tolerance:
        print(f"{name}: the ordinary pages' p99 grew past {options.tolerance} times")
        failed = True
    return failed


if __name__ == "__main__":
    main()
