"""The IGF workshop page parser, on documents 001 (2023) and 002 (2021) and variations of them."""

import dataclasses
import datetime
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from sessions.importers.igf_workshop import parse
from sessions.importers.parsed import ParsedPerson, ParsedSession, ParseError

DOCUMENTS = Path(settings.BASE_DIR, "fixtures/documents")
WORKSHOP_2023 = "igf2023-ws-377-workshop-page.txt"
WORKSHOP_2021 = "igf2021-ws-125-workshop-page.txt"
DATE_LINE = "Friday, 10th December, 2021 (10:15 UTC) - Friday, 10th December, 2021 (11:45 UTC)"
NO_TOP = (
    "no title line ('IGF <year> WS #<number> <title>') or date line"
    " ('<weekday>, <day> <month>, <year> (<hh:mm> UTC) - ...') before the organizers"
)


def _text(name: str) -> str:
    return (DOCUMENTS / name).read_text(encoding="utf-8")


def _ends(text: str) -> tuple[str, str, int]:
    """Long fields are compared by their first and last 40 characters and their length."""
    return text[:40], text[-40:], len(text)


def _raises(text: str) -> tuple[int, str]:
    with pytest.raises(ParseError) as caught:
        parse(text)
    return caught.value.line, caught.value.reason


def _listed(
    role: str, line: int, name: str, stakeholder: str, region: str, inferred_by: str = ""
) -> ParsedPerson:
    return ParsedPerson(
        name=name,
        role=role,
        line=line,
        stakeholder_group=stakeholder,
        regional_group=region,
        inferred_by=inferred_by,
    )


def _organizer(line: int, name: str, organization: str) -> ParsedPerson:
    return ParsedPerson(
        name=name, role="organizer", line=line, affiliation=organization, organization=organization
    )


def _roles(session: ParsedSession, *roles: str) -> list[ParsedPerson]:
    return [person for person in session.people if person.role in roles]


def _paragraph_count(text: str) -> int:
    return len(text.split("\n\n"))


ASIA_PACIFIC = ("Civil Society", "Asia-Pacific Group")
MODERATOR_ROLES = ("onsite_moderator", "moderator", "online_moderator", "rapporteur")

# --- 001: the 2023 layout ---------------------------------------------------------------------


def test_parse_2023_title_line_gives_year_workshop_number_and_title():
    session = parse(_text(WORKSHOP_2023))

    assert session.format_family == "igf_workshop_page"
    assert session.meeting_kind == "igf"
    assert session.meeting_year == 2023
    assert session.session_type == "Workshop"
    assert session.number == 377
    assert session.title == "Enhance Digital Governance for Less CO2 future: AP' Practice"
    assert session.title_line == 1


def test_parse_2023_block_after_title_is_theme_then_sub_themes():
    session = parse(_text(WORKSHOP_2023))

    assert session.theme == "Sustainability & Environment"
    assert session.sub_themes == [
        "Digital Technologies to Achieve Sustainable Development Goals",
        "Existing and New Technologies as Climate Solutions",
    ]


def test_parse_2023_organizers_are_people_with_organizations():
    assert _roles(parse(_text(WORKSHOP_2023)), "organizer") == [
        _organizer(8, "XIAO YANG", "China Internet Development Foundation"),
        _organizer(9, "Xiaobo YANG", "Fuxi Institution"),
        _organizer(10, "Jingzhe REN", "All-China Environment Federation"),
        _organizer(11, "Li ZHANG", "All-China Environment Federation"),
    ]


def test_parse_2023_speakers_have_stakeholder_and_regional_groups():
    assert _roles(parse(_text(WORKSHOP_2023)), "speaker") == [
        _listed("speaker", 13, "XIAODONG LI", *ASIA_PACIFIC),
        _listed("speaker", 14, "Shaozhong DU", *ASIA_PACIFIC),
        _listed("speaker", 15, "Yijie Peng", "Private Sector", "Asia-Pacific Group"),
    ]


def test_parse_2023_people_around_online_moderator_label_take_template_roles():
    session = parse(_text(WORKSHOP_2023))

    assert _roles(session, "onsite_moderator", "online_moderator", "rapporteur") == [
        _listed("onsite_moderator", 18, "XIAODONG LI", *ASIA_PACIFIC, "role_from_layout"),
        _listed("online_moderator", 22, "Li ZHANG", *ASIA_PACIFIC),
        _listed("rapporteur", 25, "Xiaobo YANG", *ASIA_PACIFIC, "role_from_layout"),
    ]


