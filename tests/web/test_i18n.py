"""Every message the templates use exists in Spanish and English."""

import re
from pathlib import Path

from web.i18n import MESSAGES

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"


def test_every_message_has_both_languages():
    assert all(set(texts) == {"es", "en"} and all(texts.values()) for texts in MESSAGES.values())


def test_templates_only_use_known_messages():
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"t\('([a-z_]+)'[,)]", template.read_text(encoding="utf-8")))
    assert used and used <= set(MESSAGES)
    kinds = {"amount", "bid", "contract", "vendor", "rfc", "date", "person", "reference"}
    assert {f"kind_{k}" for k in kinds} <= set(MESSAGES)
    assert {f"facet_{k}" for k in ("vendors", "bids", "years", "kind")} <= set(MESSAGES)
    assert {"ingested", "present", "failed"} <= set(MESSAGES)
