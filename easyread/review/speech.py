"""Spoken versions of review points, made by espeak-ng, for browsers with no speech synthesis voice.

The browser's own voice is used first (it sounds better and costs the server
nothing); this WAV is the fallback behind an ordinary link, so it also works
without JavaScript. Files are cached by a hash of the words and the voice, so a
point is spoken once however many reviewers listen. Only redacted round text is
ever passed here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

VOICE = "en-gb"
WORDS_PER_MINUTE = 140  # slower than espeak's 175: Easy Read readers asked for a calm pace
TIMEOUT_SECONDS = 20
MAX_CHARS = 5000


class SpeechError(RuntimeError):
    """espeak-ng is missing, failed or took too long."""


def available() -> bool:
    """True when espeak-ng is on the PATH."""
    return shutil.which("espeak-ng") is not None


def cache_path(cache_dir: str | Path, text: str, voice: str = VOICE) -> Path:
    """Where the recording of `text` is kept (named by a hash, so no words appear in file names)."""
    key = hashlib.sha256(f"{voice}\n{WORDS_PER_MINUTE}\n{text}".encode()).hexdigest()
    return Path(cache_dir) / f"{key}.wav"


def wav_for(text: str, cache_dir: str | Path, voice: str = VOICE) -> Path:
    """A WAV file of `text` spoken (made once, then served from the cache). Raises SpeechError."""
    text = " ".join((text or "").split())[:MAX_CHARS]
    if not text:
        raise SpeechError("There are no words to read.")
    path = cache_path(cache_dir, text, voice)
    if path.is_file():
        return path
    program = shutil.which("espeak-ng")
    if program is None:
        raise SpeechError("espeak-ng is not installed.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".wav", dir=path.parent)
    os.close(fd)
    try:
        # Words go in on stdin, never on the command line, and no shell is involved.
        subprocess.run(
            [program, "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", tmp, "--stdin"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
        )
        if os.path.getsize(tmp) == 0:
            raise SpeechError("espeak-ng made an empty file.")
        os.replace(tmp, path)  # atomic: a half-made file is never served
    except subprocess.TimeoutExpired as error:
        raise SpeechError("espeak-ng took too long.") from error
    except (subprocess.CalledProcessError, OSError) as error:
        raise SpeechError(f"espeak-ng failed: {error}") from error
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def remove_for(cache_dir: str | Path, texts: list[str], voice: str = VOICE) -> int:
    """Delete the cached audio of these texts (when a letter is deleted entirely). Returns how many went."""
    gone = 0
    for text in texts:
        path = cache_path(cache_dir, " ".join((text or "").split())[:MAX_CHARS], voice)
        if path.is_file():
            path.unlink()
            gone += 1
    return gone
