"""The 2024 IGF session page parser, on document 000 and on variations built from it."""

import dataclasses
import datetime
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from sessions.importers.igf_page import parse
from sessions.importers.parsed import ParsedPerson, ParsedSession, ParsedTakeaway, ParseError

DOCUMENTS = Path(settings.BASE_DIR, "fixtures/documents")
PAGE_2024 = "igf2024-open-forum-9-session-page.txt"
TITLE_LINE = "IGF 2024 Open Forum #9 Digital Technology Empowers Green and Low-carbon Development"
NO_TITLE = "no title line 'IGF <year> <session type> #<number> <title>' before the first section"


SESSION_REPORT_LINE = 66  # "Session Report (* deadline 9 January) ..." in the document


def _text() -> str:
    return (DOCUMENTS / PAGE_2024).read_text(encoding="utf-8")


def _ends(text: str) -> tuple[str, str, int]:
    """Long fields are compared by their first and last 40 characters and their length."""
    return text[:40], text[-40:], len(text)


def _raises(text: str) -> tuple[int, str]:
    with pytest.raises(ParseError) as caught:
        parse(text)
    return caught.value.line, caught.value.reason


def _speaker(line: int, name: str, affiliation: str, is_tbd: bool = False) -> ParsedPerson:
    return ParsedPerson(
        name=name, role="speaker", line=line, affiliation=affiliation, is_tbd=is_tbd
    )


def _move_section(text: str, label: str, before: str) -> str:
    """Cut the section headed `label`, up to the next label, and paste it before `before`."""
    starts = [text.index(f"\n    {name}") + 1 for name in LABELS]
    start = text.index(f"\n    {label}") + 1
    end = min((other for other in starts if other > start), default=len(text))
    section, rest = text[start:end], text[:start] + text[end:]
    where = rest.index(f"\n    {before}") + 1
    return rest[:where] + section + rest[where:]


LABELS = (
    "Organizers",
    "Speakers",
    "Onsite Moderator",
    "Online Moderator",
    "Rapporteur",
    "SDGs",
    "Key Takeaways",
    "Call to Action",
    "Session Report",
)


def test_parse_title_line_gives_meeting_type_number_and_title():
    session = parse(_text())

    assert session.format_family == "igf_page_2024"
    assert session.meeting_kind == "igf"
    assert session.meeting_year == 2024
    assert session.session_type == "Open Forum"
    assert session.number == 9
    assert session.title == "Digital Technology Empowers Green and Low-carbon Development"
    assert session.title_line == 3


def test_parse_format_block_gives_format_duration_and_description():
    session = parse(_text())

    assert session.format == "Roundtable"
    assert session.duration_minutes == 60
    assert _ends(session.format_description) == (
        "1. Complexity and Depth of Topics: The t",
        " of areas for international cooperation.",
        1031,
    )


def test_parse_description_is_the_paragraph_after_its_label():
    assert _ends(parse(_text()).description) == (
        "In recent years,\xa0 confronted with the du",
        "g green economic and social development.",
        2363,
    )


def test_parse_unlabelled_paragraph_after_description_is_online_participation():
    assert _ends(parse(_text()).online_participation) == (
        "1. To facilitate interaction between ons",
        " will lead to a successful hybrid event.",
        2490,
    )


def test_parse_organizers_are_organizations_as_published():
    assert parse(_text()).organizers == [
        "Cyberspace Administration of China",
        "Bureau of Information Technology Development, CAC",
    ]


