"""Expediente: a document archive for investigative journalists."""

__version__ = "0.1.0"
