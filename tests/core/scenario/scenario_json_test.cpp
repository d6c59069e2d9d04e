// Tests for core/scenario/scenario_json.h: round trips, the bad-input fixtures, size limit and
// atomic saving.
#include "core/scenario/scenario_json.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace jevons::core {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

/// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "jevons-scenario-XXXXXX").string();
        m_path = ::mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return m_path / name; }
    /// Entries whose name contains ".tmp-" (left-over temporary files).
    [[nodiscard]] std::vector<std::string> tempFiles() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(m_path))
            if (e.path().filename().string().find(".tmp-") != std::string::npos)
                out.push_back(e.path().string());
        return out;
    }

private:
    fs::path m_path;
};

SeriesDef makeSeries(std::string id, Label label, Unit unit, SeriesKind kind) {
    SeriesDef s;
    s.id = std::move(id);
    s.label = std::move(label);
    s.unit = unit;
    s.kind = kind;
    return s;
}

ChartDef makeChart(std::string id, Label title, ChartType type) {
    ChartDef c;
    c.id = std::move(id);
    c.title = std::move(title);
    c.type = type;
    return c;
}

/// A scenario that uses every kind, every field and every chart type.
Scenario richScenario() {
    Scenario s;
    s.title = {"AI hardware: ASICs & <GPUs> \"2025\"", "AI硬件：ASIC、算力支出与AI眼镜"};
    s.author = "Strategy team";
    s.date = "2025-02-09";
    s.sources = {{"tf2025",
                  {"Consumer electronics: DeepSeek-R1", "消费电子：DeepSeek-R1降本增效"},
                  {"Tianfeng Securities (天风证券)", ""},
                  "2025-02-09",
                  "https://example.com/r?a=1&b=2"},
                 {"marvell", {"Marvell AI day", ""}, {}, "", ""}};
    s.years = {2023, 2030};

    const auto assumption = [](std::string id, Label label, std::string group, double value,
                               Unit unit, double min, double max, double step,
                               Provenance provenance = {}) {
        return Assumption{
            std::move(id), std::move(label),     std::move(group), value, unit, min, max,
            step,          std::move(provenance)};
    };
    s.assumptions = {
        assumption("asic_share_2023", {"ASIC share, 2023", "2023年ASIC份额"}, "ASIC market", 0.1,
                   Unit::Share, 0.05, 0.3, 0.005, {"tf2025", {"F3: ~10%", "图表3：约10%"}, {}}),
        assumption("asic_share_2028", {"ASIC share, 2028", ""}, "ASIC market", 0.25, Unit::Share,
                   0.1, 0.5, 0.005,
                   {"tf2025", {"F3: ASIC share expected to rise to 25%", ""}, {"a \"note\"", ""}}),
        assumption("asic_ceiling", {"Long-run ASIC share", "长期份额"}, "", 0.6, Unit::Share, 0.5,
                   0.9, 0.01),
        assumption("accel_2023", {"Accelerators, 2023", ""}, "Compute", 100.0, Unit::UsdBillion,
                   50.0, 200.0, 1.0, {"", {}, {"analyst's judgement", ""}}),
        assumption("accel_growth", {"Growth <to 2026> & beyond", ""}, "Compute", 0.2, Unit::Rate,
                   -0.5, 1.0, 0.01),
        assumption("elasticity", {"Elasticity", "弹性"}, "Jevons", 1.2, Unit::Multiple, 0.0, 3.0,
                   0.1),
        assumption("glasses_m", {"Glasses potential", ""}, "Glasses", 500.0, Unit::MillionUnits,
                   100.0, 1000.0, 10.0),
        assumption("launch_year", {"Launch", ""}, "Glasses", 2021.0, Unit::Year, 2015.0, 2025.0,
                   1.0),
        assumption("price_index", {"Index", ""}, "", 100.0, Unit::Index, 0.0, 200.0, 0.5),
        assumption("spend_m", {"Spend", ""}, "", 1234.5678901234567, Unit::UsdMillion, 0.0, 1e6,
                   0.1),
        assumption("plain", {"Plain", ""}, "", -3.25e-7, Unit::Number, -1.0, 1.0, 1e-9),
    };

    SeriesDef accel = makeSeries("accel_market", {"Accelerator market", "加速芯片市场"},
                                 Unit::UsdBillion, SeriesKind::Cagr);
    accel.start = YearPoint{2023, Param{"accel_2023"}};
    accel.segments = {{2026, Param{"accel_growth"}}, {2030, Param{0.1}}};

    SeriesDef share =
        makeSeries("asic_share", {"ASIC share", ""}, Unit::Share, SeriesKind::Logistic);
    share.params["ceiling"] = Param{"asic_ceiling"};
    share.points = {{2023, Param{"asic_share_2023"}}, {2028, Param{"asic_share_2028"}}};

    SeriesDef shareG = makeSeries("asic_share_g", {"ASIC share (Gompertz)", ""}, Unit::Share,
                                  SeriesKind::Gompertz);
    shareG.params = {
        {"ceiling", Param{0.7}}, {"midpoint", Param{2027.0}}, {"steepness", Param{0.5}}};

    SeriesDef market = makeSeries("asic_market", {"ASIC market", "ASIC市场"}, Unit::UsdBillion,
                                  SeriesKind::Formula);
    market.expr = "accel_market * asic_share";

    SeriesDef hist = makeSeries("hist", {"History", ""}, Unit::UsdBillion, SeriesKind::Points);
    hist.points = {{2023, Param{1.5}}, {2025, Param{2.5}}, {2030, Param{4.0}}};
    hist.interpolation = "log";

    SeriesDef flat = makeSeries("flat", {"Flat", ""}, Unit::Index, SeriesKind::Points);
    flat.points = {{2024, Param{"price_index"}}};

    SeriesDef linear = makeSeries("linear", {"Linear", ""}, Unit::Number, SeriesKind::Points);
    linear.points = {{2023, Param{0.0}}, {2030, Param{7.0}}};
    linear.interpolation = "linear";

    SeriesDef through =
        makeSeries("cagr_through", {"Through", ""}, Unit::UsdBillion, SeriesKind::Cagr);
    through.points = {{2023, Param{10.0}}, {2026, Param{20.0}}};
    through.segments = {{2030, Param{0.05}}};

    SeriesDef throughOnly =
        makeSeries("cagr_two", {"Two points", ""}, Unit::UsdBillion, SeriesKind::Cagr);
    throughOnly.points = {{2024, Param{1.0}}, {2029, Param{2.0}}};

    SeriesDef glasses =
        makeSeries("glasses", {"AI glasses", "AI眼镜"}, Unit::MillionUnits, SeriesKind::Bass);
    glasses.params = {{"p", Param{0.01}}, {"q", Param{0.4}}, {"m", Param{"glasses_m"}}};
    glasses.launch = 2021;
    glasses.form = "discrete";

    SeriesDef glasses2 =
        makeSeries("glasses_closed", {"AI glasses 2", ""}, Unit::MillionUnits, SeriesKind::Bass);
    glasses2.params = {{"p", Param{0.02}}, {"q", Param{0.3}}, {"m", Param{200.0}}};
    glasses2.launch = 2024;

    SeriesDef tokens = makeSeries("tokens", {"Token demand", ""}, Unit::Number, SeriesKind::Jevons);
    tokens.params = {{"base_demand", Param{100.0}},
                     {"base_cost", Param{2.0}},
                     {"cost_decline", Param{0.3}},
                     {"elasticity", Param{"elasticity"}}};
    tokens.baseYear = 2024;

    SeriesDef tokens2 =
        makeSeries("tokens2", {"Token demand 2", ""}, Unit::Number, SeriesKind::Jevons);
    tokens2.params = {
        {"base_demand", Param{5.0}}, {"cost_decline", Param{0.1}}, {"elasticity", Param{0.5}}};

    s.series = {accel,   share,       shareG,  market,   hist,   flat,   linear,
                through, throughOnly, glasses, glasses2, tokens, tokens2};

    s.anchors = {{"asic_market", 2028, 42.9, "tf2025", {"F4: US$42.9B", ""}, "asic_share_2028"},
                 {"glasses.cumulative", 2030, 100.0, "", {}, ""},
                 {"accel_market", 2023, 100.0, "marvell", {}, ""}};
    s.actuals = {{"glasses",
                  "tf2025",
                  {"quarters summed", ""},
                  {{2019, 0.3}, {2020, 1.0 / 3.0}, {2022, 2.5}}},
                 {"accel_market", "Company filings, \"10-K\"", {}, {{2021, 45.5}, {2022, 60.0}}}};

    ChartDef combo =
        makeChart("asic_combo", {"ASIC market & share", "ASIC市场与份额"}, ChartType::Combo);
    combo.series = {"asic_market"};
    combo.secondary = {"asic_share", "asic_share_g"};
    combo.fromYear = 2023;
    combo.toYear = 2030;
    combo.cagr = {{"asic_market", 2023, 2028}, {"accel_market", 2024, 2030}};
    combo.showAnchors = false;
    combo.sourceLine = {"Source: Marvell; Tianfeng", "资料来源：Marvell，天风证券"};
    ChartDef line = makeChart("line", {"Line", ""}, ChartType::Line);
    line.series = {"tokens", "tokens.spend", "tokens.unit_cost"};
    line.fromYear = 2025;
    ChartDef column = makeChart("column", {"Column", ""}, ChartType::Column);
    column.series = {"glasses"};
    column.toYear = 2029;
    column.sourceLine = {"", "只有中文"};
    ChartDef stacked = makeChart("stacked", {"Stacked", ""}, ChartType::StackedColumn);
    stacked.series = {"hist", "linear"};
    ChartDef area = makeChart("area", {"Area", ""}, ChartType::StackedArea);
    area.series = {"glasses.cumulative", "glasses_closed.cumulative"};
    s.charts = {combo, line, column, stacked, area};

    s.scenarios = {{"base", {"Base", "基准"}, {}, {}},
                   {"bull",
                    {"Bull", "乐观"},
                    {"Faster ASIC adoption & <more> \"capex\"", "更快的ASIC渗透"},
                    {{"asic_share_2028", 0.3}, {"accel_growth", 0.35}}},
                   {"bear", {"Bear", ""}, {}, {{"glasses_m", 300.0}}}};
    return s;
}

