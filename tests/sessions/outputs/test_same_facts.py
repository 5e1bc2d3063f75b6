"""Each of the five sessions holds the same facts on its page, in the API's detail, in its
JSON Lines line and in the dataset's rows: exact values, a sample of each kind (identity,
when and where, people with their flags and speech statistics, organizers, SDGs, policy
questions, takeaways, arguments, transcript, texts, provenance)."""

import html
import io
import json
import re
import sqlite3

import pytest
from django.core.management import call_command
from django.test import override_settings

from sessions.models import Session
from sessions.outputs import dataset_files

pytestmark = pytest.mark.django_db

# What the sources say of each session (fixtures/reference/FACTS.md and the documents): a
# sample of each kind, which every output must give exactly.
ANCHORS = {
    "workshop-125": {
        "identity": {
            "title": "Big Data for Environmental Sustainability",
            "type": "workshop",
            "number": 125,
            "date": "2021-12-10",
            "start_time": "10:15:00",
            "end_time": "11:45:00",
            "room": "Conference Room 3",
        },
        "sdg_goals": [6, 7, 11, 13, 14, 15, 17],
        "sdg_targets": [],
        "person": ("Gong Ke", "speaker", "intergovernmental", "intergovernmental", False),
        "curated": ["number", "session_type", "title"],
        "machine_generated": False,
        "counts": {"policy_questions": 5, "takeaways": 4, "arguments": 0, "turns": 0},
    },
    "workshop-377": {
        "identity": {
            "title": "Enhance Digital Governance for Less CO2 future: AP' Practice",
            "type": "workshop",
            "number": 377,
            "date": None,
            "start_time": None,
            "end_time": None,
            "room": "",
        },
        "sdg_goals": [],
        "sdg_targets": [],
        "person": ("Xiaobo YANG", "rapporteur", "civil_society", "asia_pacific", False),
        "curated": [],
        "machine_generated": False,
        "counts": {"policy_questions": 3, "takeaways": 0, "arguments": 0, "turns": 0},
    },
    "open-forum-9": {
        "identity": {
            "title": "Digital Technology Empowers Green and Low-carbon Development",
            "type": "open_forum",
            "number": 9,
            "date": "2024-12-19",
            "start_time": None,
            "end_time": None,
            "room": "",
        },
        "sdg_goals": [7],
        "sdg_targets": ["7.a"],
        "person": ("GONG Ke", "speaker", "", "", True),
        "curated": [],
        "machine_generated": False,
        "counts": {"policy_questions": 0, "takeaways": 5, "arguments": 0, "turns": 0},
    },
    "scio-press-conference-on-white-paper-jointly-build-a-community-with-a-shared-future-in-cyberspace": {  # noqa: E501
        "identity": {
            "title": "SCIO press conference on white paper 'Jointly Build a Community with a "
            "Shared Future in Cyberspace'",
            "type": "press_conference",
            "number": None,
            "date": None,
            "start_time": None,
            "end_time": None,
            "room": "",
        },
        "sdg_goals": [],
        "sdg_targets": [],
        "person": ("Cao Shumin", "host", "", "", False),
        "curated": [],
        "machine_generated": False,
        "counts": {"policy_questions": 0, "takeaways": 0, "arguments": 0, "turns": 3},
    },
    "strengthen-digital-governance-and-international-cooperation-to-build-an-inclusive-digital-future": {  # noqa: E501
        "identity": {
            "title": "Strengthen Digital Governance and International Cooperation to Build an "
            "Inclusive Digital Future",
            "type": "not_stated",
            "number": None,
            "date": "2025-07-11",
            "start_time": "09:00:00",
            "end_time": "09:45:00",
            "room": "",
        },
        "sdg_goals": [],
        "sdg_targets": [],
        "person": ("Thomas Basikolo", "speaker", "", "", False),
        "curated": [],
        "machine_generated": True,
        "counts": {"policy_questions": 0, "takeaways": 64, "arguments": 26, "turns": 17},
    },
}
IDENTITY = ["title", "type", "number", "date", "start_time", "end_time", "room", "format"]
TEXTS = [
    "description",
    "background",
    "expected_outcomes",
    "sdg_rationale",
    "summary",
    "report",
    "overall_tone",
    "disclaimer",
]
PERSON_COLUMNS = [
    "role",
    "published_name",
    "affiliation",
    "stakeholder_group",
    "regional_group",
    "role_text",
    "is_tbd",
    "is_remote",
    "speech_seconds",
    "words",
    "words_per_minute",
]


