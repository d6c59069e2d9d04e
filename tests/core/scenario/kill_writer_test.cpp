// Atomic saves under SIGKILL: a child process saves versions of a large-ish forecast to one path
// in a loop and is killed at random moments. After every kill the file loads and is exactly one
// of the complete versions; a killed save's temporary file is cleaned up by the next save.
// The same for a PowerPoint deck (core/deck writeDeck).
#include "core/deck/deck.h"
#include "core/deck/deck_writer.h"
#include "core/eval/evaluator.h"
#include "core/scenario/scenario_json.h"
#include "core/scenario/stale_temporaries.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <thread>

namespace jevons::core {
namespace {

namespace fs = std::filesystem;

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
    [[nodiscard]] int temporaries() const {
        int n = 0;
        for (const auto& e : fs::directory_iterator(m_path))
            n += e.path().filename().string().find(".tmp-") != std::string::npos;
        return n;
    }

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
            a.provenance.note = std::string(120, 'x');
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

/// Forks a child running `loop` forever; kills it with SIGKILL after a random delay of up to
/// `maxSeconds`, `kills` times, calling `check` after each kill. Returns the number of kills.
int killRepeatedly(int kills, double maxSeconds, const std::function<void(int)>& loop,
                   const std::function<void()>& check) {
    std::mt19937 random(20250201);
    std::uniform_int_distribution<int> delay(0, static_cast<int>(maxSeconds * 1e6));
    int done = 0;
    for (int k = 0; k < kills; ++k) {
        const pid_t child = ::fork();
        if (child == 0) {
            try {
                loop(k);
            } catch (...) {
            }
            std::_Exit(3);  // the loop never ends on its own
        }
        if (child < 0) {
            ADD_FAILURE() << "fork failed";
            return done;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFSIGNALED(status)) << "the writer ended on its own: " << status;
        ++done;
        check();
        if (::testing::Test::HasFailure()) break;
    }
    return done;
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

    int withTemporary = 0;
    const int kills = killRepeatedly(
        50, 3 * save,
        [&](int k) {
            for (int i = 0;; ++i) saveScenarioFile(version((k + i) % kVersions), path);
        },
        [&] {
            const std::string text = readFile(path);
            EXPECT_NE(std::find(texts.begin(), texts.end(), text), texts.end())
                << "not one of the complete versions (" << text.size() << " bytes)";
            // At most the one save in flight at the kill left a temporary file.
            EXPECT_LE(dir.temporaries(), 1);
            withTemporary += dir.temporaries();
        });
    EXPECT_EQ(kills, 50);
    std::printf(
        "[ kills    ] %d writers killed mid-loop, %d left a temporary file; the target "
        "stayed a complete version every time\n",
        kills, withTemporary);
    // The next save removes what a killed one left.
    saveScenarioFile(version(1), path);
    EXPECT_EQ(dir.temporaries(), 0);
    EXPECT_EQ(readFile(path), texts[1]);
    EXPECT_NO_THROW((void)loadScenarioFile(path));
}

TEST(KillWriter, StaleTemporariesAreRemovedButNotOnesInFlight) {
    TempDir dir;
    const std::string path = (dir.path() / "f.json").string();
    std::string stale = path + ".tmp-XXXXXX";
    ::close(::mkstemp(stale.data()));
    std::string live = path + ".tmp-XXXXXX";
    const int liveFd = ::mkstemp(live.data());
    ASSERT_TRUE(markTemporaryInFlight(liveFd));
    std::ofstream(path + ".tmp-notes.txt") << "not ours";
    // Another process (a child) sees the lock held by this one.
    const pid_t child = ::fork();
    if (child == 0) std::_Exit(removeStaleTemporaries(path));
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(path + ".tmp-notes.txt"));
    ::close(liveFd);
    EXPECT_EQ(removeStaleTemporaries(path), 1);
    EXPECT_FALSE(fs::exists(live));
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
    const int kills = killRepeatedly(
        20, 3 * write,
        [&](int k) {
            for (int i = 0;; ++i)
                deck::writeDeck(decks[static_cast<std::size_t>((k + i) % 2)], path);
        },
        [&] {
            const std::string now = readFile(path);
            EXPECT_TRUE(complete(now)) << "not a complete deck (" << now.size() << " bytes)";
        });
    EXPECT_EQ(kills, 20);
    // A killed deck write leaves at most one temporary file per kill (never a partial deck).
    EXPECT_LE(dir.temporaries(), kills);
}

}  // namespace
}  // namespace jevons::core
