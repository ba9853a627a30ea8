"""Translations of a letter's Easy Read draft: the list, one translation beside its English, and asking for more.

Routes join the "documents" blueprint. The work is `jobs.queue_translation` (a
background job calling `easyread.translate.translate_draft`); every translation is
stored as its own append-only version, in its own language.
"""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField

from easyread import jobs, versions
from easyread.jobs import intake
from easyread.store.models import DraftVersion
from easyread.translate.pipeline import FLAG_DRIFT, FLAG_ENGLISH, FLAG_FACTS, FLAG_TERM, FLAG_TRUST
from easyread.web.auth import get_document_or_404, staff_required
from easyread.web.documents import FORMAT_NAMES, FORMATS, bp

# What each translation flag asks of the fluent reader who checks it.
FLAG_WORDS = {
    FLAG_FACTS: "A number, amount, date, phone number or address may not match the English",
    FLAG_DRIFT: "Translated back into English, it does not say the same thing",
    FLAG_TERM: "The council's agreed word was not kept",
    FLAG_TRUST: "The translation engine is not good enough for this language",
    FLAG_ENGLISH: "It is still in English",
}


class TranslateForm(FlaskForm):
    languages = StringField("Languages to translate into")


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
        "code": code, "name": name, "endonym": endonym, "version": version,
        "points": summary.get("points", 0), "flagged": summary.get("flagged", 0), "facts_kept": summary.get("facts_kept", 0),
        "tier": summary.get("tier") or "", "engine": summary.get("engine") or "", "chrf": summary.get("chrf"),
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
        except ValueError as error:  # a job is already running on this letter
            form.languages.errors.append(str(error))
            status = 409
        else:
            flash(f"Translating into {', '.join(_language_name(c)[0] for c in codes)}. This takes a few minutes for each language.", "success")
            return redirect(url_for("documents.translations", doc_id=doc.id))
    rows = [_row(doc, code, version) for code, version in _languages(doc)]
    translating = doc.status in jobs.ACTIVE and (doc.progress or {}).get("task", {}).get("kind") == "translate"
    return render_template("documents/translations.html", doc=doc, form=form, rows=rows, translating=translating,
                           asked=(doc.progress or {}).get("task", {}).get("languages", []), running=doc.status in jobs.ACTIVE), status


@bp.get("/<int:doc_id>/translations/<code>")
@staff_required
def translation(doc_id: int, code: str):
    doc = get_document_or_404(doc_id)
    version = versions.latest(doc, code)
    if version is None or code == "en":
        abort(404)
    english = versions.get(doc, int((version.report or {}).get("from_version") or 0)) or versions.latest(doc)
    name, endonym, direction = _language_name(code)
    english_points = [p for s in (english.draft if english else {}).get("sections", []) for p in s.get("points", [])]
    n = 0
    sections = []
    for section in (version.draft or {}).get("sections", []):
        points = []
        for point in section.get("points", []):
            flags = [FLAG_WORDS[f] for f in point.get("flags") or [] if f in FLAG_WORDS]
            points.append({"text": point.get("text", ""), "english": english_points[n]["text"] if n < len(english_points) else "", "flags": flags,
                           "reasons": [f.get("message", "") for f in point.get("findings") or [] if f.get("rule_id", "").startswith("translation")]})
            n += 1
        sections.append({"heading": section.get("heading", ""), "points": points})
    chosen = (doc.options or {}).get("formats") or list(FORMATS)
    return render_template("documents/translation.html", doc=doc, version=version, english=english, code=code, name=name, endonym=endonym,
                           direction=direction, title=(version.draft or {}).get("title", ""), sections=sections, summary=_row(doc, code, version),
                           formats=[(f, FORMAT_NAMES[f]) for f in FORMATS if f in chosen])
