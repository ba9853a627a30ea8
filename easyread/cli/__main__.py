"""`python -m easyread.cli` runs the `easyread` command (the worker process is started this way)."""

from easyread.cli import main

main()
