"""Who and why of a history row, for the admin's history pages (speakers/history.py)."""

from django import template

from speakers import history

register = template.Library()


@register.filter
def history_author(record):
    return history.author(record)


@register.filter
def history_reason(record):
    return history.reason(record)
