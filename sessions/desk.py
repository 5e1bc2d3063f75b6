"""The editors' desk: what waits for an editor, in one admin page, each item resolved from there.

A section is one kind of waiting work. It counts its open items (one query), lists the first
of them (one query), and resolves one item by an action an editor picks; once resolved, an item
is no longer open, so the count goes down. The page's queries are fixed: two per section, and
the login's two (tests/sessions/test_desk.py).

Sections: documents waiting for missing facts, sessions marked for review (with the
importer's reasons), sessions with unplaced text, suggested duplicates of people and of
organizations, roles and values inferred by a rule (the importer's marks:
Participation.inferred_by, Session.inferred).
A new kind of waiting work is one more `Section` in `SECTIONS`; one whose items are resolved by
a form of their own (a document that waits for missing facts) has no actions, and the desk
links to that form.

Every resolution is recorded in history with the editor and the reason the desk gives.
"""

from dataclasses import dataclass, field

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from sessions.importers.snapshot import as_json
from sessions.models import Inference, Participation, Session, WaitingDocument
from sessions.search import SEARCH_FIELDS
from speakers.history import change_reason
from speakers.merging import merge
from speakers.models import DuplicateSuggestion, OrganizationDuplicateSuggestion

# Items listed per section; the count says how many wait in all.
SHOWN = 25


@dataclass
class Item:
    """One waiting item as the desk shows it."""

    pk: int
    title: str
    url: str  # where an editor opens the record
    facts: list[str] = field(default_factory=list)  # short lines: reasons, rules, values
    text: str = ""  # long text, shown folded


class Section:
    """One kind of waiting work. Subclasses give the open items, how to show one, and the
    actions that resolve one."""

    key = ""
    title = ""
    explanation = ""
    permission = ""  # the permission an editor needs to resolve an item
    # Action name -> button label. A section without actions is resolved on the record's own
    # page (a form that asks for more than a click): the desk links there, labelled open_label.
    actions = {}
    open_label = "Open"
    changelist = ""  # the admin URL name of the whole list, filtered to what waits
    changelist_query = ""

    def open_items(self):
        raise NotImplementedError

    def item(self, row):
        raise NotImplementedError

    def resolve(self, row, action):
        """Resolve one open row by `action`; return what was done, for the editor."""
        raise NotImplementedError

    def changelist_url(self):
        return f"{reverse(self.changelist)}?{self.changelist_query}"


def session_change_url(session):
    return reverse("admin:archive_session_change", args=[session.pk])


class ReviewSection(Section):
    key = "review"
    title = "Sessions marked for review"
    explanation = (
        "The importer kept a value the archive's vocabularies do not know, as published. "
        "Correct the session if needed, then mark it reviewed."
    )
    permission = "archive.change_session"
    actions = {"reviewed": "Mark reviewed"}
    changelist = "admin:archive_session_changelist"
    changelist_query = "needs_review__exact=1"

    def open_items(self):
        return (
            Session.objects.filter(needs_review=True)
            .select_related("meeting")
            .defer(*SEARCH_FIELDS)
            .order_by("pk")
        )

    def item(self, session):
        reasons = session.import_snapshot.get("review", [])
        return Item(
            session.pk,
            str(session),
            session_change_url(session),
            facts=[f"line {reason}" for reason in reasons] or ["marked by an editor"],
        )

    def resolve(self, session, action):
        session.needs_review = False
        with change_reason("reviewed on the editors' desk"):
            session.save()
        return f"“{session}” is marked reviewed."


class UnplacedSection(Section):
    key = "unplaced"
    title = "Sessions with unplaced text"
    explanation = (
        "Paragraphs of the source the importer could not place in a field. Move what belongs "
        "in a field there (open the session); set aside what does not: the source document "
        "keeps every word."
    )
    permission = "archive.change_session"
    actions = {"set_aside": "Set the text aside"}
    changelist = "admin:archive_session_changelist"
    changelist_query = "unplaced=yes"

    def open_items(self):
        return (
            Session.objects.exclude(unplaced_text="")
            .select_related("meeting")
            .defer(*SEARCH_FIELDS, "import_snapshot")
            .order_by("pk")
        )

    def item(self, session):
        paragraphs = len(session.unplaced_text.split("\n\n"))
        return Item(
            session.pk,
            str(session),
            session_change_url(session),
            facts=[f"{paragraphs} paragraph(s), {len(session.unplaced_text):,} characters"],
            text=session.unplaced_text,
        )

    def resolve(self, session, action):
        session.unplaced_text = ""
        with change_reason("unplaced text set aside on the editors' desk"):
            session.save()
        return f"The unplaced text of “{session}” is set aside."


class DuplicatesSection(Section):
    """Suggested pairs of records that may be one: merge them, or keep them apart."""

    actions = {"merge": "Merge", "keep_apart": "Keep apart"}
    changelist_query = "status__exact=open"
    model = None  # the suggestion model
    record_change = ""  # the admin URL name of the form of the record a merge keeps

    def open_items(self):
        open_pairs = self.model.objects.filter(status=self.model.Status.OPEN)
        return open_pairs.select_related(self.model.KEPT, "other")

    def item(self, suggestion):
        record = suggestion.kept
        return Item(
            suggestion.pk,
            f"{record} / {suggestion.other}",
            reverse(self.record_change, args=[record.pk]),
            facts=[suggestion.reason],
        )

    def resolve(self, suggestion, action):
        record = suggestion.kept
        if action == "merge":
            merge(record, suggestion.other)
            return f"“{suggestion.other}” is merged into “{record}”."
        suggestion.status = self.model.Status.KEPT_APART
        suggestion.save(update_fields=["status"])
        return f"“{record}” and “{suggestion.other}” are kept apart."


