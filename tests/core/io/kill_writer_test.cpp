// Atomic writes under SIGKILL: a child process writes versions of a large-ish forecast (or a
// PowerPoint deck) to one path in a loop and is killed, half the time at a random moment and half
// the time inside a write (as soon as its temporary appears). After every kill the file is exactly
// one of the complete versions (a deck: every entry's CRC-32 checked by libzip and its entries
// byte for byte one version's); a killed write's temporary is removed by the next write.
// tests/app/save_kill_test.cpp does the same through the dashboard's Save (Document::save).
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"
#include "tests/core/io/kill_support.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <regex>
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

/// The entries of the zip archive `bytes` (name -> content), each read whole through libzip,
/// which checks the archive's consistency on opening and each entry's CRC-32 at its end; empty
/// when the archive does not open or an entry fails to read.
std::map<std::string, std::string> zipEntries(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) return {};
    zip_t* archive = zip_open_from_source(source, ZIP_CHECKCONS | ZIP_RDONLY, &error);
    if (!archive) {
        zip_source_free(source);
        return {};
    }
    std::map<std::string, std::string> out;
    const zip_int64_t n = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_file_t* file = zip_stat_index(archive, zip_uint64_t(i), 0, &st) == 0
                               ? zip_fopen_index(archive, zip_uint64_t(i), 0)
                               : nullptr;
        if (!file) return zip_discard(archive), std::map<std::string, std::string>{};
        std::string content(st.size, '\0');
        const zip_int64_t got = zip_fread(file, content.data(), content.size());
        char more = 0;  // reading past the end makes libzip compare the CRC
        const zip_int64_t past = zip_fread(file, &more, 1);
        zip_fclose(file);
        if (got != zip_int64_t(st.size) || past != 0)
            return zip_discard(archive), std::map<std::string, std::string>{};
        out.emplace(st.name, std::move(content));
    }
    zip_discard(archive);
    return out;
}

/// zipEntries of a deck without what differs from write to write: the time stamps in
/// docProps/core.xml (of the deck and of each embedded workbook, which is compared by its own
/// entries, CRCs checked). Empty when anything fails to read.
std::map<std::string, std::string> deckEntries(const std::string& bytes) {
    static const std::regex kStamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
    std::map<std::string, std::string> out = zipEntries(bytes);
    for (auto& [name, content] : out) {
        if (name == "docProps/core.xml") {
            content = std::regex_replace(content, kStamp, "(time)");
        } else if (name.size() > 5 && name.compare(name.size() - 5, 5, ".xlsx") == 0) {
            std::map<std::string, std::string> inner = zipEntries(content);
            if (inner.empty()) return {};
            if (auto core = inner.find("docProps/core.xml"); core != inner.end())
                core->second = std::regex_replace(core->second, kStamp, "(time)");
            content.clear();
            for (const auto& [n, c] : inner) content += n + '\0' + c + '\0';
        }
    }
    return out;
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
    // Time stamps make each write differ, so a deck is compared by its entries: a complete deck
    // is a zip that libzip opens with its consistency checks (ZIP_CHECKCONS), whose every entry
    // (and every embedded workbook's) reads back whole with its CRC-32 verified, and whose
    // entries are byte for byte those of one of the versions written, time stamps aside.
    std::vector<std::map<std::string, std::string>> versions;
    for (const auto& d : decks) {
        deck::writeDeck(d, path);
        versions.push_back(deckEntries(readFile(path)));
        ASSERT_FALSE(versions.back().empty());
    }
    ASSERT_NE(versions[0], versions[1]);
    const double write = timed([&] { deck::writeDeck(decks[1], path); });
    const auto complete = [&](const std::string& bytes) {
        const auto entries = deckEntries(bytes);
        return std::find(versions.begin(), versions.end(), entries) != versions.end();
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
