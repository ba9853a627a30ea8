"""Translations of a letter's Easy Read draft: the list, one translation beside its English, and asking for more.

Routes join the "documents" blueprint. The work is `jobs.queue_translation` (a
background task calling `easyread.translate.translate_draft`); every translation is
stored as its own append-only version, in its own language.
"""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField

from easyread import jobs
from easyread.jobs import intake
from easyread.records import versions
from easyread.store.models import DraftVersion
from easyread.translate.pipeline import FLAG_DRIFT, FLAG_ENGLISH, FLAG_FACTS, FLAG_FUZZY, FLAG_TERM, FLAG_TRUST
from easyread.web.auth import get_document_or_404, staff_required
from easyread.web.documents import FORMAT_NAMES, FORMATS, bp

# What each translation flag asks of the fluent reader who checks it.
FLAG_WORDS = {
    FLAG_FACTS: "A number, amount, date, phone number or address may not match the English",
    FLAG_DRIFT: "Translated back into English, it does not say the same thing",
    FLAG_TERM: "The council's agreed word was not kept",
    FLAG_TRUST: "The translation engine is not good enough for this language",
    FLAG_ENGLISH: "It is still in English",
    FLAG_FUZZY: "Taken from the translation memory for a slightly different English sentence: check the marked words",
}


class TranslateForm(FlaskForm):
    languages = StringField("Languages to translate into")


class XliffForm(FlaskForm):
    file = FileField("Upload the XLIFF file your translator sent back")


class TmxForm(FlaskForm):
    tmx = FileField("Upload a TMX file of translations")


def _languages(doc) -> list[tuple[str, DraftVersion]]:
    """(code, latest version) of every language the letter has a translation in, in the order they were first made."""
    codes = list(dict.fromkeys(v.language for v in sorted(doc.versions, key=lambda v: v.id) if v.language != "en"))
    return [(code, versions.latest(doc, code)) for code in codes]


def _language_name(code: str) -> tuple[str, str, str]:
    """(English name, own name, direction) from the catalogue; the code itself if it is not in it."""
    from easyread.translate import lookup
    from easyread.translate.errors import TranslationError

    try:
        language = lookup(code)
    except TranslationError:
        return code, code, "ltr"
    return language.name, language.endonym, language.direction


def _row(doc, code: str, version: DraftVersion) -> dict:
    name, endonym, _ = _language_name(code)
    summary = (version.report or {}).get("translation") or {}
    return {
        "code": code,
        "name": name,
        "endonym": endonym,
        "version": version,
        "points": summary.get("points", 0),
        "flagged": summary.get("flagged", 0),
        "facts_kept": summary.get("facts_kept", 0),
        "tier": summary.get("tier") or "",
        "engine": summary.get("engine") or "",
        "chrf": summary.get("chrf"),
        "url": url_for("documents.translation", doc_id=doc.id, code=code),
    }


@bp.route("/<int:doc_id>/translations", methods=["GET", "POST"])
@staff_required
def translations(doc_id: int):
    doc = get_document_or_404(doc_id)
    form = TranslateForm()
    status = 200
    if request.method == "POST" and not form.validate():
        status = 400
    elif request.method == "POST":
        try:
            codes = intake.clean_languages(form.languages.data)
            if not codes:
                raise intake.OptionError("languages", "Enter at least one language, for example pl, ro, ur.")
            if versions.latest(doc) is None:
                raise intake.OptionError("languages", "Wait for the Easy Read draft before translating it.")
            intake.check_translation_set_up(current_app.config["EASYREAD"])
            jobs.queue_translation(doc, current_user, codes)
        except intake.OptionError as error:
            form.languages.errors.append(str(error))
            status = 400
        except ValueError as error:  # a task is already running on this letter
            form.languages.errors.append(str(error))
            status = 409
        else:
            flash(
                f"Translating into {', '.join(_language_name(c)[0] for c in codes)}. This takes a few minutes for each language.",
                "success",
            )
            return redirect(url_for("documents.translations", doc_id=doc.id))
    rows = [_row(doc, code, version) for code, version in _languages(doc)]
    translating = doc.status in jobs.ACTIVE and (doc.progress or {}).get("task", {}).get("kind") == "translate"
    return render_template(
        "documents/translations.html",
        doc=doc,
        form=form,
        rows=rows,
        translating=translating,
        asked=(doc.progress or {}).get("task", {}).get("languages", []),
        running=doc.status in jobs.ACTIVE,
    ), status


