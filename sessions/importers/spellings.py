"""Spellings in running text: "Lin Zhiqiang" for Zhiqiang Lin, "Torbjörn" for Torbjorn."""

import re

from speakers.history import current_change_reason
from speakers.identity import add_person_alias
from speakers.models import PersonAlias
from speakers.names import fold_letters, person_key


def collect_spellings(text, participants):
    """Add to the participants' aliases the spellings of their names found in `text`; return
    one change line for each spelling added."""
    changes = []
    keys, known = {}, set()
    for person in participants:
        for alias in person.aliases.all():
            keys.setdefault(alias.key, person)
            known.add((person.pk, alias.name))
    name_words = {word for key in keys for word in key.split()}
    for spelling in dict.fromkeys(name_like_phrases(text, name_words)):
        person = keys.get(person_key(spelling))
        if person is not None and (person.pk, spelling) not in known:
            detail = "; ".join(filter(None, [f"“{spelling}” in the text", current_change_reason()]))
            add_person_alias(person, spelling, PersonAlias.Rule.RUNNING_TEXT, detail)
            known.add((person.pk, spelling))
            changes.append(f"spelling {spelling!r} for {person.name}")
    return changes


def name_like_phrases(text, name_words, longest=4):
    """Runs of 2-4 capitalised words, each one of `name_words`, with only a space between.

    `name_words` are the folded words of the names looked for (no titles such as "Prof.").
    The text is folded letter by letter (accents dropped, same length), so that one regular
    expression finds the candidate words and the phrases keep the text's own spelling:
    "Torbjörn Fredriksson", "Kevin C. Desouza". A phrase never spans punctuation, a line
    break or the end of a sentence.
    """
    if not name_words:
        return
    words = "|".join(sorted(map(re.escape, name_words), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)\.?", re.IGNORECASE)
    run = []
    for match in pattern.finditer(fold_letters(text)):
        start, end = match.span()
        joined = run and not text[run[-1][1] : start].strip(" ")
        ends_sentence = run and text[run[-1][1] - 1] == "." and run[-1][1] - run[-1][0] > 2
        if not text[start].isupper():
            run = []
            continue
        if not joined or ends_sentence:
            run = []
        run.append((start, end))
        for size in range(2, min(len(run), longest) + 1):
            yield text[run[-size][0] : end].rstrip(".")