def test_parse_speakers_split_at_first_comma_with_tbd_flag():
    speakers = [person for person in parse(_text()).people if person.role == "speaker"]

    assert speakers == [
        _speaker(
            22,
            "LONG Kai",
            "Deputy Director, Cyber Information Development Bureau, "
            "Cyberspace Administration of China",
        ),
        _speaker(23, "PENG Gang", "Vice President, Tsinghua University"),
        _speaker(
            24,
            "GONG Ke",
            "Former President of the World Federation of Engineering Organizations; "
            "Executive Director, Chinese Institute of New Generation Artificial Intelligence "
            "Development Strategies; Former President of Nankai University",
            is_tbd=True,
        ),
        _speaker(
            25,
            "Torbjorn Fredriksson",
            "Director, Office of Information and Communication Technology Policy, "
            "United Nations Conference on Trade and Development (UNCTAD)",
        ),
        _speaker(
            26,
            "SU Jun",
            "Dean, Institute for Intelligent Social Governance, Tsinghua University; "
            "Director, Center for Science, Technology & Education Policy, Tsinghua University; "
            "Director of Think Tank Center and Professor, Tsinghua University",
        ),
        _speaker(
            27,
            "Kevin C. Desouza",
            "Professor of Business, Technology, and Strategy, School of Business, "
            "Queensland University of Technology",
        ),
        _speaker(
            28,
            "Eduardo Araral",
            "Professor, Lee Kuan Yew School of Public Policy, National University of Singapore",
        ),
        _speaker(29, "ZHOU Chaonan", "Range IDC"),
        _speaker(
            30,
            "XUE Lan",
            "Senior Professor, Tsinghua University; Dean, Schwarzman College; "
            "Member of the Leadership Group, UN Internet Governance Forum (IGF)",
            is_tbd=True,
        ),
        _speaker(31, "DU Guimei", ""),
    ]


def test_parse_moderators_and_rapporteur_take_their_section_role():
    others = [person for person in parse(_text()).people if person.line < SESSION_REPORT_LINE]
    others = [person for person in others if person.role != "speaker"]

    assert others == [
        ParsedPerson(name="Li Xiaoli", role="onsite_moderator", line=35),
        ParsedPerson(name="Lu Changbin", role="online_moderator", line=39),
        ParsedPerson(name="Xu Jin", role="rapporteur", line=43),
    ]


def test_parse_report_names_a_moderator_and_presenters():
    named = [
        (person.name, person.role, person.line, person.affiliation[:30])
        for person in parse(_text()).people
        if person.line > SESSION_REPORT_LINE
    ]

    assert named == [
        ("Gong Ke", "presenter", 70, "former President of the World F"[:30]),
        ("Su Jun", "presenter", 70, "Dean of the Institute for Intel"[:30]),
        ("Zhou Chaonan", "presenter", 70, "Director of the Management Com"[:30]),
        ("Dou Guimei", "presenter", 70, "Co-Director of the National Ex"[:30]),
        ("Kevin C. Desouza", "presenter", 70, "Professor at the Queensland Un"[:30]),
        ("Torbjörn Fredriksson", "presenter", 70, "Head of the ICT Policy Section"[:30]),
        ("Eduardo Araral", "presenter", 70, "Professor at the National Univ"[:30]),
        ("Zhang Fang", "moderator", 72, "Associate Professor at the Sch"[:30]),
    ]


def test_parse_sdgs_give_goals_targets_and_rationale_with_its_prefix():
    session = parse(_text())

    assert session.sdg_goals == [7]
    assert session.sdg_targets == ["7.a"]
    assert _ends(session.sdg_rationale) == (
        "Targets: Promotion of Sustainable Energy",
        "essible and beneficial to all countries.",
        1070,
    )


def test_parse_takeaways_and_calls_to_action_skip_their_headings():
    assert parse(_text()).takeaways == [
        ParsedTakeaway(
            kind="key_takeaway",
            text="Digital technology is both a driver and enabler of sustainable, low-carbon "
            "development, but coordinated capacity building is essential for synergy.",
            line=54,
        ),
        ParsedTakeaway(
            kind="key_takeaway",
            text="Collaborative research and industry partnerships are critical for developing "
            "sustainable digital infrastructure.",
            line=56,
        ),
        ParsedTakeaway(
            kind="key_takeaway",
            text="Education plays a vital role in nurturing digital literacy and environmental "
            "consciousness among future generations.",
            line=58,
        ),
        ParsedTakeaway(
            kind="call_to_action",
            text="We called for a stronger focus on coherent domestic policies and international "
            "cooperation, while also recognizing the pivotal role of developing countries.",
            line=62,
        ),
        ParsedTakeaway(
            kind="call_to_action",
            text="We hope strengthened collaboration across sectors to harness digital "
            "technologies responsibly, ensuring a sustainable, human-centered future.",
            line=64,
        ),
    ]


