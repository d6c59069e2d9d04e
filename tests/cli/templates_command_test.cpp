// `jevons-cli templates` and `jevons-cli new` (issue 14), in process.
#include "app/cli/templates_command.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
const std::string kForecasts = JEVONS_FORECASTS_DIR;

struct CliRun {
    int code = 0;
    std::string out, err;
};

CliRun templates(std::vector<std::string> options) {
    std::vector<std::string> args{"jevons-cli", "templates"};
    args.insert(args.end(), options.begin(), options.end());
    std::ostringstream out, err;
    const int code = runTemplatesCommand(args, out, err);
    return {code, out.str(), err.str()};
}

CliRun create(std::vector<std::string> options) {
    std::vector<std::string> args{"jevons-cli", "new"};
    args.insert(args.end(), options.begin(), options.end());
    std::ostringstream out, err;
    const int code = runNewCommand(args, out, err);
    return {code, out.str(), err.str()};
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("jevons-templates-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

TEST(TemplatesCommand, ListsBlankTheTemplatesAndTheDefaultWithDescriptions) {
    const CliRun r = templates({"--dir", kForecasts});
    ASSERT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    std::vector<std::string> names;
    for (std::string line; std::getline(lines, line);) {
        const auto tab = line.find('\t');
        names.push_back(line.substr(0, tab));
        const auto second = line.find('\t', tab + 1);
        ASSERT_NE(second, std::string::npos) << line;
        EXPECT_GT(line.size(), second + 10) << "no description: " << line;
        EXPECT_EQ(line.find("cannot be used"), std::string::npos) << line;
    }
    const std::vector<std::string> expected{"blank",        "adoption_s_curve", "efficiency_demand",
                                            "market_share", "spend_by_company", "default"};
    EXPECT_EQ(names, expected);
    const CliRun zh = templates({"--dir", kForecasts, "--lang", "zh"});
    EXPECT_NE(zh.out.find("blank\t空白预测\t"), std::string::npos) << zh.out;
    EXPECT_EQ(templates({"--lang", "fr"}).code, 2);
    EXPECT_EQ(templates({"--colour", "red"}).code, 2);
}

TEST(TemplatesCommand, ABrokenTemplateIsListedWithTheLoadersMessage) {
    const fs::path dir = scratch("broken");
    fs::create_directories(dir / "templates");
    std::ofstream(dir / "templates" / "bad.json") << "{\n  \"schema\": 1,\n  \"meta\": {}\n}\n";
    const CliRun r = templates({"--dir", dir.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("bad\tbad\tcannot be used: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad.json"), std::string::npos) << r.out;  // the file is named
    EXPECT_NE(r.out.find("title"), std::string::npos) << r.out;     // and the missing field
    const CliRun made =
        create({"--dir", dir.string(), "--template", "bad", "-o", (dir / "out.json").string()});
    EXPECT_EQ(made.code, 1);
    EXPECT_FALSE(fs::exists(dir / "out.json"));
}

// Every template written by `new` loads, evaluates in every scenario and saves byte for byte the
// same as the template file itself.
TEST(NewCommand, WritesEachTemplateAsTheFileItIs) {
    const fs::path dir = scratch("new");
    for (const char* name :
         {"market_share", "adoption_s_curve", "spend_by_company", "efficiency_demand", "default"}) {
        const fs::path out = dir / (std::string(name) + ".json");
        const CliRun r = create({"--dir", kForecasts, "--template", name, "-o", out.string()});
        ASSERT_EQ(r.code, 0) << name << ": " << r.err;
        const auto scenario = jevons::core::loadScenarioFile(out.string());
        const auto model = jevons::core::Model::compile(scenario);
        for (const auto& s : scenario.scenarios) {
            const jevons::core::Evaluator e(model, s.id);
            for (const auto& series : scenario.series) {
                const Eigen::ArrayXd v = e.values(series.id);
                EXPECT_TRUE(v.isFinite().any()) << name << " " << s.id << " " << series.id;
            }
        }
        const fs::path shipped =
            std::string(name) == "default"
                ? fs::path(kForecasts) / "default.json"
                : fs::path(kForecasts) / "templates" / (std::string(name) + ".json");
        EXPECT_EQ(jevons::core::serializeScenario(scenario),
                  jevons::core::serializeScenario(jevons::core::loadScenarioFile(shipped.string())))
            << name;
    }
}

TEST(NewCommand, BlankStartsInTheYearAskedWithNothingInIt) {
    const fs::path out = scratch("blank") / "blank.json";
    const CliRun r = create(
        {"--dir", kForecasts, "--template", "blank", "--first-year", "2027", "-o", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto s = jevons::core::loadScenarioFile(out.string());
    EXPECT_EQ(s.years.first, 2027);
    EXPECT_EQ(s.years.last, 2032);
    EXPECT_TRUE(s.series.empty());
    EXPECT_TRUE(s.assumptions.empty());
    EXPECT_EQ(s.title.zh, "未命名预测");
}

TEST(NewCommand, UsageErrors) {
    const std::string out = (scratch("usage") / "x.json").string();
    const CliRun unknown = create({"--dir", kForecasts, "--template", "hbm", "-o", out});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("there is no template 'hbm'; known: blank, "), std::string::npos)
        << unknown.err;
    EXPECT_EQ(create({"--template", "blank"}).code, 2);  // no -o
    EXPECT_EQ(create({"-o", out}).code, 2);              // no --template
    EXPECT_EQ(create({"--template", "blank", "--first-year", "soon", "-o", out}).code, 2);
    EXPECT_FALSE(fs::exists(out));
    // A folder that cannot be written to: exit 1 with the reason.
    const CliRun unwritable =
        create({"--dir", kForecasts, "--template", "blank", "-o", "/proc/no/such/dir/x.json"});
    EXPECT_EQ(unwritable.code, 1);
    EXPECT_FALSE(unwritable.err.empty());
}

}  // namespace
