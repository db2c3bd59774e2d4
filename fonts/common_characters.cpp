#include "fonts/common_characters.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cf::fonts {

std::filesystem::path common_characters_file(const std::filesystem::path& assets_dir, Face face) {
    return assets_dir / "fonts" / (face == Face::sc ? "common-zh-Hans.txt" : "common-zh-Hant.txt");
}

Result<std::string> load_common_characters(const std::filesystem::path& assets_dir, Face face) {
    const auto file = common_characters_file(assets_dir, face);
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(ErrorCode::asset_missing, "cannot read the common-character list " +
                                                  file.string() + ": " + std::strerror(errno));
    }
    std::string text;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with('#')) {
            text += line;
        }
    }
    return text;
}

} // namespace cf::fonts
