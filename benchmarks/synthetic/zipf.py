"""A Zipf-Mandelbrot draw: a few ranks often, most rarely (words, people, organizations, goals)."""

import bisect
import itertools


class Zipf:
    """Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1 + offset)."""

    def __init__(self, n, offset=0.0, head_start=1.0):
        weights = [1.0 / (rank + 1 + offset) for rank in range(n)]
        weights[0] *= head_start
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]
        self.size = n

    def draw(self, rng):
        return bisect.bisect(self.cumulative, rng.random() * self.total, 0, self.size - 1)
