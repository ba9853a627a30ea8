"""The REST API, /api/v1: submit a letter, poll its status, fetch the draft, the check report and outputs.

Authentication is only by API token (`Authorization: Bearer er_…`), never the session
cookie, so this blueprint alone is exempt from CSRF. Errors are JSON: {"error": "…"}.
The OpenAPI description is at /api/v1/openapi.json.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from easyread import jobs
from easyread.documents.errors import InputError
from easyread.documents.write import FORMATS
from easyread.jobs import intake
from easyread.records import letters, versions
from easyread.web.auth import council_letters, get_document_or_404, token_required
from easyread.web.openapi import spec

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _error(message: str, status: int):
    return jsonify(error=message), status


def _document_json(doc) -> dict:
    version = versions.latest(doc) if doc.status != "queued" or doc.versions else None
    progress = doc.progress or {}
    body = {
        "id": doc.id,
        "title": doc.title,
        "filename": doc.filename,
        "status": doc.status,
        "progress": {
            "stage": progress.get("stage"),
            "done": progress.get("done"),
            "total": progress.get("total"),
            "percent": progress.get("percent", 0),
        },
        "error": doc.error,
        "options": {k: v for k, v in (doc.options or {}).items()},
        "created_at": doc.created_at.isoformat(),
        "version": version.number if version else None,
        "links": {"self": url_for("api.get_document", doc_id=doc.id, _external=True)},
    }
    if version:
        body["passed"] = (version.report or {}).get("passed")
        body["score"] = (version.report or {}).get("score")
        body["links"].update(
            draft=url_for("api.get_draft", doc_id=doc.id, _external=True),
            report=url_for("api.get_report", doc_id=doc.id, _external=True),
            outputs={fmt: url_for("api.get_output", doc_id=doc.id, fmt=fmt, _external=True) for fmt in FORMATS},
        )
    return body


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec(request.host_url.rstrip("/") + "/api/v1"))


# The JSON fields a submission may have and the sentence that says what each must be.
_FIELD_TYPES = {
    "filename": (str, '"filename" must be text, such as "letter.txt".'),
    "title": (str, '"title" must be text.'),
    "model": (str, '"model" must be text, such as "embedded" or "none".'),
    "pictures": (bool, '"pictures" must be true or false.'),
    "formats": ((str, list), '"formats" must be a list such as ["docx", "pdf"].'),
    "languages": ((str, list), '"languages" must be a list such as ["pl", "ur"].'),
}


def _wrong_types(body: dict) -> str | None:
    """The plain message for the first JSON field of the wrong type (null counts as absent), else None."""
    for name, (kinds, message) in _FIELD_TYPES.items():
        value = body.get(name)
        if value is None:
            continue
        if not isinstance(value, kinds) or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
            return message
    return None


@bp.post("/documents")
@token_required()
def submit():
    """A letter as a multipart file (field `file`) or JSON {"text": …}, with optional model, formats and pictures."""
    settings = current_app.config["EASYREAD"]
    user = g.api_user
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return _error('Send a JSON object, for example {"text": "Dear …"}.', 400)
        text = body.get("text")
        if not isinstance(text, str):
            return _error('Send the letter\'s text in "text", or upload a file as multipart/form-data in "file".', 400)
        if wrong := _wrong_types(body):
            return _error(wrong, 400)
        formats, model, pictures, title = (
            body.get("formats"),
            body.get("model"),
            body.get("pictures", True),
            body.get("title"),
        )
        languages = body.get("languages")
        filename = body.get("filename") or intake.PASTED_NAME
        try:
            data = intake.pasted_bytes(text)
        except InputError as error:
            return _error(str(error), 422)
    else:
        file = request.files.get("file")
        if file is None or not file.filename:
            return _error(
                'Upload the letter as multipart/form-data in the field "file", or send JSON {"text": …}.', 400
            )
        data, filename = file.read(settings["MAX_UPLOAD_MB"] * 1024 * 1024 + 1), file.filename
        formats = request.form.get("formats")
        model, title, languages = request.form.get("model"), request.form.get("title"), request.form.get("languages")
        pictures = request.form.get("pictures", "true").lower() not in ("0", "false", "no", "off")
    if isinstance(formats, str):
        formats = [f for f in formats.split(",") if f.strip()]
    if formats is not None and not isinstance(formats, list):
        return _error('"formats" must be a list such as ["docx", "pdf"].', 400)
    try:
        if languages is not None and not isinstance(languages, (str, list)):
            return _error('"languages" must be a list such as ["pl", "ur"].', 400)
        options = intake.clean_options(
            settings, model=model, formats=formats, pictures=bool(pictures), languages=languages
        )
        doc = intake.accept(
            data=data,
            filename=filename,
            user=user,
            options=options,
            settings=settings,
            instance=current_app.instance_path,
            title=title if isinstance(title, str) else None,
        )
    except intake.OptionError as error:
        return _error(str(error), 400)
    except InputError as error:
        return _error(str(error), 422)
    letters.reload(doc)
    response = jsonify(_document_json(doc))
    response.status_code = 202
    response.headers["Location"] = url_for("api.get_document", doc_id=doc.id, _external=True)
    return response


@bp.get("/documents")
@token_required()
def list_documents():
    docs = council_letters(100)
    return jsonify(documents=[_document_json(d) for d in docs])


@bp.get("/documents/<int:doc_id>")
@token_required()
def get_document(doc_id: int):
    return jsonify(_document_json(get_document_or_404(doc_id)))


def _language() -> str:
    """The `?language=` asked for: "en" (the Easy Read draft) or a translation's code."""
    return (request.args.get("language") or "en").strip() or "en"


