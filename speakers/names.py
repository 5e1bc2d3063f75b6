"""Keys that let different spellings of one name meet.

"GONG Ke", "Gong Ke", "Prof. GONG Ke" and "Ke Gong" are one person written
in different orders and cases; "Torbjörn" and "Torbjorn" differ only by an
accent. A key ignores exactly those differences and nothing more, so that
"XIAO YANG" and "Xiaobo YANG" stay apart.
"""

import re
import unicodedata

HONORIFICS = {
    "prof",
    "professor",
    "dr",
    "mr",
    "mrs",
    "miss",
    "ms",
    "amb",
    "ambassador",
    "honourable",
    "honorable",
}
# His or Her Excellency. Written with dots ("H.E.") it folds to two words, and is always the
# title. Written "HE" it is also a common surname ("HE Jun", "Jun He"): it is taken as the
# title only when it leads and a name of two words or more follows ("HE Ada Lovelace").
EXCELLENCY = ("h", "e")
# Likewise "Hon." (the Honourable, of members of parliament): also a surname ("Hon Lik").
SHORT_TITLES = {"he", "hon"}
ACRONYM_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def fold(text):
    """Lower case, without accents, with runs of space and punctuation as one space."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def sort_key(name):
    """A name as the lists sort it: lower case, without accents, so that "DU Guimei" sorts
    with "Du" and "Élodie" with "Elodie" on every database."""
    return fold(name)


def fold_letters(text):
    """The text with accents dropped letter by letter, so that it keeps its length."""
    table = {}
    for ch in set(text):
        if not ch.isascii():
            plain = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            if len(plain) == 1:
                table[ord(ch)] = plain
    return text.translate(table)


def leading_titles(words):
    """How many of the folded `words` at the start are titles, a name of one word at least left."""
    count = 0
    while len(words) - count > 1:
        rest = words[count:]
        if rest[0] in HONORIFICS:
            count += 1
        elif tuple(rest[:2]) == EXCELLENCY and len(rest) > 2:
            count += 2
        elif rest[0] in SHORT_TITLES and len(rest) > 2:
            count += 1
        else:
            break
    return count


def without_honorifics(name):
    """The name with leading titles dropped: "Prof. GONG Ke" is shown as "GONG Ke"."""
    words = name.split()
    # Each word as published is dropped only when all of it is title: "H.E.", "Prof.".
    while len(words) > 1:
        folded = fold(words[0]).split()
        rest = [word for later in words[1:] for word in fold(later).split()]
        if not folded or leading_titles(folded + rest) < len(folded):
            break
        words.pop(0)
    return " ".join(words)


def person_key(name):
    """Order-free key of a person's name, leading titles left out."""
    words = fold(name).split()
    return " ".join(sorted(words[leading_titles(words) :]))


def organization_key(name):
    """Key of an organization's name, a trailing "(ACRONYM)" left out."""
    return fold(ACRONYM_SUFFIX.sub("", name))
