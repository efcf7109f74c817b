#!/bin/sh
# Installs what Lede needs to build, test and run on Debian 12 (and what the screenshot script
# uses). Safe to run again; uses sudo when not root.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    cmake ninja-build g++ pkgconf sqlite3 libsqlite3-dev libgumbo-dev libxlsxwriter-dev libzip-dev \
    libpoppler-qt6-dev libxml2-utils unzip python3 ca-certificates poppler-utils \
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 libgl-dev \
    qt6-l10n-tools qt6-tools-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev \
    qt6-qpa-plugins fonts-dejavu-core \
    xvfb xauth imagemagick xdotool \
    clang libclang-rt-14-dev clang-format >/dev/null
# ca-certificates: `lede import https://...` checks the server's certificate against them.
# clang and its runtime (libFuzzer, sanitizers) are for fuzz/run.sh only, clang-format for the
# formatting check in .ci/run; xmllint, unzip, python3 and poppler-utils (pdftotext, pdftoppm)
# let the tests check exports with tools other than Lede (REFI-QDA schema, zip, CSV, JSON, PDF).
# libqt6opengl6-dev: Qt6ChartsConfig.cmake requires Qt6::OpenGL and Qt6::OpenGLWidgets, and
# qt6-charts-dev does not depend on their development package, so without it a fresh machine
# fails at configure ("Failed to find required Qt component Charts").