@bp.get("/<int:doc_id>/translations/<code>")
@staff_required
def translation(doc_id: int, code: str):
    doc = get_document_or_404(doc_id)
    version = versions.latest(doc, code)
    if version is None or code == "en":
        abort(404)
    return _translation_page(doc, code, version, XliffForm())


def _translation_page(doc, code: str, version: DraftVersion, xliff_form: XliffForm, status: int = 200, tmx_form=None):
    from easyread.records.translations import english_for
    from easyread.translate.origin import is_approved, origin_of

    english = english_for(doc, version)
    name, endonym, direction = _language_name(code)
    english_points = [p for s in (english.draft if english else {}).get("sections", []) for p in s.get("points", [])]
    n = 0
    sections = []
    for section in (version.draft or {}).get("sections", []):
        points = []
        for point in section.get("points", []):
            flags = [FLAG_WORDS[f] for f in point.get("flags") or [] if f in FLAG_WORDS]
            points.append(
                {
                    "text": point.get("text", ""),
                    "english": english_points[n]["text"] if n < len(english_points) else "",
                    "flags": flags,
                    "reasons": [
                        f.get("message", "")
                        for f in point.get("findings") or []
                        if f.get("rule_id", "").startswith("translation")
                    ],
                    "origin": origin_of(point).get("message", ""),
                    "diff": origin_of(point).get("diff", ""),
                    "approved": is_approved(point),
                }
            )
            n += 1
        sections.append({"heading": section.get("heading", ""), "points": points})
    chosen = (doc.options or {}).get("formats") or list(FORMATS)
    from easyread.records.translations import memory_size

    return render_template(
        "documents/translation.html",
        memory_entries=memory_size(doc.council_id, code),
        tmx_form=tmx_form or TmxForm(),
        doc=doc,
        version=version,
        english=english,
        code=code,
        name=name,
        endonym=endonym,
        direction=direction,
        title=(version.draft or {}).get("title", ""),
        sections=sections,
        summary=_row(doc, code, version),
        formats=[(f, FORMAT_NAMES[f]) for f in FORMATS if f in chosen],
        xliff_form=xliff_form,
        form=tmx_form if tmx_form is not None and tmx_form.errors else xliff_form,
    ), status


def _drafts(doc, code: str):
    from easyread.documents.model import EasyReadDocument
    from easyread.records.translations import english_for

    version = versions.latest(doc, code)
    english = english_for(doc, version) if version is not None and code != "en" else None
    if english is None:
        abort(404)
    return version, EasyReadDocument.from_dict(english.draft), EasyReadDocument.from_dict(version.draft)


@bp.get("/<int:doc_id>/translations/<code>/xliff")
@staff_required
def translation_xliff(doc_id: int, code: str):
    """The latest translation as XLIFF 1.2 for a translator's CAT tool."""
    from easyread.glossary.council import glossary_for
    from easyread.records import letters
    from easyread.translate.xliff import export_xliff

    doc = get_document_or_404(doc_id)
    version, english, translated = _drafts(doc, code)
    settings = current_app.config["EASYREAD"]
    stem = f"letter-{doc.id}-{code}-v{version.number}"
    data = export_xliff(english, translated, code, glossary=glossary_for(settings, doc.council_id), original=stem)
    letters.exported(doc, current_user, "xliff", version=version.number, language=code)
    return Response(
        data,
        mimetype="application/x-xliff+xml",
        headers={"Content-Disposition": f'attachment; filename="{stem}.xlf"', "Cache-Control": "no-store"},
    )


