import os

import pytest

from easyread.documents import atomic
from easyread.documents.atomic import atomic_path, atomic_write_bytes, atomic_write_text


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_write_bytes_creates_file_and_no_temp(tmp_path):
    target = tmp_path / "out.bin"
    assert atomic_write_bytes(target, b"\x00\x01data") == target
    assert target.read_bytes() == b"\x00\x01data"
    assert _leftovers(tmp_path) == ["out.bin"]


def test_write_text_is_utf8(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write_text(target, "ادفع £5\n")
    assert target.read_bytes() == "ادفع £5\n".encode()


def test_existing_output_is_replaced_whole(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old content that is much longer than the new one\n")
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert _leftovers(tmp_path) == ["out.txt"]


def test_failure_midway_leaves_no_file_and_no_temp(tmp_path):
    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"%PDF-half")
            assert tmp.parent == tmp_path  # same folder, so the rename is atomic
            raise RuntimeError("renderer crashed")
    assert _leftovers(tmp_path) == []


def test_failure_midway_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"complete old file")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"complete old file"
    assert _leftovers(tmp_path) == ["out.pdf"]


def test_interrupt_also_cleans_up(tmp_path):
    target = tmp_path / "out.docx"
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise KeyboardInterrupt
    assert _leftovers(tmp_path) == []


def test_failed_rename_removes_temp(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(tmp_path / "out.bin", b"data")
    assert _leftovers(tmp_path) == []


def test_new_file_is_readable_by_others_and_old_mode_is_kept(tmp_path):
    shared, private = tmp_path / "shared", tmp_path / "private"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    private.mkdir(mode=0o700)
    new = atomic_write_bytes(shared / "new.bin", b"x")
    assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
    assert (
        atomic_write_bytes(private / "new.bin", b"x").stat().st_mode & 0o777 == 0o600
    )  # never more open than its folder
    old = tmp_path / "old.bin"
    old.write_bytes(b"x")
    os.chmod(old, 0o640)
    atomic_write_bytes(old, b"y")
    assert old.stat().st_mode & 0o777 == 0o640


def test_writer_crash_through_write_outputs_leaves_nothing(tmp_path, monkeypatch):
    from easyread.documents import write_docx
    from easyread.documents.model import EasyReadDocument
    from easyread.documents.write import write_outputs

    class HalfSave:
        def save(self, path):
            with open(path, "wb") as fh:
                fh.write(b"PK\x03\x04 half a zip")
            raise MemoryError("killed mid-save")

    monkeypatch.setattr(write_docx, "build_docx", lambda doc, options=None: HalfSave())
    out = tmp_path / "out"
    with pytest.raises(MemoryError):
        write_outputs(EasyReadDocument(title="T"), out, "letter", ["docx"])
    assert _leftovers(out) == []