// --- Round trips -------------------------------------------------------------------------------

TEST(ScenarioJson, RichScenarioRoundTripsLosslessly) {
    const Scenario original = richScenario();
    const std::string text = serializeScenario(original);
    const Scenario parsed = parseScenario(text, "rich.json");
    EXPECT_EQ(parsed, original);
    EXPECT_EQ(serializeScenario(parsed), text);
}

TEST(ScenarioJson, SerializedTextIsCanonical) {
    const std::string text = serializeScenario(richScenario());
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    EXPECT_NE(text.find("\n  \"meta\": {\n    \"title\": {"), std::string::npos);
    // Top-level keys in the order of FORMAT.md.
    std::size_t last = 0;
    for (const char* key : {"\"schema\"", "\"meta\"", "\"years\"", "\"assumptions\"", "\"series\"",
                            "\"anchors\"", "\"actuals\"", "\"charts\"", "\"scenarios\""}) {
        const std::size_t at = text.find(std::string("\n  ") + key);
        ASSERT_NE(at, std::string::npos) << key;
        EXPECT_GT(at, last) << key;
        last = at;
    }
    // Assumptions keep their display order, not alphabetical.
    EXPECT_LT(text.find("\"asic_share_2023\": {"), text.find("\"accel_2023\": {"));
    // Chinese is written as UTF-8, not as \u escapes; markup characters are kept as they are.
    EXPECT_NE(text.find("AI硬件"), std::string::npos);
    EXPECT_NE(text.find("ASICs & <GPUs> \\\"2025\\\""), std::string::npos);
    // Empty optional fields are omitted.
    EXPECT_EQ(text.find("\"zh\": \"\""), std::string::npos);
    EXPECT_EQ(text.find("\"note\": \"\""), std::string::npos);
    EXPECT_EQ(text.find("\"url\": \"\""), std::string::npos);
    EXPECT_EQ(text.find("\"secondary\": []"), std::string::npos);
}