def test_parse_2023_format_line_gives_format_and_duration():
    session = parse(_text(WORKSHOP_2023))

    assert (session.format, session.duration_minutes) == ("Panel", 90)


def test_parse_2023_policy_questions_lose_their_numbering():
    assert parse(_text(WORKSHOP_2023)).policy_questions == [
        "What aspects should be focused on for the regulatory authority when making policies "
        "or measures in response to the potential risks of digital technology and devices to "
        "environmental sustainability?",
        "How to scientifically evaluate the impact of AI, big data, cloud computing and so on "
        "to the realization of carbon reduction goals and how should they be reflected in "
        "relevant policies?",
        "What roles should multi-stakeholders such as government departments, technical "
        "communities, social organizations, private sectors, and research institutions play in "
        "promoting digital technology to achieve the goal of green and sustainable development?",
    ]


def test_parse_2023_participant_gains_run_to_the_double_blank_line():
    gains = parse(_text(WORKSHOP_2023)).participant_gains

    assert _ends(gains) == (
        "What will participants gain from attendi",
        "duction as a guiding principle for SDGs.",
        1074,
    )
    assert _paragraph_count(gains) == 4


def test_parse_2023_description_is_the_unlabelled_paragraphs_after_the_gains():
    description = parse(_text(WORKSHOP_2023)).description

    assert _ends(description) == (
        "Global climate change and carbon dioxide",
        "an multi-stakeholders make a difference.",
        2041,
    )
    assert _paragraph_count(description) == 3


def test_parse_2023_expected_outcomes_keep_intro_and_numbered_outcomes():
    outcomes = parse(_text(WORKSHOP_2023)).expected_outcomes

    assert _ends(outcomes) == (
        "The outcomes and outputs of this worksho",
        "communication mechanisms across regions.",
        874,
    )
    assert _paragraph_count(outcomes) == 4


def test_parse_2023_hybrid_format_and_agenda_go_to_agenda():
    agenda = parse(_text(WORKSHOP_2023)).agenda

    assert _ends(agenda) == (
        "Hybrid Format: Some organizers and speak",
        "to feedback and questions from audience.",
        1002,
    )
    assert agenda.split("\n\n")[1] == (
        "The workshop process is as follows:\n"
        "1) Introduction about backgrounds (5 min).\n"
        "2) Speech by 5 speakers (40 min).\n"
        "3) Discussion among speakers and participants (40 min). The moderators shall focus on "
        "equal opportunities for online and onsite participants, trying to ask for opinions in "
        "a concise manner, striving for more speaking opportunities.\n"
        "4) Conclusion (5 min)."
    )


def test_parse_2023_has_no_date_sdgs_takeaways_or_report():
    session = parse(_text(WORKSHOP_2023))

    assert (session.date, session.start_time, session.end_time) == (None, None, None)
    assert (session.time_zone, session.room) == ("", "")
    assert (session.sdg_goals, session.sdg_targets, session.sdg_rationale) == ([], [], "")
    assert (session.takeaways, session.report, session.background) == ([], "", "")
    assert (session.online_participation, session.unplaced, session.furniture) == ("", [], [])


# --- 002: the 2021 layout, title line missing -------------------------------------------------


def test_parse_2021_without_title_line_leaves_title_and_number_empty():
    session = parse(_text(WORKSHOP_2021))

    assert (session.title, session.title_line, session.number) == ("", None, None)
    assert (session.session_type, session.meeting_year) == ("", 2021)
    assert (session.theme, session.sub_themes) == ("", [])


def test_parse_2021_date_line_gives_date_times_zone_and_room():
    session = parse(_text(WORKSHOP_2021))

    assert session.date == datetime.date(2021, 12, 10)
    assert (session.start_time, session.end_time) == (datetime.time(10, 15), datetime.time(11, 45))
    assert session.time_zone == "UTC"
    assert session.room == "Conference Room 3"


