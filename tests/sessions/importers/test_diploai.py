"""The DiploAI report parser on document 003 and on variants built from it."""

import dataclasses
import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from sessions.importers.diploai import parse
from sessions.importers.parsed import ParseError

DOCUMENT = Path(
    settings.BASE_DIR, "fixtures/documents/wsis2025-digital-governance-diploai-report.txt"
)

TITLE = (
    "Strengthen Digital Governance and International Cooperation to Build an Inclusive Digital "
    "Future"
)
TURN_SPEAKERS = [
    "Zhiqiang Lin",
    "Jiang Bai",
    "Zhiqiang Lin",
    "Francis Gurry",
    "Zhiqiang Lin",
    "Thomas Basikolo",
    "Zhiqiang Lin",
    "Yuhong Huang",
    "Zhiqiang Lin",
    "Ke Gong",
    "Zhiqiang Lin",
    "Torbjorn Fredriksson",
    "Zhiqiang Lin",
    "Wolfgang Kleinwaechter",
    "Zhiqiang Lin",
    "Luca Belli",
    "Zhiqiang Lin",
]
# Every line that is a heading or a label rather than a value.
HEADINGS_AND_LABELS = {
    "Session at a glance",
    "Summary",
    "Keypoints",
    "## Major Discussion Points:",
    "## Overall Purpose:",
    "## Overall Tone:",
    "Speakers",
    "**Speakers from the provided list:**",
    "**Additional speakers:**",
    "Full session report",
    "Session transcript",
    "Speech speed",
    "Speech length",
    "Speech time",
    "Explanation",
    "Evidence",
    "Major discussion point",
    "Topics",
    "Agreed with",
    "Agreed on",
    "Disagreed with",
    "Disagreed on",
    "Agreements",
    "Agreement points",
    "Similar viewpoints",
    "Unexpected consensus",
    "Overall assessment",
    "Consensus level",
    "Differences",
    "Different viewpoints",
    "Unexpected differences",
    "Disagreement level",
    "Partial agreements",
    "Arguments",
    "Takeaways",
    "Key takeaways",
    "Resolutions and action items",
    "Unresolved issues",
    "Suggested compromises",
    "Thought provoking comments",
    "Follow-up questions",
    "Speaker",
    "Reason",
    "Impact",
}


def _source() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def _source_lines() -> list[str]:
    return _source().split("\n")


def _parse_lines(lines: list[str]):
    return parse("\n".join(lines))


def _without(lines: list[str], first: int, last: int) -> list[str]:
    """The lines without source lines first..last (1-based, inclusive)."""
    return lines[: first - 1] + lines[last:]


def _kinds(session) -> Counter:
    return Counter(takeaway.kind for takeaway in session.takeaways)


