import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from igfarchive.links import link


def test_a_link_is_the_path_reverse_gives():
    assert link("sessions:person", "ada-lovelace") == "/people/ada-lovelace/"
    assert link("sessions:detail", "igf-2025", "ws-12_a") == "/sessions/igf-2025/ws-12_a/"
    assert link("sessions:detail", "igf-2025", "ws-12_a") == reverse(
        "sessions:detail", args=["igf-2025", "ws-12_a"]
    )


def test_a_link_follows_the_script_prefix():
    set_script_prefix("/archive/")
    try:
        assert link("sessions:person", "ada") == "/archive/people/ada/"
    finally:
        set_script_prefix("/")
    assert link("sessions:person", "ada") == "/people/ada/"


def test_a_value_that_is_no_slug_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        link("sessions:person", "ada/../admin")
    with pytest.raises(NoReverseMatch):
        link("sessions:person", "")
