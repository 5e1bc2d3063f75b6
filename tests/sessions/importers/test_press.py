"""The press-conference transcript parser on document 004 and on variants built from it."""

import dataclasses
import datetime
from pathlib import Path

import pytest
from django.conf import settings

from sessions.importers.parsed import ParseError
from sessions.importers.press import parse
from tests.sessions.importers.real_pages import (
    FIFTH_UNSEEN_REAL_DOCUMENTS,
    SIXTH_UNSEEN_REAL_DOCUMENTS,
)

DOCUMENT = Path(
    settings.BASE_DIR, "fixtures/documents/scio2022-cyberspace-white-paper-press-conference.txt"
)

FURNITURE = [
    "0 Comment(s)Print E-mail",
    "Adjust font size:",
    "<\xa0\xa01\xa0\xa02\xa0\xa03\xa0\xa04\xa0\xa05\xa0\xa06\xa0\xa07\xa0\xa08\xa0\xa09\xa0\xa0"
    "10\xa0\xa011\xa0\xa012\xa0\xa013\xa0\xa0>",
    "Follow China.org.cn on Twitter and Facebook to join the conversation.",
    "ChinaNews App Download",
    "Print E-mail Bookmark and Share",
    "Go to Forum >>0 Comment(s)",
    "No comments.",
    "Add your comments...",
    "• User Name Required",
    "• Your Comment",
    "• Enter the words you see:",
    "Racist, abusive and off-topic comments may be removed by the moderator.",
    "Send your storiesGet more from China.org.cnMobileRSSNewsletter",
]


def _source() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def _source_lines() -> list[str]:
    return _source().split("\n")


def _parse_lines(lines: list[str]):
    return parse("\n".join(lines))


