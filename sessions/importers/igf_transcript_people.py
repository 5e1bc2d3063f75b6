"""The people of an IGF transcript (sessions/importers/igf_transcript.py): its voices, and those
its opener introduces.

Each label that names someone is a person who speaks. The one who speaks first, opening the
session, also moderates it (a rule of the layout, marked as such), as does the first named
after unnamed voices (a video, an announcer) who welcomes the room or says they moderate, and
a voice of the first turns that says it chairs ("I have the privilege and honor to chair this
very important session").
A label that names a role or the floor ("AUDIENCE", "MODERATOR", "PARTICIPANT") names no one,
nor does a title before a surname alone ("MS BOMMELAER").

Two kinds of what is said name people too, and only these two:
- the opener's introductions: a sentence of the opening turn that places someone in the room
  ("Next to me is Jutta Croll", "on my left we have Mr. Ole‑Martin Martinsen", "we have the
  2019 MAG Chair, Lynn St. Amour") names a speaker, marked as introduced, unless it says they
  are absent ("the announced Mr. Tarek Müller couldn't come"), or a moderator where it hands
  them the moderation ("I will leave the nitty-gritty moderation to my colleague, Karen
  Mulberry"); a sentence that opens with "And" or "Then" and a name goes on with the list;
- a voice that names itself ("I'm Jeffrey Reiento, Philippines" under ">> AUDIENCE:"), and
  gives its whole name where the label has an initial ("D. MILOSHEVIC").
Anyone else a speech names ("as Vint Cerf said") is not read: a speech names the absent as
readily as the present.
"""

import re

from speakers.affiliations import POSITION_NOUNS, vocabulary
from speakers.names import HONORIFICS, fold, person_key

from .names import (
    NAME_JOINERS,
    is_name,
    names_a_place_or_body,
    reads_as_person,
    without_honorifics,
)
from .parsed import ParsedPerson, ParsedTurn

