// Tests for core/scenario/json_locator.h.
#include "core/scenario/json_locator.h"

#include <gtest/gtest.h>

#include <ostream>

namespace jevons::core {
void PrintTo(const TextPosition& p, std::ostream* out) { *out << p.line << ":" << p.column; }

namespace {

constexpr std::string_view kText = R"({
  "series": {
    "asic_share": {
      "label": { "en": "ASIC", "zh": "份额" },
      "through": [ { "year": 2023, "value": 0.1 },
                   { "year": 2028, "value": "asic_2028" } ]
    }
  },
  "list": [[1, 2], [3]],
  "empty": {}, "none": [], "t": true
})";

TEST(JsonLocator, FindsValuesByDottedPath) {
    const JsonLocator locator(kText);
    EXPECT_EQ(locator.locate(""), (TextPosition{1, 1}));
    EXPECT_EQ(locator.locate("series"), (TextPosition{2, 13}));
    EXPECT_EQ(locator.locate("series.asic_share"), (TextPosition{3, 19}));
    EXPECT_EQ(locator.locate("series.asic_share.label.zh"), (TextPosition{4, 38}));
    EXPECT_EQ(locator.locate("series.asic_share.through"), (TextPosition{5, 18}));
    EXPECT_EQ(locator.locate("series.asic_share.through[0]"), (TextPosition{5, 20}));
    EXPECT_EQ(locator.locate("series.asic_share.through[1]"), (TextPosition{6, 20}));
    EXPECT_EQ(locator.locate("series.asic_share.through[1].value"), (TextPosition{6, 45}));
    EXPECT_EQ(locator.locate("list[0][1]"), (TextPosition{9, 16}));
    EXPECT_EQ(locator.locate("list[1][0]"), (TextPosition{9, 21}));
    EXPECT_EQ(locator.locate("empty"), (TextPosition{10, 12}));
    EXPECT_EQ(locator.locate("none"), (TextPosition{10, 24}));
    EXPECT_EQ(locator.locate("t"), (TextPosition{10, 33}));
    EXPECT_TRUE(locator.contains("list[1]"));
    EXPECT_FALSE(locator.contains("list[2]"));
    EXPECT_TRUE(locator.duplicateKeys().empty());
}

TEST(JsonLocator, ColumnsCountCharactersNotBytes) {
    const JsonLocator locator(R"({"中文": "汉字", "k": 1})");
    EXPECT_EQ(locator.locate("中文"), (TextPosition{1, 8}));
    EXPECT_EQ(locator.locate("k"), (TextPosition{1, 19}));
}

TEST(JsonLocator, MissingPathFallsBackToNearestEnclosingValue) {
    const JsonLocator locator(kText);
    EXPECT_EQ(locator.locate("series.asic_share.ceiling"), (TextPosition{3, 19}));
    EXPECT_EQ(locator.locate("series.asic_share.through[7].year"), (TextPosition{5, 18}));
    EXPECT_EQ(locator.locate("nothing.at.all"), (TextPosition{1, 1}));
}

TEST(JsonLocator, MatchesEscapedKeysAsDecoded) {
    const JsonLocator locator(R"({"a\"b": 1, "\u4e2d\u6587": 2, "\ud83d\ude00": 3, "x\/y\n": 4})");
    EXPECT_TRUE(locator.contains("a\"b"));
    EXPECT_TRUE(locator.contains("中文"));
    EXPECT_TRUE(locator.contains("\xF0\x9F\x98\x80"));
    EXPECT_TRUE(locator.contains("x/y\n"));
}

TEST(JsonLocator, StringsMayContainStructuralCharacters) {
    const JsonLocator locator(R"({"a": "}],{[:\"", "b": [1]})");
    EXPECT_EQ(locator.locate("b[0]"), (TextPosition{1, 25}));
}

TEST(JsonLocator, ReportsDuplicateKeysInAnyObject) {
    const JsonLocator locator(
        "{\"a\": {\"x\": 1, \"y\": 2,\n \"x\": 3}, \"b\": [{\"k\": 1, \"k\": 2}]}");
    ASSERT_EQ(locator.duplicateKeys().size(), 2u);
    EXPECT_EQ(locator.duplicateKeys()[0].path, "a.x");
    EXPECT_EQ(locator.duplicateKeys()[0].position, (TextPosition{2, 2}));
    EXPECT_EQ(locator.duplicateKeys()[1].path, "b[0].k");
}

