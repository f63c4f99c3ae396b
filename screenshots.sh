#!/bin/sh
# Renders the call page in every state at phone (390x844) and desktop (1280x800) size, and some states in Main UI's
# 300 px web frame, into doc/screenshots/ (headless Chromium against the simulated cloud and panel).
set -e
cd "$(dirname "$0")"
SCREENSHOTS_DIR="$(pwd)/doc/screenshots" mvn -B verify -Dit.test='CallPageIT,RingPreviewIT#theRingingPageShowsTheVisitorMutedAndAnswersOnTheSameConnection' -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
ls -l doc/screenshots
