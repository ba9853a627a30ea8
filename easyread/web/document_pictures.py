"""The picture beside a point: see it, search the picture library and swap it, upload one, or remove it.

The choice is stored in the draft's next version. Pictures are served from the
stored draft (never from a path in the request). Uploaded pictures are re-encoded
as PNG, so nothing but pixels from an upload is ever served.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from flask import abort, current_app, render_template, request, send_file, url_for
from flask_login import current_user

from easyread.config import Settings
from easyread.documents import edits
from easyread.documents.atomic import atomic_write_bytes
from easyread.records import versions
from easyread.web.auth import get_document_or_404, staff_required
from easyread.web.document_edits import apply_change
from easyread.web.documents import bp

SERVED_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
MAX_PICTURE_MB = 5
MAX_PIXELS = 40_000_000


class PictureError(ValueError):
    pass


def _settings() -> Settings:
    return current_app.config["EASYREAD"]


def _send_picture(path: str | None):
    if not path:
        abort(404)
    file = Path(path)
    mimetype = SERVED_TYPES.get(file.suffix.lower())
    if mimetype is None or not file.is_file():
        abort(404)
    return send_file(file, mimetype=mimetype, max_age=3600)


@bp.get("/<int:doc_id>/versions/<int:number>/pictures/<int:section>/<int:index>")
@staff_required
def point_picture(doc_id: int, number: int, section: int, index: int):
    doc = get_document_or_404(doc_id)
    version = versions.get(doc, number)
    if version is None:
        abort(404)
    try:
        point = edits.point_at(version.draft, section, index)
    except edits.DraftError:
        abort(404)
    return _send_picture((point.get("picture") or {}).get("path"))


@bp.get("/pictures/symbol")
@staff_required
def symbol_picture():
    """A picture from the library, by its id, for the search results."""
    symbol = _symbol(request.args.get("id", ""))
    if symbol is None:
        abort(404)
    from easyread.pictures import picture_for

    return _send_picture(picture_for(symbol, _settings()).path)


def _symbol(symbol_id: str):
    from easyread.pictures.library import default_library

    if not symbol_id:
        return None
    return default_library(_settings()).get(symbol_id)


def save_uploaded_picture(data: bytes, council_id: int, instance: str | Path, px: int) -> str:
    """Check an uploaded picture and keep it as a PNG (at most `px` wide and high); returns its path."""
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise PictureError("The picture file is empty. Choose a PNG or JPEG picture.")
    if len(data) > MAX_PICTURE_MB * 1024 * 1024:
        raise PictureError(f"The picture must be smaller than {MAX_PICTURE_MB} MB.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ("PNG", "JPEG", "GIF", "WEBP"):
                raise PictureError("The picture must be a PNG, JPEG, GIF or WebP file.")
            if probe.width * probe.height > MAX_PIXELS:
                raise PictureError("The picture is too large. Make it smaller than 6000 by 6000 pixels.")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = image.convert("RGBA")
            image.thumbnail((px, px))
            out = io.BytesIO()
            image.save(out, format="PNG")
    except PictureError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise PictureError("The picture file is damaged or is not a picture. Choose a PNG or JPEG picture.") from None
    png = out.getvalue()
    path = Path(instance) / "pictures" / f"council-{int(council_id)}" / f"{hashlib.sha256(png).hexdigest()}.png"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, png)
    return str(path)


@bp.route("/<int:doc_id>/points/<int:section>/<int:index>/picture", methods=["GET", "POST"])
@staff_required
def choose_picture(doc_id: int, section: int, index: int):
    doc = get_document_or_404(doc_id)
    version = versions.latest(doc)
    if version is None:
        abort(404)
    try:
        point = edits.point_at(version.draft, section, index)
    except edits.DraftError:
        abort(404)
    errors: dict[str, str] = {}
    if request.method == "POST":
        action = request.form.get("action", "")
        anchor = f"point-{section}-{index}"
        if action == "remove":
            return apply_change(
                doc,
                "picture",
                f"Removed the picture beside point {index + 1} of section {section + 1}.",
                lambda d: edits.remove_picture(d, section, index),
                anchor,
            )
        if action == "choose":
            symbol = _symbol(request.form.get("symbol", ""))
            if symbol is None:
                errors["symbol"] = "Choose a picture from the search results."
            else:
                from easyread.pictures import picture_for

                picture = picture_for(symbol, _settings())
                chosen = {"path": picture.path, "alt": picture.alt, "credit": picture.credit}
                return apply_change(
                    doc,
                    "picture",
                    f"Changed the picture beside point {index + 1} of section {section + 1}.",
                    lambda d: edits.set_picture(d, section, index, chosen),
                    anchor,
                )
        elif action == "upload":
            file = request.files.get("picture")
            alt = " ".join(request.form.get("alt", "").split())
            if not file or not file.filename:
                errors["picture"] = "Choose a picture file to upload."
            if not alt:
                errors["alt"] = "Describe the picture for people who cannot see it."
            if not errors:
                try:
                    path = save_uploaded_picture(
                        file.read(MAX_PICTURE_MB * 1024 * 1024 + 1),
                        doc.council_id,
                        current_app.instance_path,
                        _settings().PICTURE_PX,
                    )
                except PictureError as error:
                    errors["picture"] = str(error)
                else:
                    chosen = {"path": path, "alt": alt[:250], "credit": None}
                    return apply_change(
                        doc,
                        "picture",
                        f"Uploaded a picture for point {index + 1} of section {section + 1}.",
                        lambda d: edits.set_picture(d, section, index, chosen),
                        anchor,
                    )
        else:
            abort(400)
    query = " ".join(request.args.get("q", "").split())[:100]
    results = []
    if query:
        from easyread.pictures import search_pictures

        results = search_pictures(query, limit=24, settings=_settings())
    current_url = (
        url_for("documents.point_picture", doc_id=doc.id, number=version.number, section=section, index=index)
        if (point.get("picture") or {}).get("path")
        else None
    )
    return render_template(
        "documents/picture.html",
        doc=doc,
        version=version,
        point=point,
        section=section,
        index=index,
        query=query,
        results=results,
        errors=errors,
        current_url=current_url,
        user=current_user,
    ), (400 if errors else 200)
