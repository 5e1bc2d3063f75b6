"""The text helpers every parser shares."""

import pytest

from sessions.importers.text import DocumentWords

DOCUMENT = (
    "Big data for environmental sustainability. The environment needs data.\n"
    "Key takeaways: big data in promoting enviro\n"
    "Digital cooperation is essential for effective digital governance\n"
    "WSIS Evolut\nThe WSIS evolution goes on."
)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # A word found nowhere else in the document, and the start of a longer word in it.
        ("big data in promoting enviro", True),
        ("WSIS Evolut", True),
        ("WSIS Evolut  ", True),
        # Whole words, without a full stop: the DiploAI reports write statements so.
        ("Digital cooperation is essential for effective digital governance", False),
        # Closing punctuation: finished.
        ("big data in promoting enviro.", False),
        ("big data in promoting enviro…", False),
        ("", False),
    ],
)
def test_cut_off_finds_a_statement_the_source_stopped_mid_word(statement, expected):
    assert DocumentWords(DOCUMENT).cut_off(statement) is expected


def test_document_words_fold_case():
    words = DocumentWords("Data, data and DATA; the end.")

    assert words.counts == {"data": 3, "and": 1, "the": 1, "end": 1}
    assert words.sorted == ["and", "data", "end", "the"]