@bp.post("/<int:doc_id>/translations/<code>/xliff")
@staff_required
def translation_xliff_upload(doc_id: int, code: str):
    """Take a translator's returned XLIFF in as the next version of this language (fact lock and back-check run)."""
    from easyread.engines.base import EngineError
    from easyread.records.translations import save_translation
    from easyread.translate.errors import TranslationError
    from easyread.translate.xliff import import_xliff

    doc = get_document_or_404(doc_id)
    version, english, translated = _drafts(doc, code)
    form = XliffForm()
    upload = form.file.data if form.validate() else None
    if upload is None or not getattr(upload, "filename", ""):
        form.file.errors = ["Choose the XLIFF file your translator sent back."]
        return _translation_page(doc, code, version, form, 400)
    try:
        by = getattr(current_user, "name", "") or "translator"
        result = import_xliff(upload.read(), english, translated, code, by=by, **_back_check())
    except (TranslationError, EngineError) as error:
        form.file.errors = [str(error)]
        return _translation_page(doc, code, version, form, 400)
    if not result.changed and not result.approved:
        flash("Nothing was changed or approved in this file, so no new version was made.", "success")
        return redirect(url_for("documents.translation", doc_id=doc.id, code=code))
    saved = save_translation(
        doc,
        code,
        result.draft,
        based_on=version,
        user=current_user,
        note=f"Translator's file: {len(result.changed)} changed, {len(result.approved)} approved.",
        change="xliff",
        english=english,
    )
    message = (
        f"Version {saved.number} made from the translator's file: {len(result.changed)} changed, "
        f"{len(result.approved)} approved"
    )
    flash(message + (f", {len(result.flagged)} to check." if result.flagged else "."), "success")
    return redirect(url_for("documents.translation", doc_id=doc.id, code=code))


def _back_check() -> dict:
    """How a person's changed translation is checked, as the settings say: the engine that translates it back
    (None when TRANSLATE_BACK_CHECK is off) and the TRANSLATE_CHRF_MIN and TRANSLATE_SIMILARITY_MIN thresholds."""
    from easyread.translate.engines import get_translator

    settings = current_app.config["EASYREAD"]
    return {
        "translator": get_translator(None, settings) if settings.TRANSLATE_BACK_CHECK else None,
        "chrf_min": settings.TRANSLATE_CHRF_MIN,
        "similarity_min": settings.TRANSLATE_SIMILARITY_MIN,
    }


def _review_points(doc, code: str, version: DraftVersion, english) -> list[dict]:
    from easyread.translate.origin import is_approved, origin_of

    english_sections = (english.draft if english else {}).get("sections", [])
    out = []
    for s, section in enumerate((version.draft or {}).get("sections", []), start=1):
        en_points = english_sections[s - 1].get("points", []) if s - 1 < len(english_sections) else []
        for p, point in enumerate(section.get("points", []), start=1):
            origin = origin_of(point)
            out.append(
                {
                    "id": f"s{s}/p{p}",
                    "text": point.get("text", ""),
                    "english": en_points[p - 1]["text"] if p - 1 < len(en_points) else "",
                    "flags": [FLAG_WORDS[f] for f in point.get("flags") or [] if f in FLAG_WORDS],
                    "origin": origin.get("message", ""),
                    "diff": origin.get("diff", ""),
                    "approved": is_approved(point),
                }
            )
    return out


