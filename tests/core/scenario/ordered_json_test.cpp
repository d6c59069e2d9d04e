// Tests for scenario_json_detail::parseOrderedJson (core/scenario/json_reader.h): the document
// nlohmann's own parser builds, members in file order, and the same exceptions.
#include "core/scenario/json_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace jevons::core::scenario_json_detail {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(OrderedJson, BuildsWhatNlohmannBuildsInFileOrder) {
    for (const std::string& text :
         {readFile(std::string(JEVONS_FORECASTS_DIR) + "/default.json"),
          std::string(R"({"z": 1, "a": [1, -2, 3.5, 1e300, 18446744073709551615, true, null],
                          "m": {"q": {}, "b": [], "中文": "资料来源 \u00e9"}, "": [[[]]]})"),
          std::string("[]"), std::string("42"), std::string("\"s\"")}) {
        const Json mine = parseOrderedJson(text);
        const Json theirs = Json::parse(text);
        EXPECT_EQ(mine, theirs);
        EXPECT_EQ(mine.dump(), theirs.dump());  // the same order of members, too
    }
    const Json j = parseOrderedJson(R"({"z": 1, "a": 2, "m": 3})");
    std::string keys;
    for (const auto& [k, v] : j.items()) keys += k;
    EXPECT_EQ(keys, "zam");
}

TEST(OrderedJson, ThrowsWhatNlohmannThrows) {
    EXPECT_THROW((void)parseOrderedJson(R"({"a": [1, 2,]})"), Json::parse_error);
    EXPECT_THROW((void)parseOrderedJson(R"({"a": 1e999})"), Json::out_of_range);
    EXPECT_THROW((void)parseOrderedJson(""), Json::parse_error);
    try {
        (void)parseOrderedJson("{\n  \"a\": tru\n}");
        FAIL();
    } catch (const Json::parse_error& e) {
        EXPECT_EQ(e.byte, 13u);  // the same position as Json::parse reports
    }
}

}  // namespace
}  // namespace jevons::core::scenario_json_detail
