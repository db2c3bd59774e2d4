#include "app/app_options.h"

#include <charconv>

namespace cf::app {

namespace {

std::optional<int> to_int(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

} // namespace

std::expected<AppOptions, std::string> parse_app_options(const std::vector<std::string>& args,
                                                         std::filesystem::path default_assets) {
    AppOptions o;
    o.assets = std::move(default_assets);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
            return o;
        }
        if (i + 1 >= args.size()) {
            return std::unexpected("'" + a + "' is not an option that stands alone");
        }
        const std::string& v = args[++i];
        if (a == "--data") {
            o.data = v;
        } else if (a == "--assets") {
            o.assets = v;
            o.assets_given = true;
        } else if (a == "--font-dir") {
            o.font_dir = v;
        } else if (a == "--screenshots") {
            o.screenshots = v;
        } else if (a == "--mode") {
            if (v == "kiosk") {
                o.mode = Mode::kiosk;
            } else if (v == "counter") {
                o.mode = Mode::counter;
            } else if (v == "console") {
                o.mode = Mode::console;
            } else {
                return std::unexpected("--mode '" + v + "': choose kiosk, counter or console");
            }
        } else if (a == "--center") {
            if (!v.starts_with("http://") && !v.starts_with("https://")) {
                return std::unexpected("--center '" + v +
                                       "': give the center's address as https://HOST:PORT");
            }
            o.center_url = v;
        } else if (a == "--center-ca") {
            o.center_ca_file = v;
        } else if (a == "--center-pin") {
            if (!v.starts_with("sha256//")) {
                return std::unexpected("--center-pin '" + v +
                                       "': give the public key's hash as sha256//BASE64");
            }
            o.center_pinned_key = v;
        } else if (a == "--windowed") {
            const std::size_t x = v.find('x');
            const auto w =
                x == std::string::npos ? std::nullopt : to_int(std::string_view(v).substr(0, x));
            const auto h =
                x == std::string::npos ? std::nullopt : to_int(std::string_view(v).substr(x + 1));
            if (!w || !h || *w < 320 || *h < 240 || *w > 16384 || *h > 16384) {
                return std::unexpected("--windowed '" + v +
                                       "': give the size as WIDTHxHEIGHT, e.g. 1920x1080");
            }
            o.windowed = std::pair{*w, *h};
        } else if (a == "--idle-warn" || a == "--idle-wipe") {
            const auto s = to_int(v);
            if (!s || *s < 5 || *s > 3600) {
                return std::unexpected(a + " '" + v + "': give whole seconds from 5 to 3600");
            }
            (a == "--idle-warn" ? o.idle_warn : o.idle_wipe) = *s * core::k_second;
        } else if (a == "--idle-sign-out") {
            const auto m = to_int(v);
            if (!m || *m < 1 || *m > 480) {
                return std::unexpected(a + " '" + v + "': give whole minutes from 1 to 480");
            }
            o.idle_sign_out = *m * core::k_minute;
            o.idle_sign_out_given = true;
        } else {
            return std::unexpected("unknown option '" + a + "'");
        }
    }
    if (o.data.empty()) {
        return std::unexpected(
            "--data DIR is required: the data directory made by counterfoil-cli init");
    }
    if (o.mode == Mode::console && !o.idle_sign_out_given) {
        o.idle_sign_out = 15 * core::k_minute;
    }
    if (o.mode == Mode::console && o.center_url.empty() && !o.screenshots) {
        return std::unexpected("--mode console needs --center URL: the regional center's address");
    }
    if (o.mode == Mode::console && !o.center_url.empty() && o.screenshots) {
        return std::unexpected("--screenshots starts its own sample center: leave out --center");
    }
    if (o.mode != Mode::console && !o.center_url.empty()) {
        return std::unexpected("--center is for --mode console; a terminal's center is set by "
                               "counterfoil-cli enroll");
    }
    if (o.idle_wipe <= o.idle_warn) {
        return std::unexpected("--idle-wipe must be later than --idle-warn");
    }
    return o;
}

} // namespace cf::app