# Words of a label that names a role, a group or the floor, not a person.
_NOT_A_NAME = {
    "audience", "participant", "participants", "speaker", "speakers", "moderator",
    "moderators", "chair", "chairman", "chairperson", "chairwoman", "interpreter", "captioner",
    "host", "floor", "unidentified", "unknown", "voice", "video", "member", "panelist",
    "panellist", "online", "onsite", "remote", "attendee", "question", "questioner",
    "rapporteur", "representative", "delegate", "secretariat", "presenter", "male", "female",
    "mc", "all", "everyone", "student", "students", "youth", "master", "ceremony", "ceremonies",
}  # fmt: skip
# What says where someone is from or what they are part of, after a role: no name's word.
_PLACING = {"from", "of", "for", "at", "in", "on", "with"}
# An office before a surname alone ("SECRETARY KUMMER", "MINISTER TUNG") names no one either:
# the surname could be anyone's.
_OFFICES = {
    "secretary", "minister", "president", "ambassador", "commissioner", "senator", "director",
    "deputy", "vice", "excellency", "judge", "mayor",
}  # fmt: skip
# "I'm Vladimir Stankovic, I will be moderating this session", "Welcome to the closing
# sessions of the 2019 IGF meeting", within a turn's first words.
_MODERATES = re.compile(r"\b(?:moderat(?:e|ing)|welcome)\b", re.I)
_OPENING = 1000
# "I have the privilege and honor to chair this very important session", "I will be moderating
# this panel": a voice of the first turns that says it chairs.
_CHAIRS = re.compile(
    r"\b(?:I|I'm|I’m)\b[^.!?\n]{0,60}?\b(?:chair(?:ing)?|moderat(?:e|ing)|(?:your|the) "
    r"(?:chair|moderator))\b[^.!?\n]{0,30}?\b(?:session|panel|meeting|discussion|debate|forum)\b"
    r"|\b(?:co-?)?(?:moderated|chaired) (?:together )?by myself\b"
)
_CHAIR_TURNS = 6
# The opening: the turns before a second voice names itself, at most these.
_OPENING_TURNS = 3
# What places someone in the room ("Peter Major will be speaking on …", 2011; "Next we'll have
# Ms. Avri Doria, who will discuss …", 2016), and what says they are not in it.
_PRESENT = re.compile(
    r"\b(?:next to (?:me|him|her)|(?:to|on) (?:my|the|his|her) (?:very )?(?:right|left)|we have"
    r"|joined by|with us|(?:guided|moderated|chaired) by|introduce|invite|(?:floor|over) to"
    r"|call (?:up)?on|will (?:be )?(?:speak(?:ing)?|present(?:ing)?|doing a presentation)"
    r"|we will be having|we(?:'ll|’ll| will) (?:have|hear from)|(?:begin|start) with"
    r"|followed by|last but not least)\b",
    re.I,
)
# "I will name them here.": the sentence after it introduces ("Hasanul Haq Inu, a Member of
# Parliament …", 2010).
_ANNOUNCES = re.compile(
    r"\b(?:name|introduce) (?:them|(?:our|the|today's|today’s)(?: \w+){0,2} "
    r"(?:panel|panell?ists|speakers|guests))\b",
    re.I,
)
# "I will leave the nitty-gritty moderation to my colleague, Karen Mulberry": whom the sentence
# introduces moderates.
# "hand over the moderation of the high level session to Ms. Nathalie Decommon … and the remote
# moderation to Mr. Jovan Kurbalija" (2017), "We have our remote Moderator Sebastian …" (2018):
# the remote one moderates online. "Mark Carvell will be acting as on‑site moderation." (2022),
# "give the floor to our moderators, Jeanette Hoffman and Rachel Pollack" (2015).
_MODERATION = re.compile(
    r"\b(?:(?P<online>(?:remote|online) )?moderation (?:over |of [^.!?\n]{1,60}? )?to"
    r"|(?:moderated|chaired) by|our (?P<remote>(?:remote|online) )?moderators?"
    r"|moderator (?:is|will be)|acting as (?:the )?on[-‑ ]?site moderat(?:or|ion))\b",
    re.I,
)
# "Then Manu from the U.S. Department of State. And Myla Pilao and Marilia Maciel.": a sentence
# that goes on with the one before it.
# "And next, Dr. Govind Govind, Department of IT" (2010) too.
_GOES_ON = re.compile(r"^\s*(?:(?:And|Then|Also)(?: next,?)?|As well as|Next,) [A-Z]")
_ABSENT = re.compile(
    r"\b(?:could ?n[o']t|can ?n[o']t|unable|absent|apologi[sz]|regret|unfortunately|sadly"
    r"|not (?:able|here|with us))",
    re.I,
)
# "I'm Jeffrey Reiento, Philippines", "My name is Yulia Morenets from …", in a turn's opening.
_SELF = re.compile(r"\b(?:I'm|I’m|I am|my name is) (?P<rest>[^\n]{1,80})", re.I)
# A sentence ends at its stop, but not at a title's ("Ms. Carol Roach", "Lynn St. Amour"),
# and at the end of its paragraph.
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)[.!?]+\s+|\n")
_AFTER_WORD = ",.;:!?)"
_BEFORE_WORD = "(“\"'‘"
_ABBREVIATION = {"St."}  # "Lynn St. Amour": the dot ends no name.
# Capitalised words of a speech that are not names: what opens a sentence, and the things
# sessions are about.
_NOT_NAME_WORDS = vocabulary(
    "and but so then now also thank thanks good welcome hello dear ladies please today here "
    "after before following next maybe perhaps moderator moderators "
    "internet digital global compact governance agenda summit session sessions day meeting "
    "minister prime excellency his her"
)
# "Economic and Social Affairs", "the United Nations", "Minister of Digital Economy
# Development", "the Swiss National Television": bodies' and portfolios' names in capitals.
_NOT_PERSON_WORDS = (
    _NOT_NAME_WORDS
    | POSITION_NOUNS
    | vocabulary(
        "affairs nations economy development television radio innovation technology technologies "
        "information communication communications security "
        # The topics an introduction names beside its people ("… to talk about Sustainable
        # Development, Internet, and Inclusive Growth", "who will discuss Human Rights").
        "rights growth inclusion access freedom privacy policy data trade "
        # "the managing director from German Childhood Protection on the Internet", "inspector
        # Child Safety Crime group, Queensland Police Service Australia" (2011, 2016).
        "protection safety crime police service childhood"
    )
)


_OFFICE_ABBREVIATION = re.compile(r"[A-Z][a-z]{2,5}\.")


