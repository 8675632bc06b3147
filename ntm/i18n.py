"""The one catalogue of interface strings: Vietnamese first, English on request."""

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, as the switch shows them

CATALOGUE: dict[str, tuple[str, str]] = {
    # app and navigation
    "nav.overview": ("Tổng quan", "Overview"),
    "notice.illustrative": (
        "Số liệu cấp xã trên trang này là **dữ liệu minh họa** (sinh tự động, đã hiệu chỉnh theo số liệu "
        "tổng hợp chính thức của tỉnh), không phải số liệu chính thức của từng xã.",
        "Commune-level data on this page are **illustrative** (generated, calibrated to the province's "
        "official totals), not official figures for individual communes.",
    ),
    "error.generic": (
        "Đã xảy ra lỗi khi hiển thị trang. Vui lòng tải lại trang hoặc báo cho Văn phòng Điều phối.",
        "Something went wrong while showing this page. Reload it or tell the coordination office.",
    ),
    # filters
    "filter.header": ("Bộ lọc", "Filters"),
    "filter.year": ("Năm", "Year"),
    "filter.districts": ("Huyện / thành phố", "Districts"),
    "filter.districts.all": ("Toàn tỉnh", "Whole province"),
    "filter.districts.typed": (
        "Không có huyện nào khớp với “{typed}”.",
        "No district matches “{typed}”.",
    ),
    # accessibility: what screen readers hear
    "a11y.chart.scroll": ("(kéo ngang để xem hết biểu đồ)", "(scroll sideways to see the whole chart)"),
    "a11y.chart.summary": ("Biểu đồ: {parts}", "Chart: {parts}"),
    "a11y.upload.button": ("Chọn tệp", "Browse files"),
    "a11y.st.submit": ("Nhấn Enter để gửi", "Press Enter to submit form"),
    "a11y.st.apply": ("Nhấn Enter để áp dụng", "Press Enter to apply"),
    "a11y.st.add": ("Tìm: ", "Add: "),
    "a11y.st.none": ("Không có kết quả", "No results"),
    "a11y.st.skip": ("Đến nội dung chính", "Skip to main content"),
    "a11y.st.help": ("Giải thích: ", "Help for "),
    "a11y.upload.limit": ("Tối đa {mb} MB mỗi tệp • {types}", "{mb} MB per file • {types}"),
    "commune.grid.recent": (
        "{years} (các năm trước: trên màn hình rộng, trong tệp CSV)",
        "{years} (earlier years: on a wider screen, in the CSV file)",
    ),
    "a11y.chart.range": ("{title} từ {low} đến {high}", "{title} from {low} to {high}"),
    "a11y.chart.values": ("{title} ({n} giá trị)", "{title} ({n} values)"),
    "filter.language": ("Ngôn ngữ", "Language"),
    "filter.language.switch": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "filter.criterion": ("Tiêu chí", "Criterion"),
    "filter.level": ("Mức đạt chuẩn", "Level"),
    "filter.level.all": ("Tất cả các mức", "All levels"),
    "filter.level.help": (
        "Lọc danh sách xã (Tổng quan, tệp tải về), các xã trên bản đồ và danh sách ở Hồ sơ xã.",
        "Filters the commune list (overview, downloads), the communes on the map and the scorecard's list.",
    ),
    # overview
    "overview.title": ("Tổng quan năm {year}", "Overview, {year}"),
    "overview.scope.province": ("Toàn tỉnh: {communes} xã", "Whole province: {communes} communes"),
    "overview.scope.districts": ("{districts}: {communes} xã", "{districts}: {communes} communes"),
    "overview.targets": ("So với mục tiêu năm {year}", "Against the {year} targets"),
    "overview.targets.prorata": (
        "Đang lọc theo huyện: mục tiêu số xã của tỉnh được chia cho các huyện theo số xã (làm tròn theo phần "
        "dư lớn nhất, giữ tỷ lệ của tỉnh; tổng mục tiêu các huyện bằng mục tiêu của tỉnh); mục tiêu bình quân "
        "và tỷ lệ áp dụng như của tỉnh.",
        "Filtered to districts: the province's commune-count targets are divided among the districts by their "
        "communes (largest remainders, keeping the province's share; the districts' targets add up to the "
        "province's); average and share targets apply as they are.",
    ),
    "overview.levels": ("Xã theo mức đạt chuẩn", "Communes by level"),
    "overview.bands": ("Xã theo số tiêu chí đạt", "Communes by number of criteria met"),
    "overview.districts": ("Theo huyện / thành phố", "By district"),
    "overview.lagging": (
        "Huyện có tỷ lệ xã đạt chuẩn thấp nhất: {names}",
        "Districts with the lowest share of communes meeting the standard: {names}",
    ),
    "overview.map": ("Tỷ lệ xã đạt chuẩn theo huyện, năm {year}", "Share of communes meeting the standard, {year}"),
    "overview.communes": ("Danh sách {count} xã", "List of {count} communes"),
    "overview.communes.levels": ("Danh sách {count} xã ở mức {levels}", "List of {count} communes at level {levels}"),
    "overview.map_link": (
        "Mở bản đồ tương tác (chọn chỉ tiêu, bấm vào huyện)",
        "Open the interactive map (choose a measure, click a district)",
    ),
    # metrics
    "metric.communes": ("Số xã", "Communes"),
    "metric.communes_ntm": ("Xã đạt chuẩn NTM", "Communes meeting the NTM standard"),
    "metric.share_ntm": ("Tỷ lệ xã đạt chuẩn", "Share meeting the standard"),
    "metric.communes_ntm_advanced": ("Xã NTM nâng cao", "Advanced NTM communes"),
    "metric.communes_ntm_model": ("Xã NTM kiểu mẫu", "Model NTM communes"),
    "metric.avg_criteria": ("Bình quân tiêu chí/xã", "Average criteria per commune"),
    "metric.min_criteria": ("Số tiêu chí thấp nhất", "Fewest criteria in a commune"),
    "metric.communes_below_10": ("Xã dưới 10 tiêu chí", "Communes below 10 criteria"),
    "metric.criterion_share": ("Tỷ lệ xã đạt tiêu chí {criterion}", "Share of communes meeting criterion {criterion}"),
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
    "target.status.on_track": (
        ":green[:material/trending_up: Đúng tiến độ]",
        ":green[:material/trending_up: On track]",
    ),
    "target.status.behind": (":orange[:material/warning: Chậm tiến độ]", ":orange[:material/warning: Behind]"),
    "target.status.missed": (":red[:material/cancel: Không đạt]", ":red[:material/cancel: Missed]"),
    "target.pace": ("Cần {needed}/năm; 3 năm qua {recent}/năm", "Needs {needed} a year; last 3 years {recent} a year"),
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
    "nav.map": ("Bản đồ", "Map"),
    "map.title": ("Bản đồ theo huyện năm {year}", "Map by district, {year}"),
    "map.metric": ("Chỉ tiêu", "Measure"),
    "map.metric.share_ntm": ("Tỷ lệ xã đạt chuẩn (%)", "Share of communes meeting the standard (%)"),
    "map.metric.avg_criteria": ("Bình quân tiêu chí/xã (tiêu chí)", "Average criteria met per commune (criteria)"),
    "map.metric.criterion_share": (
        "Tỷ lệ xã đạt tiêu chí {criterion} (%)",
        "Share of communes meeting criterion {criterion} (%)",
    ),
    "map.metric.communes_ntm_advanced": ("Số xã NTM nâng cao (xã)", "Advanced NTM communes (communes)"),
    "map.metric.communes_ntm_model": ("Số xã NTM kiểu mẫu (xã)", "Model NTM communes (communes)"),
    "map.criterion": ("Tiêu chí", "Criterion"),
    "map.show_points": ("Hiện các xã (màu theo mức đạt chuẩn)", "Show communes (coloured by level)"),
    "map.base_tiles": ("Nền bản đồ trực tuyến (cần Internet)", "Online base map (needs internet)"),
    "map.image.approximate": (
        "Ranh giới huyện là sơ đồ gần đúng (không phải bản đồ chính thức).",
        "District shapes are approximate (not the official map).",
    ),
    "map.no_data": ("Không có số liệu", "No data"),
    "map.not_reported": ("Chưa báo cáo", "Not reported yet"),
    "map.legend.not_reported": ("Chưa báo cáo hoặc không có số liệu", "Not reported yet, or no data"),
    "map.panel.not_reported": (
        "Chưa có xã nào của {district} báo cáo năm {year}: chưa có số liệu để so sánh.",
        "No commune of {district} has reported for {year} yet: nothing to compare.",
    ),
    "map.panel.reporting": ("Năm {year}, {text}", "{year}, {text}"),
    "map.tip.unreported": ("chưa báo cáo", "not reported yet"),
    "map.count.communes": ("xã", "communes"),
    "map.count.criteria": ("tiêu chí đạt", "criteria met"),
    "map.detail": ("{count} {unit} / {communes} xã", "{count} {unit} / {communes} communes"),
    "map.commune": ("Xã", "Commune"),
    "map.criteria_met": ("Số tiêu chí đạt", "Criteria met"),
    "map.points": ("Xã theo mức", "Communes by level"),
    "map.district": ("Huyện đang xem", "District shown"),
    "map.district.none": ("Chọn trên bản đồ hoặc ở đây", "Click the map or choose here"),
    "map.click_hint": (
        "Bấm vào một huyện trên bản đồ để xem chi tiết.",
        "Click a district on the map for its details.",
    ),
    "map.panel.against": ("{district} so với toàn tỉnh", "{district} against the province"),
    "map.panel.district": ("Huyện", "District"),
    "map.panel.province": ("Toàn tỉnh", "Province"),
    "map.panel.weakest": ("Tiêu chí yếu nhất", "Weakest criteria"),
    "map.panel.share": ("Tỷ lệ xã đạt", "Share of communes"),
    "map.panel.near": (
        "Xã gần đạt chuẩn ({low}-{high} tiêu chí)",
        "Communes closest to the standard ({low}-{high} criteria)",
    ),
    "map.panel.near.none": (
        "Chưa có xã nào đạt {low}-{high} tiêu chí; các xã chưa đạt chuẩn có nhiều tiêu chí nhất:",
        "No commune has {low}-{high} criteria; the communes not yet meeting with the most criteria:",
    ),
    "map.panel.near.all": ("Mọi xã của huyện đã đạt chuẩn.", "Every commune in the district meets the standard."),
    "map.panel.missing": ("Tiêu chí còn thiếu", "Criteria still to meet"),
    "map.download": ("Tải ảnh bản đồ (PNG)", "Download map image (PNG)"),
    "map.boundaries": ("Ranh giới", "Boundaries"),
    "map.boundaries.upload": (
        "Tệp ranh giới chính thức (GeoJSON, GeoPackage, Shapefile nén .zip)",
        "Official boundary file (GeoJSON, GeoPackage, zipped Shapefile)",
    ),
    "map.boundaries.editor_only": (
        "Biên tập viên tải tệp ranh giới lên tại đây sau khi đăng nhập ở trang Nhập dữ liệu.",
        "Editors upload a boundary file here once logged in on the Import page.",
    ),
    "map.boundaries.official": ("Đang dùng ranh giới chính thức: {source}", "Using official boundaries: {source}"),
    "map.boundaries.approximate": (
        "Đang dùng ranh giới gần đúng đi kèm ứng dụng.",
        "Using the bundled approximate boundaries.",
    ),
    "map.boundaries.unmatched": ("Không khớp được với huyện nào: {names}", "Matched to no district: {names}"),
    "map.boundaries.duplicates": (
        "Nhiều đối tượng cho cùng một huyện (đã gộp): {names}",
        "Several features for one district (merged): {names}",
    ),
    "map.boundaries.missing": ("Thiếu ranh giới của: {names}", "No boundary for: {names}"),
    "map.boundaries.repaired": ("Đã sửa hình học không hợp lệ: {names}", "Invalid geometry repaired: {names}"),
    "map.boundaries.skipped": (
        "Bỏ qua đối tượng không có hình hoặc không có tên: {names}",
        "Skipped features with no shape or no name: {names}",
    ),
    "map.boundaries.union": (
        "Ranh giới huyện cũ được ghép từ ranh giới các xã, phường mới (từ 1/7/2025), mỗi xã mới tính vào "
        "huyện cũ có nhiều xã cũ của nó nhất. Quanh {names} (xã mới gồm cả xã cũ của hai huyện), đường "
        "ranh giới huyện chỉ là gần đúng.",
        "Former district shapes are joined from the new communes and wards (from 1 July 2025), each counted "
        "in the former district most of its old communes belonged to. Around {names} (new communes that took "
        "in old communes of two districts), the district borders are only approximate.",
    ),
    "map.boundaries.error": (
        "Không dùng được tệp ranh giới: {detail} Bản đồ đang dùng ranh giới gần đúng.",
        "The boundary file cannot be used: {detail} The map shows the approximate boundaries.",
    ),
    "map.boundaries.howto": (
        "Để dùng ranh giới huyện chính thức: đặt biến môi trường NTM_BOUNDARIES trỏ tới tệp khi khởi động "
        "ứng dụng, hoặc tải tệp lên ở đây. Ranh giới xã mới đi kèm ứng dụng là ranh giới thật.",
        "For official district boundaries: set the NTM_BOUNDARIES environment variable to the file when starting "
        "the app, or upload the file here. The bundled new-commune boundaries are real.",
    ),
    # --- map by new commune, play control, small multiples (issue 12) ---
    "map.title.commune": ("Bản đồ theo xã năm {year}", "Map by commune, {year}"),
    "map.title.district": ("Bản đồ theo huyện cũ năm {year}", "Map by former district, {year}"),
    "map.level": ("Cấp hiển thị", "Units shown"),
    "map.level.commune": ("Xã mới (từ 1/7/2025)", "New communes (from 1 July 2025)"),
    "map.level.district": ("Huyện cũ (2015-2025)", "Former districts (2015-2025)"),
    "map.ward": ("Không thuộc diện đánh giá NTM", "Not assessed under NTM"),
    "map.legend.ward": ("Phường: không thuộc diện đánh giá NTM", "Ward: not assessed under NTM"),
    "map.legend.selected": ("Viền đậm: huyện đang chọn", "Bold outline: chosen districts"),
    "map.legend.title": ("Chú giải", "Legend"),
    "map.part.full": ("toàn bộ", "whole"),
    "map.part.partial": ("một phần", "part"),
    "map.tip.formed": ("Hình thành từ: {names}", "Formed from: {names}"),
    "map.tip.yes": ("đạt", "met"),
    "map.tip.no": ("chưa đạt", "not met"),
    "map.tip.unassessed": ("không đánh giá NTM", "not assessed"),
    "map.tip.absent": ("không còn là đơn vị riêng", "no longer a unit of its own"),
    "map.tip.criteria": ("{n} tiêu chí", "{n} criteria"),
    "map.detail.count": (
        "Năm {year}: {count} trong {total} xã cũ nay thuộc {name}",
        "{year}: {count} of the {total} old communes now forming {name}",
    ),
    "map.detail.count.share_ntm": (
        "Năm {year}: {count} trong {total} xã cũ nay thuộc {name} đạt chuẩn NTM",
        "{year}: {count} of the {total} old communes now forming {name} met the standard",
    ),
    "map.detail.count.criterion_share": (
        "Năm {year}: {count} trong {total} xã cũ nay thuộc {name} đạt tiêu chí {criterion}",
        "{year}: {count} of the {total} old communes now forming {name} met criterion {criterion}",
    ),
    "map.detail.count.communes_ntm_advanced": (
        "Năm {year}: {count} trong {total} xã cũ nay thuộc {name} đạt NTM nâng cao",
        "{year}: {count} of the {total} old communes now forming {name} were advanced NTM communes",
    ),
    "map.detail.count.communes_ntm_model": (
        "Năm {year}: {count} trong {total} xã cũ nay thuộc {name} đạt NTM kiểu mẫu",
        "{year}: {count} of the {total} old communes now forming {name} were model NTM communes",
    ),
    "map.detail.own": (
        "Năm {year}: {level}, đạt {met}/{total} tiêu chí",
        "{year}: {level}, {met}/{total} criteria met",
    ),
    "map.detail.average": (
        "Năm {year}: bình quân của {total} xã cũ nay thuộc {name}",
        "{year}: average of the {total} old communes now forming {name}",
    ),
    "map.rule": (
        "Theo xã mới: với các năm trước 1/7/2025, mỗi xã mới hiện kết quả của các xã cũ nay thuộc xã đó. "
        "Xã cũ bị chia cho nhiều xã mới ({names}) được tính đủ ở mỗi xã mới nhận một phần của nó, có ghi "
        "“(một phần)”, nên cộng các xã mới lại thì xã cũ đó được tính hai lần. Phường không thuộc diện đánh giá "
        "NTM: tô gạch chéo, không phải 0.",
        "By new commune: for years before 1 July 2025, each new commune shows the old communes now forming it. "
        "An old commune split between new communes ({names}) counts in full in each new commune that took part "
        "of it, marked “(part)”, so adding up new communes counts it twice. Wards are not assessed under NTM: "
        "hatched, not 0.",
    ),
    "map.rule.district": (
        "Theo huyện cũ (cấp báo cáo và giao chỉ tiêu đến năm 2025): mỗi huyện gồm các xã cũ của huyện.",
        "By former district (the level of reports and targets until 2025): each district counts its old communes.",
    ),
    "map.play": ("Phát lần lượt các năm", "Play the years in turn"),
    "map.pause": ("Dừng", "Pause"),
    "map.play.year": ("Năm hiện trên bản đồ", "Year shown on the map"),
    "map.commune.shown": ("Xã đang xem", "Commune shown"),
    "map.click_hint.commune": (
        "Bấm vào một xã trên bản đồ để xem các đơn vị cũ đã hình thành nên xã và kết quả của chúng.",
        "Click a commune on the map for the old units that formed it and their results.",
    ),
    "map.panel.commune": ("{name}, năm {year}", "{name}, {year}"),
    "map.panel.commune.col": ("Các xã cũ của xã", "Its old communes"),
    "map.panel.commune.own": ("Xã", "Commune"),
    "map.panel.members": ("Các đơn vị cũ hình thành nên xã", "The old units that formed it"),
    "map.panel.members.old": (
        "Năm {year}, trước khi hợp nhất: {assessed} xã cũ được đánh giá; xã cũ bị chia được tính đủ, ghi “(một phần)”.",
        "In {year}, before the merger: {assessed} old communes were assessed; a split old commune counts in "
        "full, marked “(part)”.",
    ),
    "map.panel.members.new": (
        "Từ sau 1/7/2025 xã được đánh giá là một đơn vị; các đơn vị cũ chỉ để tra cứu.",
        "Since 1 July 2025 the commune is assessed as one unit; the old units are listed for reference.",
    ),
    "map.panel.ward": (
        "Phường không thuộc diện đánh giá NTM. Các đơn vị cũ nay thuộc phường được liệt kê để tra cứu.",
        "Wards are not assessed under NTM. The old units now forming the ward are listed for reference.",
    ),
    "map.panel.own": (
        "Năm {year}: {level}, {criteria} tiêu chí đạt. Tiêu chí còn thiếu: {missing}",
        "{year}: {level}, {criteria} criteria met. Criteria still to meet: {missing}",
    ),
    "map.panel.own.none": ("Xã chưa báo cáo năm {year}.", "The commune has not reported for {year} yet."),
    "map.col.old": ("Đơn vị cũ", "Old unit"),
    "map.col.old_district": ("Huyện cũ", "Former district"),
    "map.col.part": ("Phần", "Part"),
    "map.col.level": ("Mức", "Level"),
    "map.col.criteria_met": ("Số tiêu chí đạt", "Criteria met"),
    "map.col.missing": ("Tiêu chí còn thiếu", "Criteria still to meet"),
    "map.multiples": ("Từng năm", "Year by year"),
    "map.unit": ("Đơn vị", "Unit"),
    "map.multiples.title": ("{label}, {years}", "{label}, {years}"),
    "map.multiples.download": ("Tải ảnh các năm (PNG)", "Download the years as an image (PNG)"),
    "map.download.csv": ("Tải số liệu bản đồ các năm (CSV)", "Download the map's data, every year (CSV)"),
    "map.csv.title": ("Số liệu bản đồ: {label}, {years}", "Map data: {label}, {years}"),
    "map.image.source": ("Nguồn: {source}", "Source: {source}"),
    # --- progress, criteria, districts, scorecard pages (issue 4) ---
    "nav.progress": ("Tiến độ so với mục tiêu", "Progress against targets"),
    "progress.title": ("Tiến độ so với mục tiêu (đến năm {year})", "Progress against targets (as of {year})"),
    "progress.intro": (
        "Mỗi biểu đồ: số liệu thực tế theo năm, số liệu công bố chính thức (kèm nguồn), mục tiêu với mẫu số, "
        "lộ trình cần đạt từ năm gốc và dự báo theo nhịp 3 năm gần nhất.",
        "Each chart: the actual series by year, the official published figures (with their source), the "
        "targets with their denominators, the trajectory needed from the baseline year and a projection at "
        "the pace of the last 3 years.",
    ),
    "progress.prorata": (
        "Đang lọc theo huyện: mục tiêu số xã của tỉnh được chia cho các huyện theo số xã (làm tròn theo phần "
        "dư lớn nhất, tổng các huyện bằng mục tiêu của tỉnh), phần của {communes} xã được chọn; số liệu công bố "
        "của tỉnh không áp dụng.",
        "Filtered to districts: the province's commune-count targets are divided among the districts by their "
        "communes (largest remainders, adding up to the province's), the part of the {communes} selected "
        "communes; the province's published figures do not apply.",
    ),
    "scope.province": ("Toàn tỉnh", "Whole province"),
    "series.actual": ("Thực tế (dữ liệu)", "Actual (dataset)"),
    "series.published": ("Số liệu công bố chính thức", "Official published figure"),
    "series.target": ("Mục tiêu", "Target"),
    "series.trajectory": ("Lộ trình cần đạt", "Trajectory needed"),
    "series.projection": ("Dự báo theo nhịp 3 năm qua", "Projection at the last 3 years' pace"),
    "chart.year": ("Năm", "Year"),
    "chart.series": ("Chuỗi số liệu", "Series"),
    "chart.denominator": ("Mẫu số (số xã)", "Denominator (communes)"),
    "chart.source": ("Nguồn", "Source"),
    "chart.note": ("Ghi chú", "Note"),
    "unit.communes_ntm": ("xã", "communes"),
    "unit.communes_ntm_advanced": ("xã", "communes"),
    "unit.communes_ntm_model": ("xã", "communes"),
    "unit.avg_criteria": ("tiêu chí/xã", "criteria per commune"),
    "unit.min_criteria": ("tiêu chí", "criteria"),
    "unit.one.communes_ntm": ("xã", "commune"),
    "unit.one.communes_ntm_advanced": ("xã", "commune"),
    "unit.one.communes_ntm_model": ("xã", "commune"),
    "unit.one.avg_criteria": ("tiêu chí/xã", "criterion per commune"),
    "unit.one.min_criteria": ("tiêu chí", "criterion"),
    "verdict.reached": (
        "Đã đạt mục tiêu năm {target_year} ({target}) từ năm {year}.",
        "The {target_year} target ({target}) was reached in {year}.",
    ),
    "verdict.on_track": (
        "Đúng tiến độ: theo nhịp 3 năm qua ({pace}/năm), sẽ đạt mục tiêu năm {target_year} ({target}) vào năm {year}.",
        "On track: at the last 3 years' pace ({pace} a year), "
        "the {target_year} target ({target}) is reached in {year}.",
    ),
    "verdict.behind": (
        "Chậm tiến độ: theo nhịp 3 năm qua ({pace}/năm), "
        "đến năm {target_year} còn thiếu {gap} {unit} so với mục tiêu {target}.",
        "Behind: at the last 3 years' pace ({pace} a year), {gap} {unit} short of the {target_year} target ({target}).",
    ),
    "verdict.missed": (
        "Không đạt: năm {target_year} còn thiếu {gap} {unit} so với mục tiêu {target}.",
        "Missed: {gap} {unit} short of the {target_year} target ({target}).",
    ),
    "verdict.nodata": ("Chưa có mục tiêu hoặc số liệu cho chỉ tiêu này.", "No target or data for this metric."),
    "download.png": ("Ảnh PNG", "PNG image"),
    "download.svg": ("Ảnh SVG", "SVG image"),
    "download.csv": ("Dữ liệu CSV", "CSV data"),
    "metric.model_residential_areas_new": ("Khu dân cư kiểu mẫu xây mới", "New model residential areas"),
    "metric.districts_ntm_new": ("Huyện đạt chuẩn NTM mới", "More districts meeting the NTM standard"),
    "metric.share_communes_ntm": ("Tỷ lệ xã đạt chuẩn NTM (%)", "Share of communes meeting the NTM standard (%)"),
    "metric.share_communes_ntm_advanced": ("Tỷ lệ xã NTM nâng cao (%)", "Share of advanced NTM communes (%)"),
    "metric.share_communes_ntm_modern": ("Tỷ lệ xã NTM hiện đại (%)", "Share of modern NTM communes (%)"),
    "progress.other_targets": (
        "Mục tiêu không đo được bằng số liệu cấp xã: {items}",
        "Targets not measured by commune data: {items}",
    ),
    "nav.criteria": ("Phân tích tiêu chí", "Criteria analysis"),
    "criteria.title": ("Phân tích 19 tiêu chí năm {year}", "The 19 criteria in {year}"),
    "criteria.heatmap": (
        "Tỷ lệ xã đạt từng tiêu chí theo huyện, năm {year}",
        "Share of communes meeting each criterion, by district, {year}",
    ),
    "criteria.ranking": (
        "Tiêu chí từ khó đến dễ, năm {year} ({scope})",
        "Criteria from hardest to easiest, {year} ({scope})",
    ),
    "criteria.ranking.hardest": ("Khó nhất: {names}", "Hardest: {names}"),
    "criteria.trend": (
        "Tiêu chí {criterion}: tỷ lệ xã đạt theo huyện qua các năm",
        "Criterion {criterion}: share of communes meeting it, by district, over the years",
    ),
    "criteria.trend.help": (
        "Chọn tiêu chí ở thanh bên. Đường đậm nét đứt: toàn tỉnh.",
        "Choose the criterion in the sidebar. Thick dashed line: whole province.",
    ),
    "criteria.bands": (
        "Số xã theo nhóm số tiêu chí đạt qua các năm ({scope})",
        "Communes by number of criteria met over the years ({scope})",
    ),
    "chart.share": ("Tỷ lệ xã đạt", "Share of communes"),
    "chart.met": ("Số xã đạt", "Communes meeting"),
    "chart.district": ("Huyện / thành phố", "District"),
    "chart.criterion": ("Tiêu chí", "Criterion"),
    "chart.band": ("Nhóm số tiêu chí", "Criteria met"),
    "error.no_communes": (
        "Không có xã nào trong lựa chọn này năm {year}. Hãy chọn năm hoặc huyện khác.",
        "No commune in this selection in {year}. Choose another year or district.",
    ),
    "nav.districts": ("So sánh huyện", "District comparison"),
    "districts.title": ("So sánh các huyện năm {year}", "Districts compared, {year}"),
    "districts.metric": ("Chỉ tiêu so sánh", "Metric"),
    "districts.baseline": ("Năm gốc", "Baseline year"),
    "districts.ranking": (
        "Xếp hạng theo {metric}: năm {year} so với năm {baseline}",
        "Ranking on {metric}: {year} against {baseline}",
    ),
    "districts.col.rank": ("Hạng", "Rank"),
    "districts.col.change": ("Thay đổi từ {baseline}", "Change since {baseline}"),
    "districts.col.rank_change": ("Đổi hạng từ {baseline}", "Rank change since {baseline}"),
    "districts.most_improved": (
        "Tiến bộ nhiều nhất từ năm {baseline}: {names}.",
        "Most improved since {baseline}: {names}.",
    ),
    "districts.small": ("{metric} theo huyện qua các năm", "{metric} by district over the years"),
    "districts.series.district": ("Huyện", "District"),
    "unit.pp": ("điểm %", "pts"),
    "nav.commune": ("Hồ sơ xã", "Commune scorecard"),
    "commune.title": ("Hồ sơ xã", "Commune scorecard"),
    "commune.search": (
        "Tìm xã theo tên (gõ có dấu hoặc không dấu)",
        "Find a commune by name (with or without diacritics)",
    ),
    "commune.search.placeholder": ("ví dụ: dinh lap, Hoàng Đồng", "e.g. dinh lap, Hoàng Đồng"),
    "commune.choose": ("Xã", "Commune"),
    "commune.dissolved": ("giải thể {when}", "dissolved {when}"),
    "commune.dissolved.into": ("giải thể {when}, nay thuộc {successor}", "dissolved {when}, now part of {successor}"),
    "commune.dissolved.hidden": (
        "Danh sách là {count} xã của năm {year}; {dissolved} xã đã giải thể trước đó không có trong danh sách, "
        "tìm theo tên để xem hồ sơ các năm trước.",
        "The list holds the {count} communes of {year}; {dissolved} communes dissolved earlier are not listed: "
        "search by name to see their earlier years.",
    ),
    "commune.none": (
        "Không tìm thấy xã nào có tên “{query}” trong lựa chọn hiện tại. Hãy thử tên khác hoặc bỏ lọc huyện.",
        "No commune named “{query}” in the current selection. Try another name or clear the district filter.",
    ),
    "commune.moved": (
        "“{query}” là tên xã trước ngày 1/7/2025: {moves}. Danh sách dưới đây là xã mới tương ứng.",
        "“{query}” names a commune before 1 July 2025: {moves}. The list below holds the new commune it went into.",
    ),
    "commune.moved.one": ("{old} (huyện {district} cũ) nay thuộc {new}", "{old} (former {district}) is now in {new}"),
    "commune.none.levels": (
        "Không có xã nào ở mức đạt chuẩn đã chọn trong lựa chọn hiện tại. Hãy bỏ lọc mức hoặc huyện.",
        "No commune at the chosen levels in the current selection. Clear the level or district filter.",
    ),
    "commune.levels": (
        "Chỉ các xã ở mức {levels} năm {year} ({count} xã), theo bộ lọc «Mức đạt chuẩn».",
        "Only communes at level {levels} in {year} ({count}), as the Level filter asks.",
    ),
    "commune.heading": ("{name} ({district})", "{name} ({district})"),
    "commune.level": ("Mức năm {year}", "Level in {year}"),
    "commune.criteria_met": ("Số tiêu chí đạt", "Criteria met"),
    "commune.rank": ("Thứ hạng trong huyện", "Rank in the district"),
    "commune.rank.value": ("{rank}/{communes}", "{rank} of {communes}"),
    "commune.recognised": ("Năm công nhận đạt chuẩn", "Year recognised"),
    "commune.lacks": ("Còn thiếu {n} tiêu chí năm {year}: {names}", "Still lacking {n} criteria in {year}: {names}"),
    "commune.lacks.none": ("Đạt đủ 19 tiêu chí năm {year}.", "All 19 criteria met in {year}."),
    "commune.grid": ("19 tiêu chí qua các năm", "The 19 criteria over the years"),
    "commune.history": ("Số tiêu chí đạt và mức đạt chuẩn qua các năm", "Criteria met and level over the years"),
    "commune.met": ("Đạt", "Met"),
    "commune.not_met": ("Chưa đạt", "Not met"),
    "commune.context": ("Bối cảnh huyện năm {year}", "District context, {year}"),
    "commune.context.row.commune": ("Xã này", "This commune"),
    "commune.not_in_year": (
        "Xã không có số liệu năm {year}; hiển thị năm gần nhất ({shown}).",
        "The commune has no data for {year}; showing the latest year ({shown}).",
    ),
    "districts.reference": ("Đường nét đứt: toàn tỉnh.", "Dashed line: whole province."),
    "districts.baseline_after": (
        "Năm gốc phải trước năm đang xem ({year}).",
        "The baseline year must come before the year shown ({year}).",
    ),
    # --- filters, exports, deck, presentation (issue 5) ---
    "filter.reset": ("Đặt lại bộ lọc", "Reset filters"),
    "filter.invalid": (
        "Đường liên kết có giá trị không hợp lệ nên đã bỏ qua: {items}",
        "The link had values that are not valid and were ignored: {items}",
    ),
    "col.commune_code": ("Mã xã", "Commune code"),
    "col.commune": ("Xã", "Commune"),
    "col.year": ("Năm", "Year"),
    "col.level": ("Mức đạt chuẩn", "Level"),
    "col.criteria_met": ("Số tiêu chí đạt", "Criteria met"),
    "col.missing": ("Tiêu chí chưa đạt", "Criteria not met"),
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
    "deck.sources.text": (
        "Số liệu tổng hợp chính thức: báo cáo của UBND tỉnh và Văn phòng Điều phối NTM tỉnh Lạng Sơn.",
        "Official totals: reports of the provincial People's Committee and NTM coordination office.",
    ),
    "deck.sources.generated": (
        "Tạo từ bảng điều khiển NTM Lạng Sơn, năm {year}, {scope}.",
        "Generated from the NTM Lạng Sơn dashboard, {year}, {scope}.",
    ),
    "deck.col.metric": ("Chỉ tiêu", "Indicator"),
    "deck.col.value": ("Hiện nay", "Now"),
    "deck.col.target": ("Mục tiêu", "Target"),
    "deck.col.status": ("Đánh giá", "Verdict"),
    "deck.status.reached": ("Đã đạt", "Reached"),
    "deck.status.on_track": ("Đúng tiến độ", "On track"),
    "deck.status.behind": ("Chậm tiến độ", "Behind"),
    "deck.status.missed": ("Không đạt", "Missed"),
    "deck.missing": ("(chưa có hình)", "(image not available)"),
    "deck.notice": (
        "Dữ liệu cấp xã là dữ liệu minh họa (sinh tự động, hiệu chỉnh theo số liệu tổng hợp chính thức), "
        "không phải số liệu chính thức của từng xã.",
        "Commune-level data are illustrative (generated, calibrated to the official totals), "
        "not official figures for individual communes.",
    ),
    "present.toggle": ("Chế độ trình chiếu", "Presentation mode"),
    "present.exit": ("Thoát chế độ trình chiếu", "Leave presentation mode"),
    "present.screen": ("Màn hình", "Screen"),
    "present.prev": ("Trước", "Previous"),
    "present.next": ("Tiếp", "Next"),
    "present.overview": ("Tổng quan", "Overview"),
    "present.map": ("Bản đồ", "Map"),
    "present.progress": ("Tiến độ", "Progress"),
    "present.criteria": ("Tiêu chí", "Criteria"),
    "present.weakest.line": ("{share} số xã đạt ({met}/{communes} xã)", "{share} of communes ({met} of {communes})"),
    # --- import and versions (issue 6) ---
    "nav.import": ("Nhập dữ liệu", "Import data"),
    "import.title": ("Nhập dữ liệu và phiên bản", "Data import and versions"),
    "import.source.demo": (
        "Bảng điều khiển đang dùng dữ liệu minh họa đi kèm (chưa có phiên bản nào được nhập).",
        "The dashboard shows the bundled illustrative data (no version imported yet).",
    ),
    "import.source.version": (
        "Bảng điều khiển đang dùng phiên bản {version}.",
        "The dashboard shows version {version}.",
    ),
    "import.viewer": (
        "Bạn đang xem với quyền người xem. Nhập dữ liệu và đổi phiên bản cần đăng nhập biên tập viên.",
        "You are viewing. Importing data and switching versions need an editor login.",
    ),
    "import.no_editors": (
        "Chưa cấu hình tài khoản biên tập viên (mục [ntm_editors] trong secrets của Streamlit).",
        "No editor account is configured ([ntm_editors] in Streamlit secrets).",
    ),
    "import.login.header": ("Đăng nhập biên tập viên", "Editor login"),
    "import.login.user": ("Tên đăng nhập", "User name"),
    "import.login.password": ("Mật khẩu", "Password"),
    "import.login.submit": ("Đăng nhập", "Log in"),
    "import.login.failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
    "import.login.oidc": ("Đăng nhập bằng tài khoản tổ chức", "Log in with the organisation account"),
    "import.login.not_editor": ("Tài khoản {email} không có quyền biên tập.", "Account {email} is not an editor."),
    "import.logout": ("Đăng xuất", "Log out"),
    "import.signed_in": ("Đã đăng nhập: {user} (biên tập viên)", "Logged in: {user} (editor)"),
    "import.template.header": ("Tệp mẫu", "Template"),
    "import.template.year": ("Năm của tệp mẫu", "Template year"),
    "import.template.download": ("Tải tệp mẫu Excel", "Download the Excel template"),
    "import.upload.header": ("Tải lên số liệu", "Upload data"),
    "import.upload.label": ("Tệp Excel (.xlsx) hoặc CSV", "Excel (.xlsx) or CSV file"),
    "import.upload.help": (
        "Bảng rộng như tệp mẫu hoặc bảng dài (mỗi dòng một tiêu chí); tối đa {mb} MB.",
        "Wide layout as in the template, or long layout (one row per criterion); at most {mb} MB.",
    ),
    "import.errors": (
        "Tệp có {n} lỗi; chưa lưu gì. Sửa các lỗi dưới đây rồi tải lên lại.",
        "The file has {n} errors; nothing was stored. Fix them and upload again.",
    ),
    "import.warnings": ("{n} cảnh báo (không chặn việc nhập)", "{n} warnings (they do not block the import)"),
    "import.preview.header": ("Xem trước thay đổi", "Preview of the changes"),
    "import.preview.summary": (
        "{added} xã-năm thêm mới, {replaced} xã-năm thay thế; sau khi nhập có {total} xã-năm.",
        "{added} commune-years added, {replaced} replaced; {total} commune-years afterwards.",
    ),
    "import.preview.added": ("Thêm mới", "Added"),
    "import.preview.replaced": ("Thay thế", "Replaced"),
    "import.confirm": ("Lưu thành phiên bản mới", "Store as a new version"),
    "import.saved": (
        "Đã lưu phiên bản {version}; bảng điều khiển đang dùng phiên bản này.",
        "Version {version} stored; the dashboard now shows it.",
    ),
    "import.store_failed": (
        "Không lưu được vào cơ sở dữ liệu; dữ liệu cũ vẫn giữ nguyên. Thử lại sau.",
        "The database could not store the file; the previous data are intact. Try again later.",
    ),
    "import.versions.header": ("Các phiên bản", "Versions"),
    "import.versions.none": ("Chưa có phiên bản nào.", "No version yet."),
    "import.versions.choose": ("Phiên bản", "Version"),
    "import.versions.activate": ("Dùng phiên bản này", "Use this version"),
    "import.versions.activated": ("Đã chuyển sang phiên bản {version}.", "Switched to version {version}."),
    "import.col.severity": ("Mức", "Severity"),
    "import.col.sheet": ("Trang", "Sheet"),
    "import.col.row": ("Dòng", "Row"),
    "import.col.column": ("Cột", "Column"),
    "import.col.message": ("Vấn đề", "Problem"),
    "import.col.suggestion": ("Gợi ý", "Suggestion"),
    "import.severity.error": ("Lỗi", "Error"),
    "import.severity.warning": ("Cảnh báo", "Warning"),
    "import.col.version": ("Phiên bản", "Version"),
    "import.col.created_at": ("Thời điểm", "When"),
    "import.col.created_by": ("Người nhập", "By"),
    "import.col.filename": ("Tệp", "File"),
    "import.col.hash": ("Mã băm SHA-256", "SHA-256"),
    "import.col.rows": ("Số xã-năm", "Commune-years"),
    "import.col.added": ("Thêm mới", "Added"),
    "import.col.replaced": ("Thay thế", "Replaced"),
    "import.col.active": ("Đang dùng", "Active"),
    "import.col.commune": ("Mã xã", "Commune code"),
    "import.col.year": ("Năm", "Year"),
    "import.col.change": ("Thay đổi", "Change"),
    "import.groups.header": ("Các lỗi theo loại", "Problems by kind"),
    "import.groups.caption": (
        "Mỗi loại một dòng: số lần gặp và các dòng đầu tiên; danh sách đầy đủ ở bảng chi tiết và tệp Excel.",
        "One line per kind: how many and the first rows; every problem is in the details and the Excel file.",
    ),
    "import.col.count": ("Số lượng", "Count"),
    "import.col.first_rows": ("Các dòng đầu", "First rows"),
    "import.col.example": ("Ví dụ", "Example"),
    "import.details": ("Chi tiết từng lỗi ({n})", "Every problem in detail ({n})"),
    "import.problems.download": (
        "Tải danh sách lỗi (Excel, cạnh các dòng của tệp)",
        "Download the problems (Excel, next to the file's rows)",
    ),
    "import.problems.filename": ("loi-nhap-{name}.xlsx", "import-problems-{name}.xlsx"),
    "import.mapping.header": ("Ghép cột: trang «{sheet}»", "Match the columns: sheet «{sheet}»"),
    "import.mapping.intro": (
        "Không nhận ra một số cột bắt buộc. Chọn cột nào chứa từng thông tin; cách ghép được lưu trong kho dữ liệu "
        "và dùng lại cho các tệp sau có cùng dòng tiêu đề (cả khi nhập bằng dòng lệnh).",
        "Some required columns were not recognised. Choose which column holds each; the choice is kept in the store "
        "and used again for the next files with the same header (the command line too).",
    ),
    "import.mapping.none": ("— chưa chọn —", "— not chosen —"),
    "import.mapping.apply": ("Dùng cách ghép cột này", "Use these columns"),
    "import.mapping.used": (
        "Đang dùng cách ghép cột đã chọn cho dòng tiêu đề này.",
        "Using the columns chosen before for this header.",
    ),
    "import.mapping.forget": ("Bỏ cách ghép cột đã nhớ", "Forget the columns chosen"),
    "import.mapping.field.code": ("Mã xã", "Commune code"),
    "import.mapping.field.name": ("Tên xã", "Commune name"),
    "import.mapping.field.year": ("Năm", "Year"),
    "import.mapping.field.level": ("Mức đạt chuẩn", "Level"),
    "import.mapping.field.criterion": ("Tiêu chí {id}: {name}", "Criterion {id}: {name}"),
    "import.notes.header": ("Cách đọc tệp", "How the file was read"),
    "import.districts.header": ("Thay đổi theo huyện", "Changes by district"),
    "import.districts.caption": (
        "Mỗi huyện (từ 2026: huyện cũ của xã mới) và năm của tệp: xã-năm thêm mới, thay thế bằng giá trị khác, "
        "giống hệt số liệu đã lưu, giữ nguyên (không có trong tệp; không bao giờ bị xóa) và số xã có số liệu sau "
        "khi nhập trên số xã được đánh giá.",
        "Each district (from 2026: the new communes' former district) and year of the file: commune-years added, "
        "replaced with other values, identical to what is stored, kept (not in the file; never dropped) and the "
        "communes with data after the import of those assessed.",
    ),
    "import.col.district": ("Huyện", "District"),
    "import.col.identical": ("Giống hệt", "Identical"),
    "import.col.kept": ("Giữ nguyên", "Kept"),
    "import.col.reported": ("Có số liệu sau khi nhập", "With data after the import"),
    "import.col.communes": ("Số xã được đánh giá", "Communes assessed"),
    # --- editors' sessions, audit log and store failures (issue 16) ---
    "import.login.wait": (
        "Đăng nhập sai quá nhiều lần: chờ {seconds} giây rồi thử lại (lần thử này chưa được kiểm tra).",
        "Too many failed logins: wait {seconds} seconds and try again (this attempt was not checked).",
    ),
    "import.login.throttled": (
        "Đã đăng nhập sai {n} lần: lần thử tiếp theo phải chờ {seconds} giây.",
        "{n} failed logins: the next attempt must wait {seconds} seconds.",
    ),
    "import.login.expired": (
        "Phiên biên tập đã kết thúc sau {minutes} phút không hoạt động; vui lòng đăng nhập lại.",
        "The editing session ended after {minutes} idle minutes; log in again.",
    ),
    "import.login.idle_hint": (
        "Phiên biên tập tự kết thúc sau {minutes} phút không thao tác trên trang này hoặc trang bản đồ.",
        "The editing session ends after {minutes} minutes without activity on this page or the map page.",
    ),
    "import.versions.unavailable": (
        "Không đọc được các phiên bản từ cơ sở dữ liệu; chưa thể nhập hay đổi phiên bản.",
        "The versions cannot be read from the database; importing and switching versions are unavailable.",
    ),
    "import.audit.header": ("Nhật ký thao tác", "Activity log"),
    "import.audit.caption": (
        "{n} thao tác gần nhất (đăng nhập, nhập dữ liệu, đổi phiên bản); chỉ biên tập viên xem được.",
        "The latest {n} entries (logins, imports, version changes); shown to editors only.",
    ),
    "import.audit.none": ("Chưa có thao tác nào được ghi.", "Nothing recorded yet."),
    "import.audit.col.at": ("Thời điểm", "When"),
    "import.audit.col.actor": ("Người thực hiện", "Who"),
    "import.audit.col.action": ("Thao tác", "Action"),
    "import.audit.col.version": ("Phiên bản", "Version"),
    "import.audit.col.detail": ("Chi tiết", "Detail"),
    "import.audit.action.login": ("Đăng nhập", "Login"),
    "import.audit.action.login_failed": ("Đăng nhập sai", "Failed login"),
    "import.audit.action.logout": ("Đăng xuất", "Logout"),
    "import.audit.action.session_expired": ("Hết phiên (không hoạt động)", "Session expired (idle)"),
    "import.audit.action.import": ("Nhập dữ liệu", "Import"),
    "import.audit.action.activate": ("Dùng phiên bản", "Activation"),
    "import.audit.action.rollback": ("Quay lại phiên bản cũ", "Rollback"),
    "import.audit.action.restore": ("Khôi phục từ bản sao lưu", "Restore from backup"),
    "store.problem.unreachable": (
        "Không kết nối được cơ sở dữ liệu: đang hiển thị dữ liệu minh họa đi kèm, không phải số liệu đã nhập.",
        "The database cannot be reached: showing the bundled illustrative data, not the imported figures.",
    ),
    "store.problem.missing": (
        "Chưa có kho dữ liệu: đang hiển thị dữ liệu minh họa đi kèm.",
        "No data store yet: showing the bundled illustrative data.",
    ),
    "store.problem.empty": (
        "Tệp cơ sở dữ liệu rỗng (0 byte), được giữ nguyên: đang hiển thị dữ liệu minh họa đi kèm; "
        "cần khôi phục từ bản sao lưu.",
        "The database file is empty (0 bytes) and was left as it is: showing the bundled illustrative data; "
        "restore it from a backup.",
    ),
    "store.problem.truncated": (
        "Tệp cơ sở dữ liệu bị cắt cụt, được giữ nguyên: đang hiển thị dữ liệu minh họa đi kèm; "
        "cần khôi phục từ bản sao lưu.",
        "The database file is truncated and was left as it is: showing the bundled illustrative data; "
        "restore it from a backup.",
    ),
    "store.problem.corrupt": (
        "Tệp cơ sở dữ liệu bị hỏng, được giữ nguyên: đang hiển thị dữ liệu minh họa đi kèm; "
        "cần khôi phục từ bản sao lưu.",
        "The database file is damaged and was left as it is: showing the bundled illustrative data; "
        "restore it from a backup.",
    ),
    "store.problem.unreadable": (
        "Không đọc được cơ sở dữ liệu: đang hiển thị dữ liệu minh họa đi kèm, không phải số liệu đã nhập.",
        "The database cannot be read: showing the bundled illustrative data, not the imported figures.",
    ),
    "source.demo": (
        "Nguồn: dữ liệu minh họa; số liệu tổng hợp chính thức theo báo cáo của tỉnh.",
        "Source: illustrative data; official totals from provincial reports.",
    ),
    # --- criteria sets by phase, the 2025 reform, the close-out, the glossary (issue 13) ---
    "nav.glossary": ("Từ điển tiêu chí", "Criteria glossary"),
    "notice.illustrative.new": (
        "Năm {year} là phần mở rộng minh họa trên 61 xã mới (không tính phường) với 10 tiêu chí mới, suy từ "
        "tình hình các xã cũ năm 2025.",
        "{year} is an illustrative extension on the 61 new communes (wards excluded) with the 10 new criteria, "
        "derived from where the old communes stood in 2025.",
    ),
    "level.modern": ("NTM hiện đại", "Modern NTM"),
    "col.former_district": ("Huyện cũ", "Former district"),
    "metric.communes_ntm_modern": ("Xã NTM hiện đại", "Modern NTM communes"),
    "col.communes_ntm_modern": ("Hiện đại", "Modern"),
    "unit.share_communes_ntm": ("điểm %", "pts"),
    "unit.one.share_communes_ntm": ("điểm %", "pt"),
    "unit.share_communes_ntm_advanced": ("điểm %", "pts"),
    "unit.one.share_communes_ntm_advanced": ("điểm %", "pt"),
    "unit.share_communes_ntm_modern": ("điểm %", "pts"),
    "unit.one.share_communes_ntm_modern": ("điểm %", "pt"),
    "band.below": ("Dưới {n} tiêu chí", "Under {n} criteria"),
    "band.range": ("{low}-{high} tiêu chí", "{low}-{high} criteria"),
    "band.all": ("Đủ {n} tiêu chí", "All {n} criteria"),
    "criteria.group.planning": ("Quy hoạch", "Planning"),
    "criteria.group.infrastructure": ("Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure"),
    "criteria.group.economy": ("Kinh tế và tổ chức sản xuất", "Economy and production"),
    "criteria.group.culture_society_environment": ("Văn hóa - xã hội - môi trường", "Culture, society, environment"),
    "criteria.group.science_digital": ("Khoa học công nghệ, chuyển đổi số", "Science, technology, digital"),
    "criteria.group.political_system": ("Hệ thống chính trị", "Political system"),
    "filter.districts.former": (
        "Từ 1/7/2025 không còn cấp huyện: chọn huyện để xem các xã mới thuộc huyện cũ đó (huyện có nhiều xã cũ "
        "của xã mới nhất).",
        "Districts were abolished on 1 July 2025: a district selects the new communes of that former district "
        "(where most of their old communes lay).",
    ),
    "phase.notice": (
        "Giai đoạn {phase}: bộ {n} tiêu chí ({decision}); {communes} xã được đánh giá theo danh mục đơn vị "
        "hành chính của năm.",
        "Phase {phase}: {n} criteria ({decision}); {communes} communes assessed on the year's list of units.",
    ),
    "phase.notice.new": (
        "Giai đoạn {phase}: bộ {n} tiêu chí mới ({decision}), đánh giá trên {communes} xã mới từ 1/7/2025 "
        "(không tính phường). Số tiêu chí và đơn vị xã khác giai đoạn trước: không nối số liệu hai giai đoạn "
        "thành một đường.",
        "Phase {phase}: {n} new criteria ({decision}), assessed on the {communes} new communes from 1 July 2025 "
        "(wards excluded). Criteria and communes differ from the previous phase: the two are never joined "
        "into one line.",
    ),
    "target.scope.national": ("mục tiêu quốc gia", "national target"),
    "target.scope.national.short": ("cả nước", "national"),
    "target.scope.province": ("mục tiêu của tỉnh", "provincial target"),
    "target.value.national": ("Mục tiêu quốc gia {year}: {target}", "{year} national target: {target}"),
    "target.share_of": ("{share} ({count}/{denominator} xã)", "{share} ({count} of {denominator} communes)"),
    "target.status.no_pace": (
        ":gray[:material/hourglass_empty: Chưa đủ số liệu để đánh giá nhịp]",
        ":gray[:material/hourglass_empty: Too early to judge the pace]",
    ),
    "target.pace.none": (
        "Cần {needed}/năm; năm đầu giai đoạn, chưa có nhịp để so",
        "Needs {needed} a year; first year of the phase, no pace yet",
    ),
    "target.pace.previous": (
        "Cần {needed}/năm; nhịp {window} của các xã cũ: {recent}/năm",
        "Needs {needed} a year; the old communes' pace {window}: {recent} a year",
    ),
    "target.sources": ("Nguồn chỉ tiêu: {sources}.", "Target sources: {sources}."),
    "target.sources.one": ("Nguồn chỉ tiêu: {source}.", "Target source: {source}."),
    "target.superseded": (
        "{source} đặt chỉ tiêu trên các xã cũ, trước khi sắp xếp đơn vị hành chính năm 2025 ({items}). "
        "Tỉnh chưa công bố chỉ tiêu NTM giai đoạn {phase} trên {communes} xã mới; khi có, chỉ tiêu sẽ hiện ở "
        "đây. Đến lúc đó, các xã mới được so với mục tiêu quốc gia.",
        "{source} set targets on the old communes, before the 2025 reorganisation ({items}). The province has "
        "not yet published its NTM targets for {phase} on the {communes} new communes; once it does, they will "
        "show here. Until then, the new communes are compared with the national targets.",
    ),
    "import.targets.hint": (
        "Chỉ tiêu của tỉnh không nhập bằng tệp Excel: biên tập viên thêm vào data/targets.csv (cột units = new "
        "cho chỉ tiêu đặt trên các xã mới từ 1/7/2025, units = old cho các xã cũ) và ghi văn bản nguồn vào "
        "data/sources.csv.",
        "The province's targets are not imported from Excel: an editor adds them to data/targets.csv (column "
        "units = new for targets set on the new communes from 1 July 2025, units = old for the old communes) "
        "and records the source document in data/sources.csv.",
    ),
    "import.catalogue.hint": (
        "Mức đạt chuẩn và phân nhóm xã của giai đoạn 2026-2030 cũng là tệp dữ liệu: mức mới (nâng cao, kiểu mẫu "
        "khi có văn bản) thêm vào data/criteria_levels.csv; quyết định phân nhóm xã của tỉnh ghi vào "
        "data/commune_groups_2026.csv (status = official).",
        "The levels and commune groups of 2026-2030 are data files too: a new level (advanced or model, once "
        "confirmed) goes into data/criteria_levels.csv; the province's decision on commune groups into "
        "data/commune_groups_2026.csv (status = official).",
    ),
    "target.level_missing": (
        "Không đo được với các mức của bộ tiêu chí {phase} (mức này chưa có trong giai đoạn): {items}.",
        "Not measurable with the levels of the {phase} criteria (the phase has no such level yet): {items}.",
    ),
    "verdict.no_pace": (
        "Năm đầu giai đoạn: {value}; cần {needed}/năm để đạt mục tiêu năm {target_year} ({target}); "
        "chưa đủ số liệu để dự báo.",
        "First year of the phase: {value}; needs {needed} a year to reach the {target_year} target ({target}); "
        "too early to project.",
    ),
    "verdict.on_track.previous": (
        "Đúng tiến độ nếu giữ nhịp {window} của các xã cũ ({pace}/năm): đạt mục tiêu năm {target_year} "
        "({target}) vào năm {year}.",
        "On track if the old communes' pace of {window} ({pace} a year) holds: the {target_year} target "
        "({target}) is reached in {year}.",
    ),
    "verdict.behind.previous": (
        "Chậm tiến độ nếu chỉ giữ nhịp {window} của các xã cũ ({pace}/năm): đến năm {target_year} còn thiếu "
        "{gap} {unit} so với mục tiêu {target}.",
        "Behind if only the old communes' pace of {window} ({pace} a year) holds: {gap} {unit} short of the "
        "{target_year} target ({target}).",
    ),
    "series.previous": ("Giai đoạn trước (xã cũ, 19 tiêu chí)", "Previous phase (old communes, 19 criteria)"),
    "series.previous.note": (
        "Giai đoạn {phase}: các xã cũ, {n} tiêu chí; không nối với giai đoạn mới",
        "Phase {phase}: the old communes, {n} criteria; not joined to the new phase",
    ),
    "series.national": ("Mục tiêu quốc gia", "National target"),
    "series.boundary": ("Giai đoạn {phase}", "Phase {phase}"),
    "series.boundary.note": (
        "Từ đây: bộ {n} tiêu chí của giai đoạn {phase}, các xã mới từ 1/7/2025",
        "From here: the {n} criteria of {phase}, the new communes from 1 July 2025",
    ),
    "series.projection_previous": ("Dự báo theo nhịp giai đoạn trước", "Projection at the previous phase's pace"),
    "deck.status.no_pace": ("Chưa đủ số liệu", "Too early"),
    "overview.districts.former": ("Theo huyện cũ", "By former district"),
    "overview.former.how": (
        "Mỗi xã mới được tính vào huyện cũ có nhiều xã cũ của nó nhất (bốn xã gồm xã cũ của hai huyện: "
        "Đông Kinh, Kỳ Lừa, Khánh Khê, Tân Đoàn).",
        "Each new commune counts in the former district most of its old communes lay in (four took in old "
        "communes of two districts: Đông Kinh, Kỳ Lừa, Khánh Khê, Tân Đoàn).",
    ),
    "overview.map.former": (
        "Tỷ lệ xã đạt chuẩn theo huyện cũ, năm {year}",
        "Share of communes meeting the standard by former district, {year}",
    ),
    "overview.new.averages": (
        "Bình quân {average}/{n} tiêu chí/xã; xã thấp nhất đạt {minimum}/{n}.",
        "On average {average} of {n} criteria per commune; the lowest commune meets {minimum} of {n}.",
    ),
    "overview.groups": ("Theo nhóm xã (bộ tiêu chí 2026-2030)", "By commune group (2026-2030 criteria)"),
    "overview.groups.help": (
        "Chỉ tiêu của từng tiêu chí khác nhau theo 3 nhóm xã; xem Từ điển tiêu chí.",
        "The criteria's indicators differ by the three commune groups; see the criteria glossary.",
    ),
    "overview.groups.demo": (
        "Phân nhóm hiện là minh họa (chưa có quyết định của tỉnh).",
        "The groups are illustrative for now (no provincial decision yet).",
    ),
    "groups.col.group": ("Nhóm xã", "Commune group"),
    "groups.none": ("Chưa phân nhóm", "No group"),
    "groups.name.1": ("Nhóm 1", "Group 1"),
    "groups.name.2": ("Nhóm 2", "Group 2"),
    "groups.name.3": ("Nhóm 3", "Group 3"),
    "groups.definition.1": (
        "Nhóm 1: xã giáp ranh đô thị hoặc được định hướng đô thị hóa, hoặc nông nghiệp chiếm dưới 10 % kinh tế.",
        "Group 1: communes next to urban areas or planned to urbanise, or where agriculture is under 10% of "
        "the economy.",
    ),
    "groups.definition.2": ("Nhóm 2: các xã còn lại.", "Group 2: the other communes."),
    "groups.definition.3": (
        "Nhóm 3: xã vùng đồng bào dân tộc thiểu số và miền núi thuộc khu vực II, III.",
        "Group 3: ethnic-minority and mountain communes of area II or III.",
    ),
    "groups.status.demo": ("Minh họa", "Illustrative"),
    "groups.status.official": ("Theo quyết định", "Official"),
    "progress.phase": (
        "Mục tiêu năm {year} của giai đoạn {phase} (bộ {n} tiêu chí); mỗi đường chỉ gồm các năm của cùng bộ tiêu chí.",
        "The {year} targets of phase {phase} ({n} criteria); each line holds only years of the same criteria.",
    ),
    "progress.none": (
        "Chưa có mục tiêu năm {year} đo được bằng số liệu cấp xã.",
        "No {year} target measured by commune data yet.",
    ),
    "closeout.title": ("Tổng kết giai đoạn {phase}", "Close-out of {phase}"),
    "closeout.denominators": (
        "Mẫu số thay đổi: {planned} là số xã năm 2021, khi tỉnh đặt mục tiêu 2025; {merged} là số xã sau "
        "sáp nhập ngày 1/12/2024; từ 1/7/2025 tỉnh còn {communes} xã và {wards} phường.",
        "The denominator changed: {planned} communes in 2021, when the province set its 2025 targets; "
        "{merged} after the mergers of 1 December 2024; from 1 July 2025, {communes} communes and {wards} wards.",
    ),
    "closeout.col.metric": ("Chỉ tiêu", "Indicator"),
    "closeout.col.target": ("Mục tiêu 2025", "2025 target"),
    "closeout.col.data": ("Số liệu cuối trên xã cũ ({year})", "Last data on the old communes ({year})"),
    "closeout.col.official": ("Số liệu chính thức 6/2025", "Official figure, June 2025"),
    "closeout.col.status": ("Đánh giá", "Verdict"),
    "closeout.not_measured": ("Không đo bằng số liệu cấp xã", "Not measured by commune data"),
    "closeout.status.unknown": ("Chưa có số liệu để đánh giá", "No figure to judge by"),
    "closeout.status.reached.official": ("Đạt (theo số liệu chính thức)", "Reached (official figure)"),
    "closeout.status.reached.data": ("Đạt (theo dữ liệu)", "Reached (dataset)"),
    "closeout.status.missed.official": (
        "Không đạt: thiếu {gap} (theo số liệu chính thức)",
        "Missed by {gap} (official figure)",
    ),
    "closeout.status.missed.data": ("Không đạt: thiếu {gap} (theo dữ liệu)", "Missed by {gap} (dataset)"),
    "closeout.help": (
        "Đánh giá theo số liệu chính thức khi có, nếu không theo dữ liệu của bảng điều khiển. Số xã được so "
        "kèm mẫu số của từng nguồn.",
        "Judged on the official figure where there is one, else on the dashboard's data. Commune counts are "
        "shown with each source's denominator.",
    ),
    "criteria.title.set": ("Phân tích {n} tiêu chí năm {year}", "The {n} criteria in {year}"),
    "criteria.phase": (
        "Bộ tiêu chí giai đoạn {phase}: {n} tiêu chí ({decision}).",
        "Criteria of {phase}: {n} criteria ({decision}).",
    ),
    "criteria.heatmap.former": (
        "Tỷ lệ xã đạt từng tiêu chí theo huyện cũ, năm {year}",
        "Share of communes meeting each criterion, by former district, {year}",
    ),
    "criteria.trend.phase": (
        "Chỉ các năm của bộ tiêu chí {phase}: số hiệu tiêu chí của bộ 19 tiêu chí trước đây là tiêu chí khác.",
        "Only the years of the {phase} criteria: the numbers of the earlier 19 criteria are other criteria.",
    ),
    "criteria.meanings": (
        "Các tiêu chí của giai đoạn {phase} và yêu cầu của từng tiêu chí ({n} tiêu chí)",
        "The criteria of {phase} and what each asks ({n} criteria)",
    ),
    "criteria.glossary_link": (
        "Mỗi tiêu chí yêu cầu gì: Từ điển tiêu chí",
        "What each criterion asks: criteria glossary",
    ),
    "districts.title.former": ("So sánh theo huyện cũ năm {year}", "Former districts compared, {year}"),
    "districts.former.how": (
        "Từ 1/7/2025 không còn cấp huyện: các xã mới được xếp theo huyện cũ (nơi có nhiều xã cũ của chúng nhất) "
        "và chỉ so trong giai đoạn {phase} ({n} tiêu chí).",
        "Districts were abolished on 1 July 2025: the new communes are grouped by former district (where most "
        "of their old communes lay) and compared only within {phase} ({n} criteria).",
    ),
    "districts.baseline_phase": (
        "Chưa có năm gốc: {year} là năm đầu của giai đoạn {phase}; không so với các năm trước vì bộ tiêu chí "
        "và đơn vị xã đã thay đổi.",
        "No baseline yet: {year} is the first year of {phase}; earlier years are not compared because the "
        "criteria and the communes changed.",
    ),
    "districts.ranking.year": ("Xếp hạng theo {metric}, năm {year}", "Ranking on {metric}, {year}"),
    "commune.new.help": (
        "Giai đoạn {phase}: danh sách là các xã mới từ 1/7/2025; xã cũ xem ở các năm đến 2025.",
        "Phase {phase}: the list holds the new communes from 1 July 2025; old communes are in the years to 2025.",
    ),
    "commune.former_district": ("huyện cũ", "former district"),
    "commune.heading.new": ("{name} (xã mới, huyện cũ {district})", "{name} (new commune, former district {district})"),
    "commune.rank.former": ("Thứ hạng trong huyện cũ", "Rank in the former district"),
    "commune.context.former": ("Bối cảnh huyện cũ năm {year}", "Former district context, {year}"),
    "commune.group": ("Nhóm xã (bộ tiêu chí 2026-2030): {group}.", "Commune group (2026-2030 criteria): {group}."),
    "commune.group.demo": ("Phân nhóm minh họa.", "Illustrative grouping."),
    "commune.grid.set": ("{n} tiêu chí qua các năm", "The {n} criteria over the years"),
    "commune.lacks.none.set": ("Đạt đủ {n} tiêu chí năm {year}.", "All {n} criteria met in {year}."),
    "commune.old.title": ("Các xã cũ hợp thành", "The old communes it was formed from"),
    "commune.old.help": (
        "Tình hình năm cuối của từng xã cũ theo bộ 19 tiêu chí, để tham khảo; không cộng vào số liệu của xã "
        "mới, vốn được đánh giá lại theo 10 tiêu chí mới. Xã chia cho hai xã mới ghi «một phần».",
        "Each old commune's last standing on the 19 criteria, for reference; not added into the new commune's "
        "figures, which are assessed again on the 10 new criteria. A commune split between two new ones is "
        "marked «part».",
    ),
    "commune.old.col.name": ("Xã cũ", "Old commune"),
    "commune.old.col.level": ("Mức (năm)", "Level (year)"),
    "commune.old.col.criteria": ("Tiêu chí đạt", "Criteria met"),
    "commune.old.not_assessed": ("Không đánh giá NTM (thị trấn, phường)", "Not assessed (town or ward)"),
    "commune.part.partial": ("một phần", "part"),
    "commune.new.after": ("Từ 1/7/2025 thuộc xã mới: {names}.", "From 1 July 2025 part of the new commune: {names}."),
    "deck.closeout": ("Tổng kết giai đoạn {phase}", "Close-out of {phase}"),
    "deck.closeout.sources": ("Số liệu chính thức: {sources}.", "Official figures: {sources}."),
    "deck.new_phase": ("Giai đoạn mới {phase}", "The new phase, {phase}"),
    "deck.new_phase.numbers": (
        "Năm {year}: {ntm}/{communes} xã đạt chuẩn ({share}); bình quân {average}/{n} tiêu chí/xã.",
        "{year}: {ntm} of {communes} communes meet the standard ({share}); {average} of {n} criteria per "
        "commune on average.",
    ),
    "deck.progress.share": (
        "Tỷ lệ xã đạt chuẩn so với mục tiêu 2030",
        "Share meeting the standard against the 2030 targets",
    ),
    "deck.map.former": ("Bản đồ tỷ lệ xã đạt chuẩn theo huyện cũ", "Share meeting the standard by former district"),
    "deck.ranking.former": ("Xếp hạng theo huyện cũ", "Former district ranking"),
    "deck.source.data": ("Nguồn: {source} (phiên bản {version})", "Source: {source} (version {version})"),
    "deck.source.targets": ("Mục tiêu", "Targets"),
    "summary.title": ("Tóm tắt năm {year}", "{year} in brief"),
    "meta.header.demo": ("Dữ liệu minh họa", "Illustrative data"),
    "meta.header.stored": ("Dữ liệu đã nhập", "Imported data"),
    "meta.header.version": ("phiên bản {version}", "version {version}"),
    "meta.header.updated": ("cập nhật {date}", "updated {date}"),
    "meta.header.years": ("số liệu {years}", "data {years}"),
    "summary.year": (
        "Năm {year}{partial}: {ntm}/{communes} xã đạt chuẩn NTM ({share}), bình quân {average}/{n} tiêu chí mỗi xã.",
        "In {year}{partial}: {ntm} of {communes} communes meet the NTM standard ({share}), {average} of {n} "
        "criteria per commune on average.",
    ),
    "summary.partial": (
        " (mới có {reported}/{expected} xã báo cáo)",
        " (only {reported} of {expected} communes have reported)",
    ),
    "summary.first_year": ("Năm {year} là năm đầu tiên có số liệu.", "{year} is the first year with data."),
    "summary.change": (
        "So với năm {last} ({ntm_before}/{communes_before} xã, {share_before}): {standard}, {average}.",
        "Since {last} ({ntm_before} of {communes_before} communes, {share_before}): {standard}, {average}.",
    ),
    "summary.change.same_communes": (
        "So với năm {last}, trên {communes_before} xã có báo cáo cả hai năm ({ntm_before} xã đạt chuẩn năm {last}, "
        "{share_before}): {standard}, {average}.",
        "Since {last}, on the {communes_before} communes that reported both years ({ntm_before} meeting the "
        "standard in {last}, {share_before}): {standard}, {average}.",
    ),
    "summary.change.standard": ("{delta} xã đạt chuẩn ({points})", "{delta} communes meeting the standard ({points})"),
    "summary.change.standard.same": ("số xã đạt chuẩn không đổi", "communes meeting the standard unchanged"),
    "summary.change.standard.same_count": (
        "số xã đạt chuẩn không đổi ({points})",
        "communes meeting the standard unchanged ({points})",
    ),
    "summary.change.average": ("bình quân tiêu chí {average}", "average criteria {average}"),
    "summary.change.average.same": ("bình quân tiêu chí không đổi", "average criteria unchanged"),
    "summary.new_phase": (
        "Năm {year} là năm đầu của giai đoạn {phase}: {n} tiêu chí mới, đánh giá trên các xã mới, nên không nối "
        "tiếp số liệu năm {last}. Tổng kết giai đoạn {previous} (năm {last}, {n_before} tiêu chí, các xã cũ): "
        "{ntm_before}/{communes_before} xã đạt chuẩn ({share_before}).",
        "{year} is the first year of the {phase} phase: {n} new criteria, assessed on the new communes, so it does "
        "not continue the {last} figures. Close-out of {previous} ({last}, {n_before} criteria, the old communes): "
        "{ntm_before} of {communes_before} communes met the standard ({share_before}).",
    ),
    "summary.targets": ("Mục tiêu {year}: {groups}.", "{year} targets: {groups}."),
    "summary.status.reached": ("đã đạt", "reached"),
    "summary.status.on_track": ("đúng tiến độ", "on track"),
    "summary.status.behind": ("chậm tiến độ", "behind"),
    "summary.status.missed": ("không đạt", "missed"),
    "summary.status.no_pace": ("chưa đủ số liệu để đánh giá", "too early to judge"),
    "summary.national": ("quốc gia", "national"),
    "summary.movers.district": (
        "Huyện có tỷ lệ xã đạt chuẩn tăng nhiều nhất: {districts}.",
        "Districts whose share meeting the standard rose most: {districts}.",
    ),
    "summary.movers.former": (
        "Huyện cũ có tỷ lệ xã đạt chuẩn tăng nhiều nhất: {districts}.",
        "Former districts whose share meeting the standard rose most: {districts}.",
    ),
    "summary.fallers": ("Giảm: {districts}.", "Fell: {districts}."),
    "summary.unchanged.district": (
        "Tỷ lệ xã đạt chuẩn của các huyện không đổi.",
        "No district's share meeting the standard changed.",
    ),
    "summary.unchanged.former": (
        "Tỷ lệ xã đạt chuẩn của các huyện cũ không đổi.",
        "No former district's share meeting the standard changed.",
    ),
    "summary.extremes.district": (
        "Tỷ lệ xã đạt chuẩn cao nhất ở {high} ({high_share}), thấp nhất ở {low} ({low_share}).",
        "The share meeting the standard is highest in {high} ({high_share}) and lowest in {low} ({low_share}).",
    ),
    "summary.extremes.former": (
        "Theo huyện cũ, tỷ lệ xã đạt chuẩn cao nhất ở {high} ({high_share}), thấp nhất ở {low} ({low_share}).",
        "By former district, the share meeting the standard is highest in {high} ({high_share}) and lowest in "
        "{low} ({low_share}).",
    ),
    "summary.more": ("{names} và {count} huyện khác", "{names} and {count} more"),
    "summary.group": ("{status} {items}", "{status}: {items}"),
    "glossary.title": ("Từ điển tiêu chí nông thôn mới", "Glossary of the NTM criteria"),
    "glossary.intro": (
        "Mỗi giai đoạn có bộ tiêu chí và các mức đạt chuẩn riêng; năm {year} thuộc giai đoạn {phase} (thẻ đầu). "
        "Mô tả là tóm tắt để đọc nhanh: chỉ tiêu và ngưỡng cụ thể xem văn bản gốc.",
        "Each phase has its own criteria and levels; {year} belongs to {phase} (the first tab). The "
        "descriptions are short summaries: see the decision for the exact indicators and thresholds.",
    ),
    "glossary.tab": ("{phase} ({n} tiêu chí)", "{phase} ({n} criteria)"),
    "glossary.col.phase": ("Giai đoạn", "Phase"),
    "glossary.col.criteria": ("Số tiêu chí", "Criteria"),
    "glossary.col.levels": ("Các mức", "Levels"),
    "glossary.col.decision": ("Văn bản", "Decision"),
    "glossary.col.id": ("Số", "No."),
    "glossary.col.name": ("Tiêu chí", "Criterion"),
    "glossary.col.group": ("Nhóm", "Group"),
    "glossary.col.meaning": ("Yêu cầu (tóm tắt)", "What it asks (summary)"),
    "glossary.col.related": ("Gần tương ứng với tiêu chí {phase}", "Roughly covers the {phase} criteria"),
    "glossary.col.level": ("Mức", "Level"),
    "glossary.col.source": ("Văn bản", "Source"),
    "glossary.col.former_district": ("Huyện cũ", "Former district"),
    "glossary.col.basis": ("Căn cứ", "Basis"),
    "glossary.col.status": ("Tình trạng", "Status"),
    "glossary.related.help": (
        "Cột «gần tương ứng» do ứng dụng ghi để đọc nối hai giai đoạn (và để dựng dữ liệu minh họa), không phải "
        "văn bản chính thức; hai bộ tiêu chí không so sánh trực tiếp.",
        "The «roughly covers» column is the app's reading, to relate the two phases (and build the illustrative "
        "data), not an official table; the two sets are not directly comparable.",
    ),
    "glossary.levels": ("Các mức đạt chuẩn", "Levels"),
    "glossary.levels.unconfirmed": (
        "Chưa có văn bản xác nhận mức xã NTM nâng cao, kiểu mẫu tiếp tục trong giai đoạn 2026-2030 nên chưa đưa "
        "vào; khi có văn bản, các mức này sẽ hiện ở đây.",
        "Whether the advanced and model levels continue in 2026-2030 is not confirmed, so they are not listed; "
        "once it is, they will show here.",
    ),
    "glossary.groups": ("Nhóm xã (chỉ tiêu khác nhau theo nhóm)", "Commune groups (indicators differ by group)"),
    "glossary.groups.demo": (
        "Phân nhóm dưới đây là minh họa, do ứng dụng tự gán (tỉnh chưa có quyết định phân nhóm xã); khi có quyết "
        "định, phân nhóm chính thức sẽ hiện ở đây.",
        "The groups below are illustrative, assigned by the app (the province has not decided the groups yet); "
        "once it does, the official groups will show here.",
    ),
    "glossary.groups.none": (
        "Chưa có phân nhóm xã.",
        "No commune groups yet.",
    ),
    "glossary.sources": (
        "Nguồn: QĐ 491/QĐ-TTg (2009) và 342/QĐ-TTg (2013); QĐ 1980/QĐ-TTg (2016), 691/QĐ-TTg (2018); QĐ "
        "318/QĐ-TTg (2022); QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026); NQ 257/2025/QH15.",
        "Sources: QĐ 491/QĐ-TTg (2009) and 342/QĐ-TTg (2013); QĐ 1980/QĐ-TTg (2016), 691/QĐ-TTg (2018); QĐ "
        "318/QĐ-TTg (2022); QĐ 51/2025/QĐ-TTg (29 Dec 2025, in force 15 Feb 2026); NQ 257/2025/QH15.",
    ),
    # --- honest numbers (issues 14 and 15): reporting completeness, what a number counts, ranks -------------
    "coverage.complete": (
        "Đã báo cáo năm {year}: {reported}/{expected} xã",
        "Reported for {year}: {reported} of {expected} communes",
    ),
    "coverage.incomplete": (
        "**Chưa đủ báo cáo năm {year}: {reported}/{expected} xã**{districts_part}. Mọi số liệu của năm này chỉ "
        "tính trên {reported} xã đã báo cáo, chưa phải của {scope}.",
        "**Not everyone has reported for {year}: {reported} of {expected} communes**{districts_part}. Every "
        "figure of this year counts only the {reported} communes that reported, not {scope}.",
    ),
    "coverage.incomplete.none": (
        "**Chưa có báo cáo năm {year}: {reported}/{expected} xã**{districts_part}. Chưa có số liệu nào của "
        "{scope} cho năm này.",
        "**No report yet for {year}: {reported} of {expected} communes**{districts_part}. There are no figures "
        "for {scope} for this year yet.",
    ),
    "coverage.districts_reported": (
        " ({districts_reported}/{districts} huyện có báo cáo)",
        " ({districts_reported} of {districts} districts reported)",
    ),
    "coverage.scope.district": ("huyện đã chọn", "the chosen district"),
    "coverage.scope.province": ("toàn tỉnh", "the whole province"),
    "coverage.scope.districts": ("các huyện đã chọn", "the chosen districts"),
    "coverage.wards": (
        " {wards} phường không thuộc diện đánh giá NTM.",
        " The {wards} wards are not assessed under NTM.",
    ),
    "coverage.district": (
        "{district}: {reported}/{expected} xã đã báo cáo",
        "{district}: {reported} of {expected} communes reported",
    ),
    "coverage.none_from": ("Chưa có xã nào báo cáo: {items}", "No commune has reported yet in: {items}"),
    "coverage.partial": (
        "chỉ tính {reported}/{expected} xã đã báo cáo",
        "only the {reported} of {expected} communes that reported",
    ),
    "col.reported": ("Đã báo cáo", "Reported"),
    "overview.levels.highest": ("Xã theo mức đạt chuẩn (chỉ mức cao nhất)", "Communes by level (highest level only)"),
    "overview.levels.help": (
        "Mỗi xã được đếm một lần, ở mức cao nhất đã đạt. Các thẻ phía trên đếm “từ mức đó trở lên”: "
        "{standard} xã đạt chuẩn NTM = {parts}.",
        "Each commune counts once, at the highest level it reached. The cards above count “this level or "
        "higher”: {standard} communes meeting the standard = {parts}.",
    ),
    "overview.denominators": (
        "Mục tiêu đặt trên {planned} xã; năm {year} có {communes} xã được đánh giá. {sentence}",
        "The target was set on {planned} communes; {year} has {communes} communes assessed. {sentence}",
    ),
    "overview.districts.order": (
        "Xếp theo {metric}, cao nhất trước; dòng cuối là toàn tỉnh.",
        "Sorted by {metric}, highest first; the last row is the whole province.",
    ),
    "overview.selected.rank": (
        "{district}: hạng {rank}/{total} huyện về tỷ lệ xã đạt chuẩn ({value}; toàn tỉnh {province})",
        "{district}: {rank} of {total} districts on the share meeting the standard ({value}; province {province})",
    ),
    "overview.selected.unranked": (
        "{district}: chưa xếp hạng được, mới có {reported}/{total} huyện báo cáo năm {year} ({value}; các xã đã "
        "báo cáo {province})",
        "{district}: no rank yet, only {reported} of {total} districts reported for {year} ({value}; the "
        "communes that reported {province})",
    ),
    "overview.lagging.partial": (
        "Trong {reported}/{total} huyện có báo cáo, tỷ lệ xã đạt chuẩn thấp nhất: {names}",
        "Among the {reported} of {total} districts that reported, the lowest share meeting the standard: {names}",
    ),
    "districts.rank.partial": (
        "Năm {year} mới có {reported}/{total} huyện báo cáo: hạng chỉ tính trong các huyện đó.",
        "Only {reported} of {total} districts reported for {year}: ranks are among those only.",
    ),
    "districts.col.rank.of": ("{rank}/{total}", "{rank} of {total}"),
    "districts.rank.all": (
        "Hạng tính trên tất cả {total} huyện; chỉ hiện các huyện đã chọn.",
        "Ranks are among all {total} districts; only the chosen ones are shown.",
    ),
    "measure.communes_ntm": (
        "Số xã được công nhận đạt chuẩn NTM trở lên (gồm cả xã nâng cao, kiểu mẫu) trên số xã được đánh giá năm đó.",
        "Communes recognised as meeting the NTM standard or higher (advanced and model included), of the "
        "communes assessed that year.",
    ),
    "measure.avg_criteria": (
        "Trung bình số tiêu chí mỗi xã đạt, trên các xã được đánh giá năm đó.",
        "The average number of criteria a commune meets, over the communes assessed that year.",
    ),
    "measure.min_criteria": (
        "Số tiêu chí của xã đạt ít nhất trong các xã được đánh giá.",
        "The number of criteria met by the commune that meets the fewest.",
    ),
    "measure.communes_ntm_advanced": (
        "Số xã đạt chuẩn NTM nâng cao trở lên (gồm cả xã kiểu mẫu).",
        "Communes at the advanced level or higher (model communes included).",
    ),
    "measure.communes_ntm_model": ("Số xã đạt chuẩn NTM kiểu mẫu.", "Communes at the model level."),
    "measure.share_communes_ntm": (
        "Tỷ lệ xã đạt chuẩn NTM trở lên trên số xã được đánh giá (không tính phường).",
        "Share of the communes assessed (wards excluded) meeting the NTM standard or higher.",
    ),
    "measure.share_communes_ntm_advanced": (
        "Tỷ lệ xã đạt chuẩn NTM nâng cao trở lên trên số xã được đánh giá.",
        "Share of the communes assessed at the advanced level or higher.",
    ),
    "measure.share_communes_ntm_modern": (
        "Tỷ lệ xã đạt chuẩn NTM hiện đại trên số xã được đánh giá.",
        "Share of the communes assessed at the modern level.",
    ),
    # --- self-describing downloads (issue 15): the record every file carries (ntm/reports/metadata.py) ---
    "meta.file": ("Tệp", "File"),
    "meta.title": ("Tiêu đề", "Title"),
    "meta.scope": ("Phạm vi", "Scope"),
    "meta.year": ("Năm", "Year"),
    "meta.filters": ("Bộ lọc", "Filters"),
    "meta.filters.none": ("Không", "None"),
    "meta.source": ("Nguồn", "Source"),
    "meta.official": ("Số liệu chính thức", "Official figures"),
    "meta.version": ("Phiên bản dữ liệu", "Data version"),
    "meta.version_date": ("Ngày nhập phiên bản", "Version imported on"),
    "meta.made": ("Tạo tệp lúc", "File made"),
    "meta.notice.label": ("Lưu ý", "Note"),
    "meta.notice": (
        "Số liệu cấp xã trong tệp này là dữ liệu minh họa (sinh tự động, đã hiệu chỉnh theo số liệu tổng hợp "
        "chính thức của tỉnh), không phải số liệu chính thức của từng xã.",
        "Commune-level data in this file are illustrative (generated, calibrated to the province's official "
        "totals), not official figures for individual communes.",
    ),
    "meta.source.demo": ("Dữ liệu minh họa", "Illustrative data"),
    "meta.source.version": ("Dữ liệu đã nhập, phiên bản {version}", "Imported data, version {version}"),
    "meta.source.version.dated": (
        "Dữ liệu đã nhập, phiên bản {version} ngày {date}",
        "Imported data, version {version} of {date}",
    ),
    "meta.time": ("{date} {time} (giờ Việt Nam)", "{date} {time} (Vietnam time, UTC+7)"),
    "meta.heading": ("{scope} · năm {year}", "{scope} · {year}"),
    "meta.file.districts": ("{count} huyện", "{count} districts"),
    "meta.subject": (
        "Chương trình xây dựng nông thôn mới tỉnh Lạng Sơn",
        "New Rural Development programme, Lạng Sơn province",
    ),
    "meta.keywords": (
        "nông thôn mới; NTM; Lạng Sơn; tiêu chí; xã",
        "new rural development; NTM; Nông thôn mới; Lạng Sơn; criteria; communes",
    ),
    "meta.sheet": ("Thông tin", "Information"),
    "meta.sheet.item": ("Mục", "Item"),
    "meta.sheet.value": ("Nội dung", "Value"),
    "meta.readme.intro": (
        "Các tệp tải từ bảng điều khiển Nông thôn mới Lạng Sơn (NTM Lạng Sơn dashboard). Mỗi đoạn dưới đây "
        "mô tả một tệp: tiêu đề, phạm vi, năm, bộ lọc, nguồn, phiên bản dữ liệu và thời điểm tạo tệp.",
        "Files downloaded from the NTM Lạng Sơn dashboard (New Rural Development, Lạng Sơn). Each block below "
        "describes one file: title, scope, year, filters, source, data version and when the file was made.",
    ),
    "meta.title.communes": ("Danh sách xã và tiêu chí chưa đạt", "Communes and the criteria they do not meet"),
    "meta.title.districts": ("Kết quả nông thôn mới theo huyện", "New rural development results by district"),
    "meta.title.criteria": ("Số xã đạt từng tiêu chí", "Communes meeting each criterion"),
    "download.all": ("Tải tất cả (ZIP)", "Download everything (ZIP)"),
    "download.all.help": (
        "Biểu đồ (PNG, SVG, CSV), bảng số liệu (CSV, Excel) và tệp README.txt mô tả từng tệp.",
        "Charts (PNG, SVG, CSV), tables (CSV, Excel) and a README.txt describing each file.",
    ),
    # headers of the columns a download can hold under their internal names (ntm.reports.tables.HEADERS)
    "col.district_code": ("Mã huyện", "District code"),
    "col.former_district_code": ("Mã huyện cũ", "Former district code"),
    "col.code": ("Mã", "Code"),
    "col.name": ("Tên", "Name"),
    "col.label": ("Nhóm", "Category"),
    "col.value": ("Giá trị", "Value"),
    "col.value_text": ("Giá trị (như hiển thị)", "Value (as shown)"),
    "col.class_label": ("Khoảng giá trị", "Class"),
    "col.count": ("Số lượng", "Count"),
    "col.kind": ("Loại số liệu", "Series"),
    "col.denominator": ("Mẫu số (số xã)", "Denominator (communes)"),
    "col.source": ("Nguồn", "Source"),
    "col.note": ("Ghi chú", "Note"),
    "col.band": ("Mã nhóm", "Band code"),
    "col.order": ("Thứ tự", "Order"),
    "col.series": ("Chuỗi số liệu", "Series"),
    "col.status": ("Tình trạng", "Status"),
    "col.met_flag": ("Đạt", "Met"),
    "col.level_code": ("Mã mức đạt chuẩn", "Level code"),
    "col.recognised_year": ("Năm công nhận", "Year recognised"),
    "col.commune_group": ("Nhóm xã", "Commune group"),
}


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string for `key` in `lang`, with `values` filled in."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text
