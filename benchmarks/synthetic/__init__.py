"""A synthetic archive for benchmarks: `generate(sessions, seed)`, the same rows for the same two.

Shapes follow the real archive, scaled to the number of sessions asked for:

- meetings from 2006 to 2025 (meetings.py), every session type by meeting kind, numbers within
  a meeting and type, with gaps;
- 5 to 15 people a session, drawn from a Zipf-Mandelbrot distribution so that a few people are
  in hundreds of sessions and most in one or two; the same for organizations (people.py);
- SDG goals and targets, policy questions, takeaways, and on TRANSCRIPT_SHARE of the sessions
  (and on every press conference) a transcript with arguments and speech times; a report on
  REPORT_SHARE of the others (related.py, generator.py);
- text of realistic length (descriptions of 4 to 16 sentences, reports of 2 to 8 paragraphs,
  turns of 1 to 5 sentences or a short "Thank you.") made of sentences drawn from a pool,
  themselves drawn from a fixed word list with a Zipf distribution (text.py).

One session is clearly the largest (the opening session of the last IGF, with 40 people, 2,000
transcript turns, 24 takeaways, 12 arguments), one person the busiest. For the search
benchmark, COMMON_WORD is in most sessions (96% of 100,000) and RARE_WORD in exactly
max(RARE_WORD_MIN_SESSIONS, sessions // 1000) descriptions and nowhere else; no other word
holds either of them.

Everything is written in one transaction (a failed run leaves nothing), a chunk of
CHUNK_SESSIONS sessions at a time, with explicit primary keys (writing.py). Each session's
year, record marks and search text come from `sessions.derived`, their one owner. No history
is recorded: the synthetic rows have no audit trail.
"""

from benchmarks.synthetic.generator import Summary
from benchmarks.synthetic.run import CHUNK_SESSIONS, SyntheticRefused, generate
from benchmarks.synthetic.text import COMMON_WORD, RARE_WORD, VOCABULARY
from benchmarks.synthetic.writing import analyze

__all__ = [
    "CHUNK_SESSIONS",
    "COMMON_WORD",
    "RARE_WORD",
    "VOCABULARY",
    "Summary",
    "SyntheticRefused",
    "analyze",
    "generate",
]
