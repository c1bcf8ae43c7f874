"""Fixtures: the real course with its questions (shared with the handout tests)."""

from __future__ import annotations

from tests.handouts.conftest import real_course  # noqa: F401  (the shared fixture)
