"""One way to compare Vietnamese names: `fold` for accents, case and spacing, `strip_unit_prefix`
for the administrative word in front (Huyện, Xã, TP. …).

    fold("Huyện \u00d0ình  Lập")        -> "huyen dinh lap"
    strip_unit_prefix("TP. Lạng Sơn")  -> "lang son"
"""

import re
import unicodedata

from unidecode import unidecode

# Administrative words that can stand before a unit's name, folded, by the level they name. The
# Vietnamese ones also fold to ordinary words ("Quận" and "Quan", "Xã" and "Xa", "Tỉnh" and "Tĩnh",
# "Phường" and "Phương"), so a prefix written with diacritics only counts in its own spelling.
UNIT_PREFIXES = {
    "province": ("tinh", "province"),
    "district": ("huyen", "thanh pho", "thi xa", "quan", "tp", "tx", "district", "city"),
    "commune": ("xa", "phuong", "thi tran", "tt", "commune", "ward", "town"),
}
_ACCENTED = {
    "tinh": "tỉnh",
    "huyen": "huyện",
    "thanh pho": "thành phố",
    "thi xa": "thị xã",
    "quan": "quận",
    "xa": "xã",
    "phuong": "phường",
    "thi tran": "thị trấn",
}
_PREFIX_LEVEL = {prefix: level for level, prefixes in UNIT_PREFIXES.items() for prefix in prefixes}
# Longest first, so "thi xa" is tried before "xa".
_PREFIXES = sorted(_PREFIX_LEVEL, key=lambda p: -len(p.split()))
_SUFFIX_LEVEL = {
    "district": "district",
    "city": "district",
    "town": "commune",
    "commune": "commune",
    "ward": "commune",
    "province": "province",
}


def _missing(text) -> bool:
    """None, NaN or pandas' NA (whose comparisons raise)."""
    if text is None:
        return True
    try:
        return bool(text != text)
    except TypeError:
        return True


def _words(text) -> list[str]:
    """Words of `text` in NFC, lower case, Ð (U+00D0, Icelandic eth) read as Đ, split on anything
    that is not a letter or digit; none for None and NaN."""
    if _missing(text):
        return []
    text = unicodedata.normalize("NFC", str(text)).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return [w for w in re.split(r"[\W_]+", text.lower()) if w]


def fold(text) -> str:
    """A spelling-proof key for a name: NFC or NFD alike, no diacritics (Đ, đ and Ð become d),
    lower case, punctuation as spaces, single spaces. The administrative prefix is kept; see
    `strip_unit_prefix`. None, NaN and NA fold to an empty string."""
    return " ".join(unidecode(word) for word in _words(text)).strip()


def split_unit_prefix(text) -> tuple[str, str]:
    """(folded prefix or "", folded rest). A prefix is only taken when something follows it and,
    for a Vietnamese word, when it is spelt with its own diacritics, or when the whole name has none:
    "Phương Sơn" and "Quan Sơn" keep their first word, "Phường Sơn" and "Phuong Son" lose it."""
    words = _words(text)
    folded = [unidecode(w) for w in words]
    plain = all(w.isascii() for w in words)
    for prefix in _PREFIXES:
        size = len(prefix.split())
        if len(words) <= size or " ".join(folded[:size]) != prefix:
            continue
        written = " ".join(words[:size])
        if plain or written == _ACCENTED.get(prefix, prefix):
            return prefix, " ".join(folded[size:])
    return "", " ".join(folded)


def strip_unit_prefix(text) -> str:
    """`fold(text)` without its administrative prefix (Huyện, Thành phố, TP., Thị xã, Quận, Xã,
    Phường, Thị trấn, Tỉnh, and English ones) or English suffix ("Dinh Lap District")."""
    _, rest = split_unit_prefix(text)
    words = rest.split()
    if len(words) > 1 and words[-1] in _SUFFIX_LEVEL:
        return " ".join(words[:-1])
    return rest


def prefix_level(text) -> str | None:
    """The level the name's prefix names ("province", "district", "commune"), None without one."""
    prefix, _ = split_unit_prefix(text)
    if prefix:
        return _PREFIX_LEVEL[prefix]
    words = fold(text).split()
    if len(words) > 1 and words[-1] in _SUFFIX_LEVEL:
        return _SUFFIX_LEVEL[words[-1]]
    return None
