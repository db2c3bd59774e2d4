#pragma once
// Helpers shared by the forms tests: the real catalog, fixed instants, and broken copies of
// the assets in a temporary directory.

#include "core/clock.h"
#include "forms/catalog.h"
#include "forms/intake.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace cf::test {

// The catalog loaded from the repository's assets; fails the test when it does not load.
inline forms::Catalog real_catalog() {
    auto catalog = forms::load_catalog(assets_dir());
    if (!catalog) {
        for (const forms::AssetError& e : catalog.error()) {
            MESSAGE(forms::to_string(e));
        }
        FAIL("the real assets do not load");
    }
    return std::move(*catalog);
}

// An instant written in ISO 8601; fails the test on a typo.
inline core::Millis at(std::string_view iso) {
    const std::optional<core::Millis> t = core::parse_iso8601(iso);
    REQUIRE_MESSAGE(t.has_value(), "bad time in test: ", std::string(iso));
    return *t;
}

// "2026-03-09T15:00:00+08:00": an instant shown in Beijing time, for readable failures.
inline std::string beijing(core::Millis t) {
    return core::format_iso8601(t, 480);
}

inline nlohmann::json read_json(const std::filesystem::path& file) {
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

inline void write_json(const std::filesystem::path& file, const nlohmann::json& doc) {
    write_text(file, doc.dump(2));
}

// A copy of the real assets to break on purpose.
class AssetsCopy {
public:
    AssetsCopy() {
        for (const char* part : {"forms", "categories.json", "classifier", "sla", "calendars",
                                 "i18n", "branches.json", "scripts", "knowledge"}) {
            std::filesystem::copy(assets_dir() / part, m_dir.path() / part,
                                  std::filesystem::copy_options::recursive);
        }
    }
    const std::filesystem::path& path() const { return m_dir.path(); }
    nlohmann::json read(const std::string& relative) const { return read_json(path() / relative); }
    void write(const std::string& relative, const nlohmann::json& doc) const {
        write_json(path() / relative, doc);
    }
    // Loads the copy, which is expected to fail, and returns its errors.
    std::vector<forms::AssetError> errors() const {
        auto catalog = forms::load_catalog(path());
        REQUIRE_FALSE(catalog.has_value());
        return catalog.error();
    }

private:
    TempDir m_dir;
};

// Whether some error is about `file` at `field` and its reason mentions `words`.
inline bool has_error(const std::vector<forms::AssetError>& errors, std::string_view file,
                      std::string_view field, std::string_view words = "") {
    for (const forms::AssetError& e : errors) {
        if (e.file == file && e.field == field && e.reason.find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

inline std::string all_errors(const std::vector<forms::AssetError>& errors) {
    std::string out;
    for (const forms::AssetError& e : errors) {
        out += forms::to_string(e) + "\n";
    }
    return out;
}

inline bool has_field_error(const std::vector<forms::FieldError>& errors, std::string_view field,
                            std::string_view words = "") {
    for (const forms::FieldError& e : errors) {
        if (e.field == field && e.reason.find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

inline std::string all_errors(const std::vector<forms::FieldError>& errors) {
    std::string out;
    for (const forms::FieldError& e : errors) {
        out += e.field + ": " + e.reason + "\n";
    }
    return out;
}

} // namespace cf::test