TEST(ScenarioJson, ActualsAreWrittenByYearUnderTheirSeries) {
    const std::string text = serializeScenario(richScenario());
    EXPECT_NE(text.find("\n  \"actuals\": {\n    \"glasses\": {\n      \"source\": \"tf2025\",\n"
                        "      \"note\": \"quarters summed\",\n      \"values\": {\n"
                        "        \"2019\": 0.3,\n"),
              std::string::npos);
    const Scenario parsed = parseScenario(text);
    ASSERT_NE(parsed.findActuals("glasses"), nullptr);
    EXPECT_EQ(parsed.findActuals("glasses")->values.at(2020), 1.0 / 3.0);
    EXPECT_EQ(parsed.findActuals("accel_market")->source, "Company filings, \"10-K\"");
    EXPECT_EQ(parsed.findActuals("asic_market"), nullptr);
}

TEST(ScenarioJson, LoadsActualsFromAFile) {
    const Scenario s =
        loadScenarioFile(std::string(JEVONS_TEST_DATA_DIR) + "/calibration/with_actuals.json");
    ASSERT_EQ(s.actuals.size(), 2u);
    EXPECT_EQ(s.actuals[0].series, "g");  // file order
    EXPECT_EQ(s.actuals[0].source, "tf");
    EXPECT_EQ(s.actuals[0].note, (Label{"quarters summed", ""}));  // a plain string: both languages
    EXPECT_EQ(s.actuals[0].values, (std::map<int, double>{{2022, 1.5}, {2023, 4.0}}));
    EXPECT_EQ(s.actuals[1].series, "a");
    EXPECT_EQ(s.actuals[1].source, "Company filings");
    EXPECT_NEAR(s.actuals[1].values.at(2021), 0.5, 1e-15);
}

