"""Write the README's settings table from easyread.config, between its markers.

Run after adding a setting: .venv/bin/python scripts/settings_table.py
"""

from pathlib import Path

from easyread.config import ENV_PREFIX, SETTINGS

START, END = "<!-- settings:start -->", "<!-- settings:end -->"


def table() -> str:
    rows = ["| Environment variable | Default | What it does |", "|---|---|---|"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default not in ("", None) else "(empty)"
        rows.append(f"| `{ENV_PREFIX}{s.name}` | {default} | {s.help.replace('|', '/')} |")
    return "\n".join(rows)


if __name__ == "__main__":
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{table()}\n{END}{after}", encoding="utf-8")