def test_parse_2021_organizers_and_speakers():
    session = parse(_text(WORKSHOP_2021))
    cast = "China Association for Science and Technology"

    assert _roles(session, "organizer", "speaker") == [
        _organizer(4, "Xiang Zhou", f"{cast} (CAST)"),
        _organizer(5, "Chuang Liu", "Chinese Association for Sciences and Technology"),
        _organizer(6, "Jieyao Wang", cast),
        _organizer(7, "Jing MA", cast),
        _organizer(8, "Rui ZHONG", "Internet Society of China"),
        _listed("speaker", 10, "Chuang Liu", *ASIA_PACIFIC),
        _listed(
            "speaker",
            11,
            "Horst Kremers",
            "Technical Community",
            "Western European and Others Group (WEOG)",
        ),
        _listed(
            "speaker",
            12,
            "Ricardo Israel Robles Pelayo",
            "Private Sector",
            "Latin American and Caribbean Group (GRULAC)",
        ),
        _listed(
            "speaker",
            13,
            "Gong Ke",
            "Intergovernmental Organization",
            "Intergovernmental Organization",
        ),
        _listed("speaker", 14, "Daisy Selematsela", "Civil Society", "African Group"),
    ]


def test_parse_2021_moderators_and_rapporteur():
    session = parse(_text(WORKSHOP_2021))

    assert _roles(session, "onsite_moderator", "online_moderator", "rapporteur") == [
        _listed("onsite_moderator", 17, "Jing MA", *ASIA_PACIFIC, "role_from_layout"),
        _listed("online_moderator", 21, "Xiang Zhou", *ASIA_PACIFIC),
        _listed("rapporteur", 24, "Jieyao Wang", *ASIA_PACIFIC, "role_from_layout"),
    ]


def test_parse_2021_format_with_dashes_keeps_its_name():
    session = parse(_text(WORKSHOP_2021))

    assert (session.format, session.duration_minutes) == ("Round Table - Circle", 90)


def test_parse_2021_policy_questions_keep_labels_and_split_additional_ones():
    questions = parse(_text(WORKSHOP_2021)).policy_questions

    assert [_ends(question) for question in questions[:2]] == [
        (
            "Measuring impact: How can we improve the",
            "pact of digitalisation and the Internet?",
            143,
        ),
        (
            "Reducing impact: How can we achieve a ne",
            "nd manage the impacts of climate change?",
            548,
        ),
    ]
    assert questions[2:] == [
        "How can emerging digital technologies, especially Big Data and AI, contribute to "
        "addressing environment issues such as carbon emission, pollution and energy waste?",
        "What practices could different stakeholder groups take to promote regional "
        "environmental data sharing and cooperation?",
        "What policy framework should be established to maximize the benefits of Big Data on "
        "environmental sustainability?",
    ]


def test_parse_2021_description_follows_the_policy_questions():
    assert _ends(parse(_text(WORKSHOP_2021)).description) == (
        "This workshop will focus on the potentia",
        "ifferent regions and stakeholder groups.",
        651,
    )


def test_parse_2021_sdg_goal_lines_and_targets_rationale():
    session = parse(_text(WORKSHOP_2021))

    assert session.sdg_goals == [6, 7, 11, 13, 14, 15, 17]
    assert session.sdg_targets == []
    assert _ends(session.sdg_rationale) == (
        "Targets: The main objective of this work",
        "related to the SDG Targets listed above.",
        591,
    )


def test_parse_2021_unlabelled_blocks_follow_the_template_order():
    session = parse(_text(WORKSHOP_2021))

    assert _ends(session.background) == (
        "Human social and economic activities hav",
        "ly advance environmental sustainability.",
        1453,
    )
    assert _paragraph_count(session.background) == 2
    assert _ends(session.expected_outcomes) == (
        "1. Present good application cases of Big",
        "Policy framework for Environmental Data.",
        525,
    )
    assert _ends(session.online_participation) == (
        "All experts and audience will make comme",
        "hose native language may not be English.",
        1018,
    )
    assert (session.participant_gains, session.agenda) == ("", "")


def test_parse_2021_statements_are_takeaways_then_calls_to_action():
    takeaways = parse(_text(WORKSHOP_2021)).takeaways

    assert [(t.kind, t.line, _ends(t.text)) for t in takeaways] == [
        (
            "key_takeaway",
            56,
            (
                "Facing severe environmental challenges, ",
                " forest-dwelling animals monitoring etc.",
                347,
            ),
        ),
        (
            "key_takeaway",
            58,
            (
                "Efforts, actions and innovations are req",
                "otential of big data in promoting enviro",  # cut off in the source
                448,
            ),
        ),
        (
            "call_to_action",
            60,
            (
                "We need the group power and joint action",
                "sive environmentally friendly community.",
                309,
            ),
        ),
        (
            "call_to_action",
            62,
            (
                "We need to explore the big data applicat",
                "romote environmental application models.",
                185,
            ),
        ),
    ]