class DuplicatePeopleSection(DuplicatesSection):
    key = "duplicates"
    title = "Suggested duplicates of people"
    explanation = (
        "Two records that may be one person. Merge them (the first is kept, with every "
        "spelling), or keep them apart."
    )
    permission = "speakers.change_person"
    changelist = "admin:speakers_duplicatesuggestion_changelist"
    model, record_change = DuplicateSuggestion, "admin:speakers_person_change"


class DuplicateOrganizationsSection(DuplicatesSection):
    key = "organization_duplicates"
    title = "Suggested duplicates of organizations"
    explanation = (
        "Two records that may be one organization. Merge them (the first is kept, with every "
        "spelling and unit), or keep them apart."
    )
    permission = "speakers.change_organization"
    changelist = "admin:speakers_organizationduplicatesuggestion_changelist"
    model, record_change = OrganizationDuplicateSuggestion, "admin:speakers_organization_change"


class WaitingDocumentsSection(Section):
    key = "waiting"
    title = "Documents waiting for missing facts"
    explanation = (
        "Documents the importer could not place: what identifies their session is missing. "
        "Supply it on the document's page, with its source; the import then runs."
    )
    permission = "archive.change_waitingdocument"
    # Completing a document takes a form (the missing values and their source), not a click.
    open_label = "Complete it"
    changelist = "admin:archive_waitingdocument_changelist"
    changelist_query = "status__exact=open"

    def open_items(self):
        # The verbatim text can be long and the desk does not show it.
        return WaitingDocument.objects.filter(status=WaitingDocument.Status.OPEN).defer("text")

    def item(self, document):
        return Item(
            document.pk,
            str(document),
            reverse("admin:archive_waitingdocument_change", args=[document.pk]),
            facts=document.problems.splitlines(),
        )


class InferredRolesSection(Section):
    key = "inferred_roles"
    title = "Roles inferred by a rule"
    explanation = (
        "Roles the page does not state in words, read by the importer's rule from where the "
        "person stands. Confirm each, or open the session and correct it."
    )
    permission = "archive.change_participation"
    actions = {"confirm": "Confirm"}
    changelist = "admin:archive_session_changelist"
    changelist_query = "inferred=roles"

    def open_items(self):
        return (
            Participation.objects.exclude(inferred_by="")
            .select_related("session__meeting", "person")
            .defer(*(f"session__{name}" for name in SEARCH_FIELDS), "session__import_snapshot")
            .order_by("pk")
        )

    def item(self, participation):
        return Item(
            participation.pk,
            f"{participation.session}: {participation.person}, {participation.get_role_display()}",
            session_change_url(participation.session),
            facts=[Inference(participation.inferred_by).label],
        )

    def resolve(self, participation, action):
        # A stated role has no mark: the confirmation is the editor's statement of it.
        participation.inferred_by = ""
        with change_reason("confirmed on the editors' desk"):
            participation.save()
        return f"The role of {participation.person} in “{participation.session}” is confirmed."


class InferredValuesSection(Section):
    key = "inferred_values"
    title = "Values inferred by a rule"
    explanation = (
        "Values of a session the page does not state as such, taken by the importer's rule "
        "from elsewhere in it. Confirm them, or open the session and correct them."
    )
    permission = "archive.change_session"
    actions = {"confirm": "Confirm"}
    changelist = "admin:archive_session_changelist"
    changelist_query = "inferred=values"

    def open_items(self):
        return (
            Session.objects.exclude(inferred={})
            .select_related("meeting")
            .defer(*SEARCH_FIELDS, "import_snapshot")
            .order_by("pk")
        )

    def item(self, session):
        return Item(
            session.pk,
            str(session),
            session_change_url(session),
            facts=[
                f"{name} {as_json(getattr(session, name))}: {Inference(rule).label}"
                for name, rule in session.inferred.items()
            ],
        )

    def resolve(self, session, action):
        session.inferred = {}
        with change_reason("confirmed on the editors' desk"):
            session.save()
        return f"The inferred values of “{session}” are confirmed."


SECTIONS = [
    WaitingDocumentsSection(),
    ReviewSection(),
    UnplacedSection(),
    DuplicatePeopleSection(),
    DuplicateOrganizationsSection(),
    InferredRolesSection(),
    InferredValuesSection(),
]


def sections_for(user):
    """The sections this editor may resolve, each with its count and first items."""
    shown = []
    for section in SECTIONS:
        if not user.has_perm(section.permission):
            continue
        rows = section.open_items()
        shown.append(
            {
                "section": section,
                "count": rows.count(),
                "items": [section.item(row) for row in rows[:SHOWN]],
            }
        )
    return shown


@require_http_methods(["GET", "POST"])
def desk_view(request):
    """GET: the desk. POST section, action, item: resolve the item, back to the desk."""
    if request.method == "POST":
        return resolve(request)
    context = {
        **admin.site.each_context(request),
        "title": "Editors' desk: what waits",
        "sections": sections_for(request.user),
    }
    return TemplateResponse(request, "admin/desk.html", context)


def resolve(request):
    sections = {section.key: section for section in SECTIONS}
    section = sections.get(request.POST.get("section"))
    action = request.POST.get("action")
    if section is None or action not in section.actions:
        return HttpResponseBadRequest("No such section or action.")
    if not request.user.has_perm(section.permission):
        raise PermissionDenied
    try:
        pk = int(request.POST.get("item", ""))
    except ValueError:
        return HttpResponseBadRequest("No such item.")
    with transaction.atomic():
        row = get_object_or_404(section.open_items(), pk=pk)
        done = section.resolve(row, action)
    messages.success(request, done)
    return HttpResponseRedirect(f"{reverse('desk')}#{section.key}")


desk = admin.site.admin_view(desk_view)
