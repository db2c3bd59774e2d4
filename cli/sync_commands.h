#pragma once
// The CLI's sync commands: enroll with a center, push and pull (`sync --once`, `sync --watch`)
// and show the sync health (`sync status`, `sync dead-letters`).

#include "cli/args.h"

#include <filesystem>
#include <iosfwd>

namespace cf::cli {

// Exit codes beyond cli.h's: the center cannot be reached (network, TLS, 5xx), and the center
// refused this terminal (bad or used code, revoked or expired token).
inline constexpr int k_unreachable = 5;
inline constexpr int k_refused = 6;

int cmd_enroll(const std::filesystem::path& data, const Args& args, std::ostream& out,
               std::ostream& err);
int cmd_sync(const std::filesystem::path& data, const std::filesystem::path& installed_assets,
             const Args& args, std::ostream& out, std::ostream& err);

} // namespace cf::cli
