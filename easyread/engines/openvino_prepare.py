"""The embedded model for the OpenVINO engine: exported once from the checked bf16 cache at int8 weights.

`easyread models prepare embedded-openvino` first prepares the embedded model as
usual (joined parts, SHA-256 checked, bf16 cache), then exports that folder with
optimum-intel's `optimum-cli export openvino --weight-format int8`.

optimum-intel pins other torch and transformers versions than easyread does, so it
cannot share easyread's environment; it runs as a separate program (its own
virtual environment, named by the OPENVINO_EXPORTER setting). Only the export
needs it; the engine itself needs only `openvino-genai` (`easyread[openvino]`).

As with the bf16 cache, the export is written into a temporary folder under a lock
and renamed into place only when complete.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from easyread.engines import embedded
from easyread.engines.base import EngineError
from easyread.engines.embedded import EMBEDDED_MODELS, READY_MARKER, Progress

# run(command) -> None, raising CalledProcessError; tests pass a fake.
Runner = Callable[[list[str]], None]

EXPORTER_HINT = (
    "Exporting a model for OpenVINO needs optimum-intel in its own virtual environment: "
    "python3 -m venv ~/ovenv && ~/ovenv/bin/pip install 'optimum-intel[openvino]==2.2.0', "
    "then set EASYREAD_OPENVINO_EXPORTER=~/ovenv/bin/optimum-cli."
)


@dataclass(frozen=True)
class OpenVINOModel:
    """An embedded model exported for the OpenVINO engine."""

    name: str
    source: str  # the EMBEDDED_MODELS entry it is exported from
    weight_format: str = "int8"
    size: int = 1_900_000_000  # rough size of the export, for the disk-space check

    @property
    def source_model(self) -> embedded.EmbeddedModel:
        return EMBEDDED_MODELS[self.source]

    @property
    def folder_name(self) -> str:
        return f"{self.source_model.folder_name}-openvino-{self.weight_format}"

    @property
    def title(self) -> str:
        return f"{self.source_model.title}, OpenVINO {self.weight_format} weights"


OPENVINO_MODELS: dict[str, OpenVINOModel] = {
    "embedded-openvino": OpenVINOModel("embedded-openvino", "embedded"),
    "embedded-fast-openvino": OpenVINOModel("embedded-fast-openvino", "embedded-fast", size=600_000_000),
}


def cache_dir(model: OpenVINOModel, cache_root: str | os.PathLike) -> Path:
    """The folder the exported model lives in (it may not exist yet)."""
    return Path(cache_root) / model.folder_name


def is_ready(model: OpenVINOModel, cache_root: str | os.PathLike) -> bool:
    """True when the export is complete and made from the expected source at the expected format."""
    try:
        marker = json.loads((cache_dir(model, cache_root) / READY_MARKER).read_text())
    except (OSError, ValueError):
        return False
    return marker.get("sha256") == model.source_model.sha256 and marker.get("weight_format") == model.weight_format


def find_exporter(settings: dict | None) -> str:
    """The optimum-cli program to export with: the OPENVINO_EXPORTER setting, else one beside this Python."""
    from easyread.config import resolved

    configured = resolved(settings).OPENVINO_EXPORTER.strip()
    if configured:
        path = Path(configured).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        raise EngineError(f"The OpenVINO exporter {path} was not found. {EXPORTER_HINT}")
    beside = Path(sys.executable).parent / "optimum-cli"
    if beside.is_file():
        return str(beside)
    raise EngineError(EXPORTER_HINT)


def export_command(exporter: str, source: Path, out: Path, weight_format: str) -> list[str]:
    """The optimum-cli command that exports `source` (a Hugging Face folder) into `out`."""
    return [
        exporter,
        "export",
        "openvino",
        "--model",
        str(source),
        "--task",
        "text-generation-with-past",
        "--weight-format",
        weight_format,
        str(out),
    ]


def _run(command: list[str]) -> None:
    # Offline: the source is on disk, and nothing may be fetched from a model hub.
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.pop("PYTHONPATH", None)  # the exporter has its own environment; ours would shadow its packages
    subprocess.run(command, check=True, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def prepare(
    model: OpenVINOModel,
    cache_root: str | os.PathLike,
    progress: Progress | None = None,
    settings: dict | None = None,
    run: Runner | None = None,
) -> Path:
    """Make sure the OpenVINO export of `model` exists under `cache_root` and return its folder.

    Safe to call again: a ready export is returned at once. Raises EngineError with a
    plain message when the exporter is missing or fails, or the disk is full.
    """
    root = Path(cache_root)
    final = cache_dir(model, root)
    if is_ready(model, root):
        return final
    exporter = find_exporter(settings)  # fail early, before minutes of preparing the source
    source = embedded.prepare(model.source_model, root, progress)
    try:
        if shutil.disk_usage(root).free < model.size:
            raise _no_space(root, model)
        with embedded.lock(root, model.folder_name):
            if is_ready(model, root):  # another process finished while we waited
                return final
            for stale in root.glob(f".{model.folder_name}.*.tmp"):
                shutil.rmtree(stale, ignore_errors=True)
            _build(model, source, final, exporter, progress, run or _run)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise _no_space(root, model) from exc
        raise EngineError(f"The model could not be prepared in {root}: {exc.strerror or exc}.") from exc
    return final


def _build(
    model: OpenVINOModel, source: Path, final: Path, exporter: str, progress: Progress | None, run: Runner
) -> None:
    from easyread.engines.openvino_engine import is_model_folder

    stage = f"Exporting for OpenVINO at {model.weight_format} (takes a few minutes)"
    work = Path(tempfile.mkdtemp(prefix=f".{model.folder_name}.", suffix=".tmp", dir=final.parent))
    try:
        out = work / "model"
        started = time.monotonic()
        if progress:
            progress(stage, 0, 1)
        try:
            run(export_command(exporter, source, out, model.weight_format))
        except subprocess.CalledProcessError as exc:
            tail = (exc.stdout or "").strip().splitlines()[-1:] or ["no output"]
            raise EngineError(f"The OpenVINO export failed ({tail[0]}). {EXPORTER_HINT}") from exc
        if not is_model_folder(out):
            raise EngineError(f"The OpenVINO export wrote no model. {EXPORTER_HINT}")
        marker = {
            "sha256": model.source_model.sha256,
            "weight_format": model.weight_format,
            "title": model.title,
            "seconds": round(time.monotonic() - started, 1),
        }
        (out / READY_MARKER).write_text(json.dumps(marker))
        if progress:
            progress(stage, 1, 1)
        if final.exists():  # a stale, unmarked folder
            shutil.rmtree(final)
        os.rename(out, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _no_space(folder: Path, model: OpenVINOModel) -> EngineError:
    return EngineError(
        f"There is not enough disk space to prepare the model in {folder}. It needs about {model.size / 1e9:.1f} GB "
        "free. Free some space or set EASYREAD_MODEL_CACHE to another folder."
    )
