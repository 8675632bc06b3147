"""The catalogue of the 19 national NTM criteria."""

import pandas as pd

from ntm.paths import CRITERIA

CRITERION_IDS = tuple(f"{i:02d}" for i in range(1, 20))


def load_criteria(path=CRITERIA) -> pd.DataFrame:
    catalogue = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(catalogue["criterion_id"]) != CRITERION_IDS:
        raise ValueError(f"{path}: expected criteria 01..19 in order")
    return catalogue


def criterion_name(catalogue: pd.DataFrame, criterion_id: str, lang: str = "vi", year: int | None = None) -> str:
    """The criterion's name; before 2021 the 2016-2020 Vietnamese name where it differs."""
    row = catalogue.set_index("criterion_id").loc[criterion_id]
    if lang == "en":
        return row["name_en"]
    if year is not None and year <= 2020 and row["phase_2016_2020_name_vi"]:
        return row["phase_2016_2020_name_vi"]
    return row["name_vi"]


def criterion_labels(catalogue: pd.DataFrame, lang: str, year: int | None = None) -> dict[str, str]:
    """'02. Giao thông' for every criterion, with the names in force in `year`."""
    return {cid: f"{cid}. {criterion_name(catalogue, cid, lang, year)}" for cid in catalogue["criterion_id"]}
