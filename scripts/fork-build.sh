#!/usr/bin/env bash
# 用 MkDocs 与 Material 的维护分支（ProperDocs、MkDocs-MaterialX）构建本课程：
#   bash scripts/fork-build.sh 输出文件夹
# 在单独的 .venv-fork 中安装两个分支和 peixun 的运行依赖（MaterialX 的模块名也是 material，
# 不能与 mkdocs-material 装在一起；peixun 本身经 PYTHONPATH 取自本仓库），把项目复制到临时
# 文件夹，按 scripts/fork.py 改写 mkdocs.yml，再用 properdocs build --strict 构建。CI 随后对这个网站运行浏览器冒烟测试。
set -euo pipefail
out=$(realpath -m "${1:?用法：bash scripts/fork-build.sh 输出文件夹}")
cd "$(dirname "$0")/.."
root=$PWD

venv=.venv-fork
python=${PYTHON:-python3}
[ -x $venv/bin/python ] || "$python" -m venv $venv
stamp="$venv/.installed-$(cat requirements.lock pyproject.toml scripts/fork.py | sha1sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "== 安装 ProperDocs、MkDocs-MaterialX 与 peixun 的运行依赖（$venv）"
  mapfile -t requirements < <("$python" scripts/fork.py requirements)
  $venv/bin/python -m pip install -q "${requirements[@]}"
  touch "$stamp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same copy of the project as the tests make (tests/sitebuild.py: standard library only).
"$python" -c 'import sys, pathlib, tests.sitebuild as s; s.copy_project(pathlib.Path(sys.argv[1]))' "$work"
"$python" scripts/fork.py config mkdocs.yml > "$work/mkdocs.yml"
echo "== properdocs build --strict → $out"
cd "$work"
PYTHONPATH="$root" NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true \
  "$root/$venv/bin/properdocs" build --strict -f mkdocs.yml -d "$out"
