"""According to whom, and how sure: attribution, factuality, announcements, stated intentions.

Two stages: :class:`AssessClaims` gives each event its sources, factuality and whether it was
announced; :class:`StatedIntentions` adds PLOVER's AGREE, THREATEN and REJECT events for what
actors say they will or will not do (they read the claims, so they live here).
"""

from dragoman.claims._announced import announced_in, carry_announcements, public_statement
from dragoman.claims._assess import AssessClaims, ClaimReader
from dragoman.claims._attribution import (
    Attribution,
    Span,
    attribution_for,
    find_attributions,
)
from dragoman.claims._factuality import FactualityReader
from dragoman.claims._intentions import StatedIntentions, stated_intent, stated_kind
from dragoman.claims._sources import source_kind

__all__ = [
    "AssessClaims",
    "Attribution",
    "ClaimReader",
    "FactualityReader",
    "Span",
    "StatedIntentions",
    "announced_in",
    "attribution_for",
    "carry_announcements",
    "find_attributions",
    "public_statement",
    "source_kind",
    "stated_intent",
    "stated_kind",
]
