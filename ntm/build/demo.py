"""Deterministic, seeded generator of the ILLUSTRATIVE commune-level demo dataset.

Run: python -m ntm.build.demo   (writes data/demo_illustrative/; with --groups it also writes the
demo's commune groups to data/commune_groups_2026.csv, which otherwise an editor's file keeps)

The commune-level values are invented. They are calibrated so that the province totals
reproduce the official figures in data/published.csv (communes meeting the standard in 2015,
2017, 2018 and 2020; average criteria in 2018 and 2020; the 2018 counts of communes meeting
each criterion; advanced communes in 2020). 2016, 2019 and 2021-2025 follow a plausible path
chosen here (DEMO_PATH), not official figures.

Model: each commune has a capacity (district effect + noise: Lạng Sơn city first, border
districts lagging). Communes are recognised in order of capacity. A commune acquires criteria
in a fixed, commune-specific order drawn from criterion weights fitted to the 2018 counts, so
criteria once met stay met; the count of criteria met rises each year to the published average.
Communes dissolved on 1 Dec 2024 pass their territory to their successors: from 2024 a
successor that is not recognised meets a criterion only where both parts met it.

2026 (illustrative, the first year of the 2026-2030 phase): the 61 new communes (xã; the 4 wards
take no part in NTM) assessed on the 10 criteria of QĐ 51/2025/QĐ-TTg. Each new commune starts from
where its old communes stood in 2025 (the crosswalk: full old communes count once, a commune split
between two new ones half): for each new criterion, the share of the old 2021-2025 criteria it
roughly covers (data/criteria.csv `related_previous`) that its old communes met, plus the old
communes' overall standing and noise, less the criterion's first-year difficulty (NEW_DIFFICULTY);
one shift is fitted so that the province averages NEW_PATH["avg_criteria"]. No title carries over:
a new commune meets the standard only with all 10 criteria, and the NEW_PATH["communes_ntm"]
recognised in 2026 are the strongest of those whose old communes all met the standard in 2025.
"""

import argparse

import numpy as np
import pandas as pd

from ntm.criteria import criteria_ids, load_catalogue
from ntm.dataset import save_dataset
from ntm.paths import COMMUNE_GROUPS, DEMO_DIR, PUBLISHED
from ntm.registry import RURAL_TYPE, assessment_day, load_crosswalk, load_new_units, load_registry, rural_communes
from ntm.registry import in_force as units_in_force

CRITERION_IDS = criteria_ids("2021-2025")  # the 19 criteria of the years 2015-2025 (same numbers throughout)

SEED = 20181231
YEARS = tuple(range(2015, 2026))
N_CRITERIA = len(CRITERION_IDS)

# The path between and after the published figures (illustrative choices).
DEMO_PATH = {
    # 2026-2028 lie beyond the data: they only place communes close to the standard in 2025.
    "communes_ntm": {
        2016: 24,
        2019: 57,
        2021: 72,
        2022: 80,
        2023: 89,
        2024: 97,
        2025: 106,
        2026: 115,
        2027: 124,
        2028: 133,
    },
    "avg_criteria": {
        2015: 6.6,
        2016: 7.6,
        2017: 8.65,
        2019: 11.4,
        2021: 13.3,
        2022: 14.0,
        2023: 14.6,
        2024: 15.1,
        2025: 15.6,
    },
    "communes_ntm_advanced": {2019: 3, 2021: 10, 2022: 14, 2023: 19, 2024: 24, 2025: 28},
    "communes_ntm_model": {2022: 1, 2023: 2, 2024: 4, 2025: 6},
}
MIN_CRITERIA = {2015: 3, 2016: 4, 2017: 4, 2018: 5, 2019: 6, 2020: 7, 2021: 7, 2022: 8, 2023: 8, 2024: 9, 2025: 9}
# Recognised before the data start (cumulative 13 by 2015).
EARLY_RECOGNITION_YEARS = (2012, 2012, 2013, 2013, 2013, 2014, 2014, 2014, 2014)
DISTRICT_EFFECT = {
    "178": 3.0,  # Lạng Sơn city: all its communes first
    "186": 0.5,
    "187": 0.5,
    "185": 0.3,
    "183": 0.2,
    "181": 0.0,
    "184": 0.0,
    "188": -0.4,
    "182": -0.5,
    "180": -0.6,
    "189": -0.7,  # border districts lag
}
DISSOLVED_EFFECT = -1.0
# Prior ease of the criteria with no published 2018 count (higher: met earlier).
PRIOR_WEIGHT = {
    "01": 4.0,
    "07": 0.9,
    "09": 1.2,
    "10": 0.5,
    "12": 2.5,
    "13": 0.7,
    "14": 1.6,
    "16": 1.6,
    "17": 0.45,
    "18": 2.2,
    "19": 3.5,
}
SPREAD = 2.2


