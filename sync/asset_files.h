#pragma once
// Asset files (forms, the category tree ...) delivered by pull become a complete assets
// directory inside the data directory: a copy of the installed assets with the received files
// laid over it, checked with forms::load_catalog, then switched to at once by rewriting a
// one-line pointer file. The app and the CLI load whatever current_assets_dir() names, so a
// new form appears at the next load, and a delivery that does not check is never used.
//
//     DIR/assets.current          "assets-1a2b3c4d" (written atomically)
//     DIR/assets-1a2b3c4d/...     the snapshot it names

#include "core/ticket_store.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cf::sync {

// The assets directory to load: the snapshot named by DIR/assets.current when there is one,
// else the installed assets.
std::filesystem::path current_assets_dir(const std::filesystem::path& data_dir,
                                         const std::filesystem::path& installed);

// Builds and switches to a snapshot for the received asset versions when they differ from
// the current one; does nothing when nothing was received or it is current. Returns whether it
// switched. Fails with invalid_input listing the problems when the result does not load (the
// old snapshot stays), storage when files cannot be written.
core::Result<bool> materialize_assets(core::TicketStore& store,
                                      const std::filesystem::path& data_dir,
                                      const std::filesystem::path& installed);

} // namespace cf::sync
