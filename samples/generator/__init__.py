"""The Expediente sample-corpus generator, split into modules.

Run it with ``.venv/bin/python samples/generate.py`` (see samples/README.md). This file
imports nothing on purpose: each module pulls in only what it needs.
"""
