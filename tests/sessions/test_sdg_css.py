"""static/css/sdg.css: the 17 goals in their official colours, each with AA-contrast text."""

import json
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
RULE = re.compile(r"\.sdg-(\d+) \{ background: (#[0-9A-Fa-f]{6}); color: (#fff|#000); \}")


def luminance(colour):
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rules():
    css = (ROOT / "static" / "css" / "sdg.css").read_text(encoding="utf-8")
    return {int(number): (background, text) for number, background, text in RULE.findall(css)}


def test_every_goal_has_its_official_colour():
    reference = json.loads(
        (ROOT / "fixtures" / "reference" / "sdg_goals_targets.json").read_text(encoding="utf-8")
    )
    official = {goal["number"]: goal["color"].upper() for goal in reference["goals"]}
    assert {number: background.upper() for number, (background, _) in rules().items()} == official


def test_every_goal_text_colour_reaches_aa_contrast():
    for number, (background, text) in rules().items():
        colour = "#ffffff" if text == "#fff" else "#000000"
        assert contrast(background, colour) >= 4.5, number


def test_white_text_wherever_it_reaches_aa():
    # The official SDG icons use white text; black only where white is too faint.
    for number, (background, text) in rules().items():
        white_passes = contrast(background, "#ffffff") >= 4.5
        assert (text == "#fff") == white_passes, number
