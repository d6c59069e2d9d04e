#include "core/deck/zip_package.h"

#include "core/deck/deck_error.h"

#include <zip.h>

namespace jevons::core::deck {
namespace {

bool startsWith(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

/// Why `bytes` are not a zip archive, in the user's words.
std::string notZipReason(std::string_view bytes) {
    if (startsWith(bytes, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return "is a password-protected (encrypted) Office file or an old binary .ppt; save it "
               "as a .pptx without a password first";
    if (bytes.empty()) return "is empty";
    return "is not a .pptx or .potx file (not a zip archive)";
}

bool alreadyCompressed(const std::string& name) {
    for (std::string_view suffix : {".xlsx", ".png", ".jpeg", ".jpg", ".emf", ".wmf"})
        if (name.size() >= suffix.size() &&
            std::string_view(name).substr(name.size() - suffix.size()) == suffix)
            return true;
    return false;
}

std::string libzipReason(zip_t* archive) { return zip_strerror(archive); }

}  // namespace

ZipPackage::ZipPackage(std::string bytes, std::string what)
    : m_bytes(std::move(bytes)), m_what(std::move(what)) {
    zip_error_t error;
    zip_error_init(&error);
    m_source = zip_source_buffer_create(m_bytes.data(), m_bytes.size(), 0, &error);
    if (!m_source) {
        zip_error_fini(&error);
        throw DeckError(m_what + ": out of memory opening it");
    }
    zip_source_keep(m_source);  // survives zip_close, which writes the new archive into it
    m_archive = zip_open_from_source(m_source, 0, &error);
    if (!m_archive) {
        const int code = zip_error_code_zip(&error);
        zip_error_fini(&error);
        zip_source_free(m_source);
        m_source = nullptr;
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_SEEK ||
            code == ZIP_ER_READ)
            throw DeckError(m_what + " " + notZipReason(m_bytes));
        throw DeckError(m_what + " cannot be opened as a zip archive");
    }
    zip_error_fini(&error);
}

ZipPackage::~ZipPackage() {
    if (m_archive) zip_discard(m_archive);
    if (m_source) zip_source_free(m_source);
}

std::vector<std::string> ZipPackage::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(m_archive, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(m_archive, static_cast<zip_uint64_t>(i), 0))
            out.emplace_back(name);
    return out;
}

bool ZipPackage::has(const std::string& name) const {
    return m_replaced.count(name) || zip_name_locate(m_archive, name.c_str(), 0) >= 0;
}

std::string ZipPackage::read(const std::string& name) const {
    if (const auto it = m_replaced.find(name); it != m_replaced.end()) return it->second;
    const zip_int64_t index = zip_name_locate(m_archive, name.c_str(), 0);
    if (index < 0) throw DeckError(m_what + " has no part " + name);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_archive, static_cast<zip_uint64_t>(index), 0, &stat) < 0)
        throw DeckError(m_what + ", part " + name + ": " + libzipReason(m_archive));
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        throw DeckError(m_what + ", part " + name + " is encrypted");
    zip_file_t* file = zip_fopen_index(m_archive, static_cast<zip_uint64_t>(index), 0);
    if (!file) throw DeckError(m_what + ", part " + name + ": " + libzipReason(m_archive));
    std::string out;
    if (stat.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(stat.size));
    char chunk[65536];
    zip_int64_t n = 0;
    while ((n = zip_fread(file, chunk, sizeof chunk)) > 0)
        out.append(chunk, static_cast<std::size_t>(n));
    const std::string reason = n < 0 ? zip_file_strerror(file) : "";
    zip_fclose(file);  // checks the CRC of a file read to its end
    if (n < 0) throw DeckError(m_what + ", part " + name + " is damaged: " + reason);
    return out;
}

void ZipPackage::replace(const std::string& name, std::string bytes) {
    if (zip_name_locate(m_archive, name.c_str(), 0) < 0)
        throw DeckError(m_what + " has no part " + name);
    m_replaced[name] = std::move(bytes);
}

std::string ZipPackage::bytes() {
    if (m_replaced.empty()) return m_bytes;
    for (const auto& [name, data] : m_replaced) {
        const zip_int64_t index = zip_name_locate(m_archive, name.c_str(), 0);
        zip_source_t* source = zip_source_buffer(m_archive, data.data(), data.size(), 0);
        if (!source || zip_file_replace(m_archive, static_cast<zip_uint64_t>(index), source,
                                        ZIP_FL_ENC_UTF_8) < 0) {
            if (source) zip_source_free(source);
            throw DeckError("cannot write " + m_what + ", part " + name + ": " +
                            libzipReason(m_archive));
        }
        const bool stored = alreadyCompressed(name);
        if (zip_set_file_compression(m_archive, static_cast<zip_uint64_t>(index),
                                     stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 1) < 0)
            throw DeckError("cannot write " + m_what + ", part " + name + ": " +
                            libzipReason(m_archive));
    }
    if (zip_close(m_archive) < 0)
        throw DeckError("cannot write " + m_what + ": " + libzipReason(m_archive));
    m_archive = nullptr;
    // The source now holds the new archive.
    if (zip_source_open(m_source) < 0) throw DeckError("cannot write " + m_what);
    std::string out;
    char chunk[65536];
    zip_int64_t n = 0;
    while ((n = zip_source_read(m_source, chunk, sizeof chunk)) > 0)
        out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(m_source);
    if (n < 0) throw DeckError("cannot write " + m_what);
    return out;
}

}  // namespace jevons::core::deck
