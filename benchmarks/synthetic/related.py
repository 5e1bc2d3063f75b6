"""The rows related to a synthetic session, drawn with the generator's random stream.

5 to 15 people a session (in 1 to 3 roles: organizers, moderators, a rapporteur, speakers,
presenters, the host and questioners of a press conference); 1 to 3 organizers; 0 to 4 SDG
goals, and on some sessions 1 or 2 targets of a linked goal; 0 to 8 takeaways (key takeaways
and calls to action; the DiploAI kinds on sessions with a machine-generated report); on
sessions with a transcript, 40 to 360 turns, arguments and speech times. The largest session
has more of each (FLAGSHIP_*).
"""

from benchmarks.synthetic.text import ROLE_TEXTS, SHORT_TURNS, TOPICS
from benchmarks.synthetic.zipf import Zipf
from sessions.models import Organizer, Participation, Session, Takeaway

PEOPLE_PER_SESSION = (5, 15)
TURNS_PER_TRANSCRIPT = (40, 360)
MAX_TAKEAWAYS = 8
MAX_GOALS = 4

# The largest session: the opening of the last IGF.
FLAGSHIP_PEOPLE = 40
FLAGSHIP_TURNS = 2000
FLAGSHIP_TAKEAWAYS = 24
FLAGSHIP_ARGUMENTS = 12

# SDG goals from the most to the least discussed at internet-governance events.
GOAL_POPULARITY = [9, 16, 17, 4, 5, 10, 8, 3, 11, 1, 13, 12, 7, 6, 2, 15, 14]
GOAL_COUNT_WEIGHTS = [30, 20, 20, 15, 15]  # 0, 1, 2, 3, 4 goals

IGF_TAKEAWAY_KINDS = [Takeaway.Kind.KEY_TAKEAWAY, Takeaway.Kind.CALL_TO_ACTION]
ANALYSIS_KINDS = [
    Takeaway.Kind.KEY_DISCUSSION_POINT,
    Takeaway.Kind.AGREEMENT,
    Takeaway.Kind.DISAGREEMENT,
    Takeaway.Kind.ACTION_ITEM,
    Takeaway.Kind.UNRESOLVED_ISSUE,
    Takeaway.Kind.SUGGESTED_COMPROMISE,
    Takeaway.Kind.THOUGHT_PROVOKING_COMMENT,
    Takeaway.Kind.FOLLOW_UP_QUESTION,
]


