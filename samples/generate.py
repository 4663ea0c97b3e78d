#!/usr/bin/env python3
"""Deterministic generator of the Expediente sample corpus.

Usage (from the repository root):

    .venv/bin/python samples/generate.py            # write samples/ and tests/resources/ (bad inputs)
    .venv/bin/python samples/generate.py --check    # ... then verify the outputs (pdfium)
    .venv/bin/python samples/generate.py --check --ocr   # ... and OCR every scanned page

The code lives in the package ``samples/generator/`` (see samples/README.md for a map of
its modules). Every document is described once, as Python data (blocks of lines per
page). The same data is laid out and drawn either with reportlab (born-digital pages,
real text layer) or with Pillow (scanned pages: a 300 dpi raster with noise and skew, no
text layer), and the same data yields the answer key (``samples/answer_key.json``): the
exact text of each page, the entities printed on it, and the (file, page) hits of the
search queries. All randomness comes from ``random.Random`` instances seeded with fixed
strings, and reportlab runs with ``invariant=1``, so two runs produce byte-identical
files.

The people, most companies, addresses, RFCs, UUIDs and every other detail are
fictional. Only the three facts at the centre of the sample investigation (bid
EA-IT20-2020 won by Servicios Integrales Magavel for $1,023,123.00; contract
DCA/TM/222/2020 of the Municipio de Juárez with Quatro Desarrollo Móvil, minimum
$6,667,722.00 and maximum $16,669,305.00; the $369,339.00 invoice of Soluciones
Integrales YDOSK to the Fiscalía General del Estado de Nayarit) come from public
reporting.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # samples/, so that `generator` imports

from generator.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
