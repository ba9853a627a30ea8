"""Letters: upload, the list with progress, the draft page, downloads, retry and delete.

Editing a draft is in `document_edits.py`, pictures in `document_pictures.py`; all
three add routes to the one "documents" blueprint. Views stay thin: they read a
form, call a plain function (`jobs.intake`, `drafts`, `versions`), render a template.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField, TextAreaField

from easyread import jobs
from easyread.config import Settings
from easyread.documents.errors import InputError
from easyread.documents.write import FORMATS, WriteOptions, write_outputs
from easyread.jobs import intake
from easyread.records import letters, versions
from easyread.web.auth import council_letters, get_document_or_404, staff_required
from easyread.web.present import draft_view, fact_rows, first_draft, progress_text

bp = Blueprint("documents", __name__, url_prefix="/documents")

FORMAT_NAMES = {"docx": "Word (.docx)", "pdf": "PDF", "html": "Web page (.html)", "txt": "Text (.txt)"}
MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


class UploadForm(FlaskForm):
    file = FileField("Upload a file")
    text = TextAreaField("Or paste the letter's text")
    title = StringField("Name for this letter (optional)")
    model = RadioField("How to write the Easy Read", choices=[], validate_choice=False)
    formats = SelectMultipleField(
        "Formats to download", choices=[(f, FORMAT_NAMES[f]) for f in FORMATS], validate_choice=False
    )
    pictures = BooleanField("Put a picture beside each point", default=True)
    languages = StringField("Translate into other languages (optional)")


def _settings() -> Settings:
    return current_app.config["EASYREAD"]


def _upload_form() -> UploadForm:
    form = UploadForm()
    settings = _settings()
    form.model.choices = intake.model_choices(settings)
    if request.method == "GET":
        form.model.data = form.model.choices[0][0]
        form.formats.data = [f.strip() for f in settings.FORMATS.split(",") if f.strip() in FORMATS] or list(FORMATS)
        form.pictures.data = True
    return form


@bp.route("/new", methods=["GET", "POST"])
@staff_required
def upload():
    form = _upload_form()
    status = 200
    if request.method == "POST" and form.validate():
        settings = _settings()
        file = form.file.data
        has_file = bool(file and getattr(file, "filename", ""))
        try:
            options = intake.clean_options(
                settings,
                model=form.model.data,
                formats=form.formats.data,
                pictures=form.pictures.data,
                languages=form.languages.data,
            )
        except intake.OptionError as error:
            form[error.field].errors.append(str(error))
            return render_template("documents/upload.html", form=form, max_mb=settings["MAX_UPLOAD_MB"]), 400
        pasted = (form.text.data or "").strip()
        if not has_file and not pasted:
            form.file.errors.append("Choose a file, or paste the letter's text.")
            return render_template("documents/upload.html", form=form, max_mb=settings["MAX_UPLOAD_MB"]), 400
        field = form.file if has_file else form.text
        try:
            if has_file:
                data, filename = file.read(settings["MAX_UPLOAD_MB"] * 1024 * 1024 + 1), file.filename
            else:
                data, filename = intake.pasted_bytes(form.text.data), intake.PASTED_NAME
            doc = intake.accept(
                data=data,
                filename=filename,
                user=current_user,
                options=options,
                settings=settings,
                instance=current_app.instance_path,
                title=form.title.data,
            )
        except InputError as error:
            field.errors.append(str(error))
            status = 400
        else:
            return redirect(url_for("documents.show", doc_id=doc.id))
    elif request.method == "POST":
        status = 400
    return render_template("documents/upload.html", form=form, max_mb=_settings()["MAX_UPLOAD_MB"]), status


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """A file over the limit is refused before the view runs; say so on the upload page."""
    form = UploadForm(formdata=None)
    form.model.choices = intake.model_choices(_settings())
    form.model.data = form.model.choices[0][0]
    form.formats.data = list(FORMATS)
    max_mb = _settings()["MAX_UPLOAD_MB"]
    form.file.errors = [f"The file must be smaller than {max_mb} MB."]
    return render_template("documents/upload.html", form=form, max_mb=max_mb), 413


def _summary(doc) -> dict:
    return {
        "id": doc.id,
        "status": doc.status,
        "percent": int((doc.progress or {}).get("percent", 100 if doc.status == "done" else 0)),
        "progress": progress_text(doc),
        "error": doc.error,
        "url": url_for("documents.show", doc_id=doc.id),
        "first_draft": first_draft(doc) is not None,
    }


@bp.get("/")
@staff_required
def index():
    docs = council_letters(200)
    running = any(d.status in jobs.ACTIVE for d in docs)
    return render_template("documents/index.html", docs=docs, running=running, summary=_summary)


@bp.get("/status.json")
@staff_required
def statuses():
    """Status and progress of the council's letters, for the list page's polling."""
    docs = council_letters(200)
    return jsonify(documents=[_summary(d) for d in docs], running=any(d.status in jobs.ACTIVE for d in docs))


@bp.get("/<int:doc_id>/status.json")
@staff_required
def status(doc_id: int):
    return jsonify(_summary(get_document_or_404(doc_id)))


@bp.get("/<int:doc_id>")
@staff_required
def show(doc_id: int):
    doc = get_document_or_404(doc_id)
    version = versions.latest(doc)
    early = first_draft(doc) if version is None else None
    letter = versions.original_document(doc, current_app.instance_path, _settings())
    view = draft_view(doc, version or early, letter) if (version or early) else None
    return render_template(
        "documents/show.html",
        doc=doc,
        version=version or early,
        first_draft=early is not None,
        view=view,
        letter=letter,
        facts=fact_rows(version.report if version else {}),
        running=doc.status in jobs.ACTIVE,
        summary=_summary(doc),
        formats=[(f, FORMAT_NAMES[f]) for f in FORMATS],
    )


@bp.post("/<int:doc_id>/retry")
@staff_required
def retry(doc_id: int):
    doc = get_document_or_404(doc_id)
    if doc.status == "failed":
        jobs.retry(doc)
    return redirect(url_for("documents.show", doc_id=doc.id))


@bp.route("/<int:doc_id>/delete", methods=["GET", "POST"])
@staff_required
def delete(doc_id: int):
    doc = get_document_or_404(doc_id)
    if request.method == "GET":
        return render_template("documents/delete.html", doc=doc)
    letters.delete(doc, current_user)
    _remove_files(doc)
    return redirect(url_for("documents.index"))


def _remove_files(doc) -> None:
    """Remove the letter's made files, and its original unless another letter still uses the same file."""
    import shutil

    instance = Path(current_app.instance_path)
    shutil.rmtree(instance / "outputs" / str(doc.id), ignore_errors=True)
    if not letters.others_with_original(doc) and doc.original_path.startswith("uploads/"):
        (instance / doc.original_path).unlink(missing_ok=True)


