"""Number formats: Vietnamese (1.234; 12,7; 63,5 %) by default, English on request."""

import math

SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def fmt_number(value, decimals: int = 0, lang: str = "vi") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    thousands, decimal = SEPARATORS[lang]
    text = f"{float(value):,.{decimals}f}" if decimals else f"{round(float(value)):,d}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fmt_percent(share, decimals: int = 1, lang: str = "vi") -> str:
    """A share in 0..1 as a percentage: '63,5 %' (vi) or '63.5%' (en)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    number = fmt_number(100 * share, decimals, lang)
    return f"{number} %" if lang == "vi" else f"{number}%"


def fmt_signed(value, decimals: int = 0, lang: str = "vi") -> str:
    text = fmt_number(abs(value), decimals, lang)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def fmt_year_range(first, last, dash: str = "–") -> str:
    """A range of years as printed: '2015–2025', and one year alone when the range has one ('2026',
    not '2026–2026'). `dash` '-' matches a phase's own name ('nhịp 2022-2025' beside 'giai đoạn 2021-2025')."""
    first, last = int(first), int(last)
    return str(first) if first == last else f"{first}{dash}{last}"


def d3_locale(lang: str = "vi") -> dict:
    """A d3-format locale for Vega-Lite/Altair charts."""
    thousands, decimal = SEPARATORS[lang]
    return {
        "decimal": decimal,
        "thousands": thousands,
        "grouping": [3],
        "currency": ["", " ₫"],
        "percent": "\u202f%" if lang == "vi" else "%",
    }


def scope_text(districts, names: dict[str, str], lang: str = "vi", communes: int | None = None) -> str:
    """What a selection covers: 'Toàn tỉnh' or the chosen districts' names, with its number of
    communes when `communes` is given ('Toàn tỉnh (175 xã)')."""
    from ntm.i18n import t

    if communes is None:
        return ", ".join(names.get(code, code) for code in districts) if districts else t("scope.province", lang)
    count = fmt_number(communes, lang=lang)
    if districts:
        chosen = ", ".join(names.get(code, code) for code in districts)
        return t("deck.scope.districts", lang, districts=chosen, communes=count)
    return t("deck.scope.province", lang, communes=count)
