"""Keys that let different spellings of one name meet.

"GONG Ke", "Gong Ke", "Prof. GONG Ke" and "Ke Gong" are one person written
in different orders and cases; "Torbjörn" and "Torbjorn" differ only by an
accent. A key ignores exactly those differences and nothing more, so that
"XIAO YANG" and "Xiaobo YANG" stay apart.
"""

import re
import unicodedata

HONORIFICS = {"prof", "professor", "dr", "mr", "mrs", "ms", "h.e", "he", "amb", "ambassador"}
ACRONYM_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


def fold(text):
    """Lower case, without accents, with runs of space and punctuation as one space."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


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


def without_honorifics(name):
    """The name with leading titles dropped: "Prof. GONG Ke" is shown as "GONG Ke"."""
    words = name.split()
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def person_key(name):
    """Order-free key of a person's name, honorifics left out."""
    words = [word for word in fold(name).split() if word not in HONORIFICS]
    return " ".join(sorted(words))


def organization_key(name):
    """Key of an organization's name, a trailing "(ACRONYM)" left out."""
    return fold(ACRONYM_SUFFIX.sub("", name))
