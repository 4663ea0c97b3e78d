"""Entity extraction for Mexican procurement documents (stdlib only, rule based).

Kinds: amount, bid, contract, reference (oficio/audit numbers), vendor, rfc, date, person. Every
extractor is a generator over one page of text; `extract_entities` runs them all and resolves overlaps.
"""
from __future__ import annotations

from .amounts import normalise_amount, parse_amount_query
from .codes import normalise_code
from .dates import normalise_date
from .linking import link_vendor_rfcs
from .model import KINDS, Entity
from .numwords import number_to_words, words_to_number
from .persons import normalise_person
from .pipeline import extract_entities
from .resolution import Mention, Resolution, Vendor, resolve_vendors
from .rfc import rfc_is_valid
from .textutil import fold
from .vendors import normalise_vendor

__all__ = ["KINDS", "Entity", "Mention", "Resolution", "Vendor", "resolve_vendors", "extract_entities", "fold", "link_vendor_rfcs", "normalise_amount",
           "normalise_code", "normalise_date", "normalise_person", "normalise_vendor", "number_to_words",
           "parse_amount_query", "rfc_is_valid", "words_to_number"]
