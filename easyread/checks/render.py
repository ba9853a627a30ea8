"""Show a check report: a plain terminal view and an HTML fragment for the web app.

The HTML uses GOV.UK Frontend classes and traffic-light colours: green when a
sentence has no findings, amber for warnings, red for failures, with the words
at fault highlighted.
"""

from __future__ import annotations

import textwrap
from html import escape

from easyread.checks.findings import FAIL, WARN

METRIC_NAMES = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "smog_index": "SMOG index",
    "words_per_sentence": "Words per sentence",
    "common_word_share": "Share of common words",
    "words": "Words",
}


def _status(findings) -> str:
    severities = {f.severity for f in findings}
    return "fail" if FAIL in severities else "warn" if WARN in severities else "ok"


def render_terminal(report) -> str:
    """A readable plain-text report for `easyread check FILE`."""
    counts = report.counts()
    lines = [
        f"Easy Read check: {'PASSED' if report.passed else 'NOT PASSED'}   score {report.score}/100   {counts['fail']} fail, {counts['warn']} warn",
        "",
    ]
    for part in report.parts:
        findings = part.check.all_findings()
        if not findings:
            continue
        lines.append(f"{part.label}: {textwrap.shorten(part.check.text, 70)}")
        for f in sorted(findings, key=lambda f: (f.severity != FAIL, f.start)):
            where = f' "{textwrap.shorten(f.text, 40)}"' if f.text and f.end - f.start < len(part.check.text) else ""
            lines.append(f"  {f.severity.upper():4s} {f.rule_id}{where}: {f.message} {f.suggestion}")
        lines.append("")
    if report.document_findings:
        lines.append("Whole document:")
        lines += [
            f"  {f.severity.upper():4s} {f.rule_id}: {f.message} {f.suggestion}" for f in report.document_findings
        ]
        lines.append("")
    if report.comparison is not None:
        c = report.comparison
        lines.append(
            f"Fact lock: {len(c.kept)} kept, {len(c.lost)} lost, {len(c.changed)} changed, {len(c.invented)} invented"
        )
        lines += [f"  LOST     {f.kind:10s} {f.text}" for f in c.lost]
        lines += [f"  CHANGED  {s.kind:10s} {s.text} -> {d.text}" for s, d in c.changed]
        lines += [f"  INVENTED {f.kind:10s} {f.text}" for f in c.invented]
        lines.append("")
    if report.facts:
        lines.append(f"Facts ({len(report.facts)}):")
        lines += [f"  {f.kind:10s} {f.value:34s} {f.text}" for f in report.facts]
        lines.append("")
    if report.metrics:
        lines.append("Metrics:")
        for key, figure in report.metrics.items():
            lines.append(
                f"  {METRIC_NAMES.get(key, key):24s} {str(figure['value']):>7s}   ({figure['implementation']})"
            )
    return "\n".join(lines).rstrip() + "\n"


def _highlight(text: str, findings) -> str:
    """`text` escaped, with the words of each finding in <mark>, red over amber.
    Findings over the whole sentence (such as its length) are listed, not highlighted."""
    level = [0] * len(text)
    whole = len(text.strip())
    for f in findings:
        if f.end - f.start >= whole:
            continue
        for i in range(max(0, f.start), min(len(text), f.end)):
            level[i] = max(level[i], 2 if f.severity == FAIL else 1)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and level[j] == level[i]:
            j += 1
        chunk = escape(text[i:j])
        out.append(f'<mark class="er-{"fail" if level[i] == 2 else "warn"}">{chunk}</mark>' if level[i] else chunk)
        i = j
    return "".join(out)


_TAG = {
    "ok": ("govuk-tag--green", "No problems"),
    "warn": ("govuk-tag--yellow", "Check"),
    "fail": ("govuk-tag--red", "Must fix"),
}
_STYLE = (
    "<style>.er-check mark.er-fail{background:#f4c7c3;outline:2px solid #d4351c}"
    ".er-check mark.er-warn{background:#fff2a8;outline:2px solid #ffdd00}"
    ".er-check .er-sentence{border-left:6px solid #00703c;padding-left:10px;margin-bottom:15px}"
    ".er-check .er-sentence--warn{border-left-color:#ffdd00}.er-check .er-sentence--fail{border-left-color:#d4351c}</style>"
)


