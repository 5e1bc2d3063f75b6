"""Recognise a document's format family by weighing each family's markers.

Every pattern here is bounded (`{0,8}`, `[^\n]{0,400}`): none has two adjacent unbounded
quantifiers over the same characters, so detection stays linear on hostile text
(tests/sessions/importers/test_linear_time.py).
"""

import re
from dataclasses import dataclass, field

from sessions.models import SourceDocument

from . import igf_page_sched, igf_transcript, wsis_agenda
from .diploai_prose import REPORTS_BANNER
from .titles import IGF_SESSION_TITLE


@dataclass(frozen=True)
class Marker:
    """One sign of a format family: what it is (for messages), its pattern, its weight."""

    what: str
    pattern: re.Pattern
    weight: int = 1


@dataclass(frozen=True)
class Family:
    format: str
    name: str
    threshold: int
    markers: tuple[Marker, ...]


def _marker(what, pattern, weight=1, flags=0):
    return Marker(what, re.compile(pattern, re.MULTILINE | flags), weight)


# A label that names a page's field ("Online Moderator:", "Key Takeaways:") opens no turn.
_NO_FIELD = (
    r"(?![^\n]{0,160}\b(?:Moderators?|Rapporteurs?|Speakers|Organi[sz]ers?|Takeaways?|Questions?"
    r"|Agenda|Description|Format|Report|Targets|Themes?|Outcomes?|Sessions?)\b)"
)
# Each family by its own markers, weighed: a family is recognised when the weight of the markers
# found reaches its threshold, and the heaviest family recognised wins (ties in this order).
# Markers are written for the family across years, not for one page: dig.watch reports of 2019
# ("Event report"), 2023 ("Session report", DiploGPT) and 2024-2025 (DiploAI, "Session at a
# glance"); SCIO / China.org.cn press pages with their several datelines; IGF workshop pages
# numbering their organizers and speakers; IGF session pages with labelled sections; the
# IGF's captioned transcripts.
FAMILIES = (
    Family(
        SourceDocument.Format.DIPLOAI_REPORT,
        "a dig.watch / DiploAI report",
        2,
        (
            _marker(
                "a date line such as '11 Jul 2025 09:00h - 09:45h'",
                r"^[ \t]{0,8}\d{1,2} [A-Z][a-z]{2,8}\.? \d{4} \d{1,2}:\d{2}h\b",
                2,
            ),
            _marker("a DiploAI or DiploGPT disclaimer", r"\bDiplo(?:AI|GPT)\b", 2),
            _marker("speech statistics ('Speech speed')", r"^[ \t]{0,8}Speech speed\s{0,8}$", 2),
            _marker(
                "a title that opens with an IGF session's type and number ('Open Forum #12 …')",
                r"\A[ \t]{0,8}" + IGF_SESSION_TITLE.pattern,
                flags=re.IGNORECASE,
            ),
            _marker(
                "a 'Session at a glance' heading",
                r"^[ \t]{0,8}Session at a glance\s{0,8}$",
                flags=re.IGNORECASE,
            ),
            _marker(
                "a report heading ('Event report', 'Session report', 'Full session report')",
                r"^[ \t]{0,8}(?:Event|Session|Full session) report\s{0,8}$",
                flags=re.IGNORECASE,
            ),
            _marker(
                "an early report's banner ('[Read more session reports and updates from the "
                "14th Internet Governance Forum]')",
                r"^[ \t]{0,8}" + REPORTS_BANNER.pattern.removeprefix("^"),
                2,
                re.IGNORECASE,
            ),
            _marker(
                "a 'Table of contents' or 'Keypoints' heading",
                r"^[ \t]{0,8}(?:Table of contents|Keypoints|Knowledge Graph of Debate)\s{0,8}$",
                flags=re.IGNORECASE,
            ),
        ),
    ),
    Family(
        SourceDocument.Format.IGF_TRANSCRIPT,
        "an IGF session's transcript",
        2,
        (
            _marker(
                "the captioners' notice ('The following are the outputs of the real-time "
                "captioning …')",
                r"^[ \t]{0,8}" + igf_transcript.NOTICE,
                2,
            ),
            _marker(
                "a heading such as 'IGF 2019 – Day 0 – Raum IV – …'",
                r"\A\s{0,8}" + igf_transcript.HEADING_START,
            ),
            _marker("captioned turns ('>> STEPHANIE CZERNY: …')", r"^[ \t]{0,8}>>[ \t]{0,3}\S"),
            _marker(
                "the first site's name of the meeting ('Sixth Annual Meeting of the Internet "
                "Governance Forum')",
                r"^[ \t]{0,8}" + igf_transcript.MEETING_NAME + r"[ \t]{0,8}$",
            ),
            # A copy that starts at the first turn, above it neither heading nor notice.
            _marker(
                "a captioned turn at the top ('>> MODERATOR:  Hello, everybody.')",
                r"\A\s{0,8}>>[ \t]{0,3}[A-Z][^:\n]{0,60}:",
            ),
        ),
    ),
    Family(
        SourceDocument.Format.WSIS_AGENDA_PAGE,
        "a WSIS Forum session page (ITU agenda)",
        2,
        (
            _marker(
                "a session's number alone ('Session 396')", r"^[ \t]{0,8}Session \d{1,5}[ \t]{0,8}$"
            ),
            _marker(
                "a title that names the forum and its year ('WSIS Forum 2016 Official Opening"
                " Ceremony')",
                r"\A\s{0,8}" + wsis_agenda.TITLE_YEAR.pattern.removeprefix("^"),
                2,
            ),
            _marker(
                "the session's facts on one line ('16:45–17:30, Tuesday, 13 June 2017 Popov Room,"
                " ITU Tower …', 'Monday, 13 February 2023 14:00–15:00 (UTC+01:00) Room A, …')",
                r"^(?:\d{1,2}:\d{2}–\d{1,2}:\d{2}, )?[A-Z][a-z]{2,8}, \d{1,2} [A-Z][a-z]{2,8} "
                r"\d{4}(?:,? \d{1,2}:\d{2}–\d{1,2}:\d{2})? ",
            ),
            _marker(
                "the forum's site banner of 2010 ('Home - WSIS Forum 2010')",
                r"^[ \t]{0,8}" + wsis_agenda.SITE_BANNER.pattern.removeprefix("^"),
                2,
            ),
            _marker(
                "a high-level track facilitator or a 'Panellists' heading",
                r"^[ \t]{0,8}(?:High-Level Track Facilitator\b|Panell?ists[ \t]{0,8}$)",
            ),
            _marker(
                "a summary report's title ('WSIS Action Line C7 E-health: Summary Report')",
                r"\A[ \t]{0,8}" + wsis_agenda.SUMMARY_REPORT.pattern,
            ),
            _marker(
                "the session's link to the WSIS Action Lines",
                r"^[ \t]{0,8}Session's link to (?:the )?WSIS Action Lines\b",
                2,
            ),
        ),
    ),
    Family(
        SourceDocument.Format.PRESS_TRANSCRIPT,
        "a press-conference page",
        2,
        (
            _marker(
                "'press conference', 'press briefing' or 'SCIO briefing' in its first lines",
                r"\A(?:[^\n]{0,400}\n){0,8}[^\n]{0,400}"
                r"(?:\b(?:press|news) (?:conference|briefing)\b|\bSCIO briefing\b)",
                flags=re.IGNORECASE,
            ),
            _marker(
                "the publisher (China.org.cn, China SCIO, the State Council Information Office)",
                r"China\.org\.cn|\bChina SCIO\b|\bState Council Information Office\b",
            ),
            _marker(
                "a dateline such as 'China.org.cn | Updated: November 15, 2022', "
                "'Updated: 2006-02-17 19:45' or 'Beijing | 10 a.m. March 19, 2021'",
                # The date may have wrapped onto the next line: "China SCIO |\nMarch 5, 2024".
                r"(?:Updated:|\||China\.org\.cn,) {0,3}\n?(?:\d{1,2}(?::\d{2})? [ap]\.m\. )?"
                r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})",
            ),
            _marker(
                "a 'Speakers:' or 'Chairperson:' list",
                r"^[ \t]{0,8}(?:Speakers?|Chairperson|Host|Date):[ \t]{0,8}$",
            ),
            _marker(
                "speaker labels alone on a line ('Cao Shumin:')",
                r"^[ \t]{0,8}[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){1,4}:[ \t]{0,8}$",
            ),
            _marker(
                "a transcript's turns: a label alone on a line ('Reuters:'), what was said,"
                " then the next label ('Niu Yibing:')",
                r"^" + _NO_FIELD + r"[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,4}:\n"
                r"[^\n]{40,4000}\n(?:[^\n]{0,4000}\n){0,20}"
                + _NO_FIELD
                + r"[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){1,4}:$",
            ),
        ),
    ),
    Family(
        SourceDocument.Format.IGF_WORKSHOP_PAGE,
        "an IGF workshop page",
        2,
        (
            _marker(
                "numbered organizers or speakers ('Organizer 1:', 'Speaker 1:')",
                r"^[ \t]{0,8}(?:organizer|speaker) \d+:",
                # Decisive: it outweighs every mark an IGF session page has (title, date line,
                # format line, labelled sections, people's groups), which a workshop page shares.
                6,
                re.IGNORECASE,
            ),
        ),
    ),
    Family(
        SourceDocument.Format.IGF_PAGE_2024,
        "an IGF session page",
        1,
        (
            _marker(
                "a title such as 'IGF 2024 Open Forum #9 ...'",
                r"^[ \t]{0,8}IGF \d{4} [^\n#]{0,80}#\s?\d+",
                2,
            ),
            _marker(
                "an 'IGF <year> ...' title without a number",
                r"\A(?:[^\n]{0,400}\n){0,4}\s{0,8}IGF \d{4} [^\n#]{1,400}$",
            ),
            _marker(
                "a date line such as 'Thursday, 12th October, 2023 (00:45 UTC) - …'",
                r"^[ \t]{0,8}[A-Z][a-z]{2,8}, \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4} "
                r"\(\d{1,2}:\d{2} UTC\) - ",
            ),
            _marker(
                "a schedule site's day line such as 'Monday, December 18 • 09:00 - 10:30'",
                igf_page_sched.DAY.pattern,
            ),
            _marker(
                "a schedule's date line such as 'Thursday November 28, 2019 09:30 - 11:00'",
                r"^[ \t]{0,8}" + igf_page_sched.SCHEDULE_DATE.pattern[1:-1] + r"[ \t]{0,8}$",
            ),
            _marker(
                "a first site's heading such as '8 December 2016 - A Dynamic Coalition on …'",
                r"\A\s{0,8}[^\n]{1,300}\n\s{0,8}\d{1,2} [A-Za-z]{3,9} \d{4} - A [A-Z]",
            ),
            _marker(
                "a format line such as 'Panel - Auditorium - 90 Min' (2017-2022)",
                r"^[ \t]{0,8}[A-Z][^\n]{0,80} - \d{2,3} Min[ \t]{0,8}$",
            ),
            _marker(
                "a person's stakeholder group and UN regional group ('…, Technical Community,"
                " Latin American and Caribbean Group (GRULAC)')",
                r", (?:Civil Society|Government|Private Sector|Technical Community|Academia|"
                r"Intergovernmental Organi[sz]ation), (?:African|Asia-Pacific|Eastern European|"
                r"Latin American and Caribbean|Western European and Others) Group\b",
            ),
            _marker(
                "the page's 'Session' heading above all else (2024-2025)",
                r"\A\s{0,8}Session[ \t]{0,8}\n",
            ),
            _marker(
                "the reason given for its goals ('Targets: By their very nature, …')",
                r"^[ \t]{0,8}Targets: [A-Z]",
            ),
            _marker(
                "labelled sections ('Duration (minutes)', 'Organizers', 'Speakers')",
                r"^[ \t]{0,8}(?:Duration \(minutes\)[^\n]{0,40}|Organizers:?|Speakers:?)\s{0,8}$",
                flags=re.IGNORECASE,
            ),
        ),
    ),
)