TEST(ScenarioJson, YearsOfActualsAreSortedOnLoad) {
    Scenario s = richScenario();
    std::string text = serializeScenario(s);
    const std::string sorted = "\"2021\": 45.5,\n        \"2022\": 60.0";
    const std::size_t at = text.find(sorted);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, sorted.size(), "\"2022\": 60.0,\n        \"2021\": 45.5");
    const Scenario parsed = parseScenario(text);
    EXPECT_EQ(parsed, s);
    EXPECT_EQ(serializeScenario(parsed), serializeScenario(s));
}

TEST(ScenarioJson, ActualYearsAreFourDigitsWithoutLeadingZero) {
    // Years 1040-1060 let 999 lie within the 50 years before; "0999" would be saved as "999"
    // and then not load again, so it is refused.
    const std::string text = R"({
        "schema": 1, "meta": { "title": { "en": "t" } }, "years": { "first": 1040, "last": 1060 },
        "series": { "a": { "label": { "en": "A" }, "unit": "number", "kind": "points",
                           "points": [ { "year": 1050, "value": 3 } ] } },
        "actuals": { "a": { "source": "s", "values": { "0999": 1 } } } })";
    try {
        (void)parseScenario(text);
        FAIL() << "0999 was accepted";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.path(), "actuals.a.values.0999");
        EXPECT_NE(std::string(e.what()).find("'0999' is not a year"), std::string::npos)
            << e.what();
    }
    const Scenario ok = parseScenario(std::string(text).replace(text.find("0999"), 4, "1000"));
    EXPECT_EQ(ok.actuals.at(0).values.at(1000), 1.0);
}

TEST(ScenarioJson, NoActualsSectionWithoutActuals) {
    Scenario s = richScenario();
    s.actuals.clear();
    EXPECT_EQ(serializeScenario(s).find("actuals"), std::string::npos);
}

TEST(ScenarioJson, MinimalScenarioRoundTrips) {
    Scenario s;
    s.title = {"Minimal", ""};
    s.years = {2024, 2024};
    s.scenarios = {{"base", {"Base", ""}, {}, {}}};
    const std::string text = serializeScenario(s);
    EXPECT_EQ(parseScenario(text), s);
    EXPECT_EQ(serializeScenario(parseScenario(text)), text);
}

TEST(ScenarioJson, DoublesRoundTripExactly) {
    Scenario s = richScenario();
    const double values[] = {0.1,    1.0 / 3.0,          2.0 / 3.0, 1e-300, 123456789.123456789,
                             5e-324, 0.30000000000000004};
    for (const double v : values) {
        s.assumptions.back().value = v;
        s.assumptions.back().max = std::max(1.0, v);
        const Scenario parsed = parseScenario(serializeScenario(s));
        EXPECT_EQ(parsed.assumptions.back().value, v);
    }
}

TEST(ScenarioJson, EveryShippedForecastRoundTrips) {
    const fs::path dir = fs::path(JEVONS_SOURCE_DIR) / "forecasts";
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json" || name.ends_with(".schema.json")) continue;
        SCOPED_TRACE(entry.path().string());
        ++count;
        const Scenario loaded = loadScenarioFile(entry.path().string());
        const std::string text = serializeScenario(loaded);
        const Scenario reparsed = parseScenario(text, entry.path().string());
        EXPECT_EQ(reparsed, loaded);
        EXPECT_EQ(serializeScenario(reparsed), text);
    }
    if (count == 0) GTEST_SKIP() << "no forecasts/*.json yet";
}

