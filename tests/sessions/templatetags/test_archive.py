"""The template filters of the archive's pages."""

from sessions.templatetags.archive import LONG_REPORT, report_sections


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
