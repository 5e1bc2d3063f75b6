"""Chromium, driven by Playwright, against pytest-django's live server.

The browser is Debian's Chromium (CHROMIUM in tests/conftest.py); nothing is downloaded, and
every background service that would reach the internet is switched off.

Playwright's sync API runs an asyncio event loop in the test thread (in a greenlet of its own)
and marks it as running there for as long as Playwright is started. Django then takes the test
thread for an async one, which has two effects the fixtures below deal with:

- it refuses ORM calls there (creating test data, flushing the database between tests) with
  SynchronousOnlyOperation. No coroutine ever touches the database in these tests, so
  DJANGO_ALLOW_ASYNC_UNSAFE switches that check off, while the browser runs and only then;
- it keeps database connections per async context instead of per thread, so the test thread
  would open new connections, without the test databases' serialized contents and never
  closed. `browser` hands the thread's existing connections over instead.
"""

from urllib.parse import urlsplit

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from tests.bundled import import_bundled
from tests.conftest import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
]


@pytest.fixture(scope="module")
def browser():
    thread_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module", autouse=True)
def browser_module_puts_back_migration_data(migration_data_put_back):
    """Every browser test is transactional: see tests/conftest.py, migration_data_put_back."""


@pytest.fixture
def archive(live_server, django_db_serialized_rollback):
    """The live server, with the five bundled documents imported into its database.

    live_server makes the test transactional (the server's thread must see the rows), and a
    transactional test ends by emptying every table. The serialized rollback puts back what the
    migrations wrote before each test.
    """
    import_bundled()
    return live_server


class PageEvents:
    """What a page did besides rendering: console errors and requests to other hosts."""

    def __init__(self, page, server_url):
        self.origin = urlsplit(server_url)[:2]
        self.console_errors = []
        self.foreign_requests = []
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.console_errors.append((f"uncaught {error}", "")))
        page.on("request", self.on_request)

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def on_request(self, request):
        if urlsplit(request.url)[:2] != self.origin:
            self.foreign_requests.append(request.url)

    def clear(self):
        self.console_errors.clear()
        self.foreign_requests.clear()


@pytest.fixture
def page(browser, archive):
    """A fresh page (its own cookies and cache) on the archive, for one test."""
    context = browser.new_context(base_url=archive.url)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_events(page, archive):
    return PageEvents(page, archive.url)