def test_parse_2021_report_is_the_bullets_without_their_glyph():
    report = parse(_text(WORKSHOP_2021)).report

    assert _ends(report) == (
        "Prof. GONG Ke, President of the World Fe",
        "especially environmental sustainability.",
        4978,
    )
    assert [paragraph[:24] for paragraph in report.split("\n\n")] == [
        "Prof. GONG Ke, President",
        "Prof. Ricardo Israel Rob",
        "Prof. LIU Chuang, Profes",
        "Prof. ZHOU Xiang, Profes",
        "Horst Kremers, General S",
        "Dr. Daisy Selematsela, E",
        "Dr. Tomoko Doko, preside",
    ]


def test_parse_2021_report_bullets_name_their_presenters():
    def presenter(line: int, name: str, affiliation: str) -> ParsedPerson:
        return ParsedPerson(name=name, role="presenter", line=line, affiliation=affiliation)

    assert _roles(parse(_text(WORKSHOP_2021)), "presenter") == [
        presenter(
            64,
            "Prof. GONG Ke",
            "President of the World Federation of Engineering Organizations, "
            "Chair of CAST UN Consultative Committee on Information Technology",
        ),
        presenter(
            65,
            "Prof. Ricardo Israel Robles Pelayo",
            "Professor of Universidad Anahuac online, Mexico",
        ),
        presenter(
            66,
            "Prof. LIU Chuang",
            "Professor of Institute of Geographical Sciences and Natural Resources Research, "
            "Chinese Academy of Sciences, China",
        ),
        presenter(
            67,
            "Prof. ZHOU Xiang",
            "Professor of Aerospace Information Research Institute, "
            "the Chinese Academy of Sciences, China",
        ),
        presenter(68, "Horst Kremers", "General Secretary of CODATA-Germany, Germany"),
        presenter(
            69,
            "Dr. Daisy Selematsela",
            "Executive Director of Library & Information Services, "
            "University of South Africa, South Africa",
        ),
        presenter(
            70, "Dr. Tomoko Doko", "president and CEO, Nature & Science Consulting Co. Ltd., Japan"
        ),
    ]


def test_parse_2021_nothing_is_unplaced_or_furniture():
    session = parse(_text(WORKSHOP_2021))

    assert (session.unplaced, session.furniture) == ([], [])


# --- accounting: every line ends in exactly one place -----------------------------------------

HEADINGS = {"Online Moderator", "Policy Question(s)", "Expected Outcomes"}
# Lines read into non-text fields, by document and line number; the tests above check them.
STRUCTURED = {
    WORKSHOP_2023: {28: "format"},
    WORKSHOP_2021: {
        1: "date",
        27: "format",
        32: "policy_questions",  # one line holding three numbered questions
        **{number: "sdg_goals" for number in range(37, 44)},
    },
}


def _text_values(session: ParsedSession):
    for field in dataclasses.fields(session):
        value = getattr(session, field.name)
        if isinstance(value, str):
            yield field.name, value
        elif isinstance(value, list):
            yield from ((field.name, item) for item in value if isinstance(item, str))


def _without_marker(text: str) -> str:
    """Question numbers and report bullets are not kept with the text."""
    for marker in ("1) ", "2) ", "3) ", "• "):
        text = text.removeprefix(marker)
    return text


def _places(session: ParsedSession, structured: dict, number: int, text: str) -> list[str]:
    if number in structured:
        return [structured[number]]
    text = _without_marker(text)
    places = [name for name, value in _text_values(session) if text in value]
    # A presenter is read from a report bullet whose text stays in the report.
    places += [p.role for p in session.people if p.line == number and p.role != "presenter"]
    places += [takeaway.kind for takeaway in session.takeaways if takeaway.line == number]
    places += ["title"] if session.title_line == number else []
    return places


