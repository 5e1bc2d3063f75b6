"""The people and organization lists as CSV: the page's FilterSet, every page, streamed, cells
that a spreadsheet would read as a formula escaped."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sessions.browse.downloads import download
from sessions.outputs import exports
from tests.factories import (
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonAliasFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def rows(response):
    assert response.status_code == 200
    assert response.streaming is True
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def ada():
    person = PersonFactory(name="Ada Lovelace", slug="ada-lovelace")
    PersonAliasFactory(person=person, name="Ada Lovelace")
    PersonAliasFactory(person=person, name="LOVELACE Ada")
    organization = OrganizationFactory(name="Analytical Society", slug="analytical-society")
    OrganizationAliasFactory(organization=organization, name="Analytical Society")
    for year in (2021, 2024):
        session = SessionFactory(meeting=MeetingFactory(year=year))
        ParticipationFactory(
            session=session,
            person=person,
            organization=organization,
            stakeholder_group="civil_society",
        )
        OrganizerFactory(session=session, organization=organization)
    return person


def test_people_csv_row(client, ada):
    table = rows(client.get("/people/export.csv"))
    assert client.get("/people/export.csv")["Content-Disposition"] == (
        'attachment; filename="people.csv"'
    )
    assert table == [
        exports.PERSON_COLUMNS,
        [
            str(ada.pk),
            "Ada Lovelace",
            "ada-lovelace",
            "Ada Lovelace;LOVELACE Ada",
            "2",
            "2021",
            "2024",
            "http://testserver/people/ada-lovelace/",
            f"http://testserver/api/people/{ada.pk}/",
        ],
    ]


def test_organizations_csv_row(client, ada):
    organization = ada.participations.first().organization
    assert rows(client.get("/organizations/export.csv")) == [
        exports.ORGANIZATION_COLUMNS,
        [
            str(organization.pk),
            "Analytical Society",
            "analytical-society",
            "False",
            "Analytical Society",
            "2",
            "1",
            "http://testserver/organizations/analytical-society/",
            f"http://testserver/api/organizations/{organization.pk}/",
        ],
    ]


def test_people_csv_takes_the_lists_filters(client, ada):
    PersonFactory(name="Zed")
    names = [row[1] for row in rows(client.get("/people/export.csv?q=lovelace"))[1:]]
    assert names == ["Ada Lovelace"]
    names = [row[1] for row in rows(client.get("/people/export.csv?stakeholder=government"))[1:]]
    assert names == []
    # A value that names nothing: the page leaves it out with a message; a file cannot.
    refused = client.get("/people/export.csv?stakeholder=nobody")
    assert refused.status_code == 400
    assert refused.content.decode().splitlines()[1].startswith("stakeholder: nobody: ")


def test_organizations_csv_takes_the_lists_filters(client, ada):
    OrganizationFactory(name="Zeta")
    url = "/organizations/export.csv?stakeholder=civil_society"
    assert [row[1] for row in rows(client.get(url))[1:]] == ["Analytical Society"]


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
)
def test_people_csv_escapes_formulas(client, name):
    PersonFactory(name=name)
    assert rows(client.get("/people/export.csv"))[1][1] == "'" + name


def test_people_csv_reads_in_chunks(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    for _ in range(5):
        PersonAliasFactory()
    response = client.get("/people/export.csv")
    with CaptureQueriesContext(connection) as queries:
        assert len(rows(response)) == 6
    # 1. the people with their counts, read chunk by chunk; then for each of the 3 chunks:
    # their spellings
    assert len(queries) == 1 + 3


def test_the_lists_link_to_their_csv_with_their_filters(client, ada):
    html = client.get("/people/?q=ada&page=1").content.decode()
    assert '<a href="/people/export.csv?q=ada" type="text/csv">CSV</a>' in html
    html = client.get("/organizations/?stakeholder=civil_society").content.decode()
    assert (
        '<a href="/organizations/export.csv?stakeholder=civil_society" type="text/csv">CSV</a>'
    ) in html


# Transactional, so that the test itself is not inside a transaction; like every such test,
# the migrations' rows are put back after it (tests/conftest.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("migration_data_put_back")
def test_a_download_reads_its_rows_in_one_transaction():
    """Outside a transaction, PostgreSQL computes an iterator's whole result before its first
    row (a cursor WITH HOLD); inside one, the first row waits only for its chunk."""
    seen = []

    def stream():
        seen.append(connection.in_atomic_block)
        yield "row\n"
        seen.append(connection.in_atomic_block)

    response = download(stream(), "text/csv", "rows.csv")
    assert connection.in_atomic_block is False
    assert b"".join(response.streaming_content) == b"row\n"
    assert (seen, connection.in_atomic_block) == ([True, True], False)
