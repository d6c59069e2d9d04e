#include "core/deck/xml_writer.h"

#include "core/text/number_text.h"
#include "tests/core/deck/deck_test_support.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>

using namespace jevons::core;
using namespace jevons::core::deck;
using jevons::core::deck::testing::TempDir;

TEST(XmlWriter, EscapesTextAndAttributes) {
    XmlWriter w;
    w.start("a").attr("t", "R&D <capex> \"AI\" 'x'").text("1 < 2 & 3 > 2 \"q\"").end();
    EXPECT_EQ(w.finish(),
              "<a t=\"R&amp;D &lt;capex&gt; &quot;AI&quot; &apos;x&apos;\">"
              "1 &lt; 2 &amp; 3 &gt; 2 &quot;q&quot;</a>");
}

TEST(XmlWriter, KeepsChineseAsUtf8) {
    const std::string zh = "数据中心ASIC市场规模（十亿美元）";
    XmlWriter w;
    w.start("t").attr("v", zh).text(zh).end();
    EXPECT_EQ(w.finish(), "<t v=\"" + zh + "\">" + zh + "</t>");
}

TEST(XmlWriter, DropsCharactersXmlForbids) {
    // NUL, a vertical tab, an unpaired byte and U+FFFF are not allowed in XML 1.0.
    const std::string text = std::string("a\0b", 3) + "\x0b" + "c\xff" + "d\xef\xbf\xbf" + "e";
    EXPECT_EQ(escapeXml(text), "abcde");
    EXPECT_EQ(escapeXml("tab\tline\n"), "tab&#9;line&#10;");
}

TEST(XmlWriter, NestsAndClosesEmptyElements) {
    XmlWriter w;
    w.declaration();
    w.start("c:chart").val("c:idx", 3).start("c:tx").element("c:v", "x").end().empty("c:e").end();
    EXPECT_EQ(w.finish(),
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<c:chart><c:idx val=\"3\"/><c:tx><c:v>x</c:v></c:tx><c:e/></c:chart>");
}

TEST(XmlWriter, RefusesMisuse) {
    XmlWriter open;
    open.start("a");
    EXPECT_THROW((void)open.finish(), std::logic_error);
    XmlWriter late;
    late.start("a").text("x");
    EXPECT_THROW(late.attr("k", "v"), std::logic_error);
    XmlWriter unbalanced;
    EXPECT_THROW(unbalanced.end(), std::logic_error);
    XmlWriter nan;
    nan.start("v");
    EXPECT_THROW(nan.number(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
}

TEST(XmlNumberText, ShortestRoundTrip) {
    EXPECT_EQ(shortestNumber(42.9), "42.9");
    EXPECT_EQ(shortestNumber(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(shortestNumber(-0.0), "0");
    EXPECT_EQ(shortestNumber(1400), "1400");
    EXPECT_EQ(std::strtod(shortestNumber(171.6 * 0.25).c_str(), nullptr), 171.6 * 0.25);
}

TEST(XmlNumberText, FormatsAsExcelWould) {
    EXPECT_EQ(formatAs(0.4541, "0.0%"), "45.4%");
    EXPECT_EQ(formatAs(42.94, "0.0"), "42.9");
    EXPECT_EQ(formatAs(1400.4, "#,##0"), "1,400");
    EXPECT_EQ(formatAs(0.65, "0.00"), "0.65");
    EXPECT_EQ(formatAs(1.6, "0.0\"x\""), "1.6x");
    EXPECT_EQ(fixedNumber(-0.01, 1), "0.0");
}

// A German C locale writes "45,4" with printf; the deck must still write "45.4".
TEST(XmlNumberText, IgnoresTheCLocale) {
    const TempDir dir;
    const std::string cmd = "localedef -i de_DE -f UTF-8 " + dir.file("de_DE.UTF-8") + " 2>&1";
    if (std::system(cmd.c_str()) != 0 && !std::filesystem::exists(dir.file("de_DE.UTF-8")))
        GTEST_SKIP() << "cannot build a de_DE locale here (localedef failed)";
    const char* oldPath = std::getenv("LOCPATH");
    ::setenv("LOCPATH", dir.path().c_str(), 1);
    const std::string before = std::setlocale(LC_NUMERIC, nullptr);
    if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) GTEST_SKIP() << "de_DE locale not usable";
    char printed[32];
    std::snprintf(printed, sizeof printed, "%.1f", 45.4);
    XmlWriter w;
    w.start("v").attr("x", 0.5).number(45.4).end();
    const std::string xml = w.finish();
    const std::string pct = formatAs(0.454, "0.0%");
    std::setlocale(LC_NUMERIC, before.c_str());
    if (oldPath)
        ::setenv("LOCPATH", oldPath, 1);
    else
        ::unsetenv("LOCPATH");
    EXPECT_STREQ(printed, "45,4");  // the locale really was in effect
    EXPECT_EQ(xml, "<v x=\"0.5\">45.4</v>");
    EXPECT_EQ(pct, "45.4%");
}
