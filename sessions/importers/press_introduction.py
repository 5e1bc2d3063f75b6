"""The speakers a press conference's host introduces in the opening turn, where no list of
speakers heads the transcript (sessions/importers/press.py reads the rest of the page)."""

import re

from .names import is_name
from .parsed import ParsedPerson, ParsedTurn

# "Today, we have invited Mr. Luo Zhaohui, vice minister of foreign affairs; Mr. Xu Nanping, ...;
# and Mr. Deng Boqing, vice chairman of ..., who will brief you": where no list of speakers heads
# the transcript, the host's opening names them.
# "Present at this press conference are Mr. Xu Lin, …; … and finally, Mr. Wang Chen, …" (2020).
INTRODUCTION = re.compile(
    r"\b(?:we have invited|joined by|joining us today are|joining us are"
    r"|present at (?:this|today's|today’s) (?:press conference|briefing) are)\s",
    re.IGNORECASE,
)
INTRODUCED = re.compile(
    r"(?:and (?:finally, )?)?(?:Mr|Ms|Mrs|Madam|Dr)\.? "
    r"(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,3}), (?P<position>[^;]{3,300})"
)
# What follows the last speaker's position: a clause, or the end of the sentence (not the dot
# of a title such as "Mr.").
INTRODUCTION_END = re.compile(
    r",? (?:who will|to brief|to introduce|to answer)\b|(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)\. [A-Z]"
)


def introduced(turn: ParsedTurn) -> list[ParsedPerson]:
    """The speakers a host's opening turn introduces, each with the position it gives them."""
    start = INTRODUCTION.search(turn.text)
    if start is None:
        return []
    introduction = turn.text[start.end() : start.end() + 2000]
    end = INTRODUCTION_END.search(introduction)
    introduction = introduction[: end.start()] if end else introduction
    people = []
    if ";" not in introduction and not INTRODUCED.search(introduction):
        return _named_then_posts(introduction, turn.line)
    for part in introduction.split(";"):
        match = INTRODUCED.fullmatch(part.strip())
        if match:
            people.append(
                ParsedPerson(
                    name=match["name"],
                    role="speaker",
                    line=turn.line,
                    affiliation=match["position"].strip(),
                )
            )
    return people


def _named_then_posts(introduction: str, line: int) -> list[ParsedPerson]:
    """People named without a title, each followed by their post in lower case, all apart by
    commas: "Wu Yuliang, deputy secretary of the CCDI, Xiao Pei, deputy minister of …, and Luo
    Dongchuan, director of …" (2016)."""
    people: list[ParsedPerson] = []
    for part in introduction.split(", "):
        part = part.strip().removeprefix("and ")
        if part[:1].isupper() and is_name(part):
            people.append(ParsedPerson(name=part, role="speaker", line=line))
        elif people and part[:1].islower():
            people[-1].affiliation = ", ".join(filter(None, [people[-1].affiliation, part]))
        else:
            break  # no list of people (any more)
    return people if len(people) > 1 else []
