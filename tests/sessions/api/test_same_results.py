"""The API, the CSV, JSON and JSON Lines exports and the HTML list give the same sessions, in
the same order, for the same filters: on the five bundled documents. A JSON Lines record is the
API's detail of its session."""

import csv
import io
import json

import pytest

from sessions.models import Session

pytestmark = pytest.mark.django_db

# The expected sessions, by meeting (each bundled document is one meeting's session).
CASES = [
    ("sdg=7", ["igf-2024", "igf-2021"]),
    ("year=2023", ["igf-2023"]),
    ("q=BRICS", ["wsis-2025"]),
    ("", ["wsis-2025", "igf-2024", "igf-2023", "scio-press-conference-2022-11-15", "igf-2021"]),
]


def api_ids(client, query):
    ids, url = [], f"/api/sessions/?{query}"
    while url:
        body = client.get(url).json()
        ids += [session["id"] for session in body["results"]]
        url = body["next"]
    return ids


def html_ids(client, query):
    return [session.pk for session in client.get(f"/sessions/?{query}").context["page"]]


def csv_ids(client, query):
    text = b"".join(client.get(f"/sessions/export.csv?{query}").streaming_content).decode()
    return [int(row["id"]) for row in csv.DictReader(io.StringIO(text))]


def json_ids(client, query):
    text = b"".join(client.get(f"/sessions/export.json?{query}").streaming_content).decode()
    return [row["id"] for row in json.loads(text)]


def jsonl_records(client, query):
    text = b"".join(client.get(f"/sessions/export.jsonl?{query}").streaming_content).decode()
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_api_exports_and_html_list_agree(client, imported, query, expected):
    ids = dict(Session.objects.values_list("meeting__slug", "pk"))
    expected = [ids[meeting] for meeting in expected]
    assert html_ids(client, query) == expected
    assert api_ids(client, query) == expected
    assert csv_ids(client, query) == expected
    assert json_ids(client, query) == expected
    assert [record["id"] for record in jsonl_records(client, query)] == expected


def test_jsonl_records_are_the_api_details(client, imported):
    records = jsonl_records(client, "")
    assert len(records) == 5
    for record in records:
        assert record == client.get(f"/api/sessions/{record['id']}/").json()
