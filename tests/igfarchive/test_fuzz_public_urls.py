"""Every public URL and every filter parameter, sent random and nasty values (hypothesis).

Each answer is the one the URL promises, not merely "no server error":
- an HTML list answers 200 whatever its parameters, and leaves each bad value out with a
  message ("Ignored year=abc: not a year") that names exactly the bad ones;
- an API list answers 200 when every parameter is one of its FilterSet's and names something,
  and 400 naming exactly the bad parameters otherwise;
- the other pages and downloads answer 200 whatever their query string;
- a path that names nothing answers 404.
Runs on both databases, on the five bundled documents. The values the archive knows (meeting,
organization and person slugs, SDG targets) are read from the imported archive.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.browse.filters import SessionFilter
from sessions.browse.parameters import SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS
from sessions.browse.people_filters import OrganizationFilter, PersonFilter
from sessions.models import Meeting, SdgTarget, Session
from speakers.models import Organization, Person
from tests.bundled import import_bundled

# Examples per URL: enough to reach every parameter with odd values, quick on both databases.
EXAMPLES = settings(
    max_examples=30,
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

ANY_TEXT = st.one_of(st.sampled_from(NASTY), st.text(max_size=200))

# What the URL parameters of the lists accept: a FilterSet's form fields, and the page.
LIST_FILTERS = {
    "/sessions/": SessionFilter,
    "/people/": PersonFilter,
    "/organizations/": OrganizationFilter,
}
YEAR = re.compile(r"[12]\d{3}")
NOT_A_PAGE_NUMBER = st.one_of(
    st.sampled_from(["0", "-1", "1.0", "one", "99999999999999999999", "٢"]),
    st.integers(min_value=10**6).map(str),
    st.text(min_size=1, max_size=20).filter(lambda text: not text.strip().isdigit()),
)


@pytest.fixture
def archive(db):
    import_bundled()


@pytest.fixture
def vocabulary(archive):
    """The values each list's parameters accept ({url: {name: values}}): closed vocabularies,
    and what the archive holds. A name may mean other things on two lists (`sort`)."""
    known = {
        "sdg": [str(number) for number in range(1, 18)]
        + list(SdgTarget.objects.values_list("code", flat=True)),
        "meeting": list(Meeting.objects.values_list("slug", flat=True)),
        "organizer": list(Organization.objects.values_list("slug", flat=True)),
        "speaker": list(Person.objects.values_list("slug", flat=True)),
    }
    per_list = {}
    for url, filterset in LIST_FILTERS.items():
        per_list[url] = dict(known)
        for name, field in filterset().form.fields.items():
            choices = getattr(field, "choices", None)
            if choices:
                per_list[url][name] = [value for value, _label in choices if value]
    assert {
        url: sorted(name for name, values in names.items() if values)
        for url, names in per_list.items()
    } == {
        "/sessions/": sorted([*known, "sort", "type", "stakeholder", "region", "has"]),
        "/people/": sorted([*known, "stakeholder", "region", "sort"]),
        "/organizations/": sorted([*known, "stakeholder", "region", "sort"]),
    }
    return per_list


def is_a_search(text):
    """Within the search's bounds (sessions/browse/parameters.py), and without NUL."""
    words = text.strip()
    return (
        "\x00" not in text
        and len(words) <= SEARCH_MAX_LENGTH
        and (len(words.split()) <= SEARCH_MAX_WORDS)
    )


def valid_value(name, vocabulary):
    if name == "q":
        return ANY_TEXT.filter(is_a_search)
    if name == "year":
        return st.integers(min_value=1000, max_value=2999).map(str)
    if name == "page":
        return st.just("1")
    return st.sampled_from(vocabulary[name])


def bad_value(name, vocabulary):
    """A value the parameter cannot use, with no space around it (the people lists' choice
    fields keep such spaces, the session list's fields strip them)."""
    if name == "q":
        too_long = "x" * (SEARCH_MAX_LENGTH + 1)
        too_many_words = " ".join(["data"] * (SEARCH_MAX_WORDS + 1))
        return st.sampled_from(["\x00", "a\x00b", "digital\x00", too_long, too_many_words])
    if name == "page":
        return NOT_A_PAGE_NUMBER
    text = ANY_TEXT.map(str.strip).filter(bool)
    if name == "year":
        return text.filter(lambda value: not YEAR.fullmatch(value))
    return text.filter(lambda value: value not in vocabulary[name])


