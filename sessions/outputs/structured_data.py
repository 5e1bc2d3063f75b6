"""schema.org Event data of a session page, as a JSON-LD block.

The block is data, not script: `<`, `>` and `&` are escaped as in Django's json_script,
so that no text of the session can close the element, and the page keeps no executable
script for its Content-Security-Policy to allow.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sessions.outputs.calendar import zone_of

# What json.dumps leaves raw but an HTML page should not hold: markup characters (as in
# django.utils.html.json_script), and the control characters it does not escape itself (DEL,
# C1, the line and paragraph separators).
JSON_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
    **{code: f"\\u{code:04X}" for code in [*range(0x7F, 0xA0), 0x2028, 0x2029]},
}


def moment(date, time, zone_name):
    """An ISO 8601 date, or date and time (with its offset when the zone is known)."""
    if time is None:
        return date.isoformat()
    zone = zone_of(zone_name)
    combined = datetime.datetime.combine(date, time, tzinfo=zone)
    return combined.isoformat()


def session_event(session, absolute):
    """A session (from for_detail()) as a schema.org Event."""
    meeting = session.meeting
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": absolute(session.get_absolute_url()),
        "name": session.title,
        "url": absolute(session.get_absolute_url()),
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "superEvent": {
            "@type": "Event",
            "name": meeting.name,
            "url": absolute(meeting.get_absolute_url()),
        },
    }
    text = session.description or session.summary
    if text:
        event["description"] = text[:500]
    if session.date:
        event["startDate"] = moment(session.date, session.start_time, session.time_zone)
        if session.end_time:
            event["endDate"] = moment(session.date, session.end_time, session.time_zone)
    place = [part for part in [meeting.venue, meeting.city, meeting.country] if part]
    if session.room or place:
        event["location"] = {"@type": "Place", "name": session.room or ", ".join(place)}
        if place:
            event["location"]["address"] = ", ".join(place)
    organizers = [
        {
            "@type": "Organization",
            "name": organizer.organization.name,
            "url": absolute(organizer.organization.get_absolute_url()),
        }
        for organizer in session.organizers.all()
    ]
    if organizers:
        event["organizer"] = organizers
    people = {
        participation.person_id: {
            "@type": "Person",
            "name": participation.person.name,
            "url": absolute(participation.person.get_absolute_url()),
        }
        for participation in session.participations.all()
    }
    if people:
        event["performer"] = list(people.values())
    goals = [str(goal) for goal in session.sdg_goals.all()]
    if goals:
        event["keywords"] = goals
    return event


def json_ld(data):
    """A <script type="application/ld+json"> element holding `data`, escaped for HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
