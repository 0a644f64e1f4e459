"""Companies named in Latin letters inside Chinese text (与德国KERAMIK-WERK HAUSER GmbH签约): the
capitalised words before a legal form (``latin_legal_forms.txt``)."""
from __future__ import annotations

import re
from functools import cache

from ..records import Kind, Mention
from ..resources import longest_first
from .doc import Doc

BY = "rules.latin_name"
#: a word of a Latin name: capitalised or a number (Health, KERAMIK-WERK, 3M), or a particle inside one (van der)
_WORD = r"[A-Z0-9][A-Za-z0-9&'’.\-]*"
_PARTICLE = r"(?:van|von|der|den|de|du|la|le|und|and|of|the|et|y|da|di|&)"


@cache
def _pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form in longest_first("latin_legal_forms"))
    return re.compile(rf"(?<![A-Za-z0-9&'’.\-]){_WORD}(?: (?:{_WORD}|{_PARTICLE})){{0,6}}?,? (?:{forms})(?![A-Za-z0-9])")


def latin_names(doc: Doc) -> list[Mention]:
    """A company's name in Latin letters ending in its legal form (GeoSpan Pte. Ltd.)."""
    return [Mention(doc.article.id, match.start(), match.end(), match.group(), Kind.ORG, by=BY)
            for match in _pattern().finditer(doc.text)]