def _finding_items(findings) -> str:
    items = "".join(
        f'<li><strong class="govuk-tag {_TAG[f.severity][0]}">{_TAG[f.severity][1]}</strong> {escape(f.message)} {escape(f.suggestion)}</li>'
        for f in sorted(findings, key=lambda f: (f.severity != FAIL, f.start))
    )
    return f'<ul class="govuk-list er-findings">{items}</ul>' if items else ""


def render_html_fragment(report) -> str:
    """An HTML fragment (no <html>, no <h1>) the web app can place in a page."""
    counts = report.counts()
    verdict = ("govuk-tag--green", "Passed") if report.passed else ("govuk-tag--red", "Not passed")
    html = [_STYLE, f'<section class="er-check er-check--{"pass" if report.passed else "fail"}">']
    html.append(
        f'<p class="govuk-body"><strong class="govuk-tag {verdict[0]}">{verdict[1]}</strong> Score {report.score} out of 100. {counts["fail"]} to fix, {counts["warn"]} to check.</p>'
    )
    if report.document_findings:
        html.append(f'<h2 class="govuk-heading-m">Whole document</h2>{_finding_items(report.document_findings)}')
    html.append('<h2 class="govuk-heading-m">Sentences</h2>')
    for part in report.parts:
        html.append(f'<div class="er-part"><h3 class="govuk-heading-s">{escape(part.label)}</h3>')
        if part.check.findings:
            html.append(_finding_items(part.check.findings))
        for sentence in part.check.sentences:
            status = _status(sentence.findings)
            html.append(
                f'<div class="er-sentence er-sentence--{status}"><p class="govuk-body">{_highlight(sentence.text, sentence.findings)}</p>{_finding_items(sentence.findings)}</div>'
            )
        html.append("</div>")
    html.append(_facts_table(report))
    html.append(_metrics_table(report))
    html.append("</section>")
    return "\n".join(h for h in html if h)


def _facts_table(report) -> str:
    status = {}
    if report.comparison is not None:
        for f in report.comparison.invented:
            status[(f.kind, f.value, f.start)] = ("govuk-tag--red", "Invented")
        for _, d in report.comparison.changed:
            status[(d.kind, d.value, d.start)] = ("govuk-tag--red", "Changed")
    rows = "".join(
        f'<tr class="govuk-table__row"><td class="govuk-table__cell">{escape(f.kind)}</td><td class="govuk-table__cell">{escape(f.text)}</td>'
        f'<td class="govuk-table__cell">{escape(f.value)}</td><td class="govuk-table__cell">'
        + (
            f'<strong class="govuk-tag {status[(f.kind, f.value, f.start)][0]}">{status[(f.kind, f.value, f.start)][1]}</strong>'
            if (f.kind, f.value, f.start) in status
            else ""
        )
        + "</td></tr>"
        for f in report.facts
    )
    lost = ""
    if report.comparison is not None and report.comparison.lost:
        lost = "".join(
            f'<tr class="govuk-table__row"><td class="govuk-table__cell">{escape(f.kind)}</td><td class="govuk-table__cell">{escape(f.text)}</td>'
            f'<td class="govuk-table__cell">{escape(f.value)}</td><td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--red">Missing</strong></td></tr>'
            for f in report.comparison.lost
        )
    head = "".join(
        f'<th scope="col" class="govuk-table__header">{h}</th>' for h in ("Kind", "As written", "Value", "Fact lock")
    )
    return f'<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Facts</caption><thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead><tbody class="govuk-table__body">{rows}{lost}</tbody></table>'


def _metrics_table(report) -> str:
    if not report.metrics:
        return ""
    rows = "".join(
        f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{escape(METRIC_NAMES.get(k, k))}</th>'
        f'<td class="govuk-table__cell">{escape(str(v["value"]))}</td><td class="govuk-table__cell">{escape(v["implementation"])}</td></tr>'
        for k, v in report.metrics.items()
    )
    return f'<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Readability figures</caption><tbody class="govuk-table__body">{rows}</tbody></table>'
