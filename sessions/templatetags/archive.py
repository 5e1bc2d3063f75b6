"""Template filters and tags of the archive's pages."""

import re
import unicodedata
from urllib.parse import unquote

from django import template
from django.template.defaulttags import querystring
from django.utils.html import escape
from django.utils.safestring import mark_safe

from sessions.models import Inference
from sessions.outputs import citation

register = template.Library()

HEADING = re.compile(r"#{1,6}\s+(?P<text>.+)")
BOLD = re.compile(r"\*\*(?P<text>[^*\n]+)\*\*")
# Unicode categories never shown: format characters (marks of direction, zero widths),
# controls, unassigned code points.
INVISIBLE = {"Cf", "Cc", "Cn"}
# A report longer than this, in characters, with more than one section is shown folded, one
# <details> a section: on the WSIS session's page the report alone ran to 15,000 px.
LONG_REPORT = 4000


@register.filter
def report_blocks(text):
    """A report as blocks: its paragraphs (split on blank lines), and its "#" headings.

    Machine-generated reports mark headings with "#" and names with "**"; the text is
    otherwise shown as published.
    """
    blocks = []
    for part in re.split(r"\n\s*\n", text.strip()):
        heading = HEADING.fullmatch(part.strip())
        if heading:
            blocks.append({"heading": heading["text"]})
        elif part.strip():
            html = BOLD.sub(r"<strong>\g<text></strong>", escape(part.strip()))
            blocks.append({"html": mark_safe(html.replace("\n", "<br>"))})
    return blocks


@register.filter
def report_sections(text):
    """A report as sections, each a heading (None before the first) and its paragraphs'
    HTML, and whether the page folds them: `{"folded": bool, "sections": [...]}`."""
    sections = []
    for block in report_blocks(text):
        if "heading" in block or not sections:
            sections.append({"heading": block.get("heading"), "blocks": []})
        if "html" in block:
            sections[-1]["blocks"].append(block["html"])
    folded = len(sections) > 1 and len(text) > LONG_REPORT
    return {"folded": folded, "sections": sections}


@register.filter
def minutes_seconds(seconds):
    """355 -> "5:55", a speaking time."""
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def labelled_parts(statement):
    """A statement's labelled parts (Reason, Impact, Speakers...) as (label, texts, inline).

    `group` and `section` say where the statement sat in its report and are shown apart; a
    part that repeats the statement is left out. `inline` is true for a list of short texts
    (names, topics), which reads best on one line.
    """
    parts = []
    for label, value in (statement.details or {}).items():
        if label in {"group", "section"} or value in ("", [], None) or value == statement.text:
            continue
        texts = [str(item) for item in value] if isinstance(value, list) else [str(value)]
        parts.append((label, texts, len(texts) > 1 and all(len(text) <= 40 for text in texts)))
    return parts


@register.filter
def inference(rule):
    """What an importer's rule did, for readers (sessions.models.Inference); an unknown rule
    (an editor's typing) as it is."""
    return Inference(rule).label if rule in Inference.values else rule


@register.filter
def readable_url(address):
    """An address as a reader reads it: percent-escapes decoded and invisible characters
    (a left-to-right mark the source's page name holds, "…igf-%E2%80%8E") left out. The link
    itself keeps the address as published."""
    decoded = unquote(address)
    return "".join(char for char in decoded if unicodedata.category(char) not in INVISIBLE)


register.filter("apa", citation.apa)
register.filter("chicago", citation.chicago)


@register.filter
def field_label(name):
    """A field's name for readers: "start_date" -> "Start date"."""
    return name.replace("_", " ").capitalize()


@register.simple_tag(takes_context=True)
def page_query(context, query, parameter, number):
    """`{% querystring query page=number %}` for a page parameter of any name.

    A page with several paginated lists gives each list its own parameter.
    """
    return querystring(context, query, **{parameter: number})