// checkLoadable (the model editor's check before an edit becomes the document) refuses what
// the loader would refuse of the written file, at the same JSON path, without a line; and two
// items sharing an id, which the written file could not even hold (one would be lost).
TEST(ScenarioJson, CheckLoadableRefusesWhatTheLoaderWould) {
    const Scenario good =
        loadScenarioFile((fs::path(JEVONS_SOURCE_DIR) / "forecasts" / "default.json").string());
    EXPECT_NO_THROW(checkLoadable(good));
    EXPECT_NO_THROW(checkLoadable(richScenario()));

    const auto pathOf = [](const auto& check, bool fromText = false) -> std::string {
        try {
            check();
        } catch (const ScenarioError& e) {
            EXPECT_EQ(e.line() != 0, fromText) << e.what();
            return e.path();
        }
        return "(accepted)";
    };
    std::vector<std::pair<std::string, Scenario>> bad;
    Scenario outOfDomain = good;
    outOfDomain.findAssumption("asic_share_2028")->value = 1.5;  // a share above 100%
    bad.emplace_back("a share of 150%", outOfDomain);
    Scenario unknownName = good;
    for (SeriesDef& d : unknownName.series)
        if (d.kind == SeriesKind::Formula) {
            d.expr = "nope * 2";
            break;
        }
    bad.emplace_back("a formula naming nothing", unknownName);
    Scenario notANumber = good;
    notANumber.findAssumption("accel_2028")->value = std::nan("");
    bad.emplace_back("NaN", notANumber);
    for (const auto& [what, s] : bad) {
        SCOPED_TRACE(what);
        const std::string viaText =
            pathOf([&] { (void)parseScenario(serializeScenario(s)); }, true);
        const std::string direct = pathOf([&] { checkLoadable(s); });
        EXPECT_NE(viaText, "(accepted)");
        EXPECT_EQ(direct, viaText);
    }

    Scenario twice = good;
    twice.series.push_back(twice.series.front());
    EXPECT_LT(parseScenario(serializeScenario(twice)).series.size(), twice.series.size());
    EXPECT_EQ(pathOf([&] { checkLoadable(twice); }), "series." + twice.series.front().id);
}

TEST(ScenarioJson, ImplicitBaseScenarioWhenScenariosAbsent) {
    std::string text = serializeScenario(richScenario());
    const std::size_t at = text.find(",\n  \"scenarios\"");
    ASSERT_NE(at, std::string::npos);
    text = text.substr(0, at) + "\n}\n";
    const Scenario s = parseScenario(text);
    ASSERT_EQ(s.scenarios.size(), 1u);
    EXPECT_EQ(s.scenarios[0].id, "base");
    EXPECT_TRUE(s.scenarios[0].overrides.empty());
}

TEST(ScenarioJson, AcceptsOptionalSectionsAbsentAndWholeNumbers) {
    const Scenario s = parseScenario(R"({
        "schema": 1,
        "meta": { "title": { "en": "t" } },
        "years": { "first": 2023, "last": 2025.0 },
        "series": { "a": { "label": { "en": "A" }, "unit": "number", "kind": "points",
                           "points": [ { "year": 2024, "value": 3 } ] } }
    })");
    EXPECT_EQ(s.years.last, 2025);
    EXPECT_TRUE(s.assumptions.empty());
    EXPECT_TRUE(s.anchors.empty());
    EXPECT_TRUE(s.charts.empty());
    ASSERT_EQ(s.series.size(), 1u);
    EXPECT_EQ(s.series[0].points[0].value, Param{3.0});
}

TEST(ScenarioJson, SerializeRefusesInvalidUtf8WithPath) {
    Scenario s = richScenario();
    s.series[1].label.zh = "bad \xC3\x28 text";
    try {
        (void)serializeScenario(s);
        FAIL() << "expected ScenarioError";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.path(), "series.asic_share.label.zh");
        EXPECT_NE(std::string(e.what()).find("not valid UTF-8"), std::string::npos);
    }
}

// --- Bad input ---------------------------------------------------------------------------------

struct BadCase {
    std::string file;                   ///< fixture in tests/data/bad/
    std::string path;                   ///< expected JSON path
    std::vector<std::string> contains;  ///< expected fragments of the message
    int line = 0;                       ///< expected line (0 = not checked)
    int column = 0;                     ///< expected column (0 = not checked)
};

void PrintTo(const BadCase& c, std::ostream* out) { *out << c.file; }

class ScenarioJsonBadInput : public testing::TestWithParam<BadCase> {};

