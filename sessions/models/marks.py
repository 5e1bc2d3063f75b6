"""What marks a fact that its source does not publish as such.

A record's facts are published (read as the source states them), curated (added by an editor
with a source: CuratedFact), machine-generated (Session.is_machine_generated), inferred by a
rule of the importer (below: Participation.inferred_by, Session.inferred) or cut off in the
source (Takeaway.is_cut_off). The importer records the last two when it writes a document;
pages and the API show every mark.
"""

from django.db import models


class Inference(models.TextChoices):
    """The rules by which the importer states what its source does not publish as such.

    The parsers give these values (sessions/importers/parsed.py, INFERENCES); the labels say
    what each rule did, for readers ("Role inferred by the importer: <label>.").
    """

    DATE_FROM_REPORT = (
        "date_from_report",
        "taken from the opening words of the session report; the page gives no date of its own",
    )
    ROLE_FROM_LAYOUT = (
        "role_from_layout",
        "from the person's place in the page's layout; the page lost the role's label",
    )
    ONSITE_MODERATOR_BESIDE_ONLINE = (
        "onsite_moderator_beside_online",
        "a plain “Moderator” listed beside an “Online Moderator” is the onsite one",
    )
    HOST_OPENS_THE_CONFERENCE = (
        "host_opens_the_conference",
        "the listed person who opens the conference is its host; the page lost its headings",
    )
    HOST_HANDS_OVER = (
        "host_hands_over",
        "in the transcript they hand the floor to the next speaker, as a host does",
    )
    INTRODUCED_IN_TRANSCRIPT = (
        "introduced_in_transcript",
        "introduced in the room by the transcript's opening words; they have no turn of their"
        " own in it",
    )
