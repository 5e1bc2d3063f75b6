"""The template filters of the archive's pages."""

from sessions.templatetags.archive import LONG_REPORT, inference, readable_url, report_sections


def test_report_sections_groups_paragraphs_under_their_headings():
    report = "Opening.\n\n# Findings\n\nOne **Ada** said.\n\nTwo.\n\n## Next\n\nThree < four."

    sections = report_sections(report)

    assert sections == {
        "folded": False,
        "sections": [
            {"heading": None, "blocks": ["Opening."]},
            {"heading": "Findings", "blocks": ["One <strong>Ada</strong> said.", "Two."]},
            {"heading": "Next", "blocks": ["Three &lt; four."]},
        ],
    }


def test_report_sections_fold_a_long_report_of_several_sections():
    long_text = "x" * LONG_REPORT

    assert report_sections(f"# One\n\n{long_text}\n\n# Two\n\nEnd.")["folded"] is True
    assert report_sections(f"# One\n\n{long_text}")["folded"] is False
    assert report_sections("# One\n\nA.\n\n# Two\n\nB.")["folded"] is False


def test_readable_url_decodes_escapes_and_drops_invisible_characters():
    address = (
        "https://intgovforum.org/en/content/invitation-to-the-sixteenth-annual-meeting-of-the-"
        "internet-%E2%80%8Egovernance-forum-igf-%E2%80%8E"
    )

    assert readable_url(address) == (
        "https://intgovforum.org/en/content/invitation-to-the-sixteenth-annual-meeting-of-the-"
        "internet-governance-forum-igf-"
    )
    assert readable_url("https://example.org/caf%C3%A9?q=a%20b") == "https://example.org/café?q=a b"


def test_inference_says_what_the_rule_did():
    assert inference("date_from_report") == (
        "taken from the opening words of the session report; the page gives no date of its own"
    )
    assert inference("an editor's note") == "an editor's note"
