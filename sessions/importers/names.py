"""What reads as a person's name on a published page, and the titles printed before one.

Every parser asks these questions the same way; speakers/names.py then keys the names read, so
that different spellings of one person meet.
"""

import re

from sessions.search import STOP_WORDS
from speakers.affiliations import (
    CITIES,
    COUNTRIES,
    ORGANIZATION_WORDS,
    PLACE_WORDS,
    POSITION_NOUNS,
    REGIONS,
    vocabulary,
)
from speakers.names import fold, without_honorifics

__all__ = [
    "HONORIFIC_PERSON",
    "NAME_WORD",
    "NAME_JOINERS",
    "PARENTHESES",
    "TITLE",
    "could_be_a_name",
    "is_name",
    "looks_like_name",
    "names_a_person",
    "names_a_place_or_body",
    "names_a_post",
    "reads_as_person",
    "said_once",
    "where_from",
    "without_honorifics",
]

# A word of a person's name: a letter or digit, then letters, digits, dots, apostrophes and
# hyphens ("O'Neil", "Jean-Marc", "Jr.").
NAME_WORD = re.compile(r"[^\W_][\w.'’‐‑-]*")  # "Ole‑Martin": hyphens of every width


def looks_like_name(label: str, most_words: int, word_shape: re.Pattern, joiners=()) -> bool:
    """At most `most_words` words, each of `word_shape` and capitalised (or a number), or one
    of `joiners` ("of", "van", ...)."""
    words = label.split()
    return 1 <= len(words) <= most_words and all(
        word in joiners or (word_shape.fullmatch(word) and (word[0].isupper() or word[0].isdigit()))
        for word in words
    )


# The titles the pages print before a name, the longer spelling of each first ("Mrs" before
# "Mr"); each may take a dot after it ("H.E.", "Amb.", "Prof").
TITLE = r"(?:Mrs|Mr|Ms|Dr|Professor|Prof|Ambassador|Amb|H\.E)"
# "Mr. Yang Xiaobo, Head of …": a name after its title, before a comma.
HONORIFIC_PERSON = re.compile(TITLE + r"\.? (?P<name>[A-Z][^,]{1,80}),")
# The particles of a name, in lower case ("Bruna Marlins dos Santos", "Moira de Roche").
NAME_JOINERS = frozenset(
    {"de", "da", "das", "dos", "do", "du", "di", "van", "von", "der", "den", "del", "della", "bin"}
    | {"al", "la", "le", "ter", "ten"}
)
# "Mr. David Fairchild (onsite)", "Amb. Jānis Kārkliņš … (remote)": where they take part from.
_PRESENCE = re.compile(r" ?\((?P<presence>on-?site|online|remote|virtual|in person)\)$", re.I)
_AFAR = {"online", "remote", "virtual"}
# A name of more words is a sentence.
_MOST_NAME_WORDS = 8
# A run of capitalised words found in prose or in a list is a name of at most so many words.
_MOST_PROSE_NAME_WORDS = 4
# The regions' one-word names, but the shortest ("NA", "EU", "LAC"), which are also names'.
_REGION_WORDS = frozenset(region for region in REGIONS if " " not in region and len(region) > 3)
_PLACE_OR_BODY_WORDS = ORGANIZATION_WORDS | PLACE_WORDS | _REGION_WORDS
# The posts that are no one's name or surname ("MAG Member", "National Director of …"); "Dean",
# "Head", "Chief", "Fellow" and the like are also names, and stay out.
_POST_WORDS = POSITION_NOUNS - vocabulary(
    "alumni alumnus candidate chair chief dean envoy expert fellow founder general governor head "
    "intern lead leader mayor mp partner principal student vice"
)
PARENTHESES = re.compile(r"\((?P<inside>[^()]{0,200})\)")


