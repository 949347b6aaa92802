"""The text of a PDF, read by poppler's pdftotext (Debian's poppler-utils, installed by
`make setup`). Without it the test is skipped, except on CI where that is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def text_of(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()
