from django.urls import path

from sessions.api import views as api_views
from sessions.browse import citing, data, downloads, facet_values, people, views
from sessions.browse.facets import LONG_FACETS
from sessions.outputs.feeds import LatestSessionsFeed

app_name = "sessions"

urlpatterns = [
    path("", views.home, name="home"),
    path("sessions/", views.session_list, name="list"),
    path("sessions/export.csv", downloads.session_export_csv, name="export_csv"),
    path("sessions/export.json", downloads.session_export_json, name="export_json"),
    path("sessions/export.jsonl", api_views.records_jsonl, name="export_jsonl"),
    path("sessions/calendar.ics", downloads.session_list_calendar, name="calendar"),
    # Every value of a long facet of the list: /sessions/people/, /sessions/organizers/, ...
    *(
        path(f"sessions/{kind}/", facet_values.facet_values, {"kind": kind}, name=f"facet_{kind}")
        for kind in LONG_FACETS
    ),
    path("sessions/<slug:meeting>/<slug:slug>/", views.session_detail, name="detail"),
    path("sessions/<slug:meeting>/<slug:slug>/source.txt", views.session_source, name="source"),
    path(
        "sessions/<slug:meeting>/<slug:slug>/transcript/",
        views.session_transcript,
        name="transcript",
    ),
    path(
        "sessions/<slug:meeting>/<slug:slug>/calendar.ics",
        downloads.session_calendar,
        name="session_calendar",
    ),
    *(
        path(
            f"sessions/<slug:meeting>/<slug:slug>/cite.{extension}",
            citing.session_citation,
            {"extension": extension},
            name=f"cite_{extension}",
        )
        for extension in citing.CITATION_FORMATS
    ),
    path("feed/", LatestSessionsFeed(), name="feed"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("about/", views.about, name="about"),
    path("data/", data.data_page, name="data"),
    path(
        "data/igf-session-archive.zip",
        data.dataset_file,
        {"format_name": "zip"},
        name="dataset_zip",
    ),
    path(
        "data/igf-session-archive.sqlite3",
        data.dataset_file,
        {"format_name": "sqlite"},
        name="dataset_sqlite",
    ),
    path("sdgs/", views.sdg_list, name="sdgs"),
    path("sdgs/<int:number>/", views.sdg_detail, name="sdg"),
    path("people/", people.person_list, name="people"),
    path("people/export.csv", downloads.person_export_csv, name="people_csv"),
    path("people/<slug:slug>/", people.person_detail, name="person"),
    path("organizations/", people.organization_list, name="organizations"),
    path("organizations/export.csv", downloads.organization_export_csv, name="organizations_csv"),
    path("organizations/<slug:slug>/", people.organization_detail, name="organization"),
]
