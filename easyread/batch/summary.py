"""summary.csv and summary.html: one row per letter, and the totals, written atomically to OUT_DIR."""

from __future__ import annotations

import csv
import html
import io
from datetime import UTC, datetime
from pathlib import Path

from easyread.batch.state import DONE, FAILED, IGNORED, SKIPPED, Entry
from easyread.documents.atomic import atomic_write_text

CSV_NAME = "summary.csv"
HTML_NAME = "summary.html"
TODO = "to do"
COLUMNS = [
    "file",
    "status",
    "output folder",
    "sentences",
    "score",
    "passed",
    "facts kept",
    "facts in letter",
    "fails",
    "warnings",
    "seconds",
    "reason",
]
_LABELS = {DONE: "Done", SKIPPED: "Skipped", FAILED: "Failed", IGNORED: "Ignored", TODO: "Not done yet"}


def _row(e: Entry) -> list:
    done = e.status == DONE
    return [
        e.rel,
        e.status,
        e.folder if done else "",
        e.sentences if done else "",
        "" if e.score is None or not done else e.score,
        "" if e.passed is None or not done else ("yes" if e.passed else "no"),
        e.facts_kept if done else "",
        e.facts_total if done else "",
        e.fails if done else "",
        e.warns if done else "",
        f"{e.seconds:.1f}" if e.seconds else "",
        e.reason,
    ]


def totals(entries: list[Entry]) -> dict:
    """Counts per status and sums over the letters that were done."""
    done = [e for e in entries if e.status == DONE]
    scores = [e.score for e in done if e.score is not None]
    return {
        "letters": sum(e.status != IGNORED for e in entries),
        "done": len(done),
        "skipped": sum(e.status == SKIPPED for e in entries),
        "failed": sum(e.status == FAILED for e in entries),
        "ignored": sum(e.status == IGNORED for e in entries),
        "to_do": sum(e.status == TODO for e in entries),
        "passed": sum(bool(e.passed) for e in done),
        "sentences": sum(e.sentences for e in done),
        "facts_kept": sum(e.facts_kept for e in done),
        "facts_total": sum(e.facts_total for e in done),
        "fails": sum(e.fails for e in done),
        "warns": sum(e.warns for e in done),
        "seconds": round(sum(e.seconds for e in entries), 1),
        "mean_score": round(sum(scores) / len(scores)) if scores else None,
    }


def write_summary(out_dir: Path, entries: list[Entry], *, title: str = "Batch conversion") -> tuple[Path, Path]:
    """Write summary.csv and summary.html for `entries` into `out_dir`; return both paths."""
    out_dir = Path(out_dir)
    t = totals(entries)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for e in entries:
        writer.writerow(_row(e))
    writer.writerow(
        [
            "TOTAL",
            f"{t['done']} done, {t['skipped']} skipped, {t['failed']} failed",
            "",
            t["sentences"],
            "" if t["mean_score"] is None else t["mean_score"],
            t["passed"],
            t["facts_kept"],
            t["facts_total"],
            t["fails"],
            t["warns"],
            f"{t['seconds']:.1f}",
            "",
        ]
    )
    csv_path = atomic_write_text(out_dir / CSV_NAME, buf.getvalue())
    html_path = atomic_write_text(out_dir / HTML_NAME, _html(entries, t, title))
    return csv_path, html_path


def _html(entries: list[Entry], t: dict, title: str) -> str:
    esc = html.escape
    when = datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC")
    rows = []
    for e in entries:
        cells = _row(e)
        name = esc(e.rel)
        if e.status == DONE and e.folder:
            name = f'<a href="{esc(_href(e.folder))}/">{name}</a>'
        rows.append(
            "<tr><td>"
            + name
            + "</td><td>"
            + esc(_LABELS.get(e.status, e.status))
            + "</td>"
            + "".join(f"<td>{esc(str(c))}</td>" for c in cells[3:])
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{esc(c.capitalize())}</th>' for c in COLUMNS if c != "output folder")
    score = "no score" if t["mean_score"] is None else f"mean score {t['mean_score']}"
    facts = f"{t['facts_kept']} of {t['facts_total']} facts kept" if t["facts_total"] else "no facts to keep"
    lines = [
        f"{t['letters']} letters: {t['done']} done ({t['passed']} passed the checks), {t['skipped']} skipped, {t['failed']} failed"
        + (f", {t['to_do']} not done yet" if t["to_do"] else "")
        + ".",
        f"{t['sentences']} Easy Read sentences, {score}, {facts}, {t['fails']} fails and {t['warns']} warnings.",
    ]
    if t["ignored"]:
        lines.append(f"{t['ignored']} links were not followed.")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<style>
body {{ font-family: Arial, sans-serif; font-size: 16px; margin: 2em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #b1b4b6; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p>Made {esc(when)}.</p>
{"".join(f"<p>{esc(line)}</p>" for line in lines)}
<table>
<caption>One row per file. Seconds include the letter's share of the model's time.</caption>
<thead><tr>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""


def _href(folder: str) -> str:
    from urllib.parse import quote

    return quote(folder)