def test_parse_report_joins_all_its_paragraphs():
    report = parse(_text()).report

    assert _ends(report) == (
        "On December 19, the Open Forum on\xa0Digita",
        "ollectively advance this vital endeavor.",
        7373,
    )
    assert len(report.split("\n\n")) == 12


def test_parse_date_comes_from_report_opening_and_title_year():
    assert parse(_text()).date == datetime.date(2024, 12, 19)


def test_parse_report_without_month_day_opening_has_no_date():
    text = _text().replace("On December 19, the Open Forum", "The Open Forum")

    assert parse(text).date is None


def test_parse_check_in_line_is_furniture_and_nothing_is_unplaced():
    session = parse(_text())

    assert session.furniture == ["Check-in and access this session from the IGF Schedule."]
    assert session.unplaced == []


# --- accounting: every line ends in exactly one place -----------------------------------------

HEADINGS = {
    "Description",
    *LABELS[:6],
    "Key Takeaways (* deadline at the end of the session day)",
    "Call to Action (* deadline at the end of the session day)",
    "Session Report (* deadline 9 January) - click on the ? symbol for instructions",
}
# Lines read into non-text fields, by line number; the tests above check their values.
STRUCTURED = {
    6: "duration_minutes",
    7: "format_description",  # stored without its "Format description: " label
    47: "sdg_goals",
}


def _text_values(session: ParsedSession):
    for field in dataclasses.fields(session):
        value = getattr(session, field.name)
        if isinstance(value, str):
            yield field.name, value
        elif isinstance(value, list):
            yield from ((field.name, item) for item in value if isinstance(item, str))


def _places(session: ParsedSession, number: int, text: str) -> list[str]:
    if number in STRUCTURED:
        return [STRUCTURED[number]]
    places = [name for name, value in _text_values(session) if text in value]
    # People the report names are read from report text, which is kept whole.
    places += [
        person.role
        for person in session.people
        if person.line == number and text not in session.report
    ]
    places += [takeaway.kind for takeaway in session.takeaways if takeaway.line == number]
    places += ["title"] if session.title_line == number else []
    return places


def test_parse_accounts_for_every_line_exactly_once():
    session = parse(_text())
    lines = [(number, raw.strip()) for number, raw in enumerate(_text().split("\n"), start=1)]

    placed = {
        number: _places(session, number, text)
        for number, text in lines
        if text and text not in HEADINGS
    }
    misplaced = {number: places for number, places in placed.items() if len(places) != 1}

    assert misplaced == {}


# --- variations of the family -----------------------------------------------------------------


def test_parse_indentation_does_not_matter():
    unindented = "\n".join(line.strip() for line in _text().split("\n"))
    tabbed = textwrap.indent(_text(), "\t")

    assert parse(unindented) == parse(_text())
    assert parse(tabbed) == parse(_text())


def test_parse_windows_line_endings_and_byte_order_marks_do_not_matter():
    text = "\ufeff" + _text().replace("\n", "\r\n") + "\ufeff"

    assert parse(text) == parse(_text())


def test_parse_labels_match_case_insensitively():
    text = _text()
    for label in LABELS:
        text = text.replace(f"    {label}", f"    {label.upper()}")

    assert parse(text) == parse(_text())


def test_parse_moderator_label_beside_online_moderator_means_onsite():
    text = _text().replace("    Onsite Moderator\n", "    Moderator\n")
    published = parse(_text())
    onsite = next(p for p in published.people if p.role == "onsite_moderator")

    session = parse(text)

    # The same record, but that the onsite moderator's role is now inferred, and by which rule.
    onsite.inferred_by = "onsite_moderator_beside_online"
    assert session == published