def _latest_or_error(doc):
    version = versions.latest(doc, _language())
    if version is None and _language() != "en":
        return None, _error(
            f'This letter has no translation into "{_language()}" yet. Ask for it with "languages" when you submit the letter.',
            404,
        )
    if version is None:
        status = 409 if doc.status in jobs.ACTIVE else 404
        return None, _error(
            "The draft is not ready yet. Poll the document until its status is done."
            if status == 409
            else (doc.error or "This letter has no draft."),
            status,
        )
    return version, None


@bp.get("/documents/<int:doc_id>/draft")
@token_required()
def get_draft(doc_id: int):
    doc = get_document_or_404(doc_id)
    version, problem = _latest_or_error(doc)
    if problem:
        return problem
    # Each point's "sources" are ids of the letter's sentences; send the sentences so a client can show them.
    letter = versions.original_document(doc, current_app.instance_path, current_app.config["EASYREAD"])
    sentences = letter.sentence_map() if letter is not None else {}
    return jsonify(version=version.number, language=version.language, draft=version.draft, sentences=sentences)


@bp.get("/documents/<int:doc_id>/report")
@token_required()
def get_report(doc_id: int):
    version, problem = _latest_or_error(get_document_or_404(doc_id))
    return problem or jsonify(version=version.number, language=version.language, report=version.report)


@bp.get("/documents/<int:doc_id>/outputs/<fmt>")
@token_required()
def get_output(doc_id: int, fmt: str):
    from easyread.web.documents import send_output

    doc = get_document_or_404(doc_id)
    if fmt not in FORMATS:
        return _error(f"Choose a format from: {', '.join(FORMATS)}.", 404)
    version, problem = _latest_or_error(doc)
    return problem or send_output(doc, version, fmt, g.api_user)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    """JSON, never an HTML page, for errors on API routes."""
    if error.code == 404:
        return _error("There is no such document, or it belongs to another council.", 404)
    if error.code == 413:
        return _error(f"The file must be smaller than {current_app.config['EASYREAD']['MAX_UPLOAD_MB']} MB.", 413)
    return _error(error.description or "There is a problem with your request.", error.code or 500)


def init_app(app) -> None:
    from easyread.web import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
