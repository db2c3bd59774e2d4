#include "tests/sync/support/calendar_publish.h"

#include "core/clock.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/center_process.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace cf::test {

std::string iso_date(std::int64_t days) {
    return core::format_iso8601(days * core::k_day).substr(0, 10);
}

std::int64_t today_at_utc8() {
    return (core::SystemClock().now() + 8 * core::k_hour) / core::k_day;
}

void publish_calendar(const std::filesystem::path& center_dir, const std::filesystem::path& scratch,
                      const std::string& id, const std::string& covers_until) {
    nlohmann::json doc;
    {
        std::ifstream in(assets_dir() / "calendars" / (id + ".json"));
        doc = nlohmann::json::parse(in);
    }
    doc["covers_until"] = covers_until;
    for (const char* list : {"holidays", "workdays"}) {
        nlohmann::json kept = nlohmann::json::array();
        // An entry is a day ("date") or a range ("from", "to"); a range is cut short.
        for (nlohmann::json day : doc.value(list, nlohmann::json::array())) {
            const std::string first = day.value("from", day.value("date", std::string()));
            if (first > covers_until) {
                continue;
            }
            if (day.contains("to") && day.at("to").get<std::string>() > covers_until) {
                day["to"] = covers_until;
            }
            kept.push_back(std::move(day));
        }
        doc[list] = std::move(kept);
    }
    const auto file = scratch / ("calendar-" + id + ".json");
    std::ofstream(file) << doc.dump();
    auto published = run_center(center_dir, {"publish-asset", "--name", "calendars/" + id + ".json",
                                             "--file", file.string()});
    REQUIRE_MESSAGE(published.exit_code == 0, published.err);
}

} // namespace cf::test
