"""The session list's URL parameters: every value of one parameter, resolved to what it names
or ignored with the reason (never an error), and links that write them back."""

import re
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.exceptions import ValidationError

from sessions.models import SdgGoal, SdgTarget

RECORD_CHOICES = [
    ("takeaways", "Has key takeaways"),
    ("transcript", "Has a transcript"),
    ("report", "Has a report"),
]

SORT_CHOICES = [
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("title", "Title (A–Z)"),
    ("relevance", "Best match"),
]


# A search's bounds: each word is one more condition over every session's text, so an
# unbounded search is unbounded work (450 words took 7 s on a ten-session archive).
SEARCH_MAX_WORDS = 20
SEARCH_MAX_LENGTH = 200


def at_most_search_words(value):
    if (words := len(value.split())) > SEARCH_MAX_WORDS:
        raise ValidationError(
            f"a search has at most {SEARCH_MAX_WORDS} words (this one has {words})."
        )


class SearchFilter(django_filters.CharFilter):
    """A search box's text, within SEARCH_MAX_LENGTH characters and SEARCH_MAX_WORDS words."""

    def __init__(self, **kwargs):
        super().__init__(max_length=SEARCH_MAX_LENGTH, validators=[at_most_search_words], **kwargs)


@dataclass
class Picked:
    """The values of one URL parameter: those kept (raw value -> what it names), and those
    ignored, each with the reason."""

    kept: dict = field(default_factory=dict)
    ignored: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.kept)


class ValuesField(forms.Field):
    """Every value of one URL parameter; never invalid.

    `resolve` maps the raw values it recognises to what they name (one query at most), or
    `choices` lists them (a closed vocabulary); the others are ignored with `reason`. `many`:
    whether several values mean something (they widen the list) or only the first counts.
    """

    widget = forms.MultipleHiddenInput

    def __init__(self, *, reason, resolve=None, choices=None, many=True, **kwargs):
        super().__init__(**kwargs)
        self.choices = list(choices) if choices is not None else None
        self.resolve = resolve or choices_resolver(self.choices)
        self.reason = reason
        self.many = many

    def clean(self, value):
        raw = list(dict.fromkeys(item.strip() for item in value or [] if item.strip()))
        # A NUL character names nothing, and PostgreSQL refuses it in a query.
        resolvable = [item for item in raw if "\x00" not in item]
        known = self.resolve(resolvable) if resolvable else {}
        return Picked(
            kept={item: known[item] for item in raw if item in known},
            ignored=[(item, self.reason) for item in raw if item not in known],
        )


class ValuesFilter(django_filters.Filter):
    field_class = ValuesField


def choices_resolver(choices):
    labels = dict(choices)
    return lambda raw: {item: labels[item] for item in raw if item in labels}


def resolve_years(raw):
    return {item: int(item) for item in raw if re.fullmatch(r"[12]\d{3}", item)}


def resolve_sdg(raw):
    """Goal numbers ("7") to SdgGoal, target codes ("7.a") to SdgTarget."""
    numbers = [item for item in raw if re.fullmatch(r"[1-9]\d?", item)]
    codes = [item for item in raw if re.fullmatch(r"[1-9]\d?\.(\d{1,2}|[a-z])", item)]
    known = {}
    if numbers:
        known.update(
            (str(goal.number), goal) for goal in SdgGoal.objects.filter(number__in=numbers)
        )
    if codes:
        known.update((target.code, target) for target in SdgTarget.objects.filter(code__in=codes))
    return known


def slug_resolver(queryset):
    return lambda raw: {row.slug: row for row in queryset.filter(slug__in=raw)}


def link(query):
    """The query string of a link to the list: "?year=2024", or "" for the whole list."""
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


# How much of a bad value a message repeats: enough to recognise it, not a long search back.
QUOTED_CHARACTERS = 40


def quoted(raw):
    """A bad value as a message repeats it: cut short."""
    raw = str(raw)
    return raw if len(raw) <= QUOTED_CHARACTERS else raw[: QUOTED_CHARACTERS - 1] + "…"


def one_line(message):
    """A message on one line: a character that does not print (a line break, say), which a
    bad value may bring into it, shows as U+FFFD."""
    return "".join(c if c.isprintable() else "\ufffd" for c in message)


def problems_of(filterset):
    """The parameters a FilterSet could not use, each with why: invalid or naming nothing."""
    form = filterset.form
    problems = {}
    if not form.is_valid():
        for name, errors in form.errors.items():
            raw = quoted(filterset.data.get(name))
            problems[name] = [one_line(f"{raw}: {error}") for error in errors]
    for name, value in form.cleaned_data.items():
        if isinstance(value, Picked):
            for raw, reason in value.ignored:
                problems.setdefault(name, []).append(one_line(f"{quoted(raw)}: {reason}"))
    return problems
