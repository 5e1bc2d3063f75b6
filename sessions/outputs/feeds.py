"""The Atom feed of the sessions most recently added to the archive.

Its texts are text: control characters removed (XML cannot hold them), and the description,
which Atom carries as HTML, escaped, so that a feed reader shows what a source wrote instead
of running it.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks

from sessions.models import Session
from speakers.text import without_control_characters

FEED_SIZE = 50


class LatestSessionsFeed(Feed):
    feed_type = Atom1Feed
    title = "IGF session archive: sessions added"
    subtitle = "Sessions of the Internet Governance Forum and WSIS, newest additions first."
    link = reverse_lazy("sessions:list")

    def items(self):
        return (
            Session.objects.select_related("meeting")
            .prefetch_related("sdg_goals")
            .defer("report", "search_document", "unplaced_text", "import_snapshot", "agenda")
            .order_by("-created_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return without_control_characters(str(item))

    def item_description(self, item):
        text = item.description or item.summary or item.get_session_type_display()
        return linebreaks(without_control_characters(text), autoescape=True)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [without_control_characters(str(goal)) for goal in item.sdg_goals.all()]
