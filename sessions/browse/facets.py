"""The session list's facets: for each filter, its values with a count, in a fixed number of
queries whatever the data size (one per facet, or by subtraction: below).

What a number means, everywhere: how many sessions have that value among the sessions that the
choices in the *other* groups leave (a facet ignores its own group's choices). With nothing
chosen, that is how many sessions of the list have the value. "2025: 2" with year 2023 chosen
reads: two sessions of 2025 match everything else asked for; the list of 2023 sessions is not
counted into it. The page says so above the facets, in words a reader sees.

How values of a group that already has a choice show (the decision): values of one group widen
the list (they are ORed), so the other values of a chosen group stay links, with their own
count as above and not the size the list would reach. The chosen ones come first, ticked, and
a link on them removes them. A value that would change nothing is shown without a link and with
its reason in visible text: "none in this list" (no session of the other groups' list has it:
choosing it alone would empty the list), or "all already listed" (in a chosen group, its
sessions are in the list already).

Long facets (people, organizers, targets, meetings) show FACET_SIZE values plus the chosen
ones; every value is reachable on the facet's own page (sessions/browse/facet_values.py), which
keeps the list's filters and pages through the values.

How a search's facets are counted when it matches most of the archive (the list's only
parameter a search): a facet's counts over the matches are its counts over the
whole archive less its counts over the few sessions the search leaves out (`unmatched`). A
word in 96% of 100,000 sessions leaves 3,663: counting those takes some 10 ms a facet, where
counting the matches took up to 0.6 s (the people facet, over 981,000 participations). The
whole archive's counts are kept per archive version (`totals`), and for people and organizers
they are the counts copied onto them (sessions/record_counts.py).
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.functional import cached_property

from sessions.browse.facet_counts import (
    LONG_FACETS,
    SHORT_FACETS,
    record_counts,
    value_counts,
)
from sessions.browse.parameters import RECORD_CHOICES, link
from sessions.models import (
    RegionalGroup,
    SdgGoal,
    Session,
    StakeholderGroup,
)
from sessions.models.expressions import AnyOf

# Long facets (speakers, organizers, targets, meetings) show this many options, plus the
# chosen ones.
FACET_SIZE = 10
# Counting by subtraction, a long facet whose whole-archive counts are copied onto its rows
# (people, organizers) reads this many of its largest rows: enough, unless the sessions a search
# leaves out change the order beyond them (then the facet is counted over the matches).
CANDIDATES = 100


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    url: str
    # A choice that would change nothing is shown without a link, with its reason.
    changes: bool = True
    goal: int | None = None
    reason: str = ""


NONE_IN_LIST = "none in this list"
ALL_LISTED = "all already listed"


@dataclass
class Facet:
    name: str
    title: str
    options: list
    # The facet's own page, with every value, when it shows only the FACET_SIZE first.
    every_url: str = ""
    plural: str = ""


class Facets:
    """The facets of one view of the list (a SessionFilter).

    `keep(name, compute)` keeps what the whole archive's counts are (`totals`) per archive
    version (sessions.browse.caching.by_archive_version); without it they are computed when
    needed.
    """

    def __init__(self, filterset, keep=None):
        self.filterset = filterset
        self.cleaned = filterset.cleaned
        self.filters = filterset.filters
        self.queryset = filterset.queryset
        self.keep = keep or (lambda name, compute: compute())

    def all(self):
        """Every facet with its options, in a fixed number of queries whatever the data size.

        An option's count is the number of sessions that have it among those every other
        parameter leaves (the module's docstring says why).
        """
        return [
            self.sdg_goal_facet(),
            self.long_facet(LONG_FACETS["targets"]),
            self.year_facet(),
            self.long_facet(LONG_FACETS["meetings"]),
            self.type_facet(),
            self.long_facet(LONG_FACETS["organizers"]),
            self.long_facet(LONG_FACETS["people"]),
            self.participation_facet("stakeholder", StakeholderGroup),
            self.participation_facet("region", RegionalGroup),
            self.records_facet(),
        ]

    # Counting by subtraction (the module's docstring).

    @cached_property
    def unmatched(self):
        """The ids of the sessions the list leaves out, when its facets are counted by
        subtraction: none for the list with no parameter (its facets are the totals); those a
        search leaves out when it is the list's only parameter and leaves out fewer sessions
        than it matches. None otherwise: the facets count the list's sessions."""
        chosen = [name for name in self.filters if self.cleaned[name]]
        if self.queryset.query.has_filters() or chosen not in ([], ["q"]):
            return None
        if not chosen:
            return []
        matches = self.filterset.search_ids
        if 2 * len(matches) <= Session.objects.count():
            return None
        others = Session.objects.order_by().exclude(AnyOf(F("pk"), matches))
        return list(others.values_list("pk", flat=True))

    @cached_property
    def totals(self):
        """{facet: {value: sessions}} over the whole archive, for the short facets, SDG
        targets and meetings (and `has`: {record: sessions}), kept per archive version."""

        def count():
            counts = {
                name: value_counts(rows(), value, session, distinct)
                for name, (rows, value, session, distinct) in SHORT_FACETS.items()
            }
            for kind in ["targets", "meetings"]:
                long = LONG_FACETS[kind]
                counts[kind] = value_counts(long.links(), long.link_value, long.link_session)
            counts["has"] = {
                name: n_all for name, (n_all, _new) in record_counts(Session.objects.all()).items()
            }
            return counts

        return self.keep("facet-totals", count)

    def left_out(self, rows, session):
        """`rows` (sessions, or rows that have a session: `session` names it) of the sessions
        the search leaves out."""
        return rows.filter(AnyOf(F(session), self.unmatched))

    def left_out_counts(self, rows, value, session="session", distinct=True):
        """value_counts() of the sessions left out (none without a search)."""
        if not self.filterset.search:
            return {}
        return value_counts(self.left_out(rows, session), value, session, distinct)

    def subtracted(self, name, rows, value, session, distinct=True):
        """{value: (n_all, 0)}: the whole archive's count of each value less the left out's."""
        left_out = self.left_out_counts(rows, value, session, distinct)
        return {key: (total - left_out.get(key, 0), 0) for key, total in self.totals[name].items()}

    def counts_whole_archive(self, name):
        """Whether the facet `name` counts every session: a value of it is chosen and no
        other parameter is (a facet leaves out its own choices)."""
        return bool(self.cleaned[name]) and not self.others_chosen(name)

    def others_chosen(self, name):
        others = any(self.cleaned[other] for other in self.filters if other != name)
        return others or self.queryset.query.has_filters()

    # Counting over the facet's sessions.

    def bases(self, name):
        """The sessions a facet counts, every other parameter applied (None: every session),
        and, when the facet has a chosen value, the list's own sessions, which are among them:
        those not in the list yet are the difference."""
        if self.others_chosen(name):
            base = self.filterset.filtered(self.queryset.all(), name, as_set=True)
            base = base.order_by().values("pk")
        else:
            base = None
        listed = self.filterset.matching().values("pk") if self.cleaned[name] else None
        return base, listed

    def restricted(self, name, rows, session="session"):
        """`rows` (sessions, or rows that have a session: `session` names it) of the facet's
        sessions only, and the list's own sessions (None: nothing chosen)."""
        base, listed = self.bases(name)
        if base is not None:
            rows = rows.filter(**{f"{session}__in": base})
        return rows, listed

    def counted(self, name, rows, session="session", distinct=True):
        """`rows` (sessions, or rows that have a session: `session` names it) restricted to the
        facet's sessions and annotated with n_all, how many of those sessions they have, and,
        when the facet has a chosen value, n_new, how many of them are not in the list yet.

        The restriction is a WHERE, not a condition of the counts: a filtered list reads the
        rows of its own sessions, not those of the whole archive. n_new is n_all less the
        list's own: the sessions "not in the list" as a condition made PostgreSQL read every
        session (0.1 s for SDG 7 + 2025 + workshop at 100,000 sessions).
        """
        rows, listed = self.restricted(name, rows, session)
        annotations = {"n_all": Count(session, distinct=distinct)}
        if listed is None:
            return rows.annotate(**annotations)
        in_list = Q(**{f"{session}__in": listed})
        annotations["n_listed"] = Count(session, filter=in_list, distinct=distinct)
        return rows.annotate(**annotations).annotate(n_new=F("n_all") - F("n_listed"))

    def counts(self, name):
        """{value: (n_all, n_new)} of a short facet (SHORT_FACETS)."""
        rows, value, session, distinct = SHORT_FACETS[name]
        if self.unmatched is not None:
            return self.subtracted(name, rows(), value, session, distinct)
        if self.counts_whole_archive(name):
            # Its only choices are its own: n_all is the whole archive's count, kept, and
            # n_new that less the count over the list's own sessions.
            listed = rows().filter(**{f"{session}__in": self.filterset.matching().values("pk")})
            listed = value_counts(listed, value, session, distinct)
            return {
                key: (total, total - listed.get(key, 0)) for key, total in self.totals[name].items()
            }
        counted = self.counted(name, rows().order_by().values(value), session, distinct)
        return {row[value]: n_all_and_new(row) for row in counted}

    def options(self, name, rows, always=False):
        """Options from rows of (value, label, n_all, n_new, goal): those some session of the
        facet has, the chosen ones, and with `always` every row."""
        chosen = self.cleaned[name].kept
        options = []
        for value, label, n_all, n_new, goal in rows:
            selected = value in chosen
            changes = selected or bool(n_new if chosen else n_all)
            if n_all or selected or always:
                url = self.filterset.url_with(name, value)
                reason = "" if changes else ALL_LISTED if n_all else NONE_IN_LIST
                options.append(Option(value, label, n_all, selected, url, changes, goal, reason))
        return options

    def ranked(self, long):
        """Rows of a long facet's model that some session of the facet has, or chosen, with
        n_all and n_new: the chosen ones first, then by n_all. The list reads its first few
        (largest); the facet's own page pages through all of them (`long.row` makes each an
        option's row)."""
        chosen = self.cleaned[long.name].kept
        return (
            self.counted(long.name, long.model.objects.all(), long.sessions_path)
            .filter(Q(n_all__gt=0) | Q(**{f"{long.key}__in": chosen}))
            .annotate(
                unchosen=Case(
                    When(**{f"{long.key}__in": chosen}, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("unchosen", "-n_all", long.key)
        )

    def largest(self, long):
        """The chosen rows of a long facet and the FACET_SIZE others the most sessions have
        (see `ranked`), and whether there are more.

        A chosen row none of the facet's sessions has is not in the query's result: it comes
        from the URL's value, with counts of 0. (`sdg` values name goals too: not rows here.)
        """
        if self.unmatched is not None:
            rows = self.largest_by_subtraction(long)
            if rows is not None:
                return rows[:FACET_SIZE], len(rows) > FACET_SIZE
        chosen = self.cleaned[long.name].kept
        # One row more than shown tells whether there are more, without a count.
        rows = list(self.ranked(long)[: FACET_SIZE + len(chosen) + 1])
        others = [row for row in rows if row.unchosen]
        more = len(others) > FACET_SIZE
        rows = [row for row in rows if not row.unchosen] + others[:FACET_SIZE]
        found = {getattr(row, long.key) for row in rows}
        for value, row in chosen.items():
            if value not in found and isinstance(row, long.model):
                row.n_all = row.n_new = 0
                rows.append(row)
        return rows, more

    def largest_by_subtraction(self, long):
        """The FACET_SIZE + 1 rows of a long facet the most matches have, by subtraction
        (nothing is chosen then), each with n_all; None when the CANDIDATES read cannot say.

        A row's count over the matches is at most its whole-archive count: once the last row
        wanted is ahead of the last candidate read, no row after the candidates can pass it.
        """
        left_out = self.left_out_counts(long.links(), long.link_value, long.link_session)
        if long.copied_total:
            total = long.copied_total
            rows = long.model.objects.filter(**{f"{total}__gt": 0})
            rows = list(rows.order_by(f"-{total}", long.key)[:CANDIDATES])
            totals = {row.pk: getattr(row, total) for row in rows}
        else:
            # Every SDG target or meeting: a few hundred rows at most.
            totals = self.totals[long.kind]
            rows = list(long.model.objects.all())
        for row in rows:
            row.n_all, row.n_new = totals.get(row.pk, 0) - left_out.get(row.pk, 0), 0
        order = [row for row in rows if row.n_all]
        order.sort(key=lambda row: (-row.n_all, getattr(row, long.key)))
        wanted = order[: FACET_SIZE + 1]
        cut = long.copied_total and len(rows) == CANDIDATES
        # Past the candidates, a row has at most the last one's whole-archive count.
        if cut and (len(wanted) <= FACET_SIZE or wanted[-1].n_all <= totals[rows[-1].pk]):
            return None
        return wanted

    # The facets.

    def sdg_goal_facet(self):
        # A goal counts the sessions linked to it or to one of its targets: its SessionGoal
        # rows, in one grouped query.
        counts = self.counts("sdg")
        rows = [
            (str(goal.number), goal.short, *counts.get(goal.number, (0, 0)), goal.number)
            for goal in SdgGoal.objects.order_by("number")
        ]
        return Facet("sdg", "SDG goals", self.options("sdg", rows, always=True))

    def year_facet(self):
        counts = self.counts("year")
        rows = [
            (str(year), str(year), *counts[year], None) for year in sorted(counts, reverse=True)
        ]
        return Facet("year", "Year", self.options("year", rows))

    def type_facet(self):
        rows = choice_rows(Session.Type, self.counts("type"))
        return Facet("type", "Session type", self.options("type", rows))

    def long_facet(self, long):
        """A long facet: its chosen values and the FACET_SIZE most sessions have, and a link
        to its own page when it has more."""
        rows, more = self.largest(long)
        if long.display_order:
            rows = sorted(rows, key=long.display_order)
        every_url = (
            reverse(f"sessions:facet_{long.kind}") + link(self.filterset.query) if more else ""
        )
        options = self.options(long.name, [long.row(row) for row in rows])
        return Facet(long.name, long.title, options, every_url, long.plural)

    def participation_facet(self, name, choices):
        """Stakeholder or regional group, as the sessions' participations give them."""
        rows = choice_rows(choices, self.counts(name))
        return Facet(name, self.filters[name].label, self.options(name, rows))

    def records_facet(self):
        if self.unmatched is not None:
            sessions = self.left_out(Session.objects.all(), "pk")
            left_out = record_counts(sessions) if self.filterset.search else {}
            counts = {
                name: (total - left_out.get(name, (0, 0))[0], 0)
                for name, total in self.totals["has"].items()
            }
        else:
            sessions, listed = self.restricted("has", Session.objects.all(), "pk")
            counts = record_counts(sessions, listed)
        rows = [(name, label, *counts[name], None) for name, label in RECORD_CHOICES]
        return Facet("has", "Records", self.options("has", rows))


def n_all_and_new(row):
    """(n_all, n_new) of a grouped row of counts."""
    return row["n_all"], row.get("n_new", 0)


def choice_rows(choices, counts):
    """Facet rows for every choice, from {value: (n_all, n_new)} (a choice no row has counts
    0)."""
    return [(value, label, *counts.get(value, (0, 0)), None) for value, label in choices.choices]
