"""Batch conversion of a folder tree of letters (`easyread batch`).

    from easyread.batch import BatchOptions, run_batch
    result = run_batch(in_dir, out_dir, BatchOptions(formats=["docx", "pdf"], model="embedded"), settings=settings)

walk.py finds letters safely and names their output folders, state.py keeps the
resumable manifest, lock.py keeps two runs off one OUT_DIR, run.py drives a run in
chunks, local.py converts a chunk here, remote.py sends it to a server's API, and
summary.py writes summary.csv and summary.html. No Flask here.
"""

from easyread.batch.lock import LockedError
from easyread.batch.run import BatchError, BatchOptions, BatchResult, Reporter, run_batch
from easyread.batch.state import DONE, FAILED, IGNORED, SKIPPED, Entry

__all__ = [
    "BatchError",
    "BatchOptions",
    "BatchResult",
    "Entry",
    "LockedError",
    "Reporter",
    "run_batch",
    "DONE",
    "FAILED",
    "IGNORED",
    "SKIPPED",
]
