#include "sync/asset_files.h"

#include "core/sync_state.h"
#include "forms/catalog.h"
#include "sync/messages.h"
#include "sync/sync_config.h"

#include <cstdio>
#include <fstream>
#include <functional>

namespace cf::sync {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_pointer_file = "assets.current";

std::string read_pointer(const fs::path& data_dir) {
    std::ifstream in(data_dir / k_pointer_file);
    std::string name;
    std::getline(in, name);
    return name;
}

} // namespace

fs::path current_assets_dir(const fs::path& data_dir, const fs::path& installed) {
    const std::string name = read_pointer(data_dir);
    std::error_code ec;
    if (!name.empty() && name.starts_with("assets-") && fs::is_directory(data_dir / name, ec)) {
        return data_dir / name;
    }
    return installed;
}

core::Result<bool> materialize_assets(core::TicketStore& store, const fs::path& data_dir,
                                      const fs::path& installed) {
    core::SyncState state(store);
    auto received = state.received_assets();
    if (!received) {
        return std::unexpected(received.error());
    }
    if (received->empty()) {
        return false;
    }
    std::string signature;
    for (const auto& a : *received) {
        signature += a.name + ":" + std::to_string(a.version) + ";";
    }
    char name[32];
    std::snprintf(name, sizeof name, "assets-%016zx", std::hash<std::string>{}(signature));
    const std::string current = read_pointer(data_dir);
    std::error_code ec;
    if (current == name && fs::is_directory(data_dir / name, ec)) {
        return false;
    }
    const fs::path staging = data_dir / (std::string(name) + ".staging");
    fs::remove_all(staging, ec);
    fs::copy(installed, staging, fs::copy_options::recursive, ec);
    if (ec) {
        return core::fail(core::ErrorCode::storage, "cannot copy the installed assets " +
                                                        installed.string() + ": " + ec.message());
    }
    for (const auto& a : *received) {
        if (!valid_asset_name(a.name)) {
            continue; // never write outside the snapshot, whatever is stored
        }
        fs::create_directories((staging / a.name).parent_path(), ec);
        if (auto r = write_file_atomically(staging / a.name, a.content, 0644); !r) {
            return std::unexpected(r.error());
        }
    }
    auto catalog = forms::load_catalog(staging);
    if (!catalog) {
        std::string problems;
        for (const auto& e : catalog.error()) {
            problems += "\n  " + forms::to_string(e);
        }
        fs::remove_all(staging, ec);
        return core::fail(core::ErrorCode::invalid_input,
                          "the forms or categories received from the center do not load; the "
                          "previous ones stay in use:" +
                              problems);
    }
    fs::remove_all(data_dir / name, ec);
    fs::rename(staging, data_dir / name, ec);
    if (ec) {
        return core::fail(core::ErrorCode::storage,
                          "cannot put the new assets in place: " + ec.message());
    }
    if (auto r = write_file_atomically(data_dir / k_pointer_file, std::string(name) + "\n", 0644);
        !r) {
        return std::unexpected(r.error());
    }
    // Older snapshots are no longer named; a program that loaded one already holds its data.
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
        const std::string n = entry.path().filename().string();
        if (n.starts_with("assets-") && n != name) {
            fs::remove_all(entry.path(), ec);
        }
    }
    return true;
}

} // namespace cf::sync