@pytest.mark.parametrize("name", [WORKSHOP_2023, WORKSHOP_2021])
def test_parse_accounts_for_every_line_exactly_once(name):
    session = parse(_text(name))
    lines = [(number, raw.strip()) for number, raw in enumerate(_text(name).split("\n"), start=1)]

    placed = {
        number: _places(session, STRUCTURED[name], number, text)
        for number, text in lines
        if text and text not in HEADINGS
    }
    misplaced = {number: places for number, places in placed.items() if len(places) != 1}

    assert misplaced == {}


# --- variations of the family -----------------------------------------------------------------


@pytest.mark.parametrize("name", [WORKSHOP_2023, WORKSHOP_2021])
def test_parse_indentation_does_not_matter(name):
    indented = textwrap.indent(_text(name), "    ")

    assert parse(indented) == parse(_text(name))


@pytest.mark.parametrize("name", [WORKSHOP_2023, WORKSHOP_2021])
def test_parse_windows_line_endings_and_byte_order_marks_do_not_matter(name):
    text = "\ufeff" + _text(name).replace("\n", "\r\n") + "\ufeff"

    assert parse(text) == parse(_text(name))


def test_parse_labels_match_case_insensitively():
    text = _text(WORKSHOP_2023)
    for label in ("Online Moderator", "Policy Question(s)", "Expected Outcomes"):
        text = text.replace(f"\n{label}\n", f"\n{label.upper()}\n")

    assert parse(text) == parse(_text(WORKSHOP_2023))


def test_parse_all_moderator_labels_present_give_the_same_roles():
    text = _text(WORKSHOP_2023)
    text = text.replace("\n\nXIAODONG LI, Civil", "\nOnsite Moderator\nXIAODONG LI, Civil")
    text = text.replace("\n\nXiaobo YANG, Civil", "\nRapporteur\nXiaobo YANG, Civil")

    session = parse(text)

    assert [(p.name, p.role, p.line) for p in session.people[-3:]] == [
        ("XIAODONG LI", "onsite_moderator", 18),
        ("Li ZHANG", "online_moderator", 22),
        ("Xiaobo YANG", "rapporteur", 25),
    ]
    assert session.unplaced == []


def test_parse_moderator_label_before_online_moderator_means_onsite():
    text = _text(WORKSHOP_2021).replace("\n\nJing MA, Civil", "\nModerator\nJing MA, Civil")

    session = parse(text)

    # The same roles; Jing MA's now by the rule of a plain label beside an online moderator's.
    assert _roles(session, *MODERATOR_ROLES) == [
        _listed("onsite_moderator", 17, "Jing MA", *ASIA_PACIFIC, "onsite_moderator_beside_online"),
        _listed("online_moderator", 21, "Xiang Zhou", *ASIA_PACIFIC),
        _listed("rapporteur", 24, "Jieyao Wang", *ASIA_PACIFIC, "role_from_layout"),
    ]


def test_parse_lone_moderator_label_gives_moderator_role():
    text = _text(WORKSHOP_2021).replace(
        "Jing MA, Civil Society, Asia-Pacific Group\n\nOnline Moderator\n\n"
        "Xiang Zhou, Civil Society, Asia-Pacific Group\n\n\n",
        "Moderator\nJing MA, Civil Society, Asia-Pacific Group\n\nRapporteur\n",
    )

    session = parse(text)

    assert _roles(session, *MODERATOR_ROLES) == [
        _listed("moderator", 18, "Jing MA", *ASIA_PACIFIC),
        _listed("rapporteur", 21, "Jieyao Wang", *ASIA_PACIFIC),
    ]


def test_parse_extra_person_after_rapporteur_is_unplaced():
    text = _text(WORKSHOP_2023).replace(
        "Xiaobo YANG, Civil Society, Asia-Pacific Group\n",
        "Xiaobo YANG, Civil Society, Asia-Pacific Group\nJane DOE, Civil Society, African Group\n",
    )

    assert parse(text).unplaced == ["Jane DOE, Civil Society, African Group"]


def test_parse_target_codes_and_goal_lines_under_sdgs():
    text = _text(WORKSHOP_2021).replace(
        "17. Partnerships for the Goals\n",
        "17. Partnerships for the Goals\n8. Decent Work and Economic Growth\n8.2\n17.6\n",
    )

    session = parse(text)

    assert session.sdg_goals == [6, 7, 11, 13, 14, 15, 17, 8]
    assert session.sdg_targets == ["8.2", "17.6"]
    assert session.description == parse(_text(WORKSHOP_2021)).description


