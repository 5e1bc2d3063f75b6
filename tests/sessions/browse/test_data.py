"""The Data page: the built dataset's files with their size and date, what each table and
column means, the licence, how to cite it; linked from every page's footer."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from igfarchive.version import refresh_archive_version
from sessions.outputs import dataset_files
from sessions.outputs.dataset import TABLES
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

FOOTER_LINK = '<a href="/data/">The whole archive as a dataset</a> (Data Package, SQLite).'


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_before_a_build_the_page_says_so(client, data_dir):
    response = client.get("/data/")
    assert response.status_code == 200
    assert "The dataset has not been built yet." in text(response)
    assert 'href="/data/igf-session-archive.zip"' not in response.content.decode()


def test_the_page_gives_the_files_size_date_and_version(client, data_dir, monkeypatch):
    SessionFactory()
    call_command("build_dataset", stdout=io.StringIO())
    built = dataset_files.current()
    built = built._replace(built_at=datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC))
    monkeypatch.setattr(dataset_files, "current", lambda: built)
    refresh_archive_version()
    html = client.get("/data/").content.decode()
    zip_file, sqlite_file = built.files["zip"], built.files["sqlite"]
    assert (
        f'<dt>Data Package</dt><dd><a href="/data/igf-session-archive.zip" '
        f'type="application/zip">{zip_file.name}</a> ({zip_file.size / 1024:.1f}\xa0KB)</dd>'
    ) in html
    assert f'type="application/vnd.sqlite3">{sqlite_file.name}</a>' in html
    assert f'<dt>Archive version</dt><dd class="mono">{built.version}</dd>' in html
    assert '<time datetime="2026-01-02T03:04:00+00:00">2 January 2026, 03:04 UTC</time>' in html
    assert f"IGF session archive, dataset version {built.version} (built 2 January 2026)." in html
    assert "The archive has changed since this dataset was built" not in html


def test_a_change_after_the_build_is_said(client, data_dir):
    SessionFactory()
    call_command("build_dataset", stdout=io.StringIO())
    SessionFactory()
    refresh_archive_version()
    assert "The archive has changed since this dataset was built" in text(client.get("/data/"))


def test_the_page_says_what_each_table_and_column_means(client, data_dir):
    html = client.get("/data/").content.decode()
    headings = re.findall(r'<h3 id="table-([a-z_]+)"><code>', html)
    assert headings == [table.name for table in TABLES]
    participations = next(table for table in TABLES if table.name == "participations")
    columns = html.split('id="table-participations"')[1].split("</table>")[0]
    assert re.findall(r"<tr><td><code>([a-z_]+)</code></td>", columns) == [
        field.name for field in participations.fields
    ]
    assert (
        "<tr><td><code>is_tbd</code></td><td>boolean</td><td>To be confirmed: the source "
        "marked the person (TBD).</td></tr>"
    ) in columns
    assert "<code>person_id</code> → <code>people.id</code>." in columns


def test_the_page_gives_the_licence_and_a_citation(client, data_dir):
    page = text(client.get("/data/"))
    assert "Licence: Creative Commons Attribution 4.0 (CC-BY-4.0)." in page
    assert (
        "IGF session archive, dataset version <version>. http://testserver/data/. "
        "Licensed CC BY 4.0. Accessed <date>."
    ) in page.replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("url", ["/", "/sessions/", "/people/", "/about/", "/data/"])
def test_every_page_links_to_the_data_page_in_its_footer(client, url):
    html = client.get(url).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert FOOTER_LINK in footer