class Related:
    """Draws the rows of a session: people from `directory`, text from `text`, SDG targets
    from `goal_targets` (goal number -> target codes)."""

    def __init__(self, rng, text, directory, goal_targets):
        self.rng = rng
        self.text = text
        self.directory = directory
        self.goal_targets = goal_targets
        self.goal_zipf = Zipf(len(GOAL_POPULARITY), offset=2.0)

    def goals(self, is_flagship):
        rng = self.rng
        if is_flagship:
            count = MAX_GOALS
        else:
            count = rng.choices(range(MAX_GOALS + 1), GOAL_COUNT_WEIGHTS)[0]
        goals = []
        while len(goals) < count:
            goal = GOAL_POPULARITY[self.goal_zipf.draw(rng)]
            if goal not in goals:
                goals.append(goal)
        return goals

    def targets(self, goals, is_flagship):
        rng = self.rng
        if not goals or not (is_flagship or rng.random() < 0.4):
            return []
        targets = []
        for goal in goals:
            candidates = self.goal_targets[goal]
            targets += rng.sample(candidates, min(len(candidates), rng.randint(0, 2)))
        return targets

    def organizers(self, is_flagship):
        rng = self.rng
        count = 6 if is_flagship else rng.choice([1, 1, 2, 2, 3])
        chosen = []
        while len(chosen) < count:
            organization_id = self.directory.organization()
            if organization_id not in chosen:
                chosen.append(organization_id)
        host = rng.random() < 0.15
        return [
            (
                organization_id,
                Organizer.Role.HOST if host and place == 0 else Organizer.Role.ORGANIZER,
            )
            for place, organization_id in enumerate(chosen)
        ]

    def roles(self, session_type, year, is_flagship):
        """[(person id, role)] of a session: its people in order, a few in two roles."""
        rng = self.rng
        Role = Participation.Role
        count = FLAGSHIP_PEOPLE if is_flagship else rng.randint(*PEOPLE_PER_SESSION)
        chosen = self.directory.distinct_people(count)
        if session_type == Session.Type.PRESS_CONFERENCE:
            roles = [Role.HOST] + [Role.SPEAKER] * (count - 3) + [Role.QUESTIONER, Role.QUESTIONER]
        else:
            organizers = rng.randint(1, 2)
            roles = [Role.ORGANIZER] * organizers
            if year >= 2020:
                roles += [Role.ONSITE_MODERATOR, Role.ONLINE_MODERATOR]
            else:
                roles += [Role.MODERATOR]
            if rng.random() < 0.6:
                roles.append(Role.RAPPORTEUR)
            is_talk = session_type == Session.Type.LIGHTNING_TALK
            speaking = Role.PRESENTER if is_talk else Role.SPEAKER
            roles += [speaking] * (count - len(roles))
            if is_flagship:
                roles[-3:] = [Role.QUESTIONER, Role.HOST, Role.PRESENTER]
        people = list(zip(chosen, roles, strict=True))
        if rng.random() < 0.15 and roles[0] == Role.ORGANIZER:
            people.append((chosen[0], Role.SPEAKER))
        return people

    def transcript(self, people, is_press, is_flagship):
        """[(speaker label, person id, organization id, text)] of a transcript."""
        rng = self.rng
        count = FLAGSHIP_TURNS if is_flagship else rng.randint(*TURNS_PER_TRANSCRIPT)
        speakers = list(dict.fromkeys(person_id for person_id, _role in people))
        chair = speakers[0] if is_press else speakers[min(2, len(speakers) - 1)]
        turns = []
        for _ in range(count):
            draw = rng.random()
            if is_press and draw < 0.15:
                organization_id = self.directory.media_outlet()
                outlet = self.directory.organizations[organization_id][0]
                turns.append((outlet, None, organization_id, self.text.question()))
                continue
            if draw < 0.05:
                turns.append(("Audience", None, None, self.text.sentences_text(1, 3)))
                continue
            person_id = chair if draw < 0.35 else rng.choice(speakers)
            short = rng.random() < 0.3
            utterance = rng.choice(SHORT_TURNS) if short else self.text.sentences_text(1, 5)
            turns.append((self.directory.people[person_id][0], person_id, None, utterance))
        return turns

    def takeaways(self, has_transcript, has_report, people, is_flagship):
        """[(kind, text, speaker, details)], at most MAX_TAKEAWAYS (FLAGSHIP_TAKEAWAYS)."""
        rng = self.rng
        if is_flagship:
            kinds = (IGF_TAKEAWAY_KINDS + ANALYSIS_KINDS) * 3
            kinds = kinds[:FLAGSHIP_TAKEAWAYS]
        elif has_transcript:
            count = rng.randint(2, MAX_TAKEAWAYS)
            kinds = rng.choices(ANALYSIS_KINDS + IGF_TAKEAWAY_KINDS, k=count)
        elif has_report or rng.random() < 0.3:
            kinds = rng.choices(IGF_TAKEAWAY_KINDS, [3, 1], k=rng.randint(0, 4))
        else:
            kinds = []
        takeaways = []
        for kind in kinds:
            speaker = ""
            details = {}
            if kind == Takeaway.Kind.THOUGHT_PROVOKING_COMMENT:
                speaker = self.directory.people[rng.choice(people)[0]][0]
            elif kind in ANALYSIS_KINDS and rng.random() < 0.3:
                details = {"Reason": rng.choice(self.text.sentences)}
            takeaways.append((kind, self.text.sentences_text(1, 3), speaker, details))
        return takeaways

    def arguments(self, people, is_flagship):
        rng = self.rng
        count = FLAGSHIP_ARGUMENTS if is_flagship else rng.randint(0, 6)
        speakers = list(dict.fromkeys(person_id for person_id, _role in people))
        arguments = []
        for _ in range(count):
            person_id, *others = rng.sample(speakers, min(len(speakers), 4))
            agreed = others[: rng.randint(0, 2)]
            disagreed = others[2:3] if rng.random() < 0.3 else []
            arguments.append(
                {
                    "person": person_id,
                    "claim": rng.choice(self.text.sentences),
                    "explanation": self.text.sentences_text(1, 3),
                    "evidence": rng.choice(self.text.sentences) if rng.random() < 0.5 else "",
                    "point": rng.choice(TOPICS),
                    "topics": rng.sample(TOPICS, rng.randint(1, 3)),
                    "agreed": agreed,
                    "agreed_on": rng.choice(self.text.sentences) if agreed else "",
                    "disagreed": disagreed,
                    "disagreed_on": rng.choice(self.text.sentences) if disagreed else "",
                }
            )
        return arguments

    def participations(self, people, turns):
        """The values of a session's participations, in order: `people` with their
        organizations, and the words and speech times of those who spoke in `turns`."""
        rng = self.rng
        spoken = {}
        for _label, person_id, _organization, utterance in turns:
            if person_id is not None:
                spoken[person_id] = spoken.get(person_id, 0) + len(utterance.split())
        timed = set()
        participations = []
        for position, (person_id, role) in enumerate(people, 1):
            name, organization_id = self.directory.people[person_id]
            organization = self.directory.organizations.get(organization_id)
            words = spoken.get(person_id) if person_id not in timed else None
            timed.add(person_id)
            speed = rng.randint(110, 180) if words else None
            participations.append(
                {
                    "person_id": person_id,
                    "role": role,
                    "position": position,
                    "published_name": name,
                    "affiliation": organization[0] if organization else "",
                    "organization_id": organization_id,
                    "stakeholder_group": organization[1] if organization else "",
                    "regional_group": organization[2] if organization else "",
                    "role_text": rng.choice(ROLE_TEXTS) if rng.random() < 0.2 else "",
                    "is_tbd": rng.random() < 0.02,
                    "is_remote": rng.random() < 0.1,
                    "words_per_minute": speed,
                    "words": words,
                    "speech_seconds": words * 60 // speed if words else None,
                }
            )
        return participations
