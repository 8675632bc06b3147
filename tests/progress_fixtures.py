"""A tiny hand-made commune-year table, targets, published figures and sources for progress tests."""

import pandas as pd

# communes meeting the standard each year, all of them in district "A" (10 communes in A, 10 in B)
STANDARD_BY_YEAR = {2019: 4, 2020: 6, 2021: 8, 2022: 10, 2023: 12}


def commune_year() -> pd.DataFrame:
    rows = []
    for year, standard in STANDARD_BY_YEAR.items():
        for i in range(20):
            meets = i < standard
            rows.append(
                {
                    "commune_code": f"{i:05d}",
                    "year": year,
                    "district_code": "A" if i < 10 else "B",
                    "level": "standard" if meets else "none",
                    "level_rank": int(meets),
                    "criteria_met": 19 if meets else 10 + i % 5,
                }
            )
    table = pd.DataFrame(rows)
    table["district_code"] = table["district_code"].astype("category")
    return table


def targets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "scope": ["province", "province", "province"],
            "year": [2022, 2025, 2025],
            "metric": ["communes_ntm", "communes_ntm", "avg_criteria"],
            "value": [9.0, 18.0, 15.0],
            "denominator": [20.0, 20.0, 20.0],
            "comparison": "at_least",
            "note": "",
            "source": "s1",
        }
    )


def published() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "scope": ["province", "province", "district:A"],
            "year": [2021, 2024, 2021],
            "metric": ["communes_ntm", "communes_ntm", "communes_ntm"],
            "value": [7.0, 15.0, 7.0],
            "denominator": [20.0, 20.0, None],
            "kind": "actual",
            "note": ["seven", "later", "district"],
            "source": "s2",
        }
    )


def sources() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": ["s1", "s2"],
            "title_vi": ["Kế hoạch", "Báo cáo"],
            "title_en": ["Plan", "Report"],
            "kind": ["report", "report"],
        }
    )
