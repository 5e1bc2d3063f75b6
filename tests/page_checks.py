"""Checks every public page must pass: valid structure, accessible, no inline CSS or JS.

Used by the view tests of both apps: `assert_good_page(response)` fails with every problem
found in the page at once.
"""

from html.parser import HTMLParser

FORM_CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.headings = []
        self.labels_for = set()
        self.controls = []
        self.fragments = []
        self.labelled_by = []
        self.problems = []
        self.html_lang = None
        self.title = ""
        self.description = None
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "style" in attributes:
            self.problems.append(f"inline style on <{tag}>")
        if any(name.startswith("on") for name in attributes):
            self.problems.append(f"inline event handler on <{tag}>")
        # A JSON-LD block is data, not executable script (session pages hold one).
        if tag == "style" or (tag == "script" and attributes.get("type") != "application/ld+json"):
            self.problems.append(f"<{tag}> element")
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "title":
            self.in_title = True
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content", "")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "label" and attributes.get("for"):
            self.labels_for.add(attributes["for"])
        if tag in FORM_CONTROLS and attributes.get("type") not in UNLABELLED_INPUT_TYPES:
            self.controls.append(attributes)
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.fragments.append(attributes["href"][1:])
        if attributes.get("aria-labelledby"):
            self.labelled_by.extend(attributes["aria-labelledby"].split())

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def page_problems(html):
    parser = PageParser()
    parser.feed(html)
    problems = list(parser.problems)
    if not parser.html_lang:
        problems.append("no lang attribute on <html>")
    if not parser.title.strip():
        problems.append("no <title>")
    if not (parser.description or "").strip():
        problems.append('no <meta name="description">')
    duplicates = sorted({id_ for id_ in parser.ids if parser.ids.count(id_) > 1})
    if duplicates:
        problems.append(f"duplicate ids {duplicates}")
    if parser.headings.count(1) != 1:
        problems.append(f"{parser.headings.count(1)} <h1> elements")
    for before, after in zip(parser.headings, parser.headings[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading level skipped: h{before} then h{after}")
    for control in parser.controls:
        if control.get("id") not in parser.labels_for and not control.get("aria-label"):
            problems.append(f"form control without a label: {control}")
    ids = set(parser.ids)
    for fragment in parser.fragments:
        if fragment and fragment not in ids:
            problems.append(f"link to #{fragment}, which is not on the page")
    for id_ in parser.labelled_by:
        if id_ not in ids:
            problems.append(f"aria-labelledby names #{id_}, which is not on the page")
    return problems


def assert_good_page(response, status=200):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert page_problems(response.content.decode()) == []
    # Public pages set no cookie: no session, no CSRF token, no messages.
    assert not response.cookies
