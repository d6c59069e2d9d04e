#include "core/deck/xml_writer.h"

#include "core/text/number_text.h"

#include <stdexcept>

namespace jevons::core::deck {
namespace {

// Length of the UTF-8 sequence starting at `s[i]` and its code point; 0 when invalid.
std::size_t decodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool allowedInXml(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

std::string escapeXml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decodeUtf8(text, i, cp);
        if (len == 0) {  // invalid UTF-8: drop the byte
            ++i;
            continue;
        }
        if (allowedInXml(cp)) {
            switch (cp) {
                case '&':
                    out += "&amp;";
                    break;
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                case '\'':
                    out += "&apos;";
                    break;
                case '\t':
                    out += "&#9;";
                    break;
                case '\n':
                    out += "&#10;";
                    break;
                case '\r':
                    out += "&#13;";
                    break;
                default:
                    out.append(text.substr(i, len));
            }
        }
        i += len;
    }
    return out;
}

XmlWriter& XmlWriter::declaration() {
    if (!m_out.empty()) throw std::logic_error("XmlWriter: the declaration must come first");
    m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    return *this;
}

void XmlWriter::closeStartTag() {
    if (m_inStartTag) {
        m_out += '>';
        m_inStartTag = false;
    }
}

XmlWriter& XmlWriter::start(std::string_view name) {
    closeStartTag();
    m_out += '<';
    m_out += name;
    m_open.emplace_back(name);
    m_inStartTag = true;
    return *this;
}

XmlWriter& XmlWriter::rawAttr(std::string_view name, std::string_view escaped) {
    if (!m_inStartTag) throw std::logic_error("XmlWriter: attribute outside a start tag");
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    m_out += escaped;
    m_out += '"';
    return *this;
}

XmlWriter& XmlWriter::attr(std::string_view name, std::string_view value) {
    return rawAttr(name, escapeXml(value));
}

XmlWriter& XmlWriter::attr(std::string_view name, double value) {
    return rawAttr(name, shortestNumber(value));
}

XmlWriter& XmlWriter::text(std::string_view value) {
    if (m_open.empty()) throw std::logic_error("XmlWriter: text outside an element");
    closeStartTag();
    m_out += escapeXml(value);
    return *this;
}

XmlWriter& XmlWriter::number(double value) {
    if (m_open.empty()) throw std::logic_error("XmlWriter: text outside an element");
    closeStartTag();
    m_out += shortestNumber(value);
    return *this;
}

XmlWriter& XmlWriter::end() {
    if (m_open.empty()) throw std::logic_error("XmlWriter: end() without an open element");
    if (m_inStartTag) {
        m_out += "/>";
        m_inStartTag = false;
    } else {
        m_out += "</";
        m_out += m_open.back();
        m_out += '>';
    }
    m_open.pop_back();
    return *this;
}

std::string XmlWriter::finish() {
    if (!m_open.empty()) throw std::logic_error("XmlWriter: <" + m_open.back() + "> is still open");
    return std::move(m_out);
}

}  // namespace jevons::core::deck
