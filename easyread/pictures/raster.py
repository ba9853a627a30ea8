"""Turn a symbol's source file into a square PNG of a set size, cached on disk.

Word and PDF writers need bitmaps; OpenMoji ships SVG only, and a council's
pictures come in any size. Files are made on first use, not up front, because
a letter uses a dozen of the library's thousands of pictures.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path


def png_path(source: str | os.PathLike, symbol_id: str, px: int, cache_dir: str | os.PathLike) -> Path:
    """A `px`-by-`px` PNG of `source` (SVG, PNG, JPEG, GIF or WebP), made once under `cache_dir`."""
    source = Path(source)
    stat = source.stat()
    # The size and time of the source are in the name so a council that replaces a picture gets the new one.
    stamp = hashlib.sha1(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:10]
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", symbol_id)
    target = Path(cache_dir) / "png" / str(px) / f"{safe}-{stamp}.png"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so two workers never read a half-written file.
    fd, tmp = tempfile.mkstemp(suffix=".png", dir=target.parent)
    os.close(fd)
    try:
        if source.suffix.lower() == ".svg":
            _svg_to_png(source, Path(tmp), px)
        else:
            _bitmap_to_png(source, Path(tmp), px)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _svg_to_png(source: Path, target: Path, px: int) -> None:
    import cairosvg

    cairosvg.svg2png(url=str(source), write_to=str(target), output_width=px, output_height=px)


def _bitmap_to_png(source: Path, target: Path, px: int) -> None:
    from PIL import Image, ImageOps

    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image).convert("RGBA")
        # Fit inside the square and centre it on a transparent background, so every picture lines up.
        image = ImageOps.contain(image, (px, px), Image.Resampling.LANCZOS)
        canvas = Image.new("RGBA", (px, px), (255, 255, 255, 0))
        canvas.paste(image, ((px - image.width) // 2, (px - image.height) // 2), image)
        canvas.save(target, "PNG", optimize=True)
