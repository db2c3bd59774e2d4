#pragma once
// One problem found in the assets directory. load_catalog (catalog.h) collects every one of them
// so that whoever edits the assets can fix all problems in one pass.

#include <string>
#include <vector>

namespace cf::forms {

struct AssetError {
    std::string file;   // path relative to the assets directory, e.g. "forms/kiosk.json"
    std::string field;  // where in the file, e.g. "fields[3].options"; empty for the whole file
    std::string reason; // an English sentence saying what is wrong
};

// "forms/kiosk.json: fields[3].options: a choice field needs at least one option"
std::string to_string(const AssetError& e);

} // namespace cf::forms