def people(turns: list[ParsedTurn]) -> list[ParsedPerson]:
    """Everyone the transcript names, once: its voices, and those its opening introduces."""
    found: dict[str, ParsedPerson] = {}
    chairs: dict[str, ParsedPerson] = {}
    # The opening runs to the first voices a label names: turns of no one's before them (an
    # announcer's, or a film's voices, 2021) do not count.
    first = next((index for index, turn in enumerate(turns) if _label_name(turn.speaker)), 0)
    opening = turns[: first + _OPENING_TURNS]
    for position, turn in enumerate(turns):
        name = _fuller(_label_name(turn.speaker), turn.text)
        if not name:
            continue
        key, start = person_key(name), turn.text[:_OPENING]
        opens = not found and (position == 0 or _MODERATES.search(start))
        # "I would like to give the floor to Mr Wu Hongbo": an unnamed voice (an announcer)
        # that hands this one the floor opens the session, not they.
        opens = opens and not (position and _names(turns[position - 1].text, name))
        if key not in chairs and (opens or (position < _CHAIR_TURNS and _CHAIRS.search(start))):
            # Who opens the session, or says early on that they chair it, moderates it (a rule
            # of the layout); they speak as well.
            chairs[key] = ParsedPerson(
                name=name, role="moderator", line=turn.line, inferred_by="role_from_layout"
            )
        if key in found:
            continue
        if len(found) == 1:  # a second voice: the opening is over, unless it goes on with it
            opening = opening[:position]
            # "let me hand over to Katitza Rodriguez", who then names the panel (2010): a
            # second voice that introduces two people or more moderates the panel.
            if len(_introduced(turn.text)) > 1:
                opening.append(turn)
                chairs.setdefault(
                    key,
                    ParsedPerson(
                        name=name, role="moderator", line=turn.line, inferred_by="role_from_layout"
                    ),
                )
        found[key] = ParsedPerson(name=name, role="speaker", line=turn.line)
    for turn in opening:
        for name, role in _introduced(turn.text):
            introduced = ParsedPerson(
                name=name, role=role, line=turn.line, inferred_by="introduced_in_transcript"
            )
            key = person_key(name)
            if role == "moderator":
                chairs.setdefault(key, introduced)
            elif key not in chairs:  # one the opening hands the moderation is no panellist
                found.setdefault(key, introduced)
    return [*chairs.values(), *found.values()]


def _names(text: str, name: str) -> bool:
    """Whether the last words of a turn name the person (their surname)."""
    return fold(name.split()[-1]) in fold(text[-_OPENING:])


def _label_name(label: str) -> str:
    """The person a turn's label names, written as a name is ("STEPHANIE CZERNY" as "Stephanie
    Czerny": captions print every label in capitals), or "" when it names none."""
    words = [word.casefold().strip(".") for word in label.split()]
    # "SECRETARIAT CHENGETAI MASANGO" (2018): a role before a whole name, two words at least,
    # no initial or abbreviation among them ("CHAIR ST. AMOUR" is a surname alone).
    while len(words) > 2 and words[0] in _NOT_A_NAME | _OFFICES and "." not in label:
        if set(words) & _PLACING:  # "PARTICIPANT FROM KENYA": where they are from
            return ""
        words, label = words[1:], label.split(maxsplit=1)[1]
    if set(words) & _NOT_A_NAME or (len(words) == 2 and words[0] in _OFFICES):
        return ""
    # "JOSE ANTONIO MARCONDES de CARVLAHO" (2015): capitals, a particle aside.
    if all(word.isupper() or word in NAME_JOINERS for word in label.split()):
        label = re.sub(r"[^\W\d_]+", lambda word: word[0][0] + word[0][1:].lower(), label)
        # "BERTRAND DE LA CHAPELLE": a particle inside a name is written small.
        first, *rest = label.split(" ")
        label = " ".join([first, *(w.lower() if w.lower() in NAME_JOINERS else w for w in rest)])
    label = without_honorifics(label)
    # "H.E. FED. COUN. MORITZ LEUENBERGER" (2009): the abbreviations of an office before a name.
    while len(words := label.split()) > 2 and _OFFICE_ABBREVIATION.fullmatch(words[0]):
        label = label.split(maxsplit=1)[1]
    return label if is_name(label) else ""


def _fuller(label_name: str, text: str) -> str:
    """The label's name, or the name the voice gives itself in `text` where the label has none
    or only its initial ("D. MILOSHEVIC" who says "My name is Desiree Miloshevic")."""
    if not label_name:
        return _self_named(text)
    first, *rest = label_name.split()
    if len(first.rstrip(".")) > 1:
        return label_name
    self_named = _self_named(text)
    if self_named and fold(self_named).endswith(fold(" ".join(rest))):
        return self_named
    return label_name


def _self_named(text: str) -> str:
    """The name a voice gives itself in its opening words ("My name is …"), or ""."""
    for said in _SELF.finditer(text[:_OPENING]):  # "I'm going to move around. … My name is …"
        named = _spoken_names(said["rest"])
        if named and said["rest"].startswith(named[0]):
            return named[0]
    return ""


