#include "core/deck/zip_archive.h"

#include "core/deck/deck_error.h"

#include <zip.h>

#include <cstdio>
#include <memory>

namespace jevons::core::deck {
namespace {

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    const std::string reason = zip_error_strerror(error);
    zip_error_fini(error);
    throw DeckError("cannot build the deck archive: " + what + ": " + reason);
}

// Read every byte of a (closed) buffer source.
/// Deflate level of the XML parts: 1 (fastest) deflates a deck's XML about 8x, the default (6)
/// only a few per cent more, at about three times the CPU.
constexpr zip_uint32_t kDeflateLevel = 1;

/// Embedded workbooks (themselves zip archives) and pictures gain nothing from a second deflate.
bool alreadyCompressed(const std::string& name) {
    for (const char* suffix : {".xlsx", ".png", ".jpeg", ".jpg"}) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        if (name.size() >= n && name.compare(name.size() - n, n, suffix) == 0) return true;
    }
    return false;
}

std::string readSource(zip_source_t* source) {
    if (zip_source_open(source) < 0)
        throw DeckError("cannot build the deck archive: its buffer cannot be read");
    std::string bytes;
    char chunk[65536];
    zip_int64_t n = 0;
    while ((n = zip_source_read(source, chunk, sizeof chunk)) > 0)
        bytes.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(source);
    if (n < 0) throw DeckError("cannot build the deck archive: its buffer cannot be read");
    return bytes;
}

}  // namespace

std::string zipArchive(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("creating a buffer", &error);
    zip_source_keep(buffer.get());  // survives zip_close, which writes into it
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer.get());  // drop the reference taken by keep
        fail("opening", &error);
    }
    const auto abandon = [&](const std::string& what) {
        zip_error_t copy;
        zip_error_init(&copy);
        zip_error_set(&copy, zip_error_code_zip(zip_get_error(archive)),
                      zip_error_code_system(zip_get_error(archive)));
        zip_discard(archive);
        fail(what, &copy);
    };
    for (const ZipEntry& entry : entries) {
        zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        if (!data) abandon(entry.name);
        const zip_int64_t index =
            zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(data);
            abandon(entry.name);
        }
        const bool stored = alreadyCompressed(entry.name);
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                     stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     stored ? 0 : kDeflateLevel) < 0)
            abandon(entry.name);
    }
    if (zip_close(archive) < 0) abandon("writing");
    zip_error_fini(&error);
    return readSource(buffer.get());
}

}  // namespace jevons::core::deck