def is_name(text: str) -> bool:
    """Two to six capitalised words (particles aside): "Wisdom Donkor", "Moira de Roche"."""
    return len(text.split()) >= 2 and looks_like_name(text, 6, NAME_WORD, NAME_JOINERS)


_ACRONYM_IN = re.compile(r"[A-Z]{2}")


def reads_as_person(name: str, not_name_words: frozenset[str] = frozenset()) -> bool:
    """Whether capitalised words found in prose or in a list are one person's name: two to
    four words (particles aside), none an acronym ("UN", "MAG") or one of `not_name_words`
    (folded), and no place's or body's name."""
    words = name.split()
    # "Ana Cristina Amoroso das Neves": a particle is no word of the count.
    counted = [word for word in words if word not in NAME_JOINERS]
    return (
        2 <= len(counted) <= _MOST_PROSE_NAME_WORDS
        and is_name(name)
        # "UN", "MAG", and an acronym's plural ("Regional IGFs")
        and not any(word.isupper() or _ACRONYM_IN.search(word) for word in words)
        # "Assistant Secretary‑General": a hyphenated word by its parts
        and not {part for word in words for part in fold(word).split()} & not_name_words
        and not names_a_place_or_body(name)
    )


def names_a_person(text: str) -> bool:
    """A name (is_name), and no place's, body's or post's in the same shape ("Think Tank
    Africa", "MAG Member")."""
    return is_name(text) and not names_a_place_or_body(text) and not names_a_post(text)


def names_a_place_or_body(name: str) -> bool:
    """Whether capitalised words name a country, a city, a region or an organization, not a
    person: "Western European Region", "Think Tank Africa", "Kenya", "New York", "Digital
    Grassroots Network", "Dynamic Coalitions"."""
    words = set(fold(name).split())
    # "Banks" is also a surname.
    plurals = {word[:-1] for word in words if word.endswith("s") and word != "banks"}
    return bool((words | plurals) & _PLACE_OR_BODY_WORDS) or fold(name) in COUNTRIES | CITIES


def names_a_post(text: str) -> bool:
    """Whether words name a post, not a person: "MAG Member", "Academic Director South School
    on Internet Governance". A post before a name is a title ("Minister Jane Doe")."""
    return bool(set(fold(text).split()[1:]) & _POST_WORDS)


def said_once(name: str) -> str:
    """A name the page printed twice in a row ("Karen McCabe Karen McCabe"), once."""
    words = name.split()
    half = len(words) // 2
    if half >= 2 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def could_be_a_name(name: str) -> bool:
    """Whether a people section's record opens with what could be a name, as published
    ("jinhe liu" too): not a number, a label, an agenda ("Keynote (5 Minutes) + Panel …") or a
    sentence ("Courtney Radsch is substituting for Jan as Moderator": more than two words in
    lower case, "de" and the like aside, or a word such as "this" in a capitalised name)."""
    words = PARENTHESES.sub("", name).split()  # "João Pedro Martins (Delegation of …)"
    lower = [word for word in words if word.islower() and word not in NAME_JOINERS]
    return (
        0 < len(words) <= _MOST_NAME_WORDS
        and not name.endswith(":")
        and not any(word[0].isdigit() for word in words)  # "Agenda outline 1.Welcome"
        and all(any(letter.isalpha() for letter in word) for word in words)  # "Keynote + …"
        and not any(mark in name for mark in "@[]")  # "[email protected]", an e-mail's stand-in
        and len(lower) <= 2
        # A capitalised name's words in lower case are particles or a name's own ("Issa
        # Mahamat addia"), never a sentence's: "In this session, we would like …".
        and (not STOP_WORDS & set(lower) or all(word.islower() for word in words))
    )


def where_from(text: str) -> tuple[str, bool]:
    """The text without its closing "(onsite)" or "(remote)", and whether it says remote."""
    if presence := _PRESENCE.search(text):
        return text[: presence.start()], presence["presence"].casefold() in _AFAR
    return text, False