def parameters_of(url):
    return [*LIST_FILTERS[url]().form.fields, "page"]


def draw_query(data, url, vocabularies):
    """Some of the list's parameters, each once, each a good or a bad value; and the bad ones."""
    vocabulary = vocabularies[url]
    names = data.draw(st.lists(st.sampled_from(parameters_of(url)), unique=True, max_size=5))
    query, bad = {}, {}
    for name in names:
        if data.draw(st.booleans(), label=f"{name} is bad"):
            query[name] = bad[name] = data.draw(bad_value(name, vocabulary), label=name)
        else:
            query[name] = data.draw(valid_value(name, vocabulary), label=name)
    return query, bad


def status_of(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # an export fails, if at all, while it streams
    return response.status_code


@pytest.mark.parametrize("url", list(LIST_FILTERS))
def test_html_list_answers_200_and_names_each_ignored_value(client, vocabulary, url):
    @EXAMPLES
    @given(data=st.data())
    def check(data):
        query, bad = draw_query(data, url, vocabulary)
        response = client.get(f"{url}?{urlencode(query)}")
        assert response.status_code == 200
        ignored = response.context["ignored"]
        assert sorted(re.match(r"Ignored (\w+)[=:]", message)[1] for message in ignored) == sorted(
            bad
        )
        for name, value in bad.items():
            if not (url == "/sessions/" and name == "q"):
                prefix = f"Ignored {name}={value}: "
                assert [message for message in ignored if message.startswith(prefix)] != []
        notice = "Some of the link's parameters were left out"
        assert (notice in response.content.decode()) == bool(bad)

    check()


@pytest.mark.parametrize("url", list(LIST_FILTERS))
def test_api_list_answers_200_or_400_naming_each_bad_parameter(client, vocabulary, url):
    @EXAMPLES
    @given(data=st.data())
    def check(data):
        query, bad = draw_query(data, url, vocabulary)
        response = client.get(f"/api{url}?{urlencode(query)}")
        # The API checks in three steps, and answers 400 at the first that finds a bad
        # parameter (sessions/api/views.py): values with a NUL character or blank (but a
        # search), then the FilterSet, then the page.
        first_step = sorted(
            name
            for name, value in bad.items()
            if "\x00" in value or (name != "q" and not value.strip())
        )
        filtered = sorted(name for name in bad if name != "page")
        refused = first_step or filtered or sorted(bad)
        if refused:
            assert response.status_code == 400
            assert sorted(response.json()["parameters"]) == refused
        else:
            assert response.status_code == 200
            assert isinstance(response.json()["results"], list)

    check()


# Each download, and the list whose parameters it takes.
DOWNLOADS = {
    "/sessions/export.csv": "/sessions/",
    "/sessions/export.json": "/sessions/",
    "/sessions/export.jsonl": "/sessions/",
    "/sessions/calendar.ics": "/sessions/",
    "/people/export.csv": "/people/",
    "/organizations/export.csv": "/organizations/",
}


@pytest.mark.parametrize("url", list(DOWNLOADS))
def test_download_answers_200_or_400_naming_each_bad_parameter(client, vocabulary, url):
    @EXAMPLES
    @given(data=st.data())
    def check(data):
        query, bad = draw_query(data, DOWNLOADS[url], vocabulary)
        # A download takes the list's filters; the page does not matter to it.
        refused = sorted(name for name in bad if name != "page")
        if refused:
            response = client.get(f"{url}?{urlencode(query)}")
            assert response.status_code == 400
            lines = response.content.decode().splitlines()[1:]
            assert sorted({line.split(":", 1)[0] for line in lines}) == refused
        else:
            assert status_of(client, f"{url}?{urlencode(query)}") == 200

    check()


API_LISTS = [
    "/api/sessions/",
    "/api/people/",
    "/api/organizations/",
    "/api/meetings/",
    "/api/sdgs/",
]
KNOWN_API_PARAMETERS = {
    "/api/sessions/": parameters_of("/sessions/"),
    "/api/people/": parameters_of("/people/"),
    "/api/organizations/": parameters_of("/organizations/"),
    "/api/meetings/": ["page"],
    "/api/sdgs/": ["page"],
}


@pytest.mark.parametrize("url", API_LISTS)
def test_api_list_refuses_an_unknown_parameter(client, archive, url):
    @EXAMPLES
    @given(name=st.text(min_size=1, max_size=20), value=ANY_TEXT)
    def check(name, value):
        if name in KNOWN_API_PARAMETERS[url]:
            return
        response = client.get(f"{url}?{urlencode({name: value})}")
        assert response.status_code == 400
        assert list(response.json()["parameters"]) == [name]

    check()


# Pages whose query string changes nothing.
OTHER_URLS = [
    "/",
    "/data/",
    "/meetings/",
    "/meetings/igf-2024/",
    "/sdgs/",
    "/sdgs/7/",
    "/feed/",
]
# A query string: parameters in any order, repeated, with any values.
QUERIES = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(["q", "sdg", "year", "meeting", "type", "sort", "page", "unknown"]),
            st.text(max_size=20),
        ),
        ANY_TEXT,
    ),
    max_size=8,
)


