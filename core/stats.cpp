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

nlohmann::json departments(const std::vector<DepartmentRow>& v) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : v) {
        out.push_back({
            {"department", r.department},
            {"tickets", r.tickets},
            {"assignments", r.assignments},
            {"handled", r.handled},
            {"average_handling_hours", optional_value(r.average_handling_hours)},
            {"deadline_met", r.deadline_met},
            {"deadline_counted", r.deadline_counted},
            {"deadline_compliance", optional_value(r.deadline_compliance)},
            {"overdue_now", r.overdue_now},
        });
    }
    return out;
}

nlohmann::json staff(const std::vector<StaffRow>& v) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : v) {
        out.push_back({
            {"staff", r.staff},
            {"tickets", r.tickets},
            {"satisfied", r.satisfied},
            {"mostly_satisfied", r.mostly_satisfied},
            {"unsatisfied", r.unsatisfied},
            {"resolved", r.resolved},
            {"resolution_rate", optional_value(r.resolution_rate)},
            {"average_first_response_hours", optional_value(r.average_first_response_hours)},
            {"records_complete", r.records_complete},
        });
        if (!r.branch.empty()) {
            out.back()["branch"] = r.branch;
        }
    }
    return out;
}

} // namespace

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(part) / static_cast<double>(whole);
}

std::int64_t total_of(const std::vector<CountRow>& rows) {
    std::int64_t n = 0;
    for (const CountRow& r : rows) {
        n += r.count;
    }
    return n;
}

std::int64_t count_of(const std::vector<CountRow>& rows, std::string_view key) {
    for (const auto& r : rows) {
        if (r.key == key) {
            return r.count;
        }
    }
    return 0;
}

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
        {"satisfaction_events", rows(s.satisfaction_events)},
        {"by_department", departments(s.by_department)},
        {"by_responsibility", rows(s.by_responsibility)},
        {"by_staff", staff(s.by_staff)},
        {"knowledge_answered", s.knowledge_answered},
        {"by_knowledge_article", rows(s.by_knowledge_article)},
    };
}

} // namespace cf::core
