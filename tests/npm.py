"""npm packages the tests use (axe-core, gift-pegjs), installed once per machine in a cache
folder outside the repository and the venv. npm missing is a failure, never a skip."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def npm_package(spec: str, what: str) -> Path:
    """The folder holding ``node_modules/<name>`` for ``spec`` (``name@version``)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail(f"{what}需要 node 和 npm（Debian：apt-get install nodejs）")
    folder = Path(tempfile.gettempdir()) / "peixun-tests" / spec.replace("@", "-")
    name = spec.rsplit("@", 1)[0]
    if not (folder / "node_modules" / name).is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(folder),
                spec,
            ],
            check=True,
            timeout=300,
        )
    return folder