@dataclass
class Detection:
    """What detection found: the family recognised, or the one that came closest and why not."""

    format: str | None
    closest: Family | None = None
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def refusal(self):
        reason = (
            "unknown format: not an IGF session page, workshop page or transcript, a DiploAI "
            "report, a press-conference transcript or a WSIS Forum session page"
        )
        if self.closest is None:
            return reason
        return (
            f"{reason}; closest: {self.closest.name}, with {'; '.join(self.found)}, "
            f"but without {'; '.join(self.missing)}"
        )


def detect(text):
    """Weigh each family's markers in the text; a Detection."""
    best, best_weight, best_found = None, 0, []
    closest, closest_weight = None, 0
    for family in FAMILIES:
        found = [marker for marker in family.markers if marker.pattern.search(text)]
        weight = sum(marker.weight for marker in found)
        if weight >= family.threshold and weight > best_weight:
            best, best_weight, best_found = family, weight, found
        if weight > closest_weight:
            closest, closest_weight = family, weight
            closest_found = found
    if best is not None:
        return Detection(best.format, best, [marker.what for marker in best_found])
    if closest is None:
        return Detection(None)
    return Detection(
        None,
        closest,
        [marker.what for marker in closest_found],
        [marker.what for marker in closest.markers if marker not in closest_found],
    )


def detect_format(text):
    """The format family of a document's text, or None (see `detect` and FAMILIES)."""
    return detect(text).format
