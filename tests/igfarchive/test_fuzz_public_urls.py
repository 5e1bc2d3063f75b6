"""Every public URL and every filter parameter, sent random and nasty values (hypothesis).

Whatever a reader or a robot sends, the answer is 200, 400 (the API's refusal of a bad
parameter) or 404: never a server error. Runs on both databases, on the five bundled documents.
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bundled import import_bundled

ANSWERS = {200, 400, 404}
# Examples per URL: enough to reach every parameter with odd values, quick on both databases.
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    # The archive is imported once per test and only read by the examples.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "-99999999999999999999",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "7.a",
    "7.99",
    "2024-13-45",
    "0000",
    "9999",
    "٢٠٢٤",
    "' OR 1=1 --",
    "1); DROP TABLE archive_session; --",
    '" or ""="',
    "%",
    "_",
    "\\",
    "\x00",
    "a\x00b",
    "\x1b[31m\r\n\t",
    "\u202e\u200b\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀",
    "<script>alert(1)</script>",
    '-word or "a phrase" & | ! ( ) : *',
    "&&||!!::**",
    "x" * 5000,
    "digital " * 500,
]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=200))
LIST_PARAMETERS = [
    "q",
    "sdg",
    "year",
    "meeting",
    "type",
    "organizer",
    "speaker",
    "stakeholder",
    "region",
    "has",
    "sort",
    "page",
    "page_size",
    "limit",
    "offset",
    "format",
    "unknown",
]
# A query string: parameters in any order, repeated, with any values.
QUERIES = st.lists(
    st.tuples(st.one_of(st.sampled_from(LIST_PARAMETERS), st.text(max_size=20)), VALUES),
    max_size=8,
)

LIST_URLS = [
    "/",
    "/sessions/",
    "/sessions/export.csv",
    "/sessions/export.json",
    "/sessions/calendar.ics",
    "/people/",
    "/organizations/",
    "/meetings/",
    "/meetings/igf-2024/",
    "/sdgs/",
    "/sdgs/7/",
    "/feed/",
    "/sitemap.xml",
    "/api/sessions/",
    "/api/people/",
    "/api/organizations/",
    "/api/meetings/",
    "/api/sdgs/",
]
# Pages named by the path: each {} takes a random segment.
PATH_URLS = [
    "/sessions/{}/{}/",
    "/sessions/igf-2024/{}/",
    "/sessions/{}/{}/calendar.ics",
    "/people/{}/",
    "/organizations/{}/",
    "/meetings/{}/",
    "/sdgs/{}/",
    "/api/sessions/{}/",
    "/api/people/{}/",
    "/api/organizations/{}/",
    "/api/meetings/{}/",
    "/api/sdgs/{}/",
]
SEGMENTS = st.one_of(
    st.sampled_from(NASTY).filter(bool),
    st.text(min_size=1, max_size=100),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@pytest.fixture
def archive(db):
    import_bundled()


def status_of(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # an export fails, if at all, while it streams
    return response.status_code


@pytest.mark.parametrize("url", LIST_URLS)
def test_list_url_with_any_parameters_answers_without_server_error(client, archive, url):
    @EXAMPLES
    @given(query=QUERIES)
    def check(query):
        assert status_of(client, f"{url}?{urlencode(query)}") in ANSWERS

    check()


@pytest.mark.parametrize("pattern", PATH_URLS)
def test_page_named_by_any_path_answers_without_server_error(client, archive, pattern):
    @EXAMPLES
    @given(segments=st.lists(SEGMENTS, min_size=2, max_size=2))
    def check(segments):
        url = pattern.format(*(quote(segment, safe="") for segment in segments))
        assert status_of(client, url) in ANSWERS

    check()