@bp.route("/<int:doc_id>/translations/<code>/review", methods=["GET", "POST"])
@staff_required
def translation_review(doc_id: int, code: str):
    """A fluent speaker checks a translation: English beside each point, edits, and approves points or the language."""
    from easyread.engines.base import EngineError
    from easyread.records.translations import save_translation
    from easyread.translate.errors import TranslationError
    from easyread.translate.origin import is_approved
    from easyread.translate.review import Returned, apply_changes

    doc = get_document_or_404(doc_id)
    version, english, translated = _drafts(doc, code)
    english_version = versions.get(doc, int((version.report or {}).get("from_version") or 0)) or versions.latest(doc)
    points = _review_points(doc, code, version, english_version)
    if request.method == "POST":
        if not FlaskForm().validate():
            abort(400)
        if request.form.get("based_on") != str(version.number):
            flash(
                "Someone saved this translation while you were checking it. Your changes were not saved: "
                "check the new version.",
                "error",
            )
            return redirect(url_for("documents.translation_review", doc_id=doc.id, code=code))
        approve_all = request.form.get("action") == "approve_all"
        returned = [
            Returned(
                p["id"],
                request.form.get(f"text:{p['id']}", p["text"]),
                approve_all or bool(request.form.get(f"approve:{p['id']}")),
            )
            for p in points
        ]
        try:
            by = getattr(current_user, "name", "") or "a fluent speaker"
            result = apply_changes(english, translated, code, returned, by=by, **_back_check())
        except (TranslationError, EngineError) as error:
            flash(f"The translation was not saved: {error}", "error")
            return redirect(url_for("documents.translation_review", doc_id=doc.id, code=code))
        before = [p["approved"] for p in points]
        after = [is_approved(p) for p in result.draft.points()]
        if not result.changed and before == after:
            flash("Nothing was changed, so no new version was made.", "success")
            return redirect(url_for("documents.translation", doc_id=doc.id, code=code))
        note = f"Checked by a fluent speaker: {len(result.changed)} changed, {sum(after)} of {len(after)} approved."
        saved = save_translation(
            doc, code, result.draft, based_on=version, user=current_user, english=english, change="review", note=note
        )
        message = f"Version {saved.number} saved: {sum(after)} of {len(after)} points checked"
        flash(message + (". " + " ".join(result.notes) if result.notes else "."), "success")
        return redirect(url_for("documents.translation", doc_id=doc.id, code=code))
    name, _, direction = _language_name(code)
    return render_template(
        "documents/translation_review.html",
        doc=doc,
        version=version,
        code=code,
        name=name,
        direction=direction,
        points=points,
        approved=sum(p["approved"] for p in points),
        total=len(points),
    )


@bp.get("/<int:doc_id>/translations/<code>/memory.tmx")
@staff_required
def translation_memory_tmx(doc_id: int, code: str):
    """The council's translation memory for this language as TMX 1.4, for a supplier's CAT tool."""
    from easyread.records import letters
    from easyread.records.translations import memory_segments
    from easyread.translate.tmx import export_tmx

    doc = get_document_or_404(doc_id)
    if versions.latest(doc, code) is None or code == "en":
        abort(404)
    data = export_tmx(memory_segments(doc.council_id, code), code)
    letters.exported(doc, current_user, "tmx", language=code)
    return Response(
        data,
        mimetype="application/x-tmx+xml",
        headers={
            "Content-Disposition": f'attachment; filename="translation-memory-{code}.tmx"',
            "Cache-Control": "no-store",
        },
    )


@bp.post("/<int:doc_id>/translations/<code>/memory.tmx")
@staff_required
def translation_memory_upload(doc_id: int, code: str):
    """Add a TMX file's English and target pairs (a supplier's memory) to the council's memory for this language."""
    from easyread.records.translations import import_memory
    from easyread.translate.tmx import TmxRefused, read_tmx

    doc = get_document_or_404(doc_id)
    version = versions.latest(doc, code)
    if version is None or code == "en":
        abort(404)
    form = TmxForm()
    upload = form.tmx.data if form.validate() else None
    if upload is None or not getattr(upload, "filename", ""):
        form.tmx.errors = ["Choose the TMX file to add to the translation memory."]
        return _translation_page(doc, code, version, XliffForm(), 400, tmx_form=form)
    try:
        read = read_tmx(upload.read(), code)
    except TmxRefused as error:
        form.tmx.errors = [str(error)]
        return _translation_page(doc, code, version, XliffForm(), 400, tmx_form=form)
    added, replaced = import_memory(doc.council_id, code, read.segments, user=current_user)
    skipped = f" {read.skipped} skipped because their facts did not match." if read.skipped else ""
    flash(f"Translation memory: {added} added and {replaced} replaced from {read.pairs} pairs.{skipped}", "success")
    return redirect(url_for("documents.translation", doc_id=doc.id, code=code))
