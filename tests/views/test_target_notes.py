"""The notes under the overview's target cards (and on the deck's new-phase slide): each distinct
source of the cards' targets said once, and plain language for leaders (no editor instructions)."""

from dataclasses import replace

from ntm.targets import headline_progress, load_targets
from ntm.views.overview import target_notes
from ntm.views.progress import source_titles


def notes(demo, year, lang="vi", progress=None):
    targets = load_targets()
    progress = headline_progress(demo.commune_year, targets, year, []) if progress is None else progress
    return target_notes(progress, targets, year, 61, lang), progress


def test_2025_cards_sharing_one_source_name_it_once(demo):
    lines, progress = notes(demo, 2025)
    sources = {p.source for p in progress if p.source}
    assert len(progress) > 1 and len(sources) == 1  # the demo's 2025 cards all come from one document
    title = source_titles("vi")[sources.pop()]
    assert lines[0] == f"Nguồn chỉ tiêu: {title}."
    assert sum(line.count(title) for line in lines) == 1


def test_cards_from_several_sources_list_each_source_once_with_its_measures(demo):
    _, progress = notes(demo, 2025)
    other = next(source for source in source_titles("en") if source != progress[0].source)
    mixed = [progress[0], *(replace(p, source=other) for p in progress[1:])]
    lines, _ = notes(demo, 2025, "en", mixed)
    titles = source_titles("en")
    assert lines[0].startswith(f"Target sources: {titles[progress[0].source]} (")
    assert lines[0].count(titles[other]) == 1


def test_the_new_phase_note_speaks_to_leaders_not_editors(demo):
    for lang, expected in (
        ("vi", "Tỉnh chưa công bố chỉ tiêu NTM giai đoạn 2026-2030 trên 61 xã mới; khi có, chỉ tiêu sẽ hiện ở đây."),
        ("en", "The province has not yet published its NTM targets for 2026-2030 on the 61 new communes"),
    ):
        lines, _ = notes(demo, 2026, lang)
        text = " ".join(lines)
        assert expected in text
        for internal in ("targets.csv", "units", "biên tập viên", "editor"):
            assert internal not in text
