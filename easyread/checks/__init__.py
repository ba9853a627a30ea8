"""Readability checks and the fact lock.

rules.py runs the Easy Read rules (one small function each, in rules_*.py);
readability.py gives textstat figures offline; facts.py is the fact lock;
report.py joins them into a scored report with terminal and HTML views.
"""
