#pragma once
// The rime data Counterfoil relies on: which schema serves which script, which Debian package
// installs it, and the patch files written into librime's user data directory. Internal to
// the ime module.

#include "ime/error.h"
#include "ime/script.h"

#include <filesystem>
#include <span>

namespace cf::ime {

struct SchemaInfo {
    Script script;
    const char* schema_id;  // e.g. "pinyin_simp"
    const char* dictionary; // translator/dictionary of that schema
    const char* package;    // the Debian package that installs both
};

std::span<const SchemaInfo> schemas();
const SchemaInfo& schema_for(Script script);

// Checks that every schema, its dictionary (source or prebuilt) and rime's default settings
// are installed. Fails with data_missing, naming the file and the package to install.
Result<void> check_shared_data(const std::filesystem::path& shared_data_dir,
                               const std::filesystem::path& prebuilt_data_dir);

// Creates data_dir and writes the *.custom.yaml patches into it: only our schemas deployed,
// learning and user dictionaries off. A file already holding the right text is left alone so
// that librime sees no change on the next start. Fails with not_writable.
Result<void> write_patches(const std::filesystem::path& data_dir);

// Deletes whatever librime may have learned in data_dir before our patches were in place
// (an older build, a copied folder): *.userdb stores and snapshots, and the sync folder.
// Fails with not_writable when one cannot be deleted.
Result<void> remove_learned_data(const std::filesystem::path& data_dir);

} // namespace cf::ime
