// core/io/atomic_file.h and stale_temporaries.h: the one writer of files. Modes, refusals, a
// failure part-way, and the temporaries of dead writers (real processes, killed mid-write) removed
// while a live writer's is kept. kill_writer_test.cpp kills writers at random moments.
#include "core/io/atomic_file.h"
#include "core/io/stale_temporaries.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
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

void writePlain(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

mode_t modeOf(const fs::path& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

class TempDir {
public:
    TempDir() {
        std::string templ = (fs::temp_directory_path() / "jevons-io-XXXXXX").string();
        m_path = ::mkdtemp(templ.data());
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(m_path, fs::perms::owner_all, ignored);
        fs::remove_all(m_path, ignored);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const {
        return (m_path / name).string();
    }
    /// Names of the "*.tmp-*" files in the folder.
    [[nodiscard]] std::vector<std::string> temporaries() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(m_path))
            if (e.path().filename().string().find(".tmp-") != std::string::npos)
                out.push_back(e.path().filename().string());
        return out;
    }

private:
    fs::path m_path;
};

/// 200 KB: several of the writer's 64 KiB chunks.
std::string bigText(char fill) { return std::string(200 * 1024, fill); }

/// The error writeFileAtomically throws (or a failure if it does not).
AtomicWriteError errorOf(const std::string& path, std::string_view bytes,
                         const WriteFault& fault = {}) {
    try {
        writeFileAtomically(path, bytes, fault);
    } catch (const AtomicWriteError& e) {
        return e;
    }
    ADD_FAILURE() << "no AtomicWriteError writing " << path;
    return AtomicWriteError(path, 0, WriteStep::Write);
}

/// Forks a writer of `path` that dies by SIGKILL inside its first write, after the temporary
/// exists: a writer killed mid-write. Returns once it is dead.
void killWriterMidWrite(const std::string& path) {
    const pid_t child = ::fork();
    if (child == 0) {
        try {
            writeFileAtomically(path, bigText('k'), [](std::string_view) {
                ::raise(SIGKILL);
                return 0;
            });
        } catch (...) {
        }
        std::_Exit(3);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
}

TEST(AtomicFile, NewFileIsReadableByEveryoneAndComplete) {
    TempDir dir;
    const std::string path = dir.file("new.json");
    writeFileAtomically(path, "hello\n");
    EXPECT_EQ(readFile(path), "hello\n");
    EXPECT_EQ(modeOf(path), 0644u);
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(AtomicFile, ReplacedFileKeepsItsMode) {
    TempDir dir;
    for (const mode_t mode : {0600u, 0640u, 0755u}) {
        const std::string path = dir.file("f" + std::to_string(mode));
        writePlain(path, "old");
        ASSERT_EQ(::chmod(path.c_str(), mode), 0);
        writeFileAtomically(path, "new");
        EXPECT_EQ(readFile(path), "new");
        EXPECT_EQ(modeOf(path), mode);
    }
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(AtomicFile, EmptyBytesMakeAnEmptyFile) {
    TempDir dir;
    const std::string path = dir.file("empty");
    writePlain(path, "old");
    writeFileAtomically(path, "");
    EXPECT_TRUE(fs::exists(path));
    EXPECT_EQ(fs::file_size(path), 0u);
}

TEST(AtomicFile, FolderIsRefusedAndLeftAlone) {
    TempDir dir;
    const fs::path folder = dir.path() / "charts";
    fs::create_directory(folder);
    writePlain(folder / "inside", "keep");
    const AtomicWriteError e = errorOf(folder.string(), "bytes");
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + folder.string() + ": Is a directory (it is a folder, not a file)");
    EXPECT_EQ(e.path(), folder.string());
    EXPECT_EQ(e.error(), EISDIR);
    EXPECT_EQ(e.step(), WriteStep::CheckPath);
    EXPECT_EQ(readFile(folder / "inside"), "keep");
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(AtomicFile, MissingFolderSaysSo) {
    TempDir dir;
    const std::string path = (dir.path() / "missing" / "f.json").string();
    const AtomicWriteError e = errorOf(path, "bytes");
    EXPECT_EQ(std::string(e.what()), "cannot write " + path +
                                         ": No such file or directory (creating a temporary "
                                         "file beside it)");
    EXPECT_EQ(e.reason(), "No such file or directory (creating a temporary file beside it)");
    EXPECT_EQ(e.step(), WriteStep::CreateTemporary);
    EXPECT_FALSE(fs::exists(dir.path() / "missing"));
}

TEST(AtomicFile, FaultMidWriteLeavesTheOldFileByteForByteAndNoTemporary) {
    TempDir dir;
    const std::string path = dir.file("f.bin");
    std::string old = bigText('o');
    old[12345] = '\0';  // bytes, not text
    writePlain(path, old);
    int chunks = 0;
    const AtomicWriteError e = errorOf(path, bigText('n'), [&](std::string_view chunk) {
        EXPECT_LE(chunk.size(), 64u * 1024u);
        return ++chunks == 3 ? ENOSPC : 0;  // two chunks are on disk in the temporary
    });
    EXPECT_EQ(chunks, 3);
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + path + ": No space left on device (writing)");
    EXPECT_EQ(e.error(), ENOSPC);
    EXPECT_EQ(e.step(), WriteStep::Write);
    EXPECT_TRUE(readFile(path) == old);
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(AtomicFile, RefusedRenameLeavesNoTemporary) {
    // The target turns into a folder after the check: rename(2) refuses to replace it.
    TempDir dir;
    const fs::path target = dir.path() / "f.json";
    const AtomicWriteError e = errorOf(target.string(), "bytes", [&](std::string_view) {
        fs::create_directory(target);
        writePlain(target / "inside", "keep");
        return 0;
    });
    EXPECT_EQ(e.step(), WriteStep::Rename);
    EXPECT_EQ(e.error(), EISDIR);
    EXPECT_EQ(readFile(target / "inside"), "keep");
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(AtomicFile, SymbolicLinkIsFollowed) {
    TempDir dir;
    fs::create_directory(dir.path() / "real");
    const fs::path target = dir.path() / "real" / "forecast.json";
    writePlain(target, "old");
    ASSERT_EQ(::chmod(target.c_str(), 0600), 0);
    const fs::path link = dir.path() / "link.json";
    fs::create_symlink(target, link);
    writeFileAtomically(link.string(), "new");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(readFile(target), "new");
    EXPECT_EQ(modeOf(target), 0600u);
}

/// A writer paused inside its write (its temporary created and flocked) until it is killed.
class LiveWriter {
public:
    explicit LiveWriter(const std::string& path) {
        int ready[2];
        if (::pipe(ready) != 0) return;
        m_pid = ::fork();
        if (m_pid == 0) {
            try {
                writeFileAtomically(path, "from the live writer", [&](std::string_view) {
                    (void)!::write(ready[1], "r", 1);
                    ::pause();
                    return 0;
                });
            } catch (...) {
            }
            std::_Exit(3);
        }
        char byte = 0;
        m_writing = m_pid > 0 && ::read(ready[0], &byte, 1) == 1;
        ::close(ready[0]);
        ::close(ready[1]);
    }
    ~LiveWriter() { kill(); }
    LiveWriter(const LiveWriter&) = delete;
    LiveWriter& operator=(const LiveWriter&) = delete;
    [[nodiscard]] bool writing() const { return m_writing; }
    void kill() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }

private:
    pid_t m_pid = -1;
    bool m_writing = false;
};

TEST(AtomicFile, DeadWritersTemporaryIsRemovedWhileALiveOneIsKept) {
    TempDir dir;
    const std::string path = dir.file("f.json");
    writePlain(path, "old");
    LiveWriter live(path);
    ASSERT_TRUE(live.writing());
    const std::vector<std::string> held = dir.temporaries();
    ASSERT_EQ(held.size(), 1u);
    killWriterMidWrite(path);  // its own cleanup kept the live writer's temporary
    ASSERT_EQ(dir.temporaries().size(), 2u) << "the killed writer left its temporary";

    writeFileAtomically(path, "new");  // removes the dead writer's temporary only
    EXPECT_EQ(readFile(path), "new");
    EXPECT_EQ(dir.temporaries(), held);

    live.kill();
    writeFileAtomically(path, "newer");  // now it is a dead writer's
    EXPECT_EQ(readFile(path), "newer");
    EXPECT_TRUE(dir.temporaries().empty());
}

TEST(StaleTemporaries, OnlyUnheldTemporariesOfThatFileAreRemoved) {
    TempDir dir;
    const std::string path = dir.file("f.json");
    std::string stale = path + ".tmp-XXXXXX";
    ::close(::mkstemp(stale.data()));
    std::string live = path + ".tmp-XXXXXX";
    const int liveFd = ::mkstemp(live.data());
    ASSERT_TRUE(markTemporaryInFlight(liveFd));
    std::string other = dir.file("g.json") + ".tmp-XXXXXX";
    ::close(::mkstemp(other.data()));
    writePlain(path + ".tmp-notes.txt", "not ours");
    // Another process (a child) sees the lock held by this one.
    const pid_t child = ::fork();
    if (child == 0) std::_Exit(removeStaleTemporaries(path));
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(other));
    EXPECT_TRUE(fs::exists(path + ".tmp-notes.txt"));
    ::close(liveFd);
    EXPECT_EQ(removeStaleTemporaries(path), 1);
    EXPECT_FALSE(fs::exists(live));
}

TEST(StaleTemporaries, AFolderIsSweptOfEveryUnheldTemporary) {
    TempDir dir;
    // Recovery files are named after their process: a killed one's temporary is never beside
    // the next process's file.
    killWriterMidWrite(dir.file("abc-111.json"));
    killWriterMidWrite(dir.file("abc-222.json"));
    std::string live = dir.file("abc-333.json") + ".tmp-XXXXXX";
    const int liveFd = ::mkstemp(live.data());
    ASSERT_TRUE(markTemporaryInFlight(liveFd));
    writePlain(dir.file("abc-444.json"), "a recovery file");
    writePlain(dir.file("notes.tmp-draft.txt"), "not a temporary");
    ASSERT_EQ(dir.temporaries().size(), 4u);
    const pid_t child = ::fork();
    if (child == 0) std::_Exit(removeStaleTemporariesIn(dir.path().string()));
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_TRUE(fs::exists(live));
    EXPECT_TRUE(fs::exists(dir.file("abc-444.json")));
    EXPECT_TRUE(fs::exists(dir.file("notes.tmp-draft.txt")));
    EXPECT_EQ(dir.temporaries().size(), 2u);
    ::close(liveFd);
}

}  // namespace
}  // namespace jevons::core