def _stem(doc) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", doc.title or Path(doc.filename).stem).strip("-").lower()[:60]
    return f"{stem or 'letter'}-easy-read"


@bp.get("/<int:doc_id>/download/<fmt>")
@staff_required
def download(doc_id: int, fmt: str):
    """The latest version in one format."""
    doc = get_document_or_404(doc_id)
    if fmt not in FORMATS:
        abort(404)
    version = versions.latest(doc, request.args.get("language") or "en")
    if version is None:
        abort(404)
    return send_output(doc, version, fmt, current_user)


def send_output(doc, version, fmt: str, user):
    """Send `version` of `doc` as a `fmt` file, audited. Files are made once per version (versions never change)."""
    from easyread.documents.model import EasyReadDocument
    from easyread.records.rounds import is_final

    language = version.language or "en"
    final = is_final(doc.id, version.number, language)
    # Each language numbers its own versions, so the language is part of the folder; approving a
    # version changes what its files say, so draft and final files are kept apart.
    name = (f"v{version.number}" if language == "en" else f"{language}-v{version.number}") + ("-final" if final else "")
    folder = Path(current_app.instance_path) / "outputs" / str(doc.id) / name
    stem = _stem(doc) if language == "en" else f"{_stem(doc)}-{language.lower()}"
    path = folder / f"{stem}.{fmt}"
    if not path.is_file():
        options = WriteOptions.from_settings(_settings())
        options.status = f"Final version {version.number}" if final else "Draft: not approved yet"
        if language != "en":
            from easyread.translate.origin import review_status

            # A translation says whether a fluent speaker checked it, on its first page.
            options.status = review_status(version.draft or {}) + (
                f" – final version {version.number}" if final else ""
            )
        write_outputs(EasyReadDocument.from_dict(version.draft), folder, stem, [fmt], options)
    letters.exported(doc, user, fmt, version=version.number, language=language)
    return send_file(path, mimetype=MIMETYPES[fmt], as_attachment=True, download_name=f"{stem}.{fmt}", max_age=0)


def init_app(app) -> None:
    from easyread.web import document_edits, document_pictures, document_translations, nav  # noqa: F401  (their routes join bp)

    app.register_blueprint(bp)
    nav.add(app, "Letters", "documents.index", roles=("admin", "staff"), order=10)
    nav.add(app, "Upload a letter", "documents.upload", roles=("admin", "staff"), order=20)
