"""The archive's page benchmark at archive scale, side by side with Datasette.

    uv run --group bench python benchmarks/pages.py

1. Fills a SQLite file and a PostgreSQL database with the same synthetic archive
   (`manage.py generate_synthetic`, 100,000 sessions by default), unless they hold it already.
2. Server time, p50 and p95, of the home page, the list (unfiltered, by SDG, by year, by SDG +
   year + type), search (a common and a rare word), the largest session, the person with most
   sessions, the organization with most rows, the people and organization lists (as they open,
   and filtered and sorted by sessions) and two admin changelists, on PostgreSQL
   (benchmarks/server_time.py); and the first fetch of each, which computes what later
   fetches find in the cache; and the first fetch of the home page, the lists and the searches
   right after an import of 10 documents (their records removed afterwards). Then the two
   searches on SQLite, each page rendered on every fetch (its full-text index,
   sessions/search.py).
3. Under gunicorn on loopback, loaded by wrk (bounded: a fixed number of connections for a
   fixed time), requests per second and p99 of the list and session pages on each database;
   beside them, in the same run: Datasette serving the same SQLite file (its table page of
   sessions filtered by the year column, with the facets it suggests), a constant Django
   response through the same gunicorn (the framework's floor) and a hashed static file
   through whitenoise (the serving limit), with the ratios to each; and each worker's memory
   after all that.
   The servers share a Redis cache (BENCHMARK_REDIS_URL, default redis://127.0.0.1:6379/14),
   and each page is fetched once before wrk runs.

Prints Markdown tables (docs/performance.md keeps a run's). Needs wrk (`apt-get install wrk`)
and the `bench` dependency group (Datasette).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.serving import (  # noqa: E402
    BASE_DIR,
    count_rows,
    datasette,
    gunicorn,
    load,
    manage,
    output,
    require_wrk,
    warm_up,
)

# Targets of issue #5 for the PostgreSQL server times (p95, milliseconds).
# Issue #14: the busiest person's and organization's pages and the people and organization
# lists under 50 ms.
# Issue #19, at 100,000 sessions on PostgreSQL: p95 (ms) by kind of page, and the first fetch of
# a list right after an import.
TARGETS = {"list": 30, "search": 100, "session": 30, "people": 30}
AFTER_IMPORT_TARGET_MS = 300
AFTER_IMPORT_DOCUMENTS = 10
RSS_LIMIT_MIB = 200
# Issue #16: a search on SQLite at 100,000 sessions, p95 (milliseconds).
SQLITE_SEARCH_TARGETS = {"rare": 200, "common": 500}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sqlite", type=Path, default=None, help="default: /tmp/archive-<N>.sqlite3"
    )
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/synthetic",
        help='an existing database, emptied or filled by this run; "" to leave PostgreSQL out',
    )
    parser.add_argument("--repeat", type=int, default=50, help="fetches per page for server time")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--no-server-time", action="store_true", help="only the runs under gunicorn"
    )
    options = parser.parse_args()
    require_wrk()

    sqlite_file = options.sqlite or Path(f"/tmp/archive-{options.sessions}.sqlite3")
    databases = {"SQLite": f"sqlite:///{sqlite_file.resolve()}"}
    if options.postgres:
        databases["PostgreSQL"] = options.postgres
    for url in databases.values():
        fill(url, options.sessions, options.seed)

    print(f"# Page benchmark, {date.today()}: {options.sessions:,} synthetic sessions")
    print(f"\n{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    # Server time on PostgreSQL, the database of the targets; then SQLite's searches alone.
    timed = "PostgreSQL" if "PostgreSQL" in databases else "SQLite"
    if options.no_server_time:
        times = {timed: server_time(databases[timed], 0)}
    else:
        after = f"--after-import={AFTER_IMPORT_DOCUMENTS}"
        times = {timed: server_time(databases[timed], options.repeat, after)}
        print_server_times(times)
        print_after_import(times[timed]["after_import"])
    print_sqlite_search(server_time(databases["SQLite"], options.repeat, "--search"))

    pages = {page["name"]: page["path"] for page in next(iter(times.values()))["pages"]}
    year_list = next(path for name, path in pages.items() if name.startswith("list, year"))
    year = year_list.rsplit("=", 1)[1]
    session = pages["session, the largest"]
    manage(databases["SQLite"], "collectstatic", "--noinput", stdout=subprocess.DEVNULL)
    static = (
        "/static/"
        + json.loads((BASE_DIR / "staticfiles/staticfiles.json").read_text())["paths"][
            "css/archive.css"
        ]
    )

    run = {"seconds": options.seconds, "connections": options.connections}
    rows = []
    for name, url in databases.items():
        with gunicorn(url, options.workers) as server:
            warm_up(server.url, ["/sessions/", year_list, session])
            results = {
                "list, unfiltered": load(server.url, ["/sessions/"], **run),
                f"list, year {year}": load(server.url, [year_list], **run),
                "session, the largest": load(server.url, [session], **run),
            }
            if name == "SQLite":
                results["floor: constant Django response"] = load(server.url, ["/floor/"], **run)
                results["limit: hashed static file"] = load(server.url, [static], **run)
            served = sum(result.requests for result in results.values())
            rss = server.worker_rss_mib()
        rows += [(name, page, result) for page, result in results.items()]
        rows.append((name, f"worker memory after {served:,} requests", rss))
    with datasette(sqlite_file) as peer:
        # Datasette's table page of sessions of one year, 25 rows like the archive's list, on
        # its best terms: the year column, which the list's index begins with, and the facets
        # Datasette suggests by itself (no `_facet` asked).
        table = f"/{sqlite_file.stem}/archive_session?year={year}&_size=25"
        peer_result = load(peer, [table], **run)
    rows.append(("SQLite", "Datasette: sessions of a year", peer_result))
    print_load(rows, year, options)


def fill(database_url, sessions, seed):
    """Migrate the database and fill it with the synthetic archive unless it holds it."""
    manage(database_url, "migrate", "--noinput", stdout=subprocess.DEVNULL)
    count = count_rows(database_url)
    if count == 0:
        manage(database_url, "generate_synthetic", "--sessions", str(sessions), "--seed", str(seed))
    elif count != sessions:
        sys.exit(f"{database_url} holds {count:,} sessions, not {sessions:,}: empty it first.")


def server_time(database_url, repeat, *arguments):
    command = [
        sys.executable,
        str(BASE_DIR / "benchmarks/server_time.py"),
        f"--repeat={repeat}",
        *arguments,
    ]
    return json.loads(output(database_url, command))


def target(name):
    if name.startswith("search"):
        return TARGETS["search"]
    if name.startswith("session"):
        return TARGETS["session"]
    if name.startswith(("list", "home")):
        return TARGETS["list"]
    if name.startswith(("person", "people", "organization")):
        return TARGETS["people"]
    return None


def print_server_times(times):
    names = list(times)
    print("\n## Server time (ms), in-process, after one cold fetch\n")
    header = " | ".join(f"{name} p50 | {name} p95" for name in names)
    print(f"| page | queries | {header} | first fetch ({names[-1]}) | target p95 (PostgreSQL) |")
    print("|---" * (4 + 2 * len(names)) + "|")
    by_page = zip(*(times[name]["pages"] for name in names), strict=True)
    for pages in by_page:
        cells = " | ".join(f"{page['p50_ms']:.1f} | {page['p95_ms']:.1f}" for page in pages)
        goal = target(pages[0]["name"])
        verdict = ""
        if goal is not None and "PostgreSQL" in times:
            met = pages[names.index("PostgreSQL")]["p95_ms"] <= goal
            verdict = f"≤ {goal}: {'met' if met else 'MISSED'}"
        print(
            f"| {pages[0]['name']} | {pages[0]['queries']} | {cells} | "
            f"{pages[-1]['cold_ms']:.0f} | {verdict} |"
        )


def print_after_import(after):
    print(
        f"\n## First fetch right after an import of {after['documents']} documents (ms)\n\n"
        f"The import, with the popular pages it renders after its commit: "
        f"{after['import_s']:.1f} s.\n"
    )
    print("| page | first fetch | target |")
    print("|---|---|---|")
    for page in after["pages"]:
        met = page["first_ms"] <= AFTER_IMPORT_TARGET_MS
        verdict = f"≤ {AFTER_IMPORT_TARGET_MS}: {'met' if met else 'MISSED'}"
        print(f"| {page['name']} | {page['first_ms']:.0f} | {verdict} |")


def print_sqlite_search(times):
    print("\n## Search on SQLite (ms), each page rendered on every fetch\n")
    print("| search | queries | p50 | p95 | first fetch | target p95 |")
    print("|---|---|---|---|---|---|")
    for page in times["pages"]:
        goal = SQLITE_SEARCH_TARGETS["common" if "common" in page["name"] else "rare"]
        verdict = f"≤ {goal}: {'met' if page['p95_ms'] <= goal else 'MISSED'}"
        print(
            f"| {page['name']} | {page['queries']} | {page['p50_ms']:.1f} | "
            f"{page['p95_ms']:.1f} | {page['cold_ms']:.0f} | {verdict} |"
        )


def print_load(rows, year, options):
    print(
        f"\n## Under load: gunicorn ({options.workers} sync workers) on loopback, wrk with "
        f"{options.connections} connections for {options.seconds} s each\n"
    )
    print("| database | page | requests/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    results = {}
    for database, page, result in rows:
        if isinstance(result, list):
            sizes = ", ".join(f"{size:.0f}" for size in result)
            verdict = "met" if max(result) < RSS_LIMIT_MIB else "MISSED"
            print(f"| {database} | {page}: {sizes} MiB (< {RSS_LIMIT_MIB}: {verdict}) | | | | |")
            continue
        results[database, page] = result
        print(
            f"| {database} | {page} | {result.per_second:.0f} | {result.p50_ms:.1f} | "
            f"{result.p99_ms:.1f} | {result.errors} |"
        )
    ours = results["SQLite", f"list, year {year}"].per_second
    print("\n## Ratios (requests/s of the archive's list of a year, on SQLite)\n")
    for label, page in [
        ("to Datasette on the same file", "Datasette: sessions of a year"),
        ("to the framework floor", "floor: constant Django response"),
        ("to the static file limit", "limit: hashed static file"),
    ]:
        other = results["SQLite", page].per_second
        ratio = f"{ours / other:.2f}" if other else "no answer from the other within the run"
        print(f"- {label}: {ours:.0f} / {other:.0f} = {ratio}")


if __name__ == "__main__":
    main()
