#include "ime/rime_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace cf::ime {

namespace fs = std::filesystem;

namespace {

constexpr std::array<SchemaInfo, 2> k_schemas{{
    {Script::simplified, "pinyin_simp", "pinyin_simp", "rime-data-pinyin-simp"},
    {Script::traditional, "luna_pinyin", "luna_pinyin", "rime-data-luna-pinyin"},
}};

// Patches the shared default.yaml. A short schema list is what keeps the first start fast:
// librime deploys every listed schema, and the stock list compiles cangjie5 and others from
// source for several seconds.
constexpr const char* k_default_patch =
    R"(# Written by Counterfoil (ime/rime_files.cpp) and restored at every start.
# Deploy only the schemas the kiosk offers.
patch:
  schema_list:
    - schema: pinyin_simp
    - schema: luna_pinyin
)";

// Patches each schema. Typed text is personal data, so nothing may learn from it:
// - enable_user_dict: false stops script_translator from opening <dictionary>.userdb, which
//   is where librime records new words and how often each candidate was chosen;
// - the translator list drops custom_phrase (a user-editable phrase file) and the stroke
//   reverse lookup, and with it the dependency that would also deploy the stroke schema.
// The punctuator takes the short default table instead of symbols.yaml: the keyboard has its
// own punctuation keys, and the symbol table made each compiled schema 40 kB of YAML that
// librime parses at deployment and again at every session start (about 10 ms each).
constexpr const char* k_schema_patch =
    R"(# Written by Counterfoil (ime/rime_files.cpp) and restored at every start.
# Customers' words must never persist: no user dictionary, no learning.
patch:
  schema/dependencies: []
  engine/translators:
    - punct_translator
    - script_translator
  translator/enable_user_dict: false
  punctuator/import_preset: default
)";

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string describe(const std::error_code& ec) {
    return ec.message();
}

Result<void> write_if_changed(const fs::path& file, const std::string& text) {
    if (fs::exists(file) && read_text(file) == text) {
        return {};
    }
    // Write then rename, so a power cut never leaves librime a half-written patch.
    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            return fail(ErrorCode::not_writable,
                        "Cannot write " + temp.string() +
                            ". Check that the kiosk user may write to the data folder and that "
                            "the disk is not full.");
        }
    }
    std::error_code ec;
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return fail(ErrorCode::not_writable,
                    "Cannot replace " + file.string() + ": " + describe(ec) + ".");
    }
    return {};
}

} // namespace

std::span<const SchemaInfo> schemas() {
    return k_schemas;
}

const SchemaInfo& schema_for(Script script) {
    for (const auto& s : k_schemas) {
        if (s.script == script) {
            return s;
        }
    }
    return k_schemas[0];
}

Result<void> check_shared_data(const fs::path& shared_data_dir, const fs::path& prebuilt_data_dir) {
    std::error_code ec;
    if (!fs::is_regular_file(shared_data_dir / "default.yaml", ec)) {
        return fail(ErrorCode::data_missing, "Chinese input data is missing: no default.yaml in " +
                                                 shared_data_dir.string() +
                                                 ". Install the rime-prelude package.");
    }
    for (const auto& s : k_schemas) {
        std::string schema_file = std::string(s.schema_id) + ".schema.yaml";
        if (!fs::is_regular_file(shared_data_dir / schema_file, ec)) {
            return fail(ErrorCode::data_missing,
                        "Chinese input data is missing: no " + schema_file + " in " +
                            shared_data_dir.string() + ". Install the " + s.package + " package.");
        }
        // librime can compile a dictionary from source, but only the prebuilt table makes
        // the first start fast; either one is enough to work.
        std::string source = std::string(s.dictionary) + ".dict.yaml";
        std::string table = std::string(s.dictionary) + ".table.bin";
        if (!fs::is_regular_file(shared_data_dir / source, ec) &&
            !fs::is_regular_file(prebuilt_data_dir / table, ec)) {
            return fail(ErrorCode::data_missing, "Chinese input data is missing: neither " +
                                                     source + " in " + shared_data_dir.string() +
                                                     " nor " + table + " in " +
                                                     prebuilt_data_dir.string() + ". Install the " +
                                                     s.package + " package.");
        }
    }
    return {};
}

Result<void> write_patches(const fs::path& data_dir) {
    std::error_code ec;
    fs::create_directories(data_dir, ec);
    if (ec || !fs::is_directory(data_dir)) {
        return fail(ErrorCode::not_writable,
                    "Cannot create the Chinese input data folder " + data_dir.string() + ": " +
                        (ec ? describe(ec) : std::string("it is not a folder")) +
                        ". Check the data directory's path and permissions.");
    }
    if (auto r = write_if_changed(data_dir / "default.custom.yaml", k_default_patch); !r) {
        return r;
    }
    for (const auto& s : k_schemas) {
        auto file = data_dir / (std::string(s.schema_id) + ".custom.yaml");
        if (auto r = write_if_changed(file, k_schema_patch); !r) {
            return r;
        }
    }
    return {};
}

Result<void> remove_learned_data(const fs::path& data_dir) {
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
        auto name = entry.path().filename().string();
        // leveldb stores (.userdb), their text snapshots (.userdb.txt) and the Kyoto Cabinet
        // files of librime before 1.0 (.userdb.kct).
        if (name.ends_with(".userdb") || name.ends_with(".userdb.txt") ||
            name.ends_with(".userdb.kct") || name == "sync") {
            doomed.push_back(entry.path());
        }
    }
    if (ec) {
        return fail(ErrorCode::not_writable, "Cannot read the Chinese input data folder " +
                                                 data_dir.string() + ": " + describe(ec) + ".");
    }
    for (const auto& path : doomed) {
        fs::remove_all(path, ec);
        if (ec) {
            return fail(ErrorCode::not_writable,
                        "Cannot delete " + path.string() +
                            ", which may hold typed words: " + describe(ec) + ".");
        }
    }
    return {};
}

} // namespace cf::ime
