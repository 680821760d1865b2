#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (the notebook validator, a real browser and
# CJK fonts for the dashboard tests). Safe to run again; skips what is already installed.
set -euo pipefail
pkgs=(python3-nbformat chromium fonts-noto-cjk)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies present: ${pkgs[*]}"
else
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The dashboard tests use Debian's python3 (a python3 earlier on PATH, e.g. pyenv, may lack nbformat).
/usr/bin/python3 -c "import nbformat" || { echo "python3-nbformat is not importable by /usr/bin/python3" >&2; exit 1; }
fc-list :lang=zh family | grep -q . || { echo "no CJK font found by fontconfig (fonts-noto-cjk)" >&2; exit 1; }