def _strings(value):
    """Every string held anywhere in a parsed value."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_parse_heading_fields_document():
    session = parse(_source())
    assert session.format_family == "diploai_report"
    assert session.meeting_kind == "wsis"
    assert session.meeting_year == 2025
    assert session.title == TITLE
    assert session.title_line == 1
    assert session.date == datetime.date(2025, 7, 11)
    assert session.start_time == datetime.time(9, 0)
    assert session.end_time == datetime.time(9, 45)
    assert session.time_zone == ""
    assert session.session_type == ""
    assert session.host == "Chinese Academy of Cyberspace Studies"


def test_parse_disclaimer_document():
    session = parse(_source())
    assert session.is_machine_generated is True
    assert session.disclaimer.startswith(
        "Disclaimer: This is not an official session record. DiploAI generates"
    )
    assert session.disclaimer[-40:] == "for accuracy to the best of our ability."
    assert len(session.disclaimer) == 331


def test_parse_disclaimer_missing():
    session = _parse_lines(_source_lines()[:-1])
    assert session.is_machine_generated is False
    assert session.disclaimer == ""
    assert _kinds(session)["follow_up_question"] == 10


def test_parse_summary_document():
    summary = parse(_source()).summary
    assert summary[:40] == "The WSIS Plus 20 Forum focused on streng"
    assert summary[-40:] == "ft behind in the digital transformation."
    assert len(summary) == 2065
    assert summary.count("\n\n") == 2


def test_parse_keypoints_document():
    session = parse(_source())
    points = [t for t in session.takeaways if t.kind == "key_discussion_point"]
    assert [point.line for point in points] == [11, 12, 13, 14, 15]
    assert points[0].text.startswith(
        "Speed and Complexity Challenges in Digital Governance: The rapid pace of technological"
    )
    assert points[4].text[:40] == "Sustainability and Resource Challenges: "
    assert points[4].text[-40:] == "cement and environmental sustainability."
    assert len(points[4].text) == 333
    assert session.overall_purpose[:40] == "The discussion aimed to strengthen globa"
    assert session.overall_purpose[-40:] == "cess across all nations and communities."
    assert len(session.overall_purpose) == 345
    assert session.overall_tone[:40] == "The discussion maintained a consistently"
    assert session.overall_tone[-40:] == "to working together toward common goals."
    assert len(session.overall_tone) == 479


def test_parse_speakers_document():
    people = parse(_source()).people
    assert [(p.name, p.role, p.line) for p in people] == [
        ("Zhiqiang Lin", "moderator", 22),
        ("Jiang Bai", "speaker", 23),
        ("Francis Gurry", "speaker", 24),
        ("Thomas Basikolo", "speaker", 25),
        ("Yuhong Huang", "speaker", 26),
        ("Ke Gong", "speaker", 27),
        ("Torbjorn Fredriksson", "speaker", 28),
        ("Wolfgang Kleinwaechter", "speaker", 29),
        ("Luca Belli", "speaker", 30),
    ]
    lin, belli = people[0], people[-1]
    assert lin.affiliation == (
        "From the Data and Technical Support Center of Cyberspace Administration of China"
    )
    assert (lin.role_text, lin.is_remote) == ("Forum moderator/host", False)
    assert belli.affiliation == (
        "Director of the CyberBRICS Project at FGV Law School, Professor at FGV Law School where "
        "he directs the Center for Technology and Society"
    )
    assert (belli.role_text, belli.is_remote) == ("participated via video", True)
    assert people[1].role_text == ""


def test_parse_speech_statistics_document():
    people = parse(_source()).people
    statistics = {p.name: (p.words_per_minute, p.words, p.seconds) for p in people}
    assert statistics == {
        "Francis Gurry": (142, 844, 355),
        "Wolfgang Kleinwaechter": (135, 665, 294),
        "Luca Belli": (120, 605, 300),
        "Thomas Basikolo": (140, 1370, 586),
        "Ke Gong": (117, 458, 233),
        "Yuhong Huang": (87, 844, 577),
        "Torbjorn Fredriksson": (146, 717, 293),
        "Jiang Bai": (97, 547, 338),
        "Zhiqiang Lin": (82, 518, 377),
    }


def test_parse_arguments_document():
    arguments = parse(_source()).arguments
    assert len(arguments) == 26
    assert sum(1 for argument in arguments if argument.evidence) == 25
    assert Counter(argument.speaker for argument in arguments) == {
        "Francis Gurry": 3,
        "Wolfgang Kleinwaechter": 2,
        "Luca Belli": 4,
        "Thomas Basikolo": 4,
        "Ke Gong": 1,
        "Yuhong Huang": 3,
        "Torbjorn Fredriksson": 4,
        "Jiang Bai": 3,
        "Zhiqiang Lin": 2,
    }
    without_evidence = [a for a in arguments if not a.evidence]
    assert [(a.speaker, a.line) for a in without_evidence] == [("Jiang Bai", 424)]


def test_parse_argument_links_document():
    third = parse(_source()).arguments[2]
    assert third.speaker == "Francis Gurry"
    assert third.line == 128
    assert third.claim == (
        "International cooperation crucial when governments avoid disadvantaging their own "
        "economic actors through regulation"
    )
    assert third.explanation[:40] == "Gurry argues that governments are reluct"
    assert third.evidence[-40:] == "garding AI training on copyrighted data."
    assert third.major_discussion_point == "International Cooperation Principles"
    assert third.topics == ["Legal and regulatory", "Economic"]
    assert third.agreed_with == [
        "Wolfgang Kleinwaechter",
        "Luca Belli",
        "Thomas Basikolo",
        "Jiang Bai",
        "Zhiqiang Lin",
    ]
    assert (
        third.agreed_on == "International cooperation is essential for effective digital governance"
    )
    assert third.disagreed_with == ["Wolfgang Kleinwaechter"]
    assert (
        third.disagreed_on == "Approach to AI regulation – legally binding vs political frameworks"
    )


def test_parse_takeaway_counts_document():
    assert _kinds(parse(_source())) == {
        "key_discussion_point": 5,
        "agreement": 12,
        "disagreement": 6,
        "key_takeaway": 7,
        "action_item": 6,
        "unresolved_issue": 7,
        "suggested_compromise": 6,
        "thought_provoking_comment": 5,
        "follow_up_question": 10,
    }


def test_parse_agreements_document():
    takeaways = parse(_source()).takeaways
    agreements = [t for t in takeaways if t.kind in ("agreement", "disagreement")]
    sections = Counter((t.kind, t.details["group"], t.details["section"]) for t in agreements)
    assert sections == {
        ("agreement", "Agreements", "Agreement points"): 3,
        ("agreement", "Agreements", "Similar viewpoints"): 3,
        ("agreement", "Agreements", "Unexpected consensus"): 2,
        ("agreement", "Agreements", "Overall assessment"): 1,
        ("disagreement", "Differences", "Different viewpoints"): 3,
        ("disagreement", "Differences", "Unexpected differences"): 2,
        ("disagreement", "Differences", "Overall assessment"): 1,
        ("agreement", "Partial agreements", "Similar viewpoints"): 3,
    }
    first = agreements[0]
    assert (first.text, first.line, first.speaker) == (
        "International cooperation is essential for effective digital governance",
        498,
        "",
    )
    assert list(first.details) == ["group", "section", "Speakers", "Arguments", "Summary", "Topics"]
    assert first.details["Speakers"] == [
        "Francis Gurry",
        "Wolfgang Kleinwaechter",
        "Luca Belli",
        "Thomas Basikolo",
        "Jiang Bai",
        "Zhiqiang Lin",
    ]
    assert len(first.details["Arguments"]) == 6
    assert first.details["Topics"] == "Legal and regulatory | Development | Capacity development"
    consensus = agreements[7]
    assert consensus.text == "Global South leadership in digital governance"
    assert consensus.details["Explanation"][:40] == "There was unexpected consensus on the im"


def test_parse_overall_assessments_document():
    takeaways = parse(_source()).takeaways
    overall = [t for t in takeaways if t.details.get("section") == "Overall assessment"]
    assert [(t.kind, t.line) for t in overall] == [("agreement", 602), ("disagreement", 665)]
    assert overall[0].text == overall[0].details["Summary"]
    assert overall[0].text[:40] == "The speakers demonstrated strong consens"
    assert overall[0].details["Consensus level"][:40] == "High level of consensus with significant"
    assert (
        overall[1].details["Disagreement level"][:40] == "Moderate disagreement with significant i"
    )


def test_parse_comments_and_questions_document():
    takeaways = parse(_source()).takeaways
    comments = [t for t in takeaways if t.kind == "thought_provoking_comment"]
    assert [c.speaker for c in comments] == [
        "Francis Gurry",
        "Torbjörn Fredriksson",
        "Torbjörn Fredriksson",
        "Wolfgang Kleinwaechter",
        "Yuhong Huang",
    ]
    assert comments[4].text == (
        "AI can also help the energy industry to save the energy. So we think it’s very "
        "important to use this technology to bring the green development."
    )
    assert list(comments[0].details) == ["Reason", "Impact"]
    assert comments[0].details["Reason"][:40] == "This comment provides a concrete, quanti"
    questions = [t for t in takeaways if t.kind == "follow_up_question"]
    assert questions[3].speaker == "Thomas Basikolo and Torbjörn Fredriksson"
    assert questions[3].line == 785
    assert (
        questions[0].text
        == "How can we measure the pace of technological innovation more effectively?"
    )
    assert list(questions[0].details) == ["Explanation"]


def test_parse_listed_takeaways_document():
    takeaways = parse(_source()).takeaways
    kinds = ("key_takeaway", "action_item", "unresolved_issue", "suggested_compromise")
    lines = {kind: [t.line for t in takeaways if t.kind == kind] for kind in kinds}
    assert lines == {
        "key_takeaway": list(range(702, 709)),
        "action_item": list(range(710, 716)),
        "unresolved_issue": list(range(717, 724)),
        "suggested_compromise": list(range(725, 731)),
    }


def test_parse_report_document():
    report = parse(_source()).report
    assert report[:40] == "# WSIS Plus 20 Forum: Strengthening Digi"
    assert report[-40:] == "ansformation in an interconnected world."
    assert len(report) == 14918
    assert "\n\n## Executive Summary\n\nThe WSIS Plus 20 Forum brought" in report
    assert report.count("\n\n") == 45


def test_parse_transcript_document():
    transcript = parse(_source()).transcript
    assert [turn.speaker for turn in transcript] == TURN_SPEAKERS
    assert [turn.line for turn in transcript] == list(range(81, 98))
    first, last = transcript[0], transcript[-1]
    assert first.text[:40] == "Okay, it’s time. Let’s get started. Dist"
    assert len(first.text) == 1110
    assert last.text == (
        "Thanks for a very time flat. We have to end the forum. Thank all the judges and the "
        "colleges for their wisdom and efforts contributed to this forum. Also, we need to "
        "appreciate the high-level event secretaries for providing us with a great platform for "
        "exchanges. Thank you for your participation. Let’s end. Thank you."
    )


def test_parse_unplaced_and_furniture_document():
    session = parse(_source())
    assert session.furniture == [
        "None – all speakers who participated in the discussion were included in the provided "
        "speakers names list."
    ]
    assert len(session.unplaced) == 1
    assert session.unplaced[0][:40] == "These key comments fundamentally shaped "
    assert session.unplaced[0][-40:] == "able as a result of these interventions."
    assert len(session.unplaced[0]) == 893


def test_parse_every_line_accounted_document():
    session = parse(_source())
    # Values the parser turned into numbers and dates, written back as the page writes them.
    written = [f"{session.date:%d %b %Y} {session.start_time:%H:%M}h - {session.end_time:%H:%M}h"]
    for person in session.people:
        written += [
            f"{person.words_per_minute} words per minute",
            f"{person.words} words",
            f"{person.seconds} seconds",
        ]
    found = "\n".join([*_strings(session), *written])
    missing = []
    for number, line in enumerate(_source_lines(), start=1):
        text = line.strip()
        if not text or text in HEADINGS_AND_LABELS:
            continue
        # Bullets, bold markers, "Name: text", "(role note)" and "A | B" split lines into values.
        pieces = re.split(r"\*\*|^[–•-]\s|\s[–-]\s|:\s|\(|\)|\s\|\s", text)
        missing += [(number, piece) for piece in map(str.strip, pieces) if piece not in found]
    assert missing == []


def test_parse_crlf_and_bom_same_result():
    source = _source()
    assert parse("\ufeff" + source.replace("\n", "\r\n")) == parse(source)


def test_parse_indented_lines_same_result():
    indented = ["    " + line if line else line for line in _source_lines()]
    assert _parse_lines(indented) == parse(_source())


def test_parse_keypoints_missing():
    session = _parse_lines(_without(_source_lines(), 9, 19))
    assert _kinds(session)["key_discussion_point"] == 0
    assert (session.overall_purpose, session.overall_tone) == ("", "")
    assert len(session.people) == 9
    assert session.people[0].line == 11
    assert len(session.arguments) == 26


def test_parse_report_after_transcript_same_fields():
    lines = _source_lines()
    reordered = lines[:32] + lines[79:97] + lines[32:79] + lines[97:]
    session, original = _parse_lines(reordered), parse(_source())
    assert session.report == original.report
    assert [(t.speaker, t.text) for t in session.transcript] == [
        (t.speaker, t.text) for t in original.transcript
    ]
    assert session.transcript[0].line == 34
    assert session.unplaced == original.unplaced


def test_parse_argument_without_evidence():
    session = _parse_lines(_without(_source_lines(), 108, 109))
    first = session.arguments[0]
    assert first.evidence == ""
    assert first.major_discussion_point == "Digital Governance Challenges and Frameworks"
    assert len(session.arguments) == 26
    assert sum(1 for argument in session.arguments if argument.evidence) == 24


def test_parse_additional_speaker_listed():
    lines = _source_lines()
    lines[31] = "– **Maria Silva** – Researcher, University of Lisbon (participated online)"
    session = _parse_lines(lines)
    extra = session.people[-1]
    assert (extra.name, extra.role, extra.line) == ("Maria Silva", "speaker", 32)
    assert (extra.affiliation, extra.role_text) == (
        "Researcher, University of Lisbon",
        "participated online",
    )
    assert extra.is_remote is True
    assert extra.words_per_minute is None
    assert session.furniture == []


def test_parse_statistics_for_unlisted_speaker():
    session = _parse_lines(_without(_source_lines(), 27, 27))
    gong = [p for p in session.people if p.name == "Ke Gong"]
    assert [(p.role, p.line, p.affiliation) for p in gong] == [("speaker", 294, "")]
    assert (gong[0].words_per_minute, gong[0].words, gong[0].seconds) == (117, 458, 233)
    assert [t.speaker for t in session.transcript] == TURN_SPEAKERS


def test_parse_text_cut_off_mid_word():
    source = _source()
    cut = source[: source.index("Ladies and gentlemen, good morning. First") + 12]
    session = parse(cut)
    assert [t.speaker for t in session.transcript] == TURN_SPEAKERS[:6]
    assert session.transcript[-1].text == "Thank you so much. Ladies and g"
    assert session.arguments == []
    assert [p.words for p in session.people] == [None] * 9
    assert session.is_machine_generated is False
    assert session.meeting_kind == "wsis"


def test_parse_meeting_kind_igf_named_first():
    session = parse(_source().replace("WSIS", "IGF"))
    assert session.meeting_kind == "igf"


def test_parse_meeting_kind_first_named_wins():
    lines = _source_lines()
    lines[0] = "IGF 2024 Open Forum: " + lines[0]
    assert _parse_lines(lines).meeting_kind == "igf"


def test_parse_host_from_report():
    source = _source().replace("The Chinese Academy of Cyberspace Studies hosted the event", "")
    session = parse(source)
    assert session.host == "Chinese Academy of Cyberspace Studies"
    assert session.report.count("Hosted by the Chinese Academy of Cyberspace Studies, the") == 1


def test_parse_host_not_said():
    source = _source().replace(" hosted the event", "").replace("Hosted by the", "With the")
    assert parse(source).host == ""


def test_parse_agreement_sections_missing():
    session = _parse_lines(_without(_source_lines(), 496, 699))
    kinds = _kinds(session)
    assert (kinds["agreement"], kinds["disagreement"]) == (0, 0)
    assert (kinds["key_takeaway"], kinds["follow_up_question"]) == (7, 10)
    assert len(session.arguments) == 26
    assert session.arguments[-1].topics == ["Legal and regulatory", "Development", "Infrastructure"]


def test_a_report_that_names_no_meeting_waits_for_an_editor():
    # A 2025 report of the WSIS Forum names it only in its address: the page is read all the
    # same, and waits for an editor to say whose session it is (it had been refused).
    session = parse(re.sub(r"\bWSIS\b|\bIGF\b", "the event", _source()))

    assert (session.meeting_kind, session.missing) == (
        "",
        [(1, "the text names neither WSIS nor the IGF")],
    )


def test_an_events_overview_of_its_session_reports_is_no_sessions_report():
    source = _source().replace(
        "Session at a glance", "Event Statistics\nTotal session reports: 5", 1
    )
    with pytest.raises(ParseError) as raised:
        parse(source)

    assert raised.value.reason == "an event's overview of its session reports, not one session's"


def test_parse_error_empty_text():
    with pytest.raises(ParseError) as raised:
        parse(" \n\n")
    assert (raised.value.line, raised.value.reason) == (1, "empty document: no title line")


def test_no_date_line_is_read_with_what_is_missing():
    # Without its date line the meeting's year is unknown: the page waits for an editor.
    session = _parse_lines(_without(_source_lines(), 2, 2))
    assert (session.meeting_year, session.date, session.missing) == (
        None,
        None,
        [(2, "no date line such as '11 Jul 2025 09:00h - 09:45h' after the title")],
    )


def test_no_title_line_is_read_with_what_is_missing():
    session = _parse_lines(_source_lines()[1:])
    assert (session.title, session.date, session.missing) == (
        "",
        datetime.date(2025, 7, 11),
        [(1, "no title line before the date line")],
    )
