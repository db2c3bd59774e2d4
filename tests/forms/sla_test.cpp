#include "forms/deadlines.h"
#include "forms/sla_state.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <functional>

using namespace cf;
using cf::test::at;
using cf::test::beijing;
using cf::test::has_error;

namespace {

struct Fixture {
    forms::Catalog catalog = test::real_catalog();
    const forms::BusinessCalendar& cn = *catalog.find_calendar("cn-mainland");
    const forms::SlaPolicy& policy = catalog.policy();
};

std::vector<forms::AssetError> policy_errors(const std::function<void(nlohmann::json&)>& change) {
    test::AssetsCopy assets;
    nlohmann::json doc = assets.read("sla/policy.json");
    change(doc);
    assets.write("sla/policy.json", doc);
    return assets.errors();
}

constexpr const char* k_policy = "sla/policy.json";

} // namespace

TEST_SUITE("sla") {

    TEST_CASE("an urgent first response is due in 30 minutes even on a Saturday") {
        Fixture f;
        CHECK(beijing(forms::first_response_due(f.policy, core::Priority::urgent,
                                                at("2026-03-07T10:00+08:00"), f.cn)) ==
              "2026-03-07T10:30:00+08:00");
    }

    TEST_CASE("an important first response is due in 2 business hours") {
        Fixture f;
        CHECK(beijing(forms::first_response_due(f.policy, core::Priority::important,
                                                at("2026-03-04T10:00+08:00"), f.cn)) ==
              "2026-03-04T12:00:00+08:00");
        CHECK(beijing(forms::first_response_due(f.policy, core::Priority::important,
                                                at("2026-03-06T23:00+08:00"), f.cn)) ==
              "2026-03-09T01:00:00+08:00");
    }

    TEST_CASE("a normal first response filed Friday 15:00 is due Monday 15:00") {
        Fixture f;
        CHECK(beijing(forms::first_response_due(f.policy, core::Priority::normal,
                                                at("2026-03-06T15:00+08:00"), f.cn)) ==
              "2026-03-09T15:00:00+08:00");
    }

    TEST_CASE("a suggestion is due within 3 working days, other tickets by their priority") {
        Fixture f;
        const core::Millis friday = at("2026-03-06T15:00+08:00");
        CHECK(beijing(forms::ticket_due(f.policy, core::Priority::normal,
                                        core::RequestType::suggestion, friday, f.cn)) ==
              "2026-03-11T15:00:00+08:00");
        // Issue 14: the ticket deadline (工单时限) was the first response, so acknowledging
        // ended every clock of a complaint.
        CHECK(forms::ticket_due(f.policy, core::Priority::urgent, core::RequestType::complaint,
                                friday, f.cn) == friday + 24 * core::k_hour);
        CHECK(beijing(forms::ticket_due(f.policy, core::Priority::important,
                                        core::RequestType::complaint, friday, f.cn)) ==
              "2026-03-11T15:00:00+08:00");
        CHECK(beijing(forms::ticket_due(f.policy, core::Priority::normal,
                                        core::RequestType::enquiry, friday, f.cn)) ==
              "2026-03-13T15:00:00+08:00");
    }

    TEST_CASE("a ticket deadline is never before its first response") {
        forms::SlaPolicy policy = test::real_catalog().policy();
        policy.ticket_deadline.at(static_cast<std::size_t>(core::Priority::urgent)) = {
            10 * core::k_minute, forms::TimeBasis::wall};
        const core::Millis t = at("2026-03-06T15:00+08:00");
        CHECK(forms::ticket_due(policy, core::Priority::urgent, core::RequestType::complaint, t,
                                forms::BusinessCalendar()) == t + 30 * core::k_minute);
    }

    TEST_CASE("a complaint's specialist contact is due in an hour; other requests have none") {
        Fixture f;
        const core::Millis saturday = at("2026-03-07T10:00+08:00");
        CHECK(forms::specialist_contact_due(f.policy, core::RequestType::complaint, saturday,
                                            f.cn) == saturday + core::k_hour);
        CHECK(forms::specialist_contact_due(f.policy, core::RequestType::enquiry, saturday, f.cn) ==
              0);
        CHECK(forms::specialist_contact_due(f.policy, core::RequestType::suggestion, saturday,
                                            f.cn) == 0);
    }

    TEST_CASE("the call-back after the center's feedback is due 24 hours later") {
        Fixture f;
        const core::Millis answered = at("2026-03-07T10:00+08:00");
        CHECK(forms::callback_due(f.policy, answered, f.cn) == answered + 24 * core::k_hour);
    }

    TEST_CASE("the second round is due 24 wall-clock hours later, weekend or not") {
        Fixture f;
        CHECK(beijing(forms::second_round_due(f.policy, at("2026-03-07T10:00+08:00"), f.cn)) ==
              "2026-03-08T10:00:00+08:00");
    }

    TEST_CASE("a deadline is on track before 80 percent of its time is used") {
        const core::Millis start = at("2026-03-09T09:00+08:00");
        const core::Millis due = start + 10 * core::k_hour;
        CHECK(forms::sla_state(start, due, start) == forms::SlaState::on_track);
        CHECK(forms::sla_state(start, due, start + 8 * core::k_hour - 1) ==
              forms::SlaState::on_track);
    }

    TEST_CASE("a deadline turns to warning at exactly 80 percent") {
        const core::Millis start = at("2026-03-09T09:00+08:00");
        const core::Millis due = start + 10 * core::k_hour;
        CHECK(forms::sla_state(start, due, start + 8 * core::k_hour) == forms::SlaState::warning);
        // 30 minutes: 80 % is 24 minutes.
        CHECK(forms::sla_state(start, start + 30 * core::k_minute, start + 24 * core::k_minute) ==
              forms::SlaState::warning);
        CHECK(forms::sla_state(start, start + 30 * core::k_minute,
                               start + 24 * core::k_minute - 1) == forms::SlaState::on_track);
    }

    TEST_CASE("at the deadline itself it is still warning, one millisecond later overdue") {
        const core::Millis start = at("2026-03-09T09:00+08:00");
        const core::Millis due = start + 2 * core::k_hour;
        CHECK(forms::sla_state(start, due, due) == forms::SlaState::warning);
        CHECK(forms::sla_state(start, due, due + 1) == forms::SlaState::overdue);
        CHECK_FALSE(forms::is_overdue(due, due));
        CHECK(forms::is_overdue(due, due + 1));
    }

    TEST_CASE("the warning ratio comes from the caller") {
        const core::Millis start = 0;
        CHECK(forms::sla_state(start, 1000, 500, 0.5) == forms::SlaState::warning);
        CHECK(forms::sla_state(start, 1000, 499, 0.5) == forms::SlaState::on_track);
        CHECK(forms::to_string(forms::SlaState::overdue) == "overdue");
    }

    TEST_CASE("the handling deadline a dispatch proposes is in the policy") {
        // Issue 14: the console read handling.hours, which the policy check refused.
        Fixture f;
        CHECK(f.policy.handling == forms::SlaDuration{48 * core::k_hour, forms::TimeBasis::wall});
    }

    TEST_CASE("ticket_deadline, callback and handling may be left out for their defaults") {
        test::AssetsCopy assets;
        nlohmann::json doc = assets.read(k_policy);
        doc.erase("ticket_deadline");
        doc.erase("callback");
        doc.erase("handling");
        auto policy = forms::parse_sla_policy(doc, k_policy);
        REQUIRE(policy);
        CHECK(policy->ticket_deadline == forms::SlaPolicy().ticket_deadline);
        CHECK(policy->callback == forms::SlaPolicy().callback);
        CHECK(policy->handling == forms::SlaPolicy().handling);
    }

    TEST_CASE("ticket_deadline, callback and handling are checked as every duration is") {
        const auto errors = policy_errors([](nlohmann::json& doc) {
            doc["ticket_deadline"].erase("normal");
            doc["ticket_deadline"]["someday"] = {{"working_days", 1}};
            doc["callback"] = {{"hours", 0}, {"basis", "wall"}};
            doc["handling"] = {{"hours", 48}};
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_policy, "ticket_deadline.normal", "is missing"));
        CHECK(has_error(errors, k_policy, "ticket_deadline.someday", ""));
        CHECK(has_error(errors, k_policy, "callback", "positive"));
        CHECK(has_error(errors, k_policy, "handling.basis", "is missing"));
    }

    TEST_CASE("a policy without an urgent first response is rejected") {
        const auto errors =
            policy_errors([](nlohmann::json& doc) { doc["first_response"].erase("urgent"); });
        CHECK(has_error(errors, k_policy, "first_response.urgent", "is missing"));
    }

    TEST_CASE("policy durations must be well formed") {
        const auto errors = policy_errors([](nlohmann::json& doc) {
            doc["second_round"] = {{"hours", 24}, {"minutes", 5}, {"basis", "wall"}};
            doc["first_response"]["normal"] = {{"hours", -1}, {"basis", "business"}};
            doc["first_response"]["important"] = {{"hours", 2}, {"basis", "sometimes"}};
            doc["ticket_due"]["suggestion"] = {{"working_days", 3}, {"basis", "wall"}};
            doc["ticket_due"]["gripe"] = {{"working_days", 1}};
            doc["warning_ratio"] = 1.5;
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_policy, "second_round", "exactly one of"));
        CHECK(has_error(errors, k_policy, "first_response.normal", "positive"));
        CHECK(has_error(errors, k_policy, "first_response.important.basis", "sometimes"));
        CHECK(has_error(errors, k_policy, "ticket_due.suggestion.basis", "working_days"));
        CHECK(has_error(errors, k_policy, "ticket_due.gripe", "not a request type"));
        CHECK(has_error(errors, k_policy, "warning_ratio", "between 0 and 1"));
    }
}
