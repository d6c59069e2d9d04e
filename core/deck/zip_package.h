#pragma once
// An existing zip archive (a .pptx, or the .xlsx embedded in one) opened in memory to read its
// parts and replace some of them: the archive written back copies every part that was not
// replaced byte for byte (libzip copies the compressed data as it is), so an update of a few
// charts leaves pictures, fonts and parts it does not know untouched.
#include <map>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_source;

namespace jevons::core::deck {

class ZipPackage {
public:
    /// @brief Opens `bytes` as a zip archive. `what` names it in messages ("deck.pptx",
    /// "deck.pptx, part ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx"). Throws DeckError when
    /// the bytes are not a zip archive, with a message that tells an encrypted (password-
    /// protected) Office file or an old binary .ppt from other files.
    ZipPackage(std::string bytes, std::string what);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    [[nodiscard]] const std::string& what() const { return m_what; }
    /// @brief Every part's name, in the archive's order.
    [[nodiscard]] std::vector<std::string> names() const;
    [[nodiscard]] bool has(const std::string& name) const;
    /// @brief The part's bytes (a replaced part's new bytes). Throws DeckError naming the part
    /// when it is missing, encrypted or damaged (a CRC error).
    [[nodiscard]] std::string read(const std::string& name) const;
    /// @brief Replaces the part `name` (which must exist) when the archive is written.
    void replace(const std::string& name, std::string bytes);
    [[nodiscard]] bool modified() const { return !m_replaced.empty(); }
    /// @brief The archive with the replaced parts (deflated, or stored for .xlsx and pictures)
    /// and every other part copied as it was; call it once. Throws DeckError with libzip's reason.
    [[nodiscard]] std::string bytes();

private:
    std::string m_bytes;  ///< the original archive; libzip reads it in place
    std::string m_what;
    zip_source* m_source = nullptr;
    zip* m_archive = nullptr;
    std::map<std::string, std::string> m_replaced;  ///< node-stable: libzip reads them at close
};

}  // namespace jevons::core::deck
