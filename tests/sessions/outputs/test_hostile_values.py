"""Hostile values a source or an editor can put in a record, through every output.

Each output escapes for its own format: a CSV cell is never a formula, Atom text is never
markup, and no control character reaches XML.
"""

import csv
import datetime
import io
import json
import re

import pytest

from speakers.text import (
    CONTROL_CHARACTERS,
    refuse_control_characters,
    without_control_characters,
)
from tests.factories import (
    MeetingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    OrganizerFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

# C0, DEL, C1 and the Unicode line and paragraph separators; tab and both line ends stay.
CONTROLS = "\x00\x01\x08\x0b\x0c\x0e\x1b\x1c\x1f\x7f\x80\x85\x9f\u2028\u2029"
# What a record can hold: PostgreSQL refuses NUL in text, so no stored value carries it.
STORED = CONTROLS.replace("\x00", "")


def test_the_control_characters_are_exactly_these():
    removed = [chr(code) for code in range(0x3000) if CONTROL_CHARACTERS.match(chr(code))]
    expected = [*map(chr, range(0x00, 0x09)), "\x0b", "\x0c", *map(chr, range(0x0E, 0x20))]
    expected += [*map(chr, range(0x7F, 0xA0)), "\u2028", "\u2029"]
    assert removed == expected


def test_control_characters_are_removed_and_the_rest_kept():
    assert without_control_characters(f"Data{CONTROLS}\tgrids\r\nand é") == "Data\tgrids\r\nand é"


def test_the_validator_names_the_first_control_character():
    with pytest.raises(Exception) as refused:
        refuse_control_characters("Open\x0bdata\x85")
    assert refused.value.messages == [
        "holds the control character U+000B at position 5; remove it."
    ]
    refuse_control_characters("Open data\r\n\tgrids")


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_a_csv_cell_is_never_a_formula(client, cell):
    session = SessionFactory(title=cell, room=cell, theme=cell, description=cell)
    OrganizerFactory(session=session, organization=OrganizationFactory(name=cell))
    ParticipationFactory(session=session, person=PersonFactory(name=cell))

    text = b"".join(client.get("/sessions/export.csv").streaming_content).decode()

    (row,) = list(csv.DictReader(io.StringIO(text)))
    cells = ("title", "room", "theme", "description_start", "organizers", "speakers")
    assert tuple(row[name] for name in cells) == ("'" + cell,) * 6


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_an_organization_csv_cell_is_never_a_formula(client, cell):
    OrganizationAliasFactory(organization=OrganizationFactory(name=cell))

    text = b"".join(client.get("/organizations/export.csv").streaming_content).decode()

    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert (row["name"], row["aliases"]) == ("'" + cell, "'" + cell)


def test_csv_cells_that_are_not_formulas_are_as_published(client):
    SessionFactory(title="Data = power?", room="Room 3")

    text = b"".join(client.get("/sessions/export.csv").streaming_content).decode()

    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert (row["title"], row["room"]) == ("Data = power?", "Room 3")


def test_the_feed_shows_markup_as_text_and_survives_control_characters(client):
    meeting = MeetingFactory(name="IGF 2024", year=2024)
    SessionFactory(
        meeting=meeting,
        number=9,
        title=f"Open{STORED}data",
        description='<script>alert("x")</script>\x0b\n\nSecond paragraph.',
    )

    response = client.get("/feed/")

    assert response.status_code == 200
    xml = response.content.decode()
    assert "<title>IGF 2024 Workshop #9: Opendata</title>" in xml
    summary = re.search(r"<summary type=\"html\">(.*?)</summary>", xml, re.S).group(1)
    assert summary == (
        "&lt;p&gt;&amp;lt;script&amp;gt;alert(&amp;quot;x&amp;quot;)&amp;lt;/script&amp;gt;"
        "&lt;/p&gt;\n\n&lt;p&gt;Second paragraph.&lt;/p&gt;"
    )
    assert not CONTROL_CHARACTERS.search(xml)


def test_no_control_character_reaches_a_calendar(client):
    SessionFactory(
        title=f"Open{STORED}data",
        room=f"Room{STORED}3",
        description=f"Grids{STORED}.",
        date=datetime.date(2024, 12, 17),
    )

    text = b"".join(client.get("/sessions/calendar.ics").streaming_content).decode()

    unfolded = text.replace("\r\n ", "")
    assert not CONTROL_CHARACTERS.search(text)
    assert "\r\nSUMMARY:Opendata\r\n" in unfolded
    assert "\r\nLOCATION:Room3\r\n" in unfolded


def test_no_control_character_or_markup_reaches_json_ld_raw(client):
    session = SessionFactory(title=f"Open{STORED}</script><b>data")

    page = client.get(session.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert not CONTROL_CHARACTERS.search(block)
    assert json.loads(block)["name"] == f"Open{STORED}</script><b>data"
