"""The sitemap of the public pages: sessions, people, organizations, meetings, SDGs."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from sessions.models import Meeting, SdgGoal, Session
from speakers.models import Organization, Person


class ListSitemap(Sitemap):
    def items(self):
        return [
            "sessions:home",
            "sessions:list",
            "sessions:meetings",
            "sessions:sdgs",
            "sessions:people",
            "sessions:organizations",
            "sessions:about",
            "sessions:data",
        ]

    def location(self, item):
        return reverse(item)


class SessionSitemap(Sitemap):
    def items(self):
        return (
            Session.objects.select_related("meeting")
            .only("slug", "updated_at", "meeting__slug")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(Sitemap):
    def items(self):
        return Person.objects.only("slug").order_by("pk")


class OrganizationSitemap(Sitemap):
    def items(self):
        return Organization.objects.only("slug").order_by("pk")


class MeetingSitemap(Sitemap):
    def items(self):
        return Meeting.objects.only("slug").order_by("pk")


class SdgSitemap(Sitemap):
    def items(self):
        return SdgGoal.objects.only("number").order_by("number")


SITEMAPS = {
    "lists": ListSitemap,
    "sessions": SessionSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
    "meetings": MeetingSitemap,
    "sdgs": SdgSitemap,
}