def test_parse_lone_moderator_label_gives_moderator_role():
    text = _text().replace("    Onsite Moderator\n", "    Moderator\n")
    text = text.replace("    Online Moderator\n\n    Lu Changbin\n\n", "")

    moderators = [
        person
        for person in parse(text).people
        if "moderator" in person.role and person.line < SESSION_REPORT_LINE
    ]

    assert moderators == [ParsedPerson(name="Li Xiaoli", role="moderator", line=35)]


def test_parse_sections_in_another_order_give_the_same_content():
    text = _move_section(_text(), "Call to Action", before="Key Takeaways")
    text = _move_section(text, "Speakers", before="Organizers")
    original = parse(_text())

    session = parse(text)

    assert [(t.kind, t.text) for t in session.takeaways] == [
        (t.kind, t.text) for t in original.takeaways
    ]
    assert [t.line for t in session.takeaways] == [60, 62, 64, 54, 56]
    assert [(p.name, p.role) for p in session.people] == [(p.name, p.role) for p in original.people]
    assert session.people[0].line == 17
    assert session.organizers == original.organizers
    assert session.report == original.report


def test_parse_target_code_and_second_goal_under_sdgs():
    text = _text().replace(
        "    7.a\n", "    7.a\n    8. Decent Work and Economic Growth\n    8.2\n"
    )

    session = parse(text)

    assert session.sdg_goals == [7, 8]
    assert session.sdg_targets == ["7.a", "8.2"]
    assert session.sdg_rationale == parse(_text()).sdg_rationale


def test_parse_report_cut_mid_word_is_kept_as_it_is():
    text = _text().rstrip()
    text = text[: text.rindex("collectively")] + "collecti"

    report = parse(text).report

    assert _ends(report) == (
        "On December 19, the Open Forum on\xa0Digita",
        "aboration among stakeholders to collecti",
        7373 - len("vely advance this vital endeavor."),
    )


def test_parse_description_without_its_label_follows_the_format_block():
    text = _text().replace("    Description\n\n", "")

    session = parse(text)

    assert session.description == parse(_text()).description
    assert session.online_participation == parse(_text()).online_participation
    assert session.unplaced == []


def test_parse_text_before_title_that_is_not_furniture_is_unplaced():
    text = "Skip to main content\n" + _text()

    session = parse(text)

    assert session.unplaced == ["Skip to main content"]
    assert session.title_line == 4


def test_parse_workshop_abbreviation_is_spelled_out():
    text = _text().replace("IGF 2024 Open Forum #9", "IGF 2024 WS #123")

    session = parse(text)

    assert (session.session_type, session.number) == ("Workshop", 123)


# --- documents that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff\r\n"])
def test_parse_empty_text_raises(text):
    assert _raises(text) == (1, "empty document")


def test_parse_page_without_title_line_is_missing_it_at_first_content_line():
    # Without its title line the meeting's year is unknown: the page waits for an editor.
    session = parse(_text().replace(TITLE_LINE, ""))

    assert (session.title, session.meeting_year, session.missing) == ("", None, [(5, NO_TITLE)])
    assert session.people[0].name == "LONG Kai"


def test_parse_speakers_section_without_title_line_is_missing_it():
    text = "    Speakers\n\n    PENG Gang,Vice President, Tsinghua University\n"

    assert parse(text).missing == [(1, NO_TITLE)]


def test_parse_title_without_organizers_or_speakers_is_a_session_without_people():
    # Real copies are the top of a page and often stop before its people.
    text = f"\n{TITLE_LINE}\n\n    Description\n\n    Some text.\n"
    session = parse(text)

    assert (session.number, session.description, session.people) == (9, "Some text.", [])


def test_parse_title_after_first_section_is_not_a_title():
    text = "Speakers\n\nPENG Gang,Vice President\n\n" + TITLE_LINE

    assert parse(text).missing == [(1, NO_TITLE)]


def test_parse_report_date_that_does_not_exist_is_left_out():
    text = _text().replace("On December 19,", "On February 30,")

    assert parse(text).date is None
