"""``python -m peixun export scorm``: the manifest parses, follows the course, and every file
it names is in the zip; bad input gets one Chinese line and exit 1."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from peixun.course.model import load_course
from peixun.scorm.manifest import DIALECTS
from tests.sitebuild import ROOT, run_peixun

COURSE = load_course(ROOT / "docs", ROOT / "sources")


@pytest.fixture(scope="module", params=["1.2", "2004"])
def package(
    request: pytest.FixtureRequest, built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    version: str = request.param
    out = tmp_path_factory.mktemp("scorm") / f"kejian-{version}.zip"
    proc = run_peixun(
        "export",
        "scorm",
        "--version",
        version,
        "--site",
        str(built_site),
        "--out",
        str(out),
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "39 个学习单元" in proc.stdout
    return version, out


def _manifest(out: Path) -> tuple[ET.Element, set[str]]:
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    return root, names


def test_manifest_parses_and_every_href_is_in_the_zip(package: tuple[str, Path]) -> None:
    version, out = package
    root, names = _manifest(out)
    cp = DIALECTS[version].cp
    assert root.tag == f"{{{cp}}}manifest"
    assert (
        root.findtext(f"{{{cp}}}metadata/{{{cp}}}schemaversion") == DIALECTS[version].schemaversion
    )
    hrefs = [node.get("href") for node in root.iter() if node.get("href") is not None]
    assert len(hrefs) > 100
    missing = [h for h in hrefs if unquote(h or "") not in names]
    assert missing == []
    listed = {unquote(f.get("href") or "") for f in root.iter(f"{{{cp}}}file")}
    assert names - listed == {"imsmanifest.xml"}  # every file of the site is declared
    assert not any(name.endswith(".gz") for name in names)


def test_organization_is_chapters_of_lessons_then_the_exam(package: tuple[str, Path]) -> None:
    version, out = package
    root, _ = _manifest(out)
    d = DIALECTS[version]
    cp = d.cp
    organization = root.find(f"{{{cp}}}organizations/{{{cp}}}organization")
    assert organization is not None
    assert organization.findtext(f"{{{cp}}}title") == "党支部书记履职能力培训"
    top = organization.findall(f"{{{cp}}}item")
    assert [item.findtext(f"{{{cp}}}title") for item in top] == [
        *(c.title for c in COURSE.chapters),
        "综合测评",
    ]
    for chapter, item in zip(COURSE.chapters, top, strict=False):
        titles = [i.findtext(f"{{{cp}}}title") for i in item.findall(f"{{{cp}}}item")]
        assert titles == [lesson.title for lesson in chapter.lessons]
    resources = {r.get("identifier"): r for r in root.iter(f"{{{cp}}}resource")}
    scos = [r for r in resources.values() if r.get(f"{{{d.adlcp}}}{d.scormtype}") == "sco"]
    assert len(scos) == len(COURSE.lessons()) + 1
    first = resources[top[0].find(f"{{{cp}}}item").get("identifierref")]  # type: ignore[union-attr]
    assert first.get("href") == "01-juese-renzhi/01-diwei-zuoyong.html"
    exam = resources[top[-1].get("identifierref")]
    assert exam.get("href") == "zonghe-ceping.html"
    if version == "1.2":
        assert top[-1].findtext(f"{{{d.adlcp}}}masteryscore") == "60"
    else:
        measure = top[-1].find(".//{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure")
        assert measure is not None and measure.text == "0.6"


def _refused(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 1
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_site_not_built_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "k.zip"
    proc = run_peixun(
        "export", "scorm", "--site", str(tmp_path / "site"), "--out", str(out), cwd=ROOT
    )
    _refused(proc, "请先运行 python -m mkdocs build")
    assert not out.exists()


def test_a_site_of_another_build_names_the_missing_page(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "01-juese-renzhi" / "02-zhengzhi-juese.html").unlink()
    out = tmp_path / "k.zip"
    proc = run_peixun("export", "scorm", "--site", str(site), "--out", str(out), cwd=ROOT)
    _refused(proc, "01-juese-renzhi/02-zhengzhi-juese.md 的页面")
    assert not out.exists()


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("kejian.txt", "须以 .zip 结尾"),
        ("no/such/folder/kejian.zip", "不存在"),
        ("site/kejian.zip", "不能写在网站文件夹"),
    ],
)
def test_a_bad_out_path_is_refused(built_site: Path, tmp_path: Path, out: str, words: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<title>x</title>", "utf-8")
    proc = run_peixun(
        "export", "scorm", "--site", str(site), "--out", str(tmp_path / out), cwd=ROOT
    )
    _refused(proc, words)


def test_an_unwritable_out_path_is_one_line(built_site: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "kejian.zip.part"
    blocker.mkdir()  # where the zip is written first: a folder, so writing fails
    proc = run_peixun(
        "export",
        "scorm",
        "--site",
        str(built_site),
        "--out",
        str(tmp_path / "kejian.zip"),
        cwd=ROOT,
    )
    _refused(proc, "无法读写")
    assert not (tmp_path / "kejian.zip").exists()


def test_outside_a_course_folder_is_refused(built_site: Path, tmp_path: Path) -> None:
    proc = run_peixun(
        "export", "scorm", "--site", str(built_site), "--out", str(tmp_path / "k.zip"), cwd=tmp_path
    )
    _refused(proc, "没有 mkdocs.yml")
