"""Companies named in Latin letters inside Chinese text (与德国KERAMIK-WERK HAUSER GmbH签约): the
capitalised words before a legal form (``latin_legal_forms.txt``) or before a company's kind in
Chinese (与马来西亚GreenLeaf Fresh公司签约)."""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..records import Kind, Mention
from ..resources import longest_first
from .doc import Doc

BY = "rules.latin_name"
#: a name in Latin letters, of two words or more, in brackets after a Chinese one: its Latin form
#: (新加坡狮城商业银行（Lion City Commercial Bank）), kept only after an organization's or a person's name
BRACKETED = "rules.latin_bracketed"
#: Latin letters with their accented forms (Brunngärtner, Nordsø, Saône)
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de"
#: a word of a Latin name: capitalised or a number (Health, KERAMIK-WERK, 3M), or a particle inside one (van der)
_WORD = rf"[{_CAPITAL}0-9][{_LETTER}0-9&'’.\-/]*"
#: a place in brackets inside a company's name (Jinhan Welding (Thailand) Co., Ltd.)
_PLACE_IN_BRACKETS = rf"\([{_CAPITAL}][{_LETTER} ]+\)"
_PARTICLE = r"(?:van|von|der|den|de|del|della|des|du|la|le|und|and|for|of|the|et|y|da|di|&)"


def is_latin(text: str) -> bool:
    """Is text written in Latin letters (accented ones too), digits and punctuation only?"""
    return all(ord(ch) < 0x250 for ch in text)


@cache
def _pattern() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form in longest_first("latin_legal_forms"))
    return re.compile(rf"(?<![{_LETTER}0-9&'’.\-]){_WORD}(?: (?:{_WORD}|{_PARTICLE}|{_PLACE_IN_BRACKETS})){{0,6}}?,? (?:{forms})(?![{_LETTER}0-9])")


@cache
def _prefixed() -> re.Pattern[str]:
    forms = "|".join(re.escape(form) for form in longest_first("latin_legal_prefixes"))
    return re.compile(rf"(?<![{_LETTER}0-9&'’.\-])(?:{forms}) {_WORD}(?: (?:{_WORD}|{_PARTICLE})){{0,5}}(?![{_LETTER}0-9])")


#: a trade name in Latin letters and a company's Chinese kind after it (GreenLeaf Fresh公司, Atlas Tea贸易公司,
#: Sao Viet物流股份公司): up to four words, the first a capitalised one (not 1997|年全|公司), up to six Chinese
#: characters (no function word: not TPA|将与|某某集团), then a company's ending
_WITH_CHINESE_KIND = re.compile(rf"(?<![{_LETTER}0-9&'’.\-])[{_CAPITAL}][{_LETTER}0-9&'’.\-/]*(?: {_WORD}){{0,3}}"
                                rf"(?:(?![将与和及在是的对把被从向为])[\u4e00-\u9fff]){{0,6}}?(?:股份公司|有限公司|公司|集团|株式会社)")
_BRACKETED = re.compile(rf"(?<=[\u4e00-\u9fff][（(]){_WORD}(?: (?:{_WORD}|{_PARTICLE})){{1,7}}(?=[）),，])")


def latin_names(doc: Doc) -> list[Mention]:
    """A company's name in Latin letters ending in its legal form (GeoSpan Pte. Ltd.) or opening with
    one (PT Buah Segar), a trade name in Latin letters before a company's Chinese kind (Atlas
    Tea贸易公司, not where the labeller reads Chinese words other than a country before it into the name:
    安徽瑞驰Robo智能装备有限公司, 湖南K8龙舟器材制造有限公司), and a name of two words or more in Latin
    letters in brackets after a Chinese one (``BRACKETED``)."""
    found = [Mention(doc.article.id, match.start(), match.end(), match.group(), Kind.ORG, by=BY)
             for pattern in (_pattern(), _prefixed()) for match in pattern.finditer(doc.text)]
    wider = [(s, e) for s, e, kind, _ in doc.labels or () if kind is Kind.ORG]
    for pattern, by in ((_WITH_CHINESE_KIND, BY), (_BRACKETED, BRACKETED)):  # each where the ones before found nothing
        taken = [(m.start, m.end) for m in found]
        found += [Mention(doc.article.id, match.start(), match.end(), match.group(), Kind.ORG, by=by)
                  for match in pattern.finditer(doc.text) if not any(s < match.end() and match.start() < e for s, e in taken)
                  and not (pattern is _WITH_CHINESE_KIND and any(s < match.start() and match.end() <= e
                                                                  and not gazetteer.is_country(doc.text[s:match.start()]) for s, e in wider))]
    return found