@pytest.mark.parametrize("url", OTHER_URLS)
def test_page_with_any_parameters_answers_200(client, archive, url):
    @EXAMPLES
    @given(query=QUERIES)
    def check(query):
        assert status_of(client, f"{url}?{urlencode(query)}") == 200

    check()


# Pages named by the path: each {} takes a random segment that names nothing.
PATH_URLS = [
    "/sessions/{}/{}/",
    "/sessions/igf-2024/{}/",
    "/sessions/{}/{}/calendar.ics",
    "/people/{}/",
    "/organizations/{}/",
    "/meetings/{}/",
    "/sdgs/{}/",
    "/api/sessions/{}/",
    "/api/sessions/{}/transcript/",
    "/api/people/{}/",
    "/api/organizations/{}/",
    "/api/meetings/{}/",
    "/api/sdgs/{}/",
    "/{}/",
    "/api/{}/",
]
SEGMENTS = st.one_of(
    st.sampled_from(NASTY).filter(bool),
    st.text(min_size=1, max_size=100),
    st.integers(min_value=-(10**30), max_value=0).map(str),
    st.integers(min_value=10**7, max_value=10**30).map(str),
)


def as_id(segment):
    """The number a segment names as an id: Python's int() and Django's read " 7", "07", "+7"
    and "７" as 7, so those name the seventh goal too."""
    try:
        return int(segment)
    except ValueError:
        return None


@pytest.fixture
def names_in_paths(archive):
    """Every segment that names something: the pages' slugs and ids, the site's top paths."""
    names = {"sessions", "people", "organizations", "meetings", "sdgs", "api", "admin", "feed"}
    ids = set(range(1, 18))
    for model in [Session, Meeting, Person, Organization]:
        for pk, slug in model.objects.values_list("pk", "slug"):
            names.add(slug)
            ids.add(pk)
    return lambda segment: segment in names or as_id(segment) in ids


@pytest.mark.parametrize("pattern", PATH_URLS)
def test_path_that_names_nothing_answers_404(client, names_in_paths, pattern):
    @EXAMPLES
    @given(
        segments=st.lists(
            SEGMENTS.filter(lambda segment: not names_in_paths(segment)), min_size=2, max_size=2
        )
    )
    def check(segments):
        url = pattern.format(*(quote(segment, safe="") for segment in segments))
        assert status_of(client, url) == 404

    check()


@pytest.mark.parametrize(
    ("page", "status"),
    [(None, 200), ("1", 200), ("2", 404), ("0", 404), ("abc", 404), ("", 404)],
)
def test_sitemap_answers_200_for_its_page_and_404_for_another(client, archive, page, status):
    # Django's sitemap pages with "p"; other parameters change nothing.
    query = {"q": "anything", **({"p": page} if page is not None else {})}
    assert status_of(client, f"/sitemap.xml?{urlencode(query)}") == status
