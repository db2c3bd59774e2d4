#pragma once
// A terminal's enrolment with the center, next to its database:
//
//     DIR/sync.json      {"center": URL, "device": "SZ01/K1", "branch", "ca_file",
//                         "pinned_public_key"}
//     DIR/device.token   the bearer token, mode 0600 (the only secret)
//
// Both are written to a temporary file, flushed and renamed, so a crash leaves the old or
// the new enrolment, never half of one.

#include "core/error.h"
#include "sync/http_client.h"

#include <filesystem>
#include <string>

namespace cf::sync {

struct SyncConfig {
    std::string center_url;
    std::string device;
    std::string branch;
    TlsOptions tls;
};

inline constexpr const char* k_config_file = "sync.json";
inline constexpr const char* k_token_file = "device.token";

// Fails with storage when the files cannot be written.
core::Result<void> save_enrolment(const std::filesystem::path& dir, const SyncConfig& config,
                                  const std::string& token);
// Fails with not_found when the terminal is not enrolled (run enroll), key when the token file
// is readable by group or others, corrupt when sync.json does not parse.
core::Result<SyncConfig> load_config(const std::filesystem::path& dir);
core::Result<std::string> load_token(const std::filesystem::path& dir);

// Writes content to path atomically (temporary file, fsync, rename, fsync of the directory)
// with the given mode. Fails with storage naming the file.
core::Result<void> write_file_atomically(const std::filesystem::path& path,
                                         std::string_view content, unsigned mode);

} // namespace cf::sync