def published_anchors(published: pd.DataFrame) -> dict[str, dict[int, float]]:
    """Province figures to reproduce, preferring those counted on the 181-commune list."""
    actual = published[(published["scope"] == "province") & (published["kind"] == "actual")]
    actual = actual.sort_values("denominator", key=lambda d: d != 181)
    anchors: dict[str, dict[int, float]] = {}
    for row in actual.drop_duplicates(["metric", "year"]).itertuples():
        anchors.setdefault(row.metric, {})[int(row.year)] = float(row.value)
    return anchors


def calibration_targets(published: pd.DataFrame) -> dict[str, dict[int, float]]:
    anchors = published_anchors(published)
    targets = {metric: dict(path) for metric, path in DEMO_PATH.items()}
    for metric, values in anchors.items():
        targets.setdefault(metric, {}).update(values)
    return targets


def criterion_2018_counts(published: pd.DataFrame) -> dict[str, int]:
    anchors = published_anchors(published)
    return {
        metric.split(":")[1]: int(values[2018])
        for metric, values in anchors.items()
        if metric.startswith("criterion_met:") and 2018 in values
    }


def commune_capacity(communes: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    effect = communes["district_code"].map(DISTRICT_EFFECT).to_numpy(float)
    effect = effect + np.where(communes["provisional"].to_numpy(), DISSOLVED_EFFECT, 0.0)
    return effect + rng.normal(0.0, 0.8, len(communes))


def recognition_years(
    capacity: np.ndarray, eligible: np.ndarray, cumulative: dict[int, float], rng: np.random.Generator
) -> np.ndarray:
    """Year each commune is first recognised (0: never), in order of capacity plus noise."""
    score = np.where(eligible, capacity + rng.normal(0.0, 0.5, len(capacity)), -np.inf)
    order = np.argsort(-score, kind="stable")
    years = np.zeros(len(capacity), dtype=int)
    first_year = min(cumulative)
    done = 0
    early = list(EARLY_RECOGNITION_YEARS)
    for year in sorted(cumulative):
        total = int(cumulative[year])
        for idx in order[done:total]:
            years[idx] = early.pop(0) if year == first_year and early else year
        done = total
    return years


def promotion_years(
    rec_years: np.ndarray, cumulative: dict[int, float], min_gap: int, earlier: np.ndarray | None = None
) -> np.ndarray:
    """Year each commune moves up a level; the longest-recognised go first."""
    base = rec_years if earlier is None else earlier
    candidates = np.where(base > 0, base, 9999).astype(float)
    order = np.argsort(candidates, kind="stable")
    years = np.zeros(len(rec_years), dtype=int)
    done = 0
    for year in sorted(cumulative):
        total = int(cumulative[year])
        eligible = [i for i in order if years[i] == 0 and 0 < base[i] <= year - min_gap]
        for idx in eligible[: total - done]:
            years[idx] = year
        done = total
    return years


def criteria_counts(capacity: np.ndarray, rec_years: np.ndarray, averages: dict[int, float]) -> np.ndarray:
    """Criteria met per commune (rows) and year (columns), rising each year to the average."""
    z = (capacity - capacity.mean()) / capacity.std()
    counts = np.zeros((len(capacity), len(YEARS)), dtype=int)
    previous = np.zeros(len(capacity), dtype=int)
    for j, year in enumerate(YEARS):
        recognised = (rec_years > 0) & (rec_years <= year)
        years_to_go = np.where(rec_years > year, rec_years - year, 99)
        runway = np.clip(N_CRITERIA - 3 * years_to_go, 0, N_CRITERIA - 1)

        def counts_for(level: float) -> np.ndarray:
            raw = np.clip(np.rint(level + SPREAD * z), MIN_CRITERIA[year], N_CRITERIA - 1)
            raw = np.maximum.reduce([raw, previous, runway]).astype(int)
            return np.where(recognised, N_CRITERIA, np.minimum(raw, N_CRITERIA - 1))

        low, high = -10.0, 30.0
        for _ in range(60):
            mid = (low + high) / 2
            if counts_for(mid).mean() < averages[year]:
                low = mid
            else:
                high = mid
        counts[:, j] = previous = counts_for(high)
    return counts


def acquisition_keys(n_communes: int, weights: np.ndarray, draws: np.ndarray) -> np.ndarray:
    """Rank of each criterion in each commune's acquisition order (0: first acquired)."""
    keys = draws / weights
    return keys.argsort(axis=1).argsort(axis=1)


def fit_weights(counts_2018: np.ndarray, draws: np.ndarray, published_counts: dict[str, int]) -> np.ndarray:
    weights = np.array([PRIOR_WEIGHT.get(cid, 1.0) for cid in CRITERION_IDS])
    fitted = [CRITERION_IDS.index(cid) for cid in published_counts]
    goal = np.array(list(published_counts.values()), dtype=float)
    for _ in range(300):
        ranks = acquisition_keys(len(counts_2018), weights, draws)
        met = (ranks < counts_2018[:, None]).sum(axis=0)[fitted]
        weights[fitted] *= (goal / np.maximum(met, 1)) ** 0.5
    return weights


def merge_dissolved(met: np.ndarray, communes: pd.DataFrame, rec_years: np.ndarray) -> np.ndarray:
    """From the year of dissolution, a non-recognised successor meets a criterion only where
    the dissolved commune met it too."""
    index = {code: i for i, code in enumerate(communes["code"])}
    merged = met.copy()
    for i, row in enumerate(communes.itertuples()):
        if row.successor_code in index and row.valid_to is not None:
            s = index[row.successor_code]
            for j, year in enumerate(YEARS):
                if year >= row.valid_to.year and not (0 < rec_years[s] <= year):
                    merged[s, j] &= met[i, j]
    return merged


def generate(registry: pd.DataFrame, published: pd.DataFrame, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    communes = rural_communes(registry).reset_index(drop=True)
    targets = calibration_targets(published)
    capacity = commune_capacity(communes, rng)
    eligible = ~communes["provisional"].to_numpy()
    rec_years = recognition_years(capacity, eligible, targets["communes_ntm"], rng)
    adv_years = promotion_years(rec_years, targets["communes_ntm_advanced"], min_gap=2)
    model_years = promotion_years(rec_years, targets["communes_ntm_model"], min_gap=1, earlier=adv_years)
    counts = criteria_counts(capacity, rec_years, targets["avg_criteria"])
    draws = rng.exponential(1.0, (len(communes), N_CRITERIA))
    weights = fit_weights(counts[:, YEARS.index(2018)], draws, criterion_2018_counts(published))
    ranks = acquisition_keys(len(communes), weights, draws)
    met = ranks[:, None, :] < counts[:, :, None]  # commune x year x criterion
    met = merge_dissolved(met, communes, rec_years)
    return to_tables(communes, met, rec_years, adv_years, model_years)


def level_in(year: int, rec: int, adv: int, model: int) -> str:
    if 0 < model <= year:
        return "model"
    if 0 < adv <= year:
        return "advanced"
    if 0 < rec <= year:
        return "standard"
    return "none"


def to_tables(communes, met, rec_years, adv_years, model_years) -> tuple[pd.DataFrame, pd.DataFrame]:
    in_force = np.column_stack([units_in_force(communes, assessment_day(year)) for year in YEARS])
    ci, yj, kk = np.nonzero(np.ones_like(met, dtype=bool) & in_force[:, :, None])
    criteria = pd.DataFrame(
        {
            "commune_code": communes["code"].to_numpy()[ci],
            "year": np.array(YEARS, dtype="int16")[yj],
            "criterion_id": np.array(CRITERION_IDS)[kk],
            "met": met[ci, yj, kk],
        }
    )
    rows = []
    for i, code in enumerate(communes["code"]):
        for j, year in enumerate(YEARS):
            if in_force[i, j]:
                level = level_in(year, rec_years[i], adv_years[i], model_years[i])
                rows.append(
                    {
                        "commune_code": code,
                        "year": year,
                        "level": level,
                        "recognised_year": rec_years[i] if level != "none" else None,
                    }
                )
    levels = pd.DataFrame(rows).astype({"year": "int16", "recognised_year": "Int16"})
    return criteria, levels


# --- 2026: the new communes on the 10 criteria of 2026-2030 (illustrative) ------------------------

NEW_YEAR = 2026
NEW_SET = "2026-2030"
NEW_SEED = SEED + NEW_YEAR
# Province totals of the illustrative 2026 (61 new communes): few recognised in the first year of the
# stricter set (about 15 % against 60.6 % of the old communes in 2025), no modern commune yet.
NEW_PATH = {"communes_ntm": 9, "avg_criteria": 6.4, "communes_ntm_modern": 0}
# How much harder each new criterion is in its first year than the old criteria it covers (subtracted
# from a 0..1 score): re-planning every merged commune and digital transformation are the hardest.
NEW_DIFFICULTY = {
    "01": 0.35,
    "02": 0.10,
    "03": 0.15,
    "04": 0.0,
    "05": 0.05,
    "06": 0.05,
    "07": 0.45,
    "08": 0.20,
    "09": -0.10,
    "10": -0.20,
}
PARTIAL_WEIGHT = 0.5  # an old commune split between two new communes counts half in each


def old_standing(crosswalk: pd.DataFrame, new_codes: list[str], year_rows: pd.DataFrame, met: dict) -> pd.DataFrame:
    """Per new commune, where its old communes (xã assessed in 2025) stood: weights, share meeting
    the standard, average criteria met, and per old criterion the weighted share that met it."""
    rows = []
    levels = year_rows.set_index("commune_code")
    for code in new_codes:
        parts = crosswalk[(crosswalk["new_code"] == code) & crosswalk["old_code"].isin(levels.index)]
        weights = np.where(parts["part"].to_numpy() == "partial", PARTIAL_WEIGHT, 1.0)
        old = parts["old_code"].tolist()
        flags = np.array([met[o] for o in old], dtype=float)  # old communes x 19
        row = {
            "new_code": code,
            "old_communes": len(old),
            "ntm_share": float(np.average(levels.loc[old, "level"].ne("none"), weights=weights)),
            "criteria_share": float(np.average(flags.mean(axis=1), weights=weights)),
        }
        shares = np.average(flags, axis=0, weights=weights)
        row.update({f"old_{cid}": float(share) for cid, share in zip(CRITERION_IDS, shares)})
        rows.append(row)
    return pd.DataFrame(rows)


def new_criteria_scores(standing: pd.DataFrame, catalogue: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Score (communes x 10 new criteria): the share of the old criteria each covers that the old
    communes met, half of it the old communes' overall standing, plus noise, less its difficulty."""
    rows = catalogue[catalogue["criteria_set"] == NEW_SET].set_index("criterion_id")
    ids = criteria_ids(NEW_SET)
    scores = np.zeros((len(standing), len(ids)))
    for j, cid in enumerate(ids):
        related = [f"old_{r}" for r in rows.loc[cid, "related_previous"].split(";") if r]
        covered = standing[related].mean(axis=1).to_numpy()
        scores[:, j] = 0.5 * covered + 0.5 * standing["criteria_share"].to_numpy() - NEW_DIFFICULTY[cid]
    return scores + rng.normal(0.0, 0.12, scores.shape)


def new_year_tables(
    criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame, seed: int = NEW_SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The 2026 rows of the new communes, from the 2025 rows of the old ones (see the module notes)."""
    rng = np.random.default_rng(seed)
    units = load_new_units()
    new_codes = sorted(units.loc[units["type"] == RURAL_TYPE, "code"])
    last = NEW_YEAR - 1
    year_rows = levels[levels["year"] == last]
    flags = criteria[criteria["year"] == last].pivot(index="commune_code", columns="criterion_id", values="met")
    met = {code: flags.loc[code, list(CRITERION_IDS)].to_numpy(bool) for code in flags.index}
    standing = old_standing(load_crosswalk(), new_codes, year_rows, met)
    scores = new_criteria_scores(standing, load_catalogue(), rng)
    ids = criteria_ids(NEW_SET)
    n_new = len(ids)
    eligible = standing["ntm_share"].to_numpy() >= 1.0  # every old commune met the standard in 2025
    strength = np.where(eligible, scores.mean(axis=1), -np.inf)
    recognised = np.zeros(len(new_codes), dtype=bool)
    recognised[np.argsort(-strength, kind="stable")[: NEW_PATH["communes_ntm"]]] = True
    recognised &= eligible

    def flags_for(shift: float) -> np.ndarray:
        table = scores > shift
        table[recognised] = True
        for i in np.flatnonzero(~recognised & table.all(axis=1)):  # all 10 without recognition: one short
            table[i, np.argmin(scores[i])] = False
        return table

    low, high = -2.0, 2.0
    for _ in range(60):
        mid = (low + high) / 2
        if flags_for(mid).sum(axis=1).mean() > NEW_PATH["avg_criteria"]:
            low = mid
        else:
            high = mid
    table = flags_for(high)
    new_criteria = pd.DataFrame(
        {
            "commune_code": np.repeat(new_codes, n_new),
            "year": np.int16(NEW_YEAR),
            "criterion_id": np.tile(np.array(ids), len(new_codes)),
            "met": table.reshape(-1),
        }
    )
    new_levels = pd.DataFrame(
        {
            "commune_code": new_codes,
            "year": np.int16(NEW_YEAR),
            "level": np.where(recognised, "standard", "none"),
            "recognised_year": pd.array([NEW_YEAR if r else pd.NA for r in recognised], dtype="Int16"),
        }
    )
    return new_criteria, new_levels


def generate_all(
    registry: pd.DataFrame, published: pd.DataFrame, seed: int = SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """2015-2025 on the old communes (generate) and 2026 on the new communes (new_year_tables)."""
    criteria, levels = generate(registry, published, seed)
    new_criteria, new_levels = new_year_tables(criteria, levels, registry)
    criteria = pd.concat([criteria, new_criteria], ignore_index=True)
    levels = pd.concat([levels, new_levels], ignore_index=True).astype({"year": "int16", "recognised_year": "Int16"})
    return criteria, levels


# --- the demo's commune groups for 2026-2030 ---------------------------------------------------------

UPLAND_BORDER_DISTRICTS = ("180", "181", "182", "188", "189")  # Tràng Định, Bình Gia, Văn Lãng, Lộc Bình, Đình Lập
TOWN_TYPE = "Thị trấn"


def demo_groups(registry: pd.DataFrame | None = None) -> pd.DataFrame:
    """An ILLUSTRATIVE group for each new commune (the province has not assigned them here): group 1
    for a commune that took in a former district town (planned to urbanise), group 3 for the others
    of the upland and border former districts (ethnic-minority mountain communes), group 2 for the
    rest. Columns as data/commune_groups_2026.csv; status "demo"."""
    registry = load_registry() if registry is None else registry
    units = load_new_units()
    units = units[units["type"] == RURAL_TYPE].sort_values("code")
    crosswalk = load_crosswalk()
    kinds = crosswalk["old_code"].map(registry.drop_duplicates("code").set_index("code")["type"])
    with_town = set(crosswalk.loc[kinds == TOWN_TYPE, "new_code"])
    rows = []
    for unit in units.itertuples():
        if unit.code in with_town:
            group, vi, en = 1, "có thị trấn cũ (định hướng đô thị hóa)", "took in a former district town (to urbanise)"
        elif unit.former_district_code in UPLAND_BORDER_DISTRICTS:
            group, vi, en = 3, "xã miền núi, biên giới của huyện cũ vùng cao", "upland or border commune"
        else:
            group, vi, en = 2, "các xã còn lại", "the other communes"
        rows.append(
            {
                "commune_code": unit.code,
                "commune_name": unit.name,
                "group": group,
                "basis_vi": f"minh họa: {vi}",
                "basis_en": f"illustrative: {en}",
                "status": "demo",
                "source": "python -m ntm.build.demo --groups (chưa có quyết định phân nhóm của tỉnh)",
            }
        )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the illustrative demo dataset.")
    parser.add_argument("--groups", action="store_true", help=f"also write the demo's groups to {COMMUNE_GROUPS}")
    args = parser.parse_args(argv)
    if args.groups or not COMMUNE_GROUPS.exists():
        demo_groups().to_csv(COMMUNE_GROUPS, index=False)
        print(f"wrote {COMMUNE_GROUPS}")
    criteria, levels = generate_all(load_registry(), pd.read_csv(PUBLISHED))
    save_dataset(DEMO_DIR, criteria, levels)
    print(f"wrote {DEMO_DIR}: {len(criteria)} criterion rows, {len(levels)} commune-years")


if __name__ == "__main__":
    main()