def test_parse_text_under_sdgs_label_without_targets_prefix_is_the_rationale():
    text = _text(WORKSHOP_2021).replace("\n6. Clean Water", "\nSDGs\n6. Clean Water")
    text = text.replace("\nTargets: The main", "\nThe main")

    session = parse(text)

    assert session.sdg_goals == [6, 7, 11, 13, 14, 15, 17]
    assert session.sdg_rationale == parse(_text(WORKSHOP_2021)).sdg_rationale.removeprefix(
        "Targets: "
    )
    assert session.background == parse(_text(WORKSHOP_2021)).background


def test_parse_report_cut_mid_word_is_kept_as_it_is():
    text = _text(WORKSHOP_2021)
    text = text[: text.rindex("especially environmental")] + "especially envir"

    report = parse(text).report

    assert _ends(report) == (
        "Prof. GONG Ke, President of the World Fe",
        " be applied to science, especially envir",
        4978 - len("onmental sustainability."),
    )


def test_parse_title_line_added_to_2021_page():
    text = "IGF 2021 WS #125 Big Data for Environmental Sustainability\n" + _text(WORKSHOP_2021)

    session = parse(text)

    assert (session.title, session.number, session.title_line) == (
        "Big Data for Environmental Sustainability",
        125,
        1,
    )
    assert (session.date, session.room) == (datetime.date(2021, 12, 10), "Conference Room 3")


def test_parse_labelled_report_sections_are_used():
    text = _text(WORKSHOP_2021)
    for start, label in [
        ("Facing severe", "Key Takeaways (* deadline 2hrs after session)"),
        ("We need the group", "Call to Action (* deadline 2hrs after session)"),
        ("  • Prof. GONG Ke", "Session Report"),
    ]:
        text = text.replace(f"\n{start}", f"\n{label}\n\n{start}")

    session = parse(text)

    assert [(t.kind, t.text[:20]) for t in session.takeaways] == [
        ("key_takeaway", "Facing severe enviro"),
        ("key_takeaway", "Efforts, actions and"),
        ("call_to_action", "We need the group po"),
        ("call_to_action", "We need to explore t"),
    ]
    assert session.report == parse(_text(WORKSHOP_2021)).report


def test_parse_calls_without_telltale_opening_are_split_by_order():
    text = _text(WORKSHOP_2021).replace("\nWe need", "\nOne needs")

    takeaways = parse(text).takeaways

    assert [(t.kind, t.text[:20]) for t in takeaways] == [
        ("key_takeaway", "Facing severe enviro"),
        ("key_takeaway", "Efforts, actions and"),
        ("call_to_action", "One needs the group "),
        ("call_to_action", "One needs to explore"),
    ]


def test_parse_furniture_line_at_the_top_is_furniture():
    text = "Check-in and access this session from the IGF Schedule.\n\n" + _text(WORKSHOP_2023)

    session = parse(text)

    assert session.furniture == ["Check-in and access this session from the IGF Schedule."]
    assert (session.theme, session.title_line) == ("Sustainability & Environment", 3)


# --- documents that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff\r\n"])
def test_parse_empty_text_raises(text):
    assert _raises(text) == (1, "empty document")


def test_parse_organizers_without_title_or_date_line_are_missing_them():
    # Without them the meeting's year is unknown: the page waits for an editor.
    session = parse("\nOrganizer 1: Jing MA, China Association\n")

    assert (session.meeting_year, session.missing) == (None, [(2, NO_TOP)])


def test_parse_2021_page_without_date_line_is_missing_it_at_first_line_left():
    text = _text(WORKSHOP_2021).replace(DATE_LINE, "")

    assert parse(text).missing == [(2, NO_TOP)]


def test_parse_title_without_organizers_or_speakers_raises():
    text = "IGF 2023 WS #377 A title\n\nPanel - 90 Min\n"

    assert _raises(text) == (1, "no 'Organizer N:' or 'Speaker N:' lines")


def test_parse_date_line_with_impossible_date_raises():
    text = _text(WORKSHOP_2021).replace("Friday, 10th December", "Friday, 31st November", 1)

    assert _raises(text) == (
        1,
        "no such date or time in the date line: day is out of range for month",
    )


def test_parse_date_line_with_unknown_month_raises():
    text = _text(WORKSHOP_2021).replace("10th December", "10th Decembre", 1)

    assert _raises(text) == (1, "unknown month 'Decembre' in the date line")
