#include "core/stats.h"

namespace cf::core {
namespace {

nlohmann::json rows(const std::vector<CountRow>& v) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& r : v) {
        out[r.key] = r.count;
    }
    return out;
}

nlohmann::json ranked(const std::vector<CountRow>& v) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : v) {
        out.push_back({{"category", r.key}, {"count", r.count}});
    }
    return out;
}

template <class T> nlohmann::json optional_value(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json to_json(const Stats& s) {
    return {
        {"from", s.from},
        {"to", s.to},
        {"total", s.total},
        {"by_type", rows(s.by_type)},
        {"by_category", rows(s.by_category)},
        {"by_priority", rows(s.by_priority)},
        {"satisfaction", rows(s.satisfaction)},
        {"top_categories", ranked(s.top_categories)},
        {"resolved", s.resolved},
        {"average_handling_hours", optional_value(s.average_handling_hours)},
        {"first_response_met", s.first_response_met},
        {"first_response_counted", s.first_response_counted},
        {"first_response_compliance", optional_value(s.first_response_compliance)},
    };
}

} // namespace cf::core
