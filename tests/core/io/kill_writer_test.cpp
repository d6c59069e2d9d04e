// Atomic writes under SIGKILL: a child process writes versions of a large-ish forecast (or a
// PowerPoint deck) to one path in a loop and is killed, half the time at a random moment and half
// the time inside a write (as soon as its temporary appears). After every kill the file is exactly
// one of the complete versions; a killed write's temporary is removed by the next write.
// tests/app/save_kill_test.cpp does the same through the dashboard's Save (Document::save).
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"
#include "tests/core/io/kill_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

namespace jevons::core {
namespace {

namespace fs = std::filesystem;
using test::KillAt;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class TempDir {
public:
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "jevons-kill-XXXXXX").string();
        m_path = ::mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] std::size_t temporaries() const { return test::temporariesIn(m_path).size(); }

private:
    fs::path m_path;
};

/// The default forecast made large-ish (300 more assumptions, ~150 KB), marked with `version`.
Scenario version(int v) {
    static const Scenario base = [] {
        Scenario s = loadScenarioFile(JEVONS_SOURCE_DIR "/forecasts/default.json");
        for (int i = 0; i < 300; ++i) {
            Assumption a = s.assumptions.front();
            a.id = "padding_" + std::to_string(i);
            a.provenance.note = {std::string(120, 'x'), ""};
            s.assumptions.push_back(a);
        }
        return s;
    }();
    Scenario s = base;
    s.author = "version " + std::to_string(v);
    return s;
}

/// Seconds `f` takes.
double timed(const std::function<void()>& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct KillCount {
    int kills = 0;     ///< writers that died of the SIGKILL
    int midWrite = 0;  ///< of them, killed inside a write (they left a temporary)
};

/// Kills a writer running `loop(k)` `kills` times (even k: at a random moment within
/// `maxSeconds`; odd k: inside a write), calling `check` after each kill.
KillCount killRepeatedly(const fs::path& dir, int kills, double maxSeconds,
                         const std::function<void(int)>& loop, const std::function<void()>& check) {
    std::mt19937 random(20250201);
    std::uniform_int_distribution<int> delay(0, static_cast<int>(maxSeconds * 1e6));
    KillCount count;
    for (int k = 0; k < kills; ++k) {
        const KillAt at = k % 2 == 0 ? KillAt::RandomMoment : KillAt::InsideAWrite;
        const test::Kill kill =
            test::killWriter(dir, std::chrono::microseconds(delay(random)), at, [&] { loop(k); });
        EXPECT_TRUE(kill.bySignal) << "kill " << k << ": the writer ended on its own";
        count.kills += kill.bySignal;
        count.midWrite += kill.midWrite;
        // At most the one write in flight at the kill left a temporary: the writer removed
        // those of the writers killed before it.
        EXPECT_LE(test::temporariesIn(dir).size(), 1u) << "kill " << k;
        check();
        if (::testing::Test::HasFailure()) break;
    }
    return count;
}

TEST(KillWriter, ScenarioFileIsAlwaysOneCompleteVersion) {
    TempDir dir;
    const std::string path = (dir.path() / "forecast.json").string();
    constexpr int kVersions = 7;
    std::vector<std::string> texts;
    for (int v = 0; v < kVersions; ++v) texts.push_back(serializeScenario(version(v)));
    ASSERT_GT(texts[0].size(), 100u * 1024u);
    // Kill anywhere within the first three saves (one save: serialize, write, fsync, rename).
    const double save = timed([&] { saveScenarioFile(version(0), path); });

    const KillCount count = killRepeatedly(
        dir.path(), 50, 3 * save,
        [&](int k) {
            for (int i = 0;; ++i) saveScenarioFile(version((k + i) % kVersions), path);
        },
        [&] {
            const std::string text = readFile(path);
            EXPECT_NE(std::find(texts.begin(), texts.end(), text), texts.end())
                << "not one of the complete versions (" << text.size() << " bytes)";
        });
    EXPECT_EQ(count.kills, 50);
    EXPECT_GE(count.midWrite, 10) << "too few kills landed inside a write to show anything";
    std::printf(
        "[ kills    ] %d writers killed, %d of them inside a write (a temporary was left); the "
        "file stayed a complete version every time\n",
        count.kills, count.midWrite);
    // The next save removes what a killed one left.
    saveScenarioFile(version(1), path);
    EXPECT_EQ(dir.temporaries(), 0u);
    EXPECT_EQ(readFile(path), texts[1]);
    EXPECT_NO_THROW((void)loadScenarioFile(path));
}

TEST(KillWriter, DeckIsAlwaysOneCompleteVersion) {
    TempDir dir;
    const std::string path = (dir.path() / "deck.pptx").string();
    const Model model =
        Model::compile(loadScenarioFile(JEVONS_SOURCE_DIR "/forecasts/default.json"));
    std::vector<deck::Deck> decks;
    for (const char* title : {"Version A", "Version B"}) {
        deck::Deck d = deck::buildDeck(model, {});
        d.title = title;
        decks.push_back(std::move(d));
    }
    // Zip timestamps make each write differ: a complete deck is a zip whose end-of-central-
    // directory record closes the file exactly where the central directory says it ends.
    double write = 0;
    for (const auto& d : decks) write = timed([&] { deck::writeDeck(d, path); });
    const auto complete = [](const std::string& bytes) {
        const auto u32 = [&](std::size_t at) {
            std::uint32_t v = 0;
            for (int i = 3; i >= 0; --i)
                v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
            return std::size_t{v};
        };
        if (bytes.size() < 22) return false;
        const std::size_t end = bytes.size() - 22;  // the deck writer adds no zip comment
        return bytes.compare(end, 4, "PK\x05\x06") == 0 && u32(end + 16) + u32(end + 12) == end &&
               bytes.compare(u32(end + 16), 4, "PK\x01\x02") == 0 &&
               bytes.compare(0, 4, "PK\x03\x04") == 0;
    };
    ASSERT_TRUE(complete(readFile(path)));
    // The writers' scratch workbooks (core/deck/workbook.cpp) go to a folder of this test's.
    const fs::path scratch = dir.path() / "scratch";
    fs::create_directory(scratch);
    const char* const tmpdir = std::getenv("TMPDIR");
    const std::string savedTmpdir = tmpdir ? tmpdir : "";
    ::setenv("TMPDIR", scratch.c_str(), 1);
    const KillCount count = killRepeatedly(
        dir.path(), 20, 3 * write,
        [&](int k) {
            for (int i = 0;; ++i)
                deck::writeDeck(decks[static_cast<std::size_t>((k + i) % 2)], path);
        },
        [&] {
            const std::string now = readFile(path);
            EXPECT_TRUE(complete(now)) << "not a complete deck (" << now.size() << " bytes)";
        });
    EXPECT_EQ(count.kills, 20);
    EXPECT_GE(count.midWrite, 4) << "too few kills landed inside a write to show anything";
    const std::size_t scratchLeft = test::temporariesIn(scratch).size();
    std::printf(
        "[ kills    ] %d deck writers killed, %d of them inside a write; %zu scratch workbook "
        "left by the last\n",
        count.kills, count.midWrite, scratchLeft);
    // A killed deck export's temporary and scratch workbook are removed by the next export.
    deck::writeDeck(decks[0], path);
    if (tmpdir)
        ::setenv("TMPDIR", savedTmpdir.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    EXPECT_EQ(dir.temporaries(), 0u);
    EXPECT_TRUE(complete(readFile(path)));
    EXPECT_LE(scratchLeft, 1u);
    EXPECT_TRUE(test::temporariesIn(scratch).empty());
}

}  // namespace
}  // namespace jevons::core