def _strings(value):
    """Every string held anywhere in a parsed value."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_parse_heading_fields_document():
    session = parse(_source())
    assert session.format_family == "press_transcript"
    assert session.meeting_kind == "press"
    assert session.meeting_year == 2022
    assert session.title == (
        "SCIO press conference on white paper 'Jointly Build a Community with a Shared Future "
        "in Cyberspace'"
    )
    assert session.title_line == 1
    assert session.publisher == "China.org.cn"
    assert (session.date, session.published_on) == (None, datetime.date(2022, 11, 15))
    assert session.session_type == "Press conference"
    assert (session.start_time, session.time_zone) == (None, "")


def test_parse_transcript_document():
    transcript = parse(_source()).transcript
    assert [(turn.speaker, turn.line) for turn in transcript] == [
        ("Tianmu News", 6),
        ("Cao Shumin", 10),
        ("Wang Song", 14),
    ]
    question, handover, answer = transcript
    assert question.text[:40] == "I noticed a paragraph on page 27 in the "
    assert question.text[-40:] == "onsiderations in this regard. Thank you."
    assert len(question.text) == 322
    assert handover.text == "Thank you for your question. Mr. Wang Song will answer it."
    assert answer.text.count("\n\n") == 4
    assert answer.text[:40] == "Thank you for your interest in digitaliz"
    assert answer.text[-40:] == "teral cooperation mechanisms. Thank you."
    assert len(answer.text) == 2960


def test_parse_people_document():
    people = parse(_source()).people
    assert [(p.name, p.role, p.line) for p in people] == [
        ("Cao Shumin", "host", 10),
        ("Wang Song", "speaker", 14),
    ]


def test_parse_people_document_says_which_roles_are_inferred():
    people = parse(_source()).people
    # Cao Shumin is not listed as host: in the transcript he hands the floor to Wang Song.
    assert [(p.name, p.inferred_by) for p in people] == [
        ("Cao Shumin", "host_hands_over"),
        ("Wang Song", ""),
    ]


def test_parse_furniture_document():
    session = parse(_source())
    assert session.furniture == FURNITURE
    assert session.unplaced == []
    # "<  1  2 ... 13  >": the page is one of thirteen.
    assert session.source_page_count == 13


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [("<  1  2  3  >", 3), ("1 2", 2), ("2 3 4", None), ("1 3", None), ("2022 11", None)],
)
def test_parse_page_count_only_from_page_numbers_one_to_n(numbers, expected):
    # The page's own line is "<  1  2 ... 13  >" with no-break spaces.
    lines = [numbers if line.startswith("<\u00a0") else line for line in _source_lines()]

    assert _parse_lines(lines).source_page_count == expected


def test_parse_every_line_accounted_document():
    session = parse(_source())
    found = "\n".join(_strings(session))
    labels = {f"{turn.speaker}:" for turn in session.transcript}
    date = session.published_on
    dateline = f"{session.furniture[0]} {session.publisher}, {date:%B} {date.day}, {date.year}"
    missing = [
        (number, text)
        for number, text in enumerate(map(str.strip, _source_lines()), start=1)
        if text and text not in labels and text != dateline and text not in found
    ]
    assert missing == []


def test_parse_crlf_and_bom_same_result():
    source = _source()
    assert parse("\ufeff" + source.replace("\n", "\r\n")) == parse(source)


def test_parse_indented_lines_same_result():
    indented = ["  " + line for line in _source_lines()]
    assert _parse_lines(indented) == parse(_source())


def test_parse_text_cut_off_mid_word():
    source = _source()
    session = parse(source[: source.index("The first is to promote") + 11])
    assert [turn.speaker for turn in session.transcript] == [
        "Tianmu News",
        "Cao Shumin",
        "Wang Song",
    ]
    assert session.transcript[-1].text.count("\n\n") == 2
    assert session.transcript[-1].text.endswith("three respects. The first i")
    assert session.furniture == FURNITURE[:2]


def test_parse_intro_paragraph_unplaced():
    lines = _source_lines()
    intro = "The State Council Information Office held a press conference in Beijing."
    session = _parse_lines(lines[:4] + [intro] + lines[4:])
    assert session.unplaced == [intro]
    assert [turn.line for turn in session.transcript] == [7, 11, 15]


def test_parse_text_after_furniture_unplaced():
    session = _parse_lines(_source_lines() + ["Related: more news", "Li Ming:"])
    assert session.unplaced == ["Related: more news", "Li Ming:"]
    assert len(session.transcript) == 3


@pytest.mark.parametrize(
    "label",
    ["Xinhua News Agency", "China Daily", "Phoenix TV", "CCTV", "Guangming Online", "The Paper"],
)
def test_parse_outlet_label_no_person(label):
    session = parse(_source().replace("Tianmu News:", f"{label}:"))
    assert session.transcript[0].speaker == label
    assert [p.name for p in session.people] == ["Cao Shumin", "Wang Song"]


def test_parse_person_label_speaker():
    session = parse(_source().replace("Tianmu News:", "Li Ming:"))
    assert [(p.name, p.role, p.line) for p in session.people] == [
        ("Li Ming", "speaker", 6),
        ("Cao Shumin", "host", 10),
        ("Wang Song", "speaker", 14),
    ]


def test_parse_inline_colon_not_a_turn():
    source = _source().replace("At present, digitalization", "For example: digitalization")
    session = parse(source)
    assert len(session.transcript) == 3
    assert "\n\nFor example: digitalization and green growth" in session.transcript[2].text


def test_parse_error_empty_text():
    with pytest.raises(ParseError) as raised:
        parse("\ufeff\n  \n")
    assert (raised.value.line, raised.value.reason) == (1, "empty document: no title line")


def test_no_dateline_is_read_with_what_is_missing():
    # Without its dateline the press conference is unknown: the page waits for an editor.
    lines = _source_lines()
    session = _parse_lines(lines[:2] + lines[3:])
    assert (session.meeting_year, session.published_on, session.missing) == (
        None,
        None,
        [(2, "no dateline such as 'China.org.cn, November 15, 2022' after the title")],
    )


def test_parse_error_no_turns():
    labels = {"Tianmu News:", "Cao Shumin:", "Wang Song:"}
    lines = [line for line in _source_lines() if line.strip() not in labels]
    with pytest.raises(ParseError) as raised:
        _parse_lines(lines)
    assert (raised.value.line, raised.value.reason) == (
        4,
        "no transcript turn: no line holding only a speaker label such as 'Cao Shumin:'",
    )


@pytest.mark.parametrize(
    ("gap_before_chair", "first_turn", "how"),
    [
        # The lost "Chairperson:" heading leaves a wider gap before the chair: the layout names
        # the host, whoever speaks first on the page.
        (2, "Ren Xianliang", "role_from_layout"),
        # No wider gap: the listed person who opens the transcript hosts.
        (1, "Hu Kaihong", "host_opens_the_conference"),
    ],
)
def test_the_host_of_a_list_that_lost_its_headings(gap_before_chair, first_turn, how):
    other = "Ren Xianliang" if first_turn == "Hu Kaihong" else "Hu Kaihong"
    page = "\n".join(
        [
            "SCIO briefing on the World Internet Conference",
            "China.org.cn | Updated: November 17, 2017",
            "",
            "Ren Xianliang, vice minister of the Cyberspace Administration of China",
            "",
            "Ge Huijun, member of the Standing Committee of the Zhejiang Provincial Committee",
            *[""] * gap_before_chair,
            "Hu Kaihong, spokesperson of the State Council Information Office",
            "",
            f"{first_turn}:",
            "Thank you. The conference opens in Wuzhen next month.",
            f"{other}:",
            "Thank you.",
        ]
    )

    session = parse(page)

    assert [(p.name, p.role, p.inferred_by) for p in session.people] == [
        ("Ren Xianliang", "speaker", ""),
        ("Ge Huijun", "speaker", ""),
        ("Hu Kaihong", "host", how),
    ]


@pytest.mark.parametrize(
    "folder, file_name, host",
    [
        # "The floor is now open for questions. Please name the news outlet you work for …"
        (
            FIFTH_UNSEEN_REAL_DOCUMENTS,
            "scio2021_4th_digital_china_summit_mobile_page4.txt",
            "Chen Wenjun",
        ),
        # "And now for the final question."
        (
            SIXTH_UNSEEN_REAL_DOCUMENTS,
            "scio2020_wic-internet-development-forum_mobile_page9.txt",
            "Shou Xiaoli",
        ),
    ],
)
def test_a_later_pages_host_gives_the_floor(folder, file_name, host):
    people = parse((folder / file_name).read_text(encoding="utf-8")).people

    assert [(p.name, p.inferred_by) for p in people if p.role == "host"] == [
        (host, "host_hands_over")
    ]