TEST_P(ScenarioJsonBadInput, IsRefusedWithFilePathAndPlainWords) {
    const BadCase& c = GetParam();
    const std::string path = std::string(JEVONS_TEST_DATA_DIR) + "/bad/" + c.file;
    try {
        (void)loadScenarioFile(path);
        FAIL() << c.file << " was accepted";
    } catch (const ScenarioError& e) {
        const std::string what = e.what();
        SCOPED_TRACE(what);
        EXPECT_EQ(e.file(), path);
        EXPECT_NE(what.find(c.file), std::string::npos);
        EXPECT_EQ(e.path(), c.path);
        if (!c.path.empty()) {
            EXPECT_NE(what.find(c.path + ": "), std::string::npos);
        }
        EXPECT_GT(e.line(), 0);
        EXPECT_GT(e.column(), 0);
        if (c.line > 0) {
            EXPECT_EQ(e.line(), c.line);
        }
        if (c.column > 0) {
            EXPECT_EQ(e.column(), c.column);
        }
        for (const auto& fragment : c.contains)
            EXPECT_NE(what.find(fragment), std::string::npos) << fragment;
    }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(ScenarioBadFiles, ScenarioJsonBadInput, testing::Values(
    BadCase{"syntax_trailing_comma.json", "series.a.points[1]",
            {"not valid JSON at line 8, column 49", "unexpected ']'"}, 8, 49},
    BadCase{"syntax_truncated.json", "series.a", {"not valid JSON at line 7", "end of input"}, 7, 0},
    BadCase{"invalid_utf8.json", "meta.title.zh", {"not valid UTF-8 at line 3, column 34", "save it as UTF-8"}, 3, 34},
    BadCase{"number_overflow.json", "assumptions.x.value", {"too large", "line 6, column 45"}, 6, 45},
    BadCase{"schema_missing.json", "schema", {"'schema' is missing", "reads schema 1"}},
    BadCase{"schema_unsupported.json", "schema", {"schema 2 is not supported", "reads schema 1"}, 1, 13},
    BadCase{"wrong_type.json", "assumptions.x.value", {"expected a number, found a string"}, 6, 45},
    BadCase{"missing_field.json", "assumptions.x", {"required field 'unit' is missing"}, 6, 10},
    BadCase{"missing_meta.json", "", {"required field 'meta' is missing"}, 1, 1},
    BadCase{"unknown_field.json", "series.s.celing",
            {"unknown field 'celing'", "did you mean 'ceiling'?"}},
    BadCase{"unknown_top_level.json", "assumption", {"unknown field 'assumption'", "did you mean 'assumptions'?"}},
    BadCase{"unknown_kind.json", "series.s.kind",
            {"unknown series kind 'logisitc'", "points, cagr, logistic, gompertz, bass, jevons, formula"}},
    BadCase{"unknown_unit.json", "assumptions.x.unit",
            {"unknown unit 'percent'", "number, US$B, US$M, M units, share, rate, year, x, index"}},
    BadCase{"duplicate_key.json", "assumptions.x", {"'x' appears twice"}, 13, 5},
    BadCase{"duplicate_nested_key.json", "series.s.unit", {"'unit' appears twice"}},
    BadCase{"duplicate_id_assumption_series.json", "series.x", {"names both an assumption and a series"}},
    BadCase{"duplicate_source.json", "meta.sources[1].id", {"'tf' is used twice"}},
    BadCase{"unknown_assumption_param.json", "series.s.through[1].value",
            {"'share_2028' is not an assumption", "did you mean 'share_2029'?"}},
    BadCase{"param_names_series.json", "series.s.ceiling", {"'other' is a series"}},
    BadCase{"unknown_anchor_series.json", "anchors[0].series", {"'nope' is not a series"}},
    BadCase{"unknown_anchor_source.json", "anchors[0].source", {"'nowhere' is not one of the sources"}},
    BadCase{"unknown_anchor_drives.json", "anchors[0].drives", {"'nope' is not an assumption"}},
    BadCase{"unknown_chart_series.json", "charts.c.series[1]", {"'missing' is not a series"}},
    BadCase{"unknown_cagr_series.json", "charts.c.cagr[0].series", {"'missing' is not a series"}},
    BadCase{"unknown_override.json", "scenarios.bull.overrides.nope", {"'nope' is not an assumption"}},
    BadCase{"unknown_provenance_source.json", "assumptions.x.provenance.source", {"'tf' is not one of the sources"}},
    BadCase{"anchor_year_outside.json", "anchors[0].year", {"2040 is outside the years this forecast covers (2023–2030)"}},
    BadCase{"chart_year_outside.json", "charts.c.years[1]", {"2031 is outside"}},
    BadCase{"cagr_year_outside.json", "charts.c.cagr[0].from", {"2020 is outside"}},
    BadCase{"cagr_outside_chart.json", "charts.c.cagr[0]", {"outside the chart's years 2025–2030"}},
    BadCase{"point_year_far.json", "series.s.points[0].year", {"1900 is too far", "1973 and 2080"}},
    BadCase{"points_not_increasing.json", "series.s.points[1]", {"the years must increase"}},
    BadCase{"bass_launch_far.json", "series.s.launch", {"1960 is too far"}},
    BadCase{"years_inverted.json", "years", {"the first year 2030 is after the last year 2023"}},
    BadCase{"years_too_long.json", "years", {"span 201 years", "at most 200"}},
    BadCase{"year_not_whole.json", "years.first", {"expected a year such as 2025, found the number 2023.5"}},
    BadCase{"share_above_one.json", "assumptions.x.value", {"1.5 is above 1", "share"}},
    BadCase{"rate_minus_100.json", "assumptions.x.min", {"fall of 100% or more"}},
    BadCase{"money_negative.json", "assumptions.x.value", {"-5 is negative", "money"}},
    BadCase{"min_above_max.json", "assumptions.x.min", {"min 0.5 is above max 0.1"}},
    BadCase{"value_outside_range.json", "assumptions.x.value", {"0.7 is outside its editing range 0.1–0.5"}},
    BadCase{"step_zero.json", "assumptions.x.step", {"step must be above 0"}},
    BadCase{"anchor_negative_money.json", "anchors[0].value", {"-1 is negative"}},
    BadCase{"anchor_negative_volume_output.json", "anchors[0].value", {"-2 is negative", "a volume"}},
    BadCase{"override_out_of_domain.json", "scenarios.bull.overrides.x", {"1.2 is above 1"}},
    BadCase{"base_missing.json", "scenarios", {"'base' scenario is missing"}},
    BadCase{"base_overrides.json", "scenarios.base.overrides", {"base scenario cannot override"}},
    BadCase{"secondary_not_combo.json", "charts.c.secondary", {"only a combo chart"}},
    BadCase{"cagr_start_and_through.json", "series.s", {"not both"}},
    BadCase{"through_three_points.json", "series.s.through", {"exactly two points, found 3"}},
    BadCase{"bad_id.json", "assumptions.my-share", {"must start with a letter"}},
    BadCase{"bad_interpolation.json", "series.a.interpolation", {"'cubic' is not a valid interpolation", "linear, log"}},
    BadCase{"not_an_object.json", "", {"expected an object", "found a list"}},
    BadCase{"model_cycle.json", "series.a", {"a"}},
    BadCase{"model_unknown_formula_ref.json", "series.a.expr", {"nope"}},
    BadCase{"actuals_unknown_series.json", "actuals.glases", {"'glases' is not a series"}, 81, 15},
    BadCase{"actuals_duplicate_year.json", "actuals.g.values.2023", {"the year 2023 is given twice"}, 86, 9},
    BadCase{"actuals_null_value.json", "actuals.g.values.2023", {"expected a number, found null", "leave a year out"}, 85, 17},
    BadCase{"actuals_overflow.json", "actuals.g.values.2023", {"too large", "line 85, column 17"}, 85, 17},
    BadCase{"actuals_negative.json", "actuals.g.values.2022", {"-3 is negative", "a volume"}, 84, 17},
    BadCase{"actuals_not_a_year.json", "actuals.g.values.2022Q1", {"'2022Q1' is not a year"}, 84, 19},
    BadCase{"actuals_after_forecast.json", "actuals.g.values.2031", {"2031 is outside the years actuals may have (1973–2030"}, 84, 17},
    BadCase{"actuals_no_source.json", "actuals.g.source", {"say where the actuals come from"}, 82, 17}
));
// clang-format on

TEST(ScenarioJson, SyntaxErrorColumnCountsCharactersNotBytes) {
    const std::string text = "{\n  \"meta\": { \"title\": { \"zh\": \"中文\" } ]\n}\n";
    try {
        (void)parseScenario(text, "cn.json");
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_EQ(e.column(), 37);  // the ']' after 中文: counting bytes would give 41
        EXPECT_NE(std::string(e.what()).find("cn.json:2:37: "), std::string::npos);
    }
}

TEST(ScenarioJson, MissingFileNamesFileAndReason) {
    const std::string path = "/nonexistent-dir/forecast.json";
    try {
        (void)loadScenarioFile(path);
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos);
    }
}

