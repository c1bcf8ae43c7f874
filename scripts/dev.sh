#!/usr/bin/env bash
# 一条命令搭好环境并运行：
#   bash scripts/dev.sh serve   构建并在 http://127.0.0.1:8000 提供网站（修改后自动重建）
#   bash scripts/dev.sh test    运行全部测试（含浏览器测试）；其余参数交给 pytest
# 第一次运行会在 .venv 中按 requirements.lock（锁定的确切版本和哈希）安装依赖，再以可编辑方式
# 安装 peixun 本身；测试还需要 Debian 的 chromium 和 fonts-noto-cjk：以 root 运行时自动用
# apt-get 安装。
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== 创建虚拟环境 .venv"
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements.lock pyproject.toml | sha1sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "== 安装依赖（requirements.lock）"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q --require-hashes -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  touch "$stamp"
fi
export NO_MKDOCS_2_WARNING=1

need_system_packages() {
  [ -x /usr/bin/chromium ] || return 0
  command -v npm >/dev/null || return 0  # the GIFT export is read back by gift-pegjs (npm)
  command -v pdffonts >/dev/null || return 0
  command -v soffice >/dev/null || return 0
  # grep reads all of fc-list's output: with -q it would stop early and, under pipefail,
  # fc-list's broken pipe would read as a missing font.
  fc-list 2>/dev/null | grep -c "Noto Sans CJK" >/dev/null || return 0
  return 1
}

case "${1:-}" in
  serve)
    shift
    exec .venv/bin/python -m mkdocs serve -a 127.0.0.1:8000 "$@"
    ;;
  test)
    shift
    if need_system_packages; then
      if [ "$(id -u)" = 0 ]; then
        echo "== 安装 chromium、fonts-noto-cjk、poppler-utils（apt-get）"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils nodejs libreoffice-writer-nogui libreoffice-impress-nogui
      else
        echo "需要 Debian 软件包 chromium、fonts-noto-cjk、poppler-utils：" \
             "sudo apt-get install chromium fonts-noto-cjk poppler-utils nodejs libreoffice-writer-nogui libreoffice-impress-nogui" >&2
      fi
    fi
    exec .venv/bin/python -m pytest "$@"
    ;;
  *)
    echo "用法：bash scripts/dev.sh serve | test [pytest 参数]" >&2
    exit 2
    ;;
esac
