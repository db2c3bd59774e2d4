#include "forms/sla_policy.h"

#include "forms/asset_reader.h"

#include <nlohmann/json.hpp>

namespace cf::forms {

const SlaDuration& SlaPolicy::first_response_for(core::Priority p) const {
    return first_response.at(static_cast<std::size_t>(p));
}

const SlaDuration& SlaPolicy::ticket_deadline_for(core::Priority p) const {
    return ticket_deadline.at(static_cast<std::size_t>(p));
}

namespace {

std::optional<SlaDuration> parse_duration(const nlohmann::json& doc, const std::string& path,
                                          AssetReader& reader) {
    if (!reader.expect_object(doc, path)) {
        return std::nullopt;
    }
    const nlohmann::json* node = &doc;
    reader.reject_unknown_keys(*node, path, {"minutes", "hours", "working_days", "basis"});
    const std::optional<std::int64_t> minutes = reader.integer(*node, path, "minutes", false);
    const std::optional<std::int64_t> hours = reader.integer(*node, path, "hours", false);
    const std::optional<std::int64_t> days = reader.integer(*node, path, "working_days", false);
    const std::optional<std::string> basis = reader.string(*node, path, "basis", false);
    const int given = (minutes ? 1 : 0) + (hours ? 1 : 0) + (days ? 1 : 0);
    if (given != 1) {
        reader.fail(path, "needs exactly one of minutes, hours or working_days");
        return std::nullopt;
    }
    const std::int64_t amount = minutes ? *minutes : hours ? *hours : *days;
    if (amount <= 0 || amount > 366 * 24 * 60) {
        reader.fail(path, "must be a positive length of at most a year");
        return std::nullopt;
    }
    SlaDuration duration;
    if (days) {
        if (basis && *basis != "business") {
            reader.fail(join_path(path, "basis"), "working_days are always counted in business "
                                                  "time; leave basis out");
            return std::nullopt;
        }
        duration.length = amount * core::k_day;
        duration.basis = TimeBasis::business;
        return duration;
    }
    if (!basis) {
        reader.fail(join_path(path, "basis"), "is missing (\"wall\" or \"business\")");
        return std::nullopt;
    }
    if (*basis == "wall") {
        duration.basis = TimeBasis::wall;
    } else if (*basis == "business") {
        duration.basis = TimeBasis::business;
    } else {
        reader.fail(join_path(path, "basis"), "'" + *basis + "' must be \"wall\" or \"business\"");
        return std::nullopt;
    }
    duration.length = amount * (minutes ? core::k_minute : core::k_hour);
    return duration;
}

std::optional<SlaDuration> duration_member(const nlohmann::json& doc, const std::string& path,
                                           std::string_view key, AssetReader& reader,
                                           bool required = true) {
    const nlohmann::json* node = reader.member(doc, path, key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    return parse_duration(*node, join_path(path, key), reader);
}

// A duration for each of the three priorities, under `key`.
void by_priority(const nlohmann::json& doc, const char* key, bool required,
                 std::array<SlaDuration, 3>& out, AssetReader& reader) {
    const nlohmann::json* node = reader.member(doc, "", key, required);
    if (node == nullptr || !reader.expect_object(*node, key)) {
        return;
    }
    reader.reject_unknown_keys(*node, key, {"urgent", "important", "normal"});
    for (const core::Priority p :
         {core::Priority::normal, core::Priority::important, core::Priority::urgent}) {
        if (auto d = duration_member(*node, key, core::to_string(p), reader)) {
            out.at(static_cast<std::size_t>(p)) = *d;
        }
    }
}

} // namespace

std::expected<SlaPolicy, std::vector<AssetError>> parse_sla_policy(const nlohmann::json& doc,
                                                                   const std::string& file) {
    AssetReader reader(file);
    SlaPolicy policy;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "",
                               {"first_response", "ticket_deadline", "ticket_due", "second_round",
                                "specialist_contact", "callback", "handling", "warning_ratio",
                                "compensation_approval_above"});
    by_priority(doc, "first_response", true, policy.first_response, reader);
    by_priority(doc, "ticket_deadline", false, policy.ticket_deadline, reader);
    policy.ticket_due.clear();
    if (const nlohmann::json* due = reader.member(doc, "", "ticket_due", false)) {
        if (reader.expect_object(*due, "ticket_due")) {
            for (const auto& [key, value] : due->items()) {
                const std::string path = join_path("ticket_due", key);
                const std::optional<core::RequestType> type = core::parse_request_type(key);
                if (!type) {
                    reader.fail(path, "'" + key + "' is not a request type");
                    continue;
                }
                if (auto d = parse_duration(value, path, reader)) {
                    policy.ticket_due[*type] = *d;
                }
            }
        }
    }
    if (auto d = duration_member(doc, "", "second_round", reader)) {
        policy.second_round = *d;
    }
    if (auto d = duration_member(doc, "", "specialist_contact", reader)) {
        policy.specialist_contact = *d;
    }
    if (auto d = duration_member(doc, "", "callback", reader, false)) {
        policy.callback = *d;
    }
    if (auto d = duration_member(doc, "", "handling", reader, false)) {
        policy.handling = *d;
    }
    if (auto ratio = reader.number(doc, "", "warning_ratio", true)) {
        if (!(*ratio > 0.0 && *ratio < 1.0)) {
            reader.fail("warning_ratio", "must be between 0 and 1, like 0.8");
        } else {
            policy.warning_ratio = *ratio;
        }
    }
    if (auto above = reader.number(doc, "", "compensation_approval_above", false)) {
        if (!(*above >= 0.0)) {
            reader.fail("compensation_approval_above",
                        "must be an amount of zero or more, like 500");
        } else {
            policy.compensation_approval_above = *above;
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return policy;
}

} // namespace cf::forms
