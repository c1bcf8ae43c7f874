"""The course on ProperDocs + MkDocs-MaterialX, the maintained forks of MkDocs 1.6 and Material.

    python scripts/fork.py requirements          # what to install in the fork's venv
    python scripts/fork.py config mkdocs.yml     # mkdocs.yml rewritten for the forks

Used by scripts/fork-build.sh (and so by CI) to check that the way out of mkdocs-material's
end of life stays open. Two things differ from mkdocs-material 9.8 in the configuration: the
theme is called ``materialx``, and its search plugin takes the lunr options (``lang``,
``separator``, ``fields``) under ``lunr:`` with ``provider: lunr`` (its default is Pagefind).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORKS = ["properdocs==1.6.7", "mkdocs-materialx==10.2.2"]
REPLACED = {"mkdocs", "mkdocs-material"}  # MaterialX brings its own, and its own `material`
THEME = "  name: material"
SEARCH = "  - search:"
OPTION_INDENT = "      "  # options of a plugin in the ``plugins:`` list
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def requirements() -> list[str]:
    """The forks, and peixun's own dependencies at the versions of requirements.lock."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if m := PIN.match(line):
            locked[m[1].lower().replace("_", "-")] = m[2]
    out = list(FORKS)
    for requirement in project["dependencies"]:
        name = _name(requirement)
        if name not in REPLACED:
            out.append(f"{name}=={locked[name]}" if name in locked else requirement)
    return out


def fork_config(text: str) -> str:
    """The same configuration for the forks, rewritten line by line so YAML tags pass through."""
    lines = text.splitlines()
    if THEME not in lines or SEARCH not in lines:
        sys.exit(
            f"fork.py：mkdocs.yml 里找不到“{THEME.strip()}”或“{SEARCH.strip()}”，请更新本脚本。"
        )
    out: list[str] = []
    in_search = False
    for line in lines:
        if line == THEME:
            out.append(THEME + "x")
        elif line == SEARCH:
            in_search = True
            out += [line, OPTION_INDENT + "provider: lunr", OPTION_INDENT + "lunr:"]
        elif in_search and line.startswith(OPTION_INDENT):
            out.append("  " + line)
        else:
            in_search = False
            out.append(line)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if sys.argv[1:2] == ["requirements"]:
        print("\n".join(requirements()))
    elif sys.argv[1:2] == ["config"] and len(sys.argv) == 3:
        sys.stdout.write(fork_config(Path(sys.argv[2]).read_text(encoding="utf-8")))
    else:
        sys.exit(__doc__)