def _introduced(text: str) -> list[tuple[str, str]]:
    """The people the opening turn places in the room, each with their role."""
    introduced, placing, announced = [], False, False
    for sentence in _SENTENCE_END.split(text):
        names = _spoken_names(sentence)
        cued = (
            _PRESENT.search(sentence) or _MODERATION.search(sentence) or _ANNOUNCES.search(sentence)
        )
        if not names and not cued:
            continue  # "Department of State" (after "the U.S."): the list may go on
        # After "Let me introduce our esteemed panelists.", each sentence that opens with a name
        # ("Honorable Mr. Sigbjørn Gjelsvik, a member of …", 2024) goes on with the list.
        listed = announced and names and _opens_with(sentence, names[0])
        goes_on = placing and (listed or _GOES_ON.match(sentence) or _names_alone(sentence, names))
        placing = bool(cued or goes_on) and not _ABSENT.search(sentence)
        announced = bool(_ANNOUNCES.search(sentence)) or (announced and not names) or listed
        if placing:
            # A listed sentence names its person first; the rest describes them ("… regional
            # cooperation in Latin America").
            placed = names[:1] if listed and not cued else names
            if sentence.count(";") > 1:
                # "Mr. Hugh Stevenson, Deputy Director …; Rafael Garcia Gozalo, Head of …;
                # …" (2010): each item's first name is its person, the rest their posts.
                placed = [name for item in sentence.split(";") for name in _spoken_names(item)[:1]]
            introduced += [(name, _introduced_role(sentence, name)) for name in placed]
    return introduced


def _opens_with(sentence: str, name: str) -> bool:
    """Whether a sentence opens with the name, its honorifics aside ("Her Excellency Ms.")."""
    before = (
        sentence[: sentence.find(name)].replace("Her Excellency", "").replace("His Excellency", "")
    )
    return all(fold(word) in HONORIFICS for word in before.split())


def _introduced_role(sentence: str, name: str) -> str:
    """A name's role in the sentence that introduces it: the moderator's where the sentence
    hands over the moderation (online where the last hand-over before the name says so)."""
    cues = list(_MODERATION.finditer(sentence))
    if not cues:
        return "speaker"
    before = [cue for cue in cues if cue.end() <= sentence.find(name)]
    online = before and (before[-1]["online"] or before[-1]["remote"])
    return "online_moderator" if online else "moderator"


def _names_alone(sentence: str, names: list[str]) -> bool:
    """Whether a sentence is nothing but names, with their titles: "Ms. Mina Seonmin Jun and
    Ms. Renata." goes on with the list before it (a first name alone is no name of its own)."""
    for name in names:
        sentence = sentence.replace(name, " ")
    words = [word.strip(_AFTER_WORD) for word in sentence.split()]
    return all(word in ("", "and") or word[0].isupper() for word in words)


def _spoken_names(sentence: str) -> list[str]:
    """The runs of capitalised words of a sentence that read as a person's name, titles and
    positions before them left out ("Secretary‑General Amandeep Singh Gill")."""
    names, run = [], []
    before = ""  # the word before the run

    def close_run():
        while run and run[-1] in NAME_JOINERS:
            run.pop()
        while run and (
            _is_position(run[0]) or fold(run[0]) in _NOT_NAME_WORDS or run[0] in ("I'm", "I’m")
        ):
            run.pop(0)  # "And Myla Pilao", "I'm Stephanie Czerny": no part of the name
        if before in ("in", "at") and len(run) > 2 and names_a_place_or_body(run[0]):
            run.pop(0)  # "… office in Geneva Chengetai Masango" (2021), not "from Chad Garcia …"
        if reads_as_person(name := " ".join(run), _NOT_PERSON_WORDS):
            names.append(name)
        run.clear()

    for word in sentence.split():
        core = word.lstrip(_BEFORE_WORD)
        core = core if core in _ABBREVIATION else core.rstrip(_AFTER_WORD)
        if fold(core) in HONORIFICS:
            close_run()
        elif core[:1].isupper() or (run and core in NAME_JOINERS):
            run.append(core)
            if core != word.lstrip(_BEFORE_WORD):  # a comma or a stop after it
                close_run()
        else:
            close_run()
        if not run:
            before = core
    close_run()
    return names


def _is_position(word: str) -> bool:
    return all(part in POSITION_NOUNS for part in fold(word).split())
