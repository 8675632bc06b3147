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


# Vietnamese collation (the order of CLDR's "vi" tailoring, without ICU): letters compare first as
# the Vietnamese alphabet a ă â b c d đ e ê … o ô ơ … u ư … (the breve, circumflex, horn and the
# stroke of đ make a letter of their own), then by tone, ngang < huyền < hỏi < ngã < sắc < nặng,
# then lower case before upper case. Blanks sort before punctuation, punctuation before digits,
# digits before letters; letters outside the Latin alphabet after them, by code point.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve (ă), circumflex (â ê ô), horn (ơ ư)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
_OTHER_MARK = 6  # any other diacritic (ü, ç …): after the Vietnamese tones
_BLANK, _PUNCTUATION, _DIGIT, _LATIN, _OTHER = range(5)


def collation_key(text) -> tuple:
    """A sort key that orders Vietnamese names as a Vietnamese reader expects:

        sorted(names, key=collation_key)
        -> ["Bắc Lãng", "Bính Xá", "Cao Lộc", "Chi Lăng", "Đình Lập"]

    Code-point order puts "Bính Xá" before "Bắc Lãng" (ắ is U+1EAF) and "Đình Lập" after "Xuân
    Long". NFC and NFD spellings, and Ð (U+00D0) for Đ, give the same key; runs of blanks count as
    one. None, NaN and NA sort last."""
    if _missing(text):
        return (1, (), (), (), "")
    text = " ".join(unicodedata.normalize("NFC", str(text)).replace("\u00d0", "Đ").replace("\u00f0", "đ").split())
    primary: list[tuple[int, int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not primary:
                continue
            if char in _LETTER_MARKS and primary[-1][0] == _LATIN:
                primary[-1] = (_LATIN, primary[-1][1], _LETTER_MARKS[char])
            else:
                secondary[-1] = _TONES.get(char, _OTHER_MARK)
            continue
        lower = char.lower()
        if char.isspace():
            element = (_BLANK, 0, 0)
        elif lower == "đ":
            element = (_LATIN, ord("d"), 1)
        elif "a" <= lower <= "z":
            element = (_LATIN, ord(lower), 0)
        elif char.isdigit():
            element = (_DIGIT, unicodedata.digit(char, 0), 0)
        elif char.isalpha():
            element = (_OTHER, ord(lower), 0)
        else:
            element = (_PUNCTUATION, ord(char), 0)
        primary.append(element)
        secondary.append(0)
        tertiary.append(0 if char == lower else 1)
    return (0, tuple(primary), tuple(secondary), tuple(tertiary), text)


def unit_name(text) -> str:
    """A unit's name as written, without its administrative prefix ('Xã Bắc Lãng' -> 'Bắc Lãng',
    'TP. Lạng Sơn' -> 'Lạng Sơn'); see `split_unit_prefix` for when a first word is a prefix."""
    if _missing(text):
        return ""
    text = unicodedata.normalize("NFC", str(text)).strip()
    prefix, _ = split_unit_prefix(text)
    if not prefix:
        return text
    words = len(prefix.split())
    return re.sub(rf"^[\W_]*(?:[^\W_]+[\W_]+){{{words}}}", "", text)


def name_collation_key(text) -> tuple:
    """`collation_key` of a unit's name without its prefix, so that 'Thị trấn Na Sầm' sorts among the
    N names, then of the whole name (units of one name but different types keep one order)."""
    if _missing(text):
        return collation_key(text)
    return (*collation_key(unit_name(text)), collation_key(text))
