"""The 17 Sustainable Development Goals and their 169 targets (reference data)."""

from django.db import models
from django.urls import reverse


class SdgGoalQuerySet(models.QuerySet):
    def with_session_count(self):
        """Each goal with the number of sessions on it, by one grouped query over SessionGoal
        (distinct: other joins may repeat a goal's rows)."""
        return self.annotate(session_count=models.Count("session_links__session", distinct=True))


class SdgGoal(models.Model):
    """One of the 17 Sustainable Development Goals, with its official colour."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    short = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    color = models.CharField(max_length=7, help_text="Official colour, #RRGGBB.")

    objects = SdgGoalQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG goal"

    def __str__(self):
        return f"SDG {self.number}: {self.short}"

    def get_absolute_url(self):
        return reverse("sessions:sdg", kwargs={"number": self.number})


class SdgTarget(models.Model):
    """One of the 169 SDG targets, such as 7.a."""

    code = models.CharField(max_length=6, primary_key=True)
    goal = models.ForeignKey(SdgGoal, on_delete=models.PROTECT, related_name="targets")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(
        help_text="Order within the goal: 7.1 … 7.3, 7.a, 7.b."
    )

    class Meta:
        ordering = ["goal_id", "position"]
        verbose_name = "SDG target"

    def __str__(self):
        return f"Target {self.code}"
