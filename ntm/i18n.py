"""The one catalogue of interface strings: Vietnamese first, English on request."""
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

CATALOGUE: dict[str, tuple[str, str]] = {
    # app and navigation
    "app.title": ("Nông thôn mới Lạng Sơn", "New Rural Development, Lạng Sơn"),
    "app.caption": ("Theo dõi Chương trình xây dựng nông thôn mới tỉnh Lạng Sơn",
                    "Tracking the New Rural Development programme in Lạng Sơn province"),
    "nav.overview": ("Tổng quan", "Overview"),
    "notice.illustrative": (
        "Số liệu cấp xã trên trang này là **dữ liệu minh họa** (sinh tự động, đã hiệu chỉnh theo số liệu "
        "tổng hợp chính thức của tỉnh), không phải số liệu chính thức của từng xã.",
        "Commune-level data on this page are **illustrative** (generated, calibrated to the province's "
        "official totals), not official figures for individual communes."),
    "error.generic": ("Đã xảy ra lỗi khi hiển thị trang. Vui lòng tải lại trang hoặc báo cho Văn phòng Điều phối.",
                      "Something went wrong while showing this page. Reload it or tell the coordination office."),
    "error.data": ("Không đọc được dữ liệu: {detail}", "The data could not be read: {detail}"),
    # filters
    "filter.header": ("Bộ lọc", "Filters"),
    "filter.year": ("Năm", "Year"),
    "filter.districts": ("Huyện / thành phố", "Districts"),
    "filter.districts.all": ("Toàn tỉnh", "Whole province"),
    "filter.language": ("Ngôn ngữ", "Language"),
    "filter.criterion": ("Tiêu chí", "Criterion"),
    "filter.level": ("Mức đạt chuẩn", "Level"),
    "filter.level.all": ("Tất cả các mức", "All levels"),
    # overview
    "overview.title": ("Tổng quan năm {year}", "Overview, {year}"),
    "overview.scope.province": ("Toàn tỉnh: {communes} xã", "Whole province: {communes} communes"),
    "overview.scope.districts": ("{districts}: {communes} xã", "{districts}: {communes} communes"),
    "overview.targets": ("So với mục tiêu năm {year}", "Against the {year} targets"),
    "overview.targets.prorata": (
        "Đang lọc theo huyện: mục tiêu số xã của tỉnh được tính theo tỷ lệ số xã được chọn.",
        "Filtered to districts: the province's commune-count targets are applied pro rata."),
    "overview.levels": ("Xã theo mức đạt chuẩn", "Communes by level"),
    "overview.bands": ("Xã theo số tiêu chí đạt", "Communes by number of criteria met"),
    "overview.districts": ("Theo huyện / thành phố", "By district"),
    "overview.lagging": ("Huyện có tỷ lệ xã đạt chuẩn thấp nhất: {names}",
                         "Districts with the lowest share of communes meeting the standard: {names}"),
    # metrics
    "metric.communes": ("Số xã", "Communes"),
    "metric.communes_ntm": ("Xã đạt chuẩn NTM", "Communes meeting the NTM standard"),
    "metric.share_ntm": ("Tỷ lệ xã đạt chuẩn", "Share meeting the standard"),
    "metric.communes_ntm_advanced": ("Xã NTM nâng cao", "Advanced NTM communes"),
    "metric.communes_ntm_model": ("Xã NTM kiểu mẫu", "Model NTM communes"),
    "metric.avg_criteria": ("Bình quân tiêu chí/xã", "Average criteria per commune"),
    "metric.min_criteria": ("Số tiêu chí thấp nhất", "Fewest criteria in a commune"),
    "metric.communes_below_10": ("Xã dưới 10 tiêu chí", "Communes below 10 criteria"),
    "level.none": ("Chưa đạt chuẩn", "Not yet meeting"),
    "level.standard": ("Đạt chuẩn", "Standard"),
    "level.advanced": ("Nâng cao", "Advanced"),
    "level.model": ("Kiểu mẫu", "Model"),
    "band.lt10": ("Dưới 10 tiêu chí", "Under 10 criteria"),
    "band.10_14": ("10-14 tiêu chí", "10-14 criteria"),
    "band.15_18": ("15-18 tiêu chí", "15-18 criteria"),
    "band.all19": ("Đủ 19 tiêu chí", "All 19 criteria"),
    # target cards
    "target.value": ("Mục tiêu {year}: {target}", "{year} target: {target}"),
    "target.of": ("{value}/{denominator} xã", "{value} of {denominator} communes"),
    "chart.communes": ("Số xã", "Communes"),
    "target.gap": ("Còn thiếu {gap}", "{gap} to go"),
    "target.status.reached": (":green[:material/check_circle: Đã đạt]", ":green[:material/check_circle: Reached]"),
    "target.status.on_track": (":green[:material/trending_up: Đúng tiến độ]", ":green[:material/trending_up: On track]"),
    "target.status.behind": (":orange[:material/warning: Chậm tiến độ]", ":orange[:material/warning: Behind]"),
    "target.status.missed": (":red[:material/cancel: Không đạt]", ":red[:material/cancel: Missed]"),
    "target.pace": ("Cần {needed}/năm; 3 năm qua {recent}/năm",
                    "Needs {needed} a year; last 3 years {recent} a year"),
    # tables
    "col.district": ("Huyện / thành phố", "District"),
    "col.communes": ("Số xã", "Communes"),
    "col.communes_ntm": ("Xã đạt chuẩn", "Meeting standard"),
    "col.share_ntm": ("Tỷ lệ đạt chuẩn", "Share meeting"),
    "col.avg_criteria": ("BQ tiêu chí", "Avg criteria"),
    "col.min_criteria": ("Thấp nhất", "Minimum"),
    "col.communes_ntm_advanced": ("Nâng cao", "Advanced"),
    "col.communes_ntm_model": ("Kiểu mẫu", "Model"),
    # --- map page (issue 3) ---
    # --- progress, criteria, districts, scorecard pages (issue 4) ---
    "nav.progress": ("Tiến độ so với mục tiêu", "Progress against targets"),
    "progress.title": ("Tiến độ so với mục tiêu (đến năm {year})", "Progress against targets (as of {year})"),
    "progress.intro": (
        "Mỗi biểu đồ: số liệu thực tế theo năm, số liệu công bố chính thức (kèm nguồn), mục tiêu với mẫu số, "
        "lộ trình cần đạt từ năm gốc và dự báo theo nhịp 3 năm gần nhất.",
        "Each chart: the actual series by year, the official published figures (with their source), the "
        "targets with their denominators, the trajectory needed from the baseline year and a projection at "
        "the pace of the last 3 years."),
    "progress.prorata": (
        "Đang lọc theo huyện: mục tiêu số xã của tỉnh được tính theo tỷ lệ số xã được chọn ({communes} xã); "
        "số liệu công bố của tỉnh không áp dụng.",
        "Filtered to districts: the province's commune-count targets are applied pro rata to the "
        "{communes} selected communes; the province's published figures do not apply."),
    "scope.province": ("Toàn tỉnh", "Whole province"),
    "series.actual": ("Thực tế (dữ liệu)", "Actual (dataset)"),
    "series.published": ("Số liệu công bố chính thức", "Official published figure"),
    "series.target": ("Mục tiêu", "Target"),
    "series.trajectory": ("Lộ trình cần đạt", "Trajectory needed"),
    "series.projection": ("Dự báo theo nhịp 3 năm qua", "Projection at the last 3 years' pace"),
    "chart.year": ("Năm", "Year"),
    "chart.value": ("Giá trị", "Value"),
    "chart.series": ("Chuỗi số liệu", "Series"),
    "chart.denominator": ("Mẫu số (số xã)", "Denominator (communes)"),
    "chart.source": ("Nguồn", "Source"),
    "chart.note": ("Ghi chú", "Note"),
    "chart.label": ("Nhãn", "Label"),
    "unit.communes_ntm": ("xã", "communes"),
    "unit.communes_ntm_advanced": ("xã", "communes"),
    "unit.communes_ntm_model": ("xã", "communes"),
    "unit.avg_criteria": ("tiêu chí/xã", "criteria per commune"),
    "unit.min_criteria": ("tiêu chí", "criteria"),
    "verdict.reached": ("Đã đạt mục tiêu năm {target_year} ({target}) từ năm {year}.",
                        "The {target_year} target ({target}) was reached in {year}."),
    "verdict.on_track": (
        "Đúng tiến độ: theo nhịp 3 năm qua ({pace}/năm), sẽ đạt mục tiêu năm {target_year} ({target}) vào năm {year}.",
        "On track: at the last 3 years' pace ({pace} a year), the {target_year} target ({target}) is reached in {year}."),
    "verdict.behind": (
        "Chậm tiến độ: theo nhịp 3 năm qua ({pace}/năm), đến năm {target_year} còn thiếu {gap} {unit} so với mục tiêu {target}.",
        "Behind: at the last 3 years' pace ({pace} a year), {gap} {unit} short of the {target_year} target ({target})."),
    "verdict.missed": ("Không đạt: năm {target_year} còn thiếu {gap} {unit} so với mục tiêu {target}.",
                       "Missed: {gap} {unit} short of the {target_year} target ({target})."),
    "verdict.nodata": ("Chưa có mục tiêu hoặc số liệu cho chỉ tiêu này.", "No target or data for this metric."),
    # --- filters, exports, deck, presentation (issue 5) ---
    "filter.reset": ("Đặt lại bộ lọc", "Reset filters"),
    "filter.invalid": ("Đường liên kết có giá trị không hợp lệ nên đã bỏ qua: {items}",
                       "The link had values that are not valid and were ignored: {items}"),
    "col.commune_code": ("Mã xã", "Commune code"),
    "col.commune": ("Xã", "Commune"),
    "col.year": ("Năm", "Year"),
    "col.level": ("Mức đạt chuẩn", "Level"),
    "col.criteria_met": ("Số tiêu chí đạt", "Criteria met"),
    "col.share_ntm_pct": ("Tỷ lệ đạt chuẩn (%)", "Share meeting (%)"),
    "col.criterion_id": ("Mã tiêu chí", "Criterion no."),
    "col.criterion": ("Tiêu chí", "Criterion"),
    "col.met": ("Số xã đạt", "Communes meeting"),
    "col.share": ("Tỷ lệ xã đạt", "Share meeting"),
    "col.share_pct": ("Tỷ lệ xã đạt (%)", "Share meeting (%)"),
    "export.header": ("Tải bảng số liệu", "Download tables"),
    "export.csv": ("CSV", "CSV"),
    "export.xlsx": ("Excel", "Excel"),
    "export.table.communes": ("Danh sách xã", "Communes"),
    "export.table.districts": ("Theo huyện", "Districts"),
    "export.table.criteria": ("Theo tiêu chí", "Criteria"),
    "deck.header": ("Tài liệu báo cáo", "Briefing deck"),
    "deck.build": ("Tạo bài trình chiếu", "Build the briefing deck"),
    "deck.pptx": ("Tải PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "deck.pdf": ("Tải PDF", "Download PDF"),
    "deck.title": ("Xây dựng nông thôn mới tỉnh Lạng Sơn", "New Rural Development in Lạng Sơn"),
    "deck.subtitle": ("Tình hình năm {year} · {scope}", "Situation in {year} · {scope}"),
    "deck.scope.province": ("Toàn tỉnh ({communes} xã)", "Whole province ({communes} communes)"),
    "deck.scope.districts": ("{districts} ({communes} xã)", "{districts} ({communes} communes)"),
    "deck.headline": ("Kết quả so với mục tiêu năm {year}", "Results against the {year} targets"),
    "deck.progress": ("Tiến độ xã đạt chuẩn qua các năm", "Communes meeting the standard over the years"),
    "deck.map": ("Bản đồ tỷ lệ xã đạt chuẩn theo huyện", "Share of communes meeting the standard by district"),
    "deck.ranking": ("Xếp hạng huyện / thành phố", "District ranking"),
    "deck.weakest": ("Các tiêu chí yếu nhất", "Weakest criteria"),
    "deck.sources": ("Nguồn số liệu", "Sources"),
    "deck.sources.text": ("Số liệu tổng hợp chính thức: báo cáo của UBND tỉnh và Văn phòng Điều phối NTM tỉnh Lạng Sơn.",
                          "Official totals: reports of the provincial People's Committee and NTM coordination office."),
    "deck.sources.generated": ("Tạo từ bảng điều khiển NTM Lạng Sơn, năm {year}, {scope}.",
                               "Generated from the NTM Lạng Sơn dashboard, {year}, {scope}."),
    "deck.col.metric": ("Chỉ tiêu", "Indicator"),
    "deck.col.value": ("Hiện nay", "Now"),
    "deck.col.target": ("Mục tiêu", "Target"),
    "deck.col.status": ("Đánh giá", "Verdict"),
    "deck.status.reached": ("Đã đạt", "Reached"),
    "deck.status.on_track": ("Đúng tiến độ", "On track"),
    "deck.status.behind": ("Chậm tiến độ", "Behind"),
    "deck.status.missed": ("Không đạt", "Missed"),
    "deck.missing": ("(chưa có hình)", "(image not available)"),
    "deck.notice": ("Dữ liệu cấp xã là dữ liệu minh họa (sinh tự động, hiệu chỉnh theo số liệu tổng hợp chính thức), "
                    "không phải số liệu chính thức của từng xã.",
                    "Commune-level data are illustrative (generated, calibrated to the official totals), "
                    "not official figures for individual communes."),
    "present.toggle": ("Chế độ trình chiếu", "Presentation mode"),
    "present.exit": ("Thoát chế độ trình chiếu", "Leave presentation mode"),
    "present.screen": ("Màn hình", "Screen"),
    "present.prev": ("Trước", "Previous"),
    "present.next": ("Tiếp", "Next"),
    "present.overview": ("Tổng quan", "Overview"),
    "present.map": ("Bản đồ", "Map"),
    "present.progress": ("Tiến độ", "Progress"),
    "present.criteria": ("Tiêu chí", "Criteria"),
    "present.weakest.line": ("{criterion}: {share} xã đạt", "{criterion}: {share} of communes"),
    # --- import and versions (issue 6) ---
    "source.demo": ("Nguồn: dữ liệu minh họa; số liệu tổng hợp chính thức theo báo cáo của tỉnh.",
                    "Source: illustrative data; official totals from provincial reports."),
}


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string for `key` in `lang`, with `values` filled in."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text
