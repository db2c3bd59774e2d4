#pragma once
// The lists of common characters the atlas holds from the start, so that typed and loaded text
// rarely needs a rebuild: assets/fonts/common-zh-Hans.txt and common-zh-Hant.txt, about the
// 3000 most frequent characters of each script, made by scripts/make-common-chars.py from
// Debian's rime-essay word frequencies and OpenCC conversions.

#include "fonts/error.h"
#include "fonts/font_roles.h"

#include <filesystem>
#include <string>

namespace cf::fonts {

// The file under assets_dir that lists the face's common characters.
std::filesystem::path common_characters_file(const std::filesystem::path& assets_dir, Face face);

// The characters of the face's list, without its '#' comment lines. Fails with asset_missing
// naming the file when it is missing or unreadable.
Result<std::string> load_common_characters(const std::filesystem::path& assets_dir, Face face);

} // namespace cf::fonts
