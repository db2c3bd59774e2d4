#include "fonts/font_source.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cf::fonts {

namespace {

// [SECTION] Reading face names from the OpenType 'name' tables
// FreeType could report the names too, but it parses each face's CFF table (65,535 glyphs)
// first: about 3 ms a face, 15 ms of start-up to find two faces. The name table is a few
// hundred bytes. tests/fonts/font_source_test.cpp checks the result against FreeType's.

class Reader {
public:
    explicit Reader(std::span<const unsigned char> bytes) : m_bytes(bytes) {}

    std::optional<std::uint32_t> u32(std::size_t at) const {
        if (at + 4 > m_bytes.size()) {
            return std::nullopt;
        }
        return (std::uint32_t{m_bytes[at]} << 24) | (std::uint32_t{m_bytes[at + 1]} << 16) |
               (std::uint32_t{m_bytes[at + 2]} << 8) | std::uint32_t{m_bytes[at + 3]};
    }
    std::optional<std::uint16_t> u16(std::size_t at) const {
        if (at + 2 > m_bytes.size()) {
            return std::nullopt;
        }
        return static_cast<std::uint16_t>((m_bytes[at] << 8) | m_bytes[at + 1]);
    }
    std::span<const unsigned char> bytes() const { return m_bytes; }

private:
    std::span<const unsigned char> m_bytes;
};

constexpr std::uint32_t tag(const char (&t)[5]) {
    return (std::uint32_t(static_cast<unsigned char>(t[0])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(t[1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(t[2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(t[3]));
}

// Where each face's table directory starts: several for a collection, one for a single font,
// none for anything else.
std::vector<std::size_t> face_offsets(const Reader& r) {
    const auto first = r.u32(0);
    if (!first) {
        return {};
    }
    if (*first == tag("ttcf")) {
        const auto count = r.u32(8);
        std::vector<std::size_t> out;
        for (std::uint32_t i = 0; count && i < *count && i < 1024; ++i) {
            const auto offset = r.u32(12 + 4 * std::size_t{i});
            if (!offset) {
                return {};
            }
            out.push_back(*offset);
        }
        return out;
    }
    if (*first == 0x00010000u || *first == tag("OTTO") || *first == tag("true")) {
        return {0};
    }
    return {};
}

// The family name of the face whose table directory is at `directory`: the typographic family
// (name 16) when present, as FreeType reports it, else the family (name 1); from the Windows
// (UTF-16BE, ASCII names only) or Macintosh Roman records.
std::optional<std::string> family_name(const Reader& r, std::size_t directory) {
    const auto tables = r.u16(directory + 4);
    if (!tables) {
        return std::nullopt;
    }
    std::optional<std::size_t> name_table;
    for (std::size_t i = 0; i < *tables; ++i) {
        const std::size_t record = directory + 12 + 16 * i;
        if (r.u32(record) == tag("name")) {
            if (const auto offset = r.u32(record + 8)) {
                name_table = *offset;
            }
            break;
        }
    }
    if (!name_table) {
        return std::nullopt;
    }
    const auto count = r.u16(*name_table + 2);
    const auto storage = r.u16(*name_table + 4);
    if (!count || !storage) {
        return std::nullopt;
    }
    std::optional<std::string> found[2]; // [0]: name 16, [1]: name 1
    for (std::size_t i = 0; i < *count; ++i) {
        const std::size_t record = *name_table + 6 + 12 * i;
        const auto platform = r.u16(record);
        const auto language = r.u16(record + 4);
        const auto id = r.u16(record + 6);
        const auto length = r.u16(record + 8);
        const auto offset = r.u16(record + 10);
        if (!platform || !language || !id || !length || !offset || (*id != 16 && *id != 1)) {
            continue;
        }
        const std::size_t start = *name_table + *storage + *offset;
        if (start + *length > r.bytes().size()) {
            continue;
        }
        const auto text = r.bytes().subspan(start, *length);
        std::string name;
        if (*platform == 3 && *language == 0x0409) {
            for (std::size_t k = 0; k + 1 < text.size(); k += 2) {
                name += text[k] == 0 && text[k + 1] < 0x80 ? static_cast<char>(text[k + 1]) : '?';
            }
        } else if (*platform == 1 && *language == 0) {
            name.assign(text.begin(), text.end());
        } else {
            continue;
        }
        auto& slot = found[*id == 16 ? 0 : 1];
        if (!slot) {
            slot = std::move(name);
        }
    }
    return found[0] ? found[0] : found[1];
}

std::string install_advice() {
    return "install the Debian package " + std::string(k_font_package) + " (apt-get install " +
           std::string(k_font_package) + ") or point --font-dir at a folder that holds " +
           std::string(k_font_file_name);
}

} // namespace

Result<FontSource> find_fonts(const std::filesystem::path& font_dir) {
    FontSource source;
    source.file = font_dir / k_font_file_name;
    std::error_code error;
    source.bytes = MappedFile::open(source.file, error);
    if (!source.bytes) {
        const std::string what = error == std::errc::no_such_file_or_directory
                                     ? "is missing"
                                     : "cannot be read (" + error.message() + ")";
        return fail(ErrorCode::font_missing,
                    "font file " + source.file.string() + " " + what + ": " + install_advice());
    }

    const Reader reader({source.bytes->data(), source.bytes->size()});
    const std::vector<std::size_t> faces = face_offsets(reader);
    if (faces.empty()) {
        return fail(ErrorCode::font_missing,
                    "font file " + source.file.string() +
                        " is not an OpenType font or collection: " + install_advice());
    }
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const auto family = family_name(reader, faces[i]);
        for (Face f : k_all_faces) {
            if (family == k_face_families[index(f)] && source.index(f) < 0) {
                source.face_index[index(f)] = static_cast<int>(i);
            }
        }
    }
    for (Face f : k_all_faces) {
        if (source.index(f) < 0) {
            return fail(ErrorCode::face_missing,
                        "font file " + source.file.string() + " has no face \"" +
                            std::string(k_face_families[index(f)]) + "\": " + install_advice());
        }
    }
    return source;
}

} // namespace cf::fonts