TEST(ScenarioJson, DirectoryIsNotAScenarioFile) {
    TempDir dir;
    EXPECT_THROW((void)loadScenarioFile(dir.path().string()), ScenarioError);
}

TEST(ScenarioJson, HugeFileIsRefusedBeforeReading) {
    TempDir dir;
    const std::string path = (dir / "huge.json").string();
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, 50LL * 1024 * 1024), 0);  // sparse: no disk blocks, reads as zeros
    ::close(fd);
    const auto start = std::chrono::steady_clock::now();
    try {
        (void)loadScenarioFile(path);
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find("larger than the 16 MiB limit"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("huge.json"), std::string::npos);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
}

// --- Saving ------------------------------------------------------------------------------------

TEST(ScenarioJson, SaveWritesCanonicalTextAndLoadsBack) {
    TempDir dir;
    const std::string path = (dir / "f.json").string();
    const Scenario s = richScenario();
    saveScenarioFile(s, path);
    EXPECT_EQ(readFile(path), serializeScenario(s));
    EXPECT_EQ(loadScenarioFile(path), s);
    EXPECT_TRUE(dir.tempFiles().empty());
    const auto perms = fs::status(path).permissions();
    EXPECT_EQ(perms & fs::perms::others_read, fs::perms::others_read);
}

