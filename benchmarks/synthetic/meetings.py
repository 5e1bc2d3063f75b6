"""The meetings of the synthetic archive (2006-2025) and the types of their sessions.

The annual IGF, the WSIS Forum (from 2009), five regional and twelve national IGFs (each from
its first year), press conferences. A meeting gets sessions in proportion to its series'
weight, growing with the year (the IGF of 2025 holds the most); a meeting that would get none
is not created.
"""

import datetime

from benchmarks.synthetic.people import COUNTRIES
from sessions.models import Meeting, Session

YEARS = range(2006, 2026)
GROWTH_PER_YEAR = 0.15

# Meeting series: (slug stem, name stem, kind, first year, weight, place). A weight is
# sessions relative to the other series; the place is (city, country), "igf" for IGF_PLACES,
# or None for a capital drawn each year.
IGF_PLACES = {
    2006: ("Athens", "Greece"),
    2007: ("Rio de Janeiro", "Brazil"),
    2008: ("Hyderabad", "India"),
    2009: ("Sharm El Sheikh", "Egypt"),
    2010: ("Vilnius", "Lithuania"),
    2011: ("Nairobi", "Kenya"),
    2012: ("Baku", "Azerbaijan"),
    2013: ("Bali", "Indonesia"),
    2014: ("Istanbul", "Türkiye"),
    2015: ("João Pessoa", "Brazil"),
    2016: ("Guadalajara", "Mexico"),
    2017: ("Geneva", "Switzerland"),
    2018: ("Paris", "France"),
    2019: ("Berlin", "Germany"),
    2020: ("", ""),
    2021: ("Katowice", "Poland"),
    2022: ("Addis Ababa", "Ethiopia"),
    2023: ("Kyoto", "Japan"),
    2024: ("Riyadh", "Saudi Arabia"),
    2025: ("Lillestrøm", "Norway"),
}
SERIES = [
    ("igf", "IGF", Meeting.Kind.IGF, 2006, 10.0, "igf"),
    ("wsis", "WSIS Forum", Meeting.Kind.WSIS, 2009, 5.0, ("Geneva", "Switzerland")),
    ("eurodig", "EuroDIG", Meeting.Kind.OTHER, 2008, 1.5, None),
    ("aprigf", "Asia Pacific Regional IGF", Meeting.Kind.IGF, 2010, 1.5, None),
    ("afigf", "African IGF", Meeting.Kind.IGF, 2012, 1.5, None),
    ("lacigf", "LACIGF", Meeting.Kind.IGF, 2008, 1.5, None),
    ("arab-igf", "Arab IGF", Meeting.Kind.IGF, 2012, 1.0, None),
    ("igf-usa", "IGF-USA", Meeting.Kind.IGF, 2011, 0.6, ("Washington", "United States")),
    ("uk-igf", "UK IGF", Meeting.Kind.IGF, 2011, 0.5, ("London", "United Kingdom")),
    ("igf-de", "IGF Deutschland", Meeting.Kind.IGF, 2017, 0.5, ("Berlin", "Germany")),
    ("nigf", "Nigeria IGF", Meeting.Kind.IGF, 2012, 0.5, ("Abuja", "Nigeria")),
    ("kigf", "Kenya IGF", Meeting.Kind.IGF, 2011, 0.5, ("Nairobi", "Kenya")),
    ("fib", "Forum da Internet no Brasil", Meeting.Kind.IGF, 2011, 0.6, ("São Paulo", "Brazil")),
    ("jigf", "Japan IGF", Meeting.Kind.IGF, 2015, 0.4, ("Tokyo", "Japan")),
    ("iigf", "India IGF", Meeting.Kind.IGF, 2021, 0.6, ("New Delhi", "India")),
    ("cigf", "Canadian IGF", Meeting.Kind.IGF, 2018, 0.3, ("Ottawa", "Canada")),
    ("pigf", "Polish IGF", Meeting.Kind.IGF, 2016, 0.3, ("Warsaw", "Poland")),
    ("igf-ua", "IGF Ukraine", Meeting.Kind.IGF, 2013, 0.3, ("Kyiv", "Ukraine")),
    ("igf-mx", "IGF Mexico", Meeting.Kind.IGF, 2014, 0.3, ("Mexico City", "Mexico")),
    ("scio", "SCIO press conference", Meeting.Kind.PRESS, 2016, 0.03, ("Beijing", "China")),
    ("igf-press", "IGF press briefing", Meeting.Kind.PRESS, 2013, 0.03, None),
]
# Session types and their weights, by meeting kind.
Type = Session.Type
TYPE_WEIGHTS = {
    # The annual IGF (series "igf"), the WSIS Forum, press conferences and the smaller meetings.
    "igf": {
        Type.WORKSHOP: 40,
        Type.OPEN_FORUM: 14,
        Type.TOWN_HALL: 4,
        Type.MAIN_SESSION: 3,
        Type.HIGH_LEVEL: 2,
        Type.LIGHTNING_TALK: 10,
        Type.NETWORKING: 7,
        Type.DYNAMIC_COALITION: 8,
        Type.LAUNCH_AWARD: 4,
        Type.OTHER: 8,
    },
    Meeting.Kind.WSIS: {
        Type.WORKSHOP: 35,
        Type.HIGH_LEVEL: 30,
        Type.OTHER: 20,
        Type.LAUNCH_AWARD: 10,
    },
    "small": {
        Type.WORKSHOP: 45,
        Type.MAIN_SESSION: 20,
        Type.OTHER: 20,
        Type.TOWN_HALL: 10,
        Type.HIGH_LEVEL: 5,
    },
    Meeting.Kind.PRESS: {Type.PRESS_CONFERENCE: 1},
}
UNNUMBERED_TYPES = {Type.MAIN_SESSION, Type.HIGH_LEVEL, Type.OTHER, Type.PRESS_CONFERENCE}
TYPE_LABELS = dict(Session.Type.choices)


def plan_meetings(rng, total):
    """Each meeting with its number of sessions: shares of `total` by weight (largest
    remainders), the meetings with none left out. Returns [(series stem, row values,
    number of sessions)]."""
    planned = []
    for stem, name, kind, first_year, weight, place in SERIES:
        for year in range(max(first_year, YEARS.start), YEARS.stop):
            if place == "igf":
                city, country = IGF_PLACES[year]
            elif place is None:
                country, city, _region = rng.choice(COUNTRIES)
            else:
                city, country = place
            days = 5 if weight >= 5 else (1 if kind == Meeting.Kind.PRESS else 3)
            start = datetime.date(year, rng.randint(1, 12), rng.randint(1, 24))
            values = {
                "slug": f"{stem}-{year}",
                "name": f"{name} {year}",
                "kind": kind,
                "year": year,
                "city": city,
                "country": country,
                "venue": f"{city} Conference Centre" if city else "",
                "start_date": start,
                "end_date": start + datetime.timedelta(days=days - 1),
            }
            growth = 1 + GROWTH_PER_YEAR * (year - YEARS.start)
            planned.append((stem, values, weight * growth))
    total_weight = sum(weight for _stem, _values, weight in planned)
    shares = [total * weight / total_weight for _stem, _values, weight in planned]
    counts = [int(share) for share in shares]
    by_remainder = sorted(
        range(len(planned)), key=lambda index: (counts[index] - shares[index], index)
    )
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return [
        (stem, values, count)
        for (stem, values, _weight), count in zip(planned, counts, strict=True)
        if count
    ]
