"""What every benchmark step shares: the error that stops a run and the build environment."""

from __future__ import annotations

from peixun.errors import PeixunError
from tests.sitebuild import build_env

MIB = 1024 * 1024

__all__ = ["MIB", "BenchError", "build_env"]


class BenchError(PeixunError):
    """The benchmark cannot go on; the message says why, in Chinese."""