@pytest.fixture(scope="module")
def dataset(imported, django_db_blocker, tmp_path_factory):
    """The dataset of the five documents, as rows of its SQLite file, by table."""
    with override_settings(DATA_DIR=tmp_path_factory.mktemp("data")):
        with django_db_blocker.unblock():
            call_command("build_dataset", stdout=io.StringIO())
        path = dataset_files.current().path("sqlite")
    database = sqlite3.connect(path)
    database.row_factory = sqlite3.Row
    try:
        tables = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [name for (name,) in tables.fetchall()]
        return {
            name: [dict(row) for row in database.execute(f'SELECT * FROM "{name}"')]
            for name in tables
        }
    finally:
        database.close()


@pytest.fixture(scope="module")
def jsonl(imported, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/sessions/export.jsonl")
        text = b"".join(response.streaming_content).decode()
    return {record["id"]: record for record in map(json.loads, text.splitlines())}


def api_facts(record, turns):
    """The facts of a session's whole record in the API's shape (detail or JSON Lines)."""
    return {
        "identity": {name: record[name] for name in IDENTITY},
        "meeting": record["meeting"]["id"],
        "texts": {name: record[name] for name in TEXTS},
        "sub_themes": record["sub_themes"],
        "people": [
            (person["person"]["id"], person["organization"] and person["organization"]["id"])
            + tuple(person[name] for name in PERSON_COLUMNS)
            for person in record["participants"]
        ],
        "organizers": [
            (organizer["organization"]["id"], organizer["role"], organizer["published_name"])
            for organizer in record["organizers"]
        ],
        "sdg_goals": record["sdg_goals"],
        "sdg_targets": record["sdg_targets"],
        "policy_questions": record["policy_questions"],
        "takeaways": [
            (takeaway["kind"], takeaway["text"], takeaway["speaker"], takeaway["details"])
            for takeaway in record["takeaways"]
        ],
        "arguments": [
            (
                argument["person"]["id"],
                argument["claim"],
                argument["topics"],
                sorted(argument["agreed_with"]),
                sorted(argument["disagreed_with"]),
            )
            for argument in record["arguments"]
        ],
        "turns": record["transcript_turn_count"],
        "first_turn": turns[:1],
        "source_sha256": record["source_document"]["sha256"],
        "machine_generated": record["is_machine_generated"],
        "curated": sorted(
            (fact["field"], fact["value"], fact["source"]) for fact in record["curated_facts"]
        ),
    }


def rows_of(dataset, table, session_id, order):
    rows = [row for row in dataset[table] if row["session_id"] == session_id]
    return sorted(rows, key=lambda row: [row[name] for name in order])


def dataset_facts(dataset, session_id):
    """The same facts, read from the dataset's tables."""
    (session,) = [row for row in dataset["sessions"] if row["id"] == session_id]
    documents = {row["id"]: row for row in dataset["source_documents"]}
    responses = dataset["argument_responses"]
    turns = rows_of(dataset, "transcript_turns", session_id, ["position"])
    # In the file's order: goals by number, then targets in their goals' order.
    links = rows_of(dataset, "sdg_links", session_id, [])
    return {
        "identity": {name: session[name] for name in IDENTITY},
        "meeting": session["meeting_id"],
        "texts": {name: session[name] for name in TEXTS},
        "sub_themes": json.loads(session["sub_themes"]),
        "people": [
            (row["person_id"], row["organization_id"])
            + tuple(
                bool(row[name]) if name.startswith("is_") else row[name] for name in PERSON_COLUMNS
            )
            for row in rows_of(dataset, "participations", session_id, ["position", "id"])
        ],
        "organizers": [
            (row["organization_id"], row["role"], row["published_name"])
            for row in rows_of(dataset, "organizers", session_id, ["position"])
        ],
        "sdg_goals": [row["goal_number"] for row in links if row["target_code"] is None],
        "sdg_targets": [row["target_code"] for row in links if row["target_code"]],
        "policy_questions": [
            row["text"] for row in rows_of(dataset, "policy_questions", session_id, ["position"])
        ],
        "takeaways": [
            (row["kind"], row["text"], row["speaker"], json.loads(row["details"]))
            for row in rows_of(dataset, "takeaways", session_id, ["kind", "position"])
        ],
        "arguments": [
            (
                row["person_id"],
                row["claim"],
                json.loads(row["topics"]),
                sorted(
                    r["person_id"]
                    for r in responses
                    if (r["argument_id"], r["stance"]) == (row["id"], "agreed")
                ),
                sorted(
                    r["person_id"]
                    for r in responses
                    if (r["argument_id"], r["stance"]) == (row["id"], "disagreed")
                ),
            )
            for row in rows_of(dataset, "arguments", session_id, ["position"])
        ],
        "turns": len(turns),
        "first_turn": [(row["speaker_label"], row["text"]) for row in turns[:1]],
        "source_sha256": documents[session["source_document_id"]]["sha256"],
        "machine_generated": bool(session["is_machine_generated"]),
        "curated": sorted(
            (row["field"], row["value"], row["source"])
            for row in dataset["curated_facts"]
            if row["session_id"] == session_id
        ),
    }


def page_text(response):
    """The page's text, tags removed and whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return squeezed(html.unescape(text))


def squeezed(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("slug", sorted(ANCHORS))
def test_the_page_the_api_the_jsonl_line_and_the_dataset_hold_the_same_facts(
    client, dataset, jsonl, slug
):
    session = Session.objects.get(slug=slug)
    record = client.get(f"/api/sessions/{session.pk}/").json()
    turns = []
    if record["transcript_url"]:
        turns = [
            (turn["speaker_label"], turn["text"])
            for turn in client.get(record["transcript_url"]).json()["results"]
        ]
    facts = api_facts(record, turns)

    # The API's detail, the JSON Lines line and the dataset's rows: the same facts, exactly.
    assert api_facts(jsonl[session.pk], turns) == facts
    assert dataset_facts(dataset, session.pk) == facts

    # ... and the facts the sources state.
    anchor = ANCHORS[slug]
    assert {name: facts["identity"][name] for name in anchor["identity"]} == anchor["identity"]
    assert (facts["sdg_goals"], facts["sdg_targets"]) == (
        anchor["sdg_goals"],
        anchor["sdg_targets"],
    )
    name, role, stakeholder, region, tbd = anchor["person"]
    (person,) = [p for p in facts["people"] if p[2:4] == (role, name)]
    assert (person[5], person[6], person[8]) == (stakeholder, region, tbd)
    assert [field for field, _value, _source in facts["curated"]] == anchor["curated"]
    assert facts["machine_generated"] is anchor["machine_generated"]
    counts = {
        "policy_questions": len(facts["policy_questions"]),
        "takeaways": len(facts["takeaways"]),
        "arguments": len(facts["arguments"]),
        "turns": facts["turns"],
    }
    assert counts == anchor["counts"]

    # The page shows each of them.
    page = page_text(client.get(session.get_absolute_url()))
    shown = [
        facts["identity"]["title"],
        *(p[3] for p in facts["people"]),
        *(p[4] for p in facts["people"] if p[4]),
        *facts["policy_questions"],
        *(takeaway[1] for takeaway in facts["takeaways"]),
        *(argument[1] for argument in facts["arguments"]),
        *(text for _label, text in facts["first_turn"]),
        *(source for _field, _value, source in facts["curated"]),
        *(f"SDG {goal}:" for goal in facts["sdg_goals"]),
        *(f"Target {code}" for code in facts["sdg_targets"]),
        facts["source_sha256"],
    ]
    missing = [value for value in shown if squeezed(value) not in page]
    assert missing == []
    assert page.count("To be confirmed (TBD)") == sum(p[8] for p in facts["people"])
    assert ("Machine-generated report." in page) is facts["machine_generated"]