TEST(JsonLocator, SameKeyInDifferentObjectsIsNotADuplicate) {
    const JsonLocator locator(R"({"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]})");
    EXPECT_TRUE(locator.duplicateKeys().empty());
}

TEST(JsonLocator, PathAtEndOfATruncatedText) {
    EXPECT_EQ(JsonLocator(R"({"a": {"b": [1, )").pathAtEnd(), "a.b");
    EXPECT_EQ(JsonLocator(R"({"a": {"b": "unfinished)").pathAtEnd(), "a.b");
    EXPECT_EQ(JsonLocator(R"({"a": {"b": [1, 2])").pathAtEnd(), "a");
    EXPECT_EQ(JsonLocator(R"({"a": 12)").pathAtEnd(), "a");
    EXPECT_EQ(JsonLocator(R"({"a": 12,)").pathAtEnd(), "");
    EXPECT_EQ(JsonLocator("").pathAtEnd(), "");
}

TEST(JsonLocator, SurvivesMalformedAndDeeplyNestedText) {
    EXPECT_EQ(JsonLocator("{\"a\": [1, 2,, ]}").locate("a[1]"), (TextPosition{1, 11}));
    // Deeper than any scenario needs: read up to the depth limit, without quadratic memory.
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    const JsonLocator locator(deep);
    EXPECT_TRUE(locator.contains("[0][0][0]"));
    const auto nested = [](int depth) {
        std::string path;
        for (int i = 0; i < depth; ++i) path += "[0]";
        return path;
    };
    EXPECT_TRUE(locator.contains(nested(200)));
    EXPECT_FALSE(locator.contains(nested(300)));
}

TEST(JsonLocator, IgnoresAByteOrderMark) {
    const JsonLocator locator("\xEF\xBB\xBF{\"a\": 1}");
    EXPECT_EQ(locator.locate("a"), (TextPosition{1, 7}));
}

TEST(JsonPositionAt, ConvertsByteOffsetsToLineAndColumn) {
    const std::string_view text = "ab\n中c\n\nd";
    EXPECT_EQ(positionAt(text, 0), (TextPosition{1, 1}));
    EXPECT_EQ(positionAt(text, 2), (TextPosition{1, 3}));
    EXPECT_EQ(positionAt(text, 3), (TextPosition{2, 1}));
    EXPECT_EQ(positionAt(text, 6), (TextPosition{2, 2}));  // the 'c' after a 3-byte character
    EXPECT_EQ(positionAt(text, 8), (TextPosition{3, 1}));
    EXPECT_EQ(positionAt(text, 9), (TextPosition{4, 1}));
    EXPECT_EQ(positionAt(text, 999), (TextPosition{4, 2}));
}

TEST(JsonUtf8, FindsTheFirstIllFormedByte) {
    EXPECT_EQ(firstInvalidUtf8("plain ascii"), std::string_view::npos);
    EXPECT_EQ(firstInvalidUtf8("中文 \xF0\x9F\x98\x80"), std::string_view::npos);
    EXPECT_EQ(firstInvalidUtf8("ab\xFF"), 2u);
    EXPECT_EQ(firstInvalidUtf8("a\xC3\x28"), 1u);         // bad continuation
    EXPECT_EQ(firstInvalidUtf8("a\xE4\xB8"), 1u);         // truncated sequence
    EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
    EXPECT_EQ(firstInvalidUtf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
    EXPECT_EQ(firstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
    EXPECT_EQ(firstInvalidUtf8("\x80"), 0u);              // stray continuation byte
}

TEST(JsonOverflow, FindsNumbersThatOverflowADouble) {
    EXPECT_EQ(firstOverflowingNumber(R"({"a": 1e308, "b": -2.5E+3})"), std::string_view::npos);
    EXPECT_EQ(firstOverflowingNumber(R"({"a": "1e999", "b": -1e999})"), 20u);
    EXPECT_EQ(firstOverflowingNumber(R"(["\"1e999", 1E400])"), 12u);
}

}  // namespace
}  // namespace jevons::core
