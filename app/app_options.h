#pragma once
// The command line of the terminal app `counterfoil`.

#include "core/clock.h"

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cf::app {

enum class Mode { kiosk, counter, console };

struct AppOptions {
    std::filesystem::path data;
    std::filesystem::path assets;
    bool assets_given = false;      // --assets: use exactly these, not the center's newer ones
    std::filesystem::path font_dir; // empty: Debian's fonts-noto-cjk folder
    Mode mode = Mode::kiosk;
    std::optional<std::pair<int, int>> windowed; // --windowed WxH; full screen otherwise
    std::optional<std::filesystem::path> screenshots;
    core::Millis idle_warn = 60 * core::k_second;
    core::Millis idle_wipe = 90 * core::k_second;
    core::Millis idle_sign_out = 10 * core::k_minute; // counter: staff signed out when idle
    bool idle_sign_out_given = false;
    // console: the regional center and how its certificate is checked
    std::string center_url;
    std::string center_ca_file;    // PEM bundle to trust instead of the system's
    std::string center_pinned_key; // "sha256//BASE64"
    bool help = false;
};

inline constexpr const char* k_usage =
    "usage: counterfoil --data DIR [--mode kiosk|counter|console] [--assets DIR]\n"
    "                   [--font-dir DIR] [--windowed WxH] [--screenshots OUTDIR]\n"
    "  kiosk:   [--idle-warn SECONDS] [--idle-wipe SECONDS]\n"
    "  counter: [--idle-sign-out MINUTES]   (default 10)\n"
    "  console: --center URL [--center-ca FILE] [--center-pin sha256//KEY]\n"
    "           [--idle-sign-out MINUTES]   (default 15)\n"
    "           (--screenshots starts its own sample center instead)\n";

// Parses argv (without the program name). Fails with a message naming the bad argument.
std::expected<AppOptions, std::string> parse_app_options(const std::vector<std::string>& args,
                                                         std::filesystem::path default_assets);

} // namespace cf::app
