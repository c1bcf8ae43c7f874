"""LibreOffice, headless, as the tests use it to open the Office files we write."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

MISSING = "LibreOffice 未安装（apt-get install libreoffice-writer-nogui libreoffice-impress-nogui）"


def soffice() -> str:
    """The ``soffice`` program; missing under CI is a failure, never a skip."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return found


def to_pdf(document: Path, out_dir: Path) -> Path:
    """Convert ``document`` with ``libreoffice --headless --convert-to pdf``; the PDF's path."""
    profile = out_dir / "lo-profile"  # a profile of its own: runs in parallel do not collide
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = out_dir / (document.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return pdf