TEST(ScenarioJson, SaveReplacesAnExistingFileKeepingItsMode) {
    TempDir dir;
    const std::string path = (dir / "f.json").string();
    writeFile(path, "old content");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    Scenario s = richScenario();
    saveScenarioFile(s, path);
    EXPECT_EQ(readFile(path), serializeScenario(s));
    EXPECT_EQ(fs::status(path).permissions(), fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_TRUE(dir.tempFiles().empty());
}

TEST(ScenarioJson, SaveIntoMissingDirectoryThrowsAndLeavesNothing) {
    TempDir dir;
    const std::string path = (dir / "missing" / "f.json").string();
    try {
        saveScenarioFile(richScenario(), path);
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(dir / "missing"));
    EXPECT_TRUE(dir.tempFiles().empty());
}

TEST(ScenarioJson, SaveUnderAFileUsedAsDirectoryThrows) {
    TempDir dir;
    writeFile(dir / "plain", "x");
    EXPECT_THROW(saveScenarioFile(richScenario(), (dir / "plain" / "f.json").string()),
                 ScenarioError);
    EXPECT_EQ(readFile(dir / "plain"), "x");
    EXPECT_TRUE(dir.tempFiles().empty());
}

TEST(ScenarioJson, SaveIntoProcThrows) {
    EXPECT_THROW(saveScenarioFile(richScenario(), "/proc/jevons-test.json"), ScenarioError);
}

TEST(ScenarioJson, FailedRenameOverDirectoryLeavesItAndNoTempFile) {
    TempDir dir;
    fs::create_directory(dir / "f.json");
    writeFile(dir / "f.json" / "inside", "keep");
    try {
        saveScenarioFile(richScenario(), (dir / "f.json").string());
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find("could not save"), std::string::npos);
    }
    EXPECT_EQ(readFile(dir / "f.json" / "inside"), "keep");
    EXPECT_TRUE(dir.tempFiles().empty());
}

TEST(ScenarioJson, FailedWriteLeavesOldFileByteIdentical) {
    TempDir dir;
    const std::string path = (dir / "f.json").string();
    const std::string old = "{ \"old\": true }\n";
    writeFile(path, old);
    // Make write() fail part-way with EFBIG even for root: a 64-byte file size limit.
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 64;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    bool threw = false;
    std::string message;
    try {
        saveScenarioFile(richScenario(), path);
    } catch (const ScenarioError& e) {
        threw = true;
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    EXPECT_TRUE(threw);
    EXPECT_NE(message.find("File too large"), std::string::npos) << message;
    EXPECT_EQ(readFile(path), old);
    EXPECT_TRUE(dir.tempFiles().empty());
}

TEST(ScenarioJson, SaveThatCannotSerializeLeavesOldFile) {
    TempDir dir;
    const std::string path = (dir / "f.json").string();
    writeFile(path, "old");
    Scenario s = richScenario();
    s.author = "\xFF";
    EXPECT_THROW(saveScenarioFile(s, path), ScenarioError);
    EXPECT_EQ(readFile(path), "old");
    EXPECT_TRUE(dir.tempFiles().empty());
}

}  // namespace
}  // namespace jevons::core
