#include "forms/intake.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;
using cf::test::at;
using cf::test::beijing;
using cf::test::has_field_error;
using nlohmann::json;

namespace {

// Wednesday 4 March 2026, 10:00 in Beijing: an ordinary working day.
const core::Millis k_now = 1772589600000;

struct Intake {
    forms::Catalog catalog = test::real_catalog();

    forms::IntakeResult ok(std::string_view form, const json& submission,
                           core::Millis now = k_now) const {
        auto result = forms::prepare_ticket(catalog, form, submission, "cn-mainland", now);
        if (!result) {
            FAIL(test::all_errors(result.error()));
        }
        return *result;
    }
    std::vector<forms::FieldError> errors(std::string_view form, const json& submission) const {
        auto result = forms::prepare_ticket(catalog, form, submission, "cn-mainland", k_now);
        REQUIRE_FALSE(result.has_value());
        return result.error();
    }
};

bool classified(const forms::IntakeResult& r, std::string_view field) {
    return std::find(r.classified_fields.begin(), r.classified_fields.end(), field) !=
           r.classified_fields.end();
}

bool explained(const forms::IntakeResult& r, std::string_view word, std::string_view rule_id) {
    return std::any_of(r.explanation.begin(), r.explanation.end(), [&](const forms::Match& m) {
        return m.word == word && m.rule_id == rule_id;
    });
}

json kiosk(std::string description) {
    return json{{"description", std::move(description)},
                {"customer", {{"phone", "13800138000"}}},
                {"consent", true}};
}

} // namespace

TEST_SUITE("intake") {

    TEST_CASE("the test clock is Wednesday 10:00 in Beijing") {
        CHECK(k_now == at("2026-03-04T10:00+08:00"));
    }

    TEST_CASE(
        "the sample counter document is accepted, kept as given and classified for the rest") {
        Intake in;
        const json doc = json::parse(
            R"({"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"})");
        const forms::IntakeResult r = in.ok("counter", doc);
        const core::NewTicket& t = r.ticket;
        CHECK(t.request_type == core::RequestType::complaint);
        CHECK(t.category == "billing"); // given; the classifier's billing.overcharge is not used
        CHECK(t.channel == core::Channel::counter);
        CHECK(t.emotion == core::Emotion::anxious);
        CHECK(t.description == "上个月的话费账单多扣了50元,要求退还。");
        CHECK(t.demand == "退还多扣的费用");
        CHECK(t.customer.name == "张三");
        CHECK(t.customer.phone == "13800138000");
        // A billing complaint where the customer lost money is important (SOP 000/003).
        CHECK(t.severity == core::Severity::important);
        CHECK(t.priority == core::Priority::important);
        CHECK(classified(r, "priority"));
        CHECK_FALSE(classified(r, "category"));
        CHECK_FALSE(classified(r, "emotion"));
        CHECK_FALSE(classified(r, "request_type"));
        CHECK(explained(r, "多扣", "billing_overcharge"));
        CHECK(explained(r, "话费", "billing"));
        // Important priority: 2 business hours.
        CHECK(beijing(t.first_response_due) == "2026-03-04T12:00:00+08:00");
        // The ticket deadline (工单时限) of an important ticket: 3 working days.
        CHECK(beijing(t.due_at) == "2026-03-09T10:00:00+08:00");
    }

    TEST_CASE("Simplified Chinese text fills open fields and says why") {
        Intake in;
        const forms::IntakeResult r =
            in.ok("kiosk", kiosk("营业厅排队等了两个小时，太过分了，我要投诉"));
        CHECK(r.ticket.request_type == core::RequestType::complaint);
        CHECK(r.ticket.category == "process_experience.long_queue");
        CHECK(r.ticket.emotion == core::Emotion::agitated);
        CHECK(r.ticket.priority == core::Priority::urgent); // agitated customer
        CHECK(classified(r, "request_type"));
        CHECK(classified(r, "category"));
        CHECK(classified(r, "emotion"));
        CHECK(classified(r, "priority"));
        CHECK(explained(r, "排队", "long_queue"));
        CHECK(explained(r, "投诉", "complaint"));
        CHECK(explained(r, "太过分", "agitated"));
    }

    TEST_CASE("Traditional Chinese text is classified the same way") {
        Intake in;
        const forms::IntakeResult r = in.ok("kiosk", kiosk("快遞遲遲沒收到，很著急"));
        CHECK(r.ticket.category == "delivery_delay.logistics");
        CHECK(r.ticket.emotion == core::Emotion::anxious);
        CHECK(r.ticket.priority == core::Priority::important);
        CHECK(explained(r, "快遞", "logistics"));
        CHECK(explained(r, "著急", "anxious"));
    }

    TEST_CASE("English text is classified case-insensitively") {
        Intake in;
        const forms::IntakeResult r =
            in.ok("kiosk", kiosk("The card reader is BROKEN. I demand compensation."));
        CHECK(r.ticket.request_type == core::RequestType::complaint);
        // The text model reads "card" and picks the card leaf; the group is certain.
        CHECK(r.ticket.category.starts_with("product_quality."));
        CHECK(r.ticket.severity == core::Severity::important);
        // BROKEN in capitals is shouting: agitated, so urgent (SOP 002).
        CHECK(r.ticket.emotion == core::Emotion::agitated);
        CHECK(r.ticket.priority == core::Priority::urgent);
        CHECK(explained(r, "broken", "malfunction"));
        CHECK(explained(r, "BROKEN", "agitated_marks"));
        CHECK(explained(r, "compensat*", "compensation"));
    }

    TEST_CASE("a suggestion is due within 3 working days") {
        Intake in;
        const forms::IntakeResult r = in.ok("kiosk", kiosk("建议周末多开一个窗口"));
        CHECK(r.ticket.request_type == core::RequestType::suggestion);
        CHECK(r.ticket.priority == core::Priority::normal);
        CHECK(beijing(r.ticket.first_response_due) == "2026-03-05T10:00:00+08:00");
        CHECK(beijing(r.ticket.due_at) == "2026-03-09T10:00:00+08:00");
    }

    TEST_CASE("explicit values are kept even when the text suggests others") {
        Intake in;
        json s = json::parse(R"({"description": "我要投诉，话费多扣了，我很生气",
                                 "customer": {"phone": "13800138000"}})");
        s["request_type"] = "enquiry";
        s["category"] = "other.general";
        s["severity"] = "general";
        s["priority"] = "normal";
        s["emotion"] = "calm";
        const forms::IntakeResult r = in.ok("counter", s);
        CHECK(r.ticket.request_type == core::RequestType::enquiry);
        CHECK(r.ticket.category == "other.general");
        CHECK(r.ticket.severity == core::Severity::general);
        CHECK(r.ticket.priority == core::Priority::normal);
        CHECK(r.ticket.emotion == core::Emotion::calm);
        CHECK(r.classified_fields.empty());
        CHECK_FALSE(r.explanation.empty()); // the matches are still shown
        CHECK(beijing(r.ticket.first_response_due) == "2026-03-05T10:00:00+08:00");
    }

    TEST_CASE("a media-exposure customer makes the ticket urgent even over an explicit priority") {
        Intake in;
        json s = json::parse(R"({"description": "柜台办理很慢", "priority": "normal",
                                 "special_type": "media_exposure",
                                 "customer": {"phone": "13800138000"}})");
        const forms::IntakeResult r = in.ok("counter", s);
        CHECK(r.ticket.priority == core::Priority::urgent);
        CHECK(classified(r, "priority"));
        CHECK(explained(r, "special_type=media_exposure", "policy:media_exposure_is_urgent"));
        CHECK(r.ticket.first_response_due == k_now + 30 * core::k_minute);
    }

    TEST_CASE("a threat to call journalists is recognised as media exposure") {
        Intake in;
        const forms::IntakeResult r = in.ok("kiosk", kiosk("再不处理我就找记者曝光"));
        CHECK(r.ticket.special_type == core::SpecialType::media_exposure);
        CHECK(r.ticket.severity == core::Severity::major);
        CHECK(r.ticket.priority == core::Priority::urgent);
        CHECK(explained(r, "记者", "media_exposure"));
        CHECK(explained(r, "曝光", "media_exposure"));
    }

    TEST_CASE("an agitated customer or a major severity makes an unset priority urgent") {
        Intake in;
        json s =
            json::parse(R"({"description": "办理业务", "customer": {"phone": "13800138000"}})");
        s["emotion"] = "agitated";
        CHECK(in.ok("counter", s).ticket.priority == core::Priority::urgent);
        s["emotion"] = "calm";
        s["severity"] = "major";
        CHECK(in.ok("counter", s).ticket.priority == core::Priority::urgent);
        s["severity"] = "general";
        CHECK(in.ok("counter", s).ticket.priority == core::Priority::normal);
    }

    TEST_CASE("fields nobody filled get the defaults") {
        Intake in;
        // Nothing the rules or the text model know: neither suggests anything.
        const forms::IntakeResult r = in.ok("kiosk", kiosk("…… ……"));
        CHECK(r.ticket.request_type == core::RequestType::complaint);
        CHECK(r.ticket.category == "other");
        CHECK(r.ticket.severity == core::Severity::general);
        CHECK(r.ticket.emotion == core::Emotion::calm);
        CHECK(r.ticket.priority == core::Priority::normal);
        CHECK(r.ticket.special_type == core::SpecialType::none);
        CHECK(r.ticket.channel == core::Channel::kiosk);
        CHECK(r.ticket.receiver == "kiosk");
        CHECK(r.explanation.empty());
        CHECK(r.classified_fields.empty());
    }

    TEST_CASE("a normal ticket filed on Friday afternoon is due on Monday afternoon") {
        Intake in;
        const forms::IntakeResult r = in.ok("kiosk", kiosk("你好"), at("2026-03-06T15:00+08:00"));
        CHECK(beijing(r.ticket.first_response_due) == "2026-03-09T15:00:00+08:00");
        // The ticket as a whole: 5 working days.
        CHECK(beijing(r.ticket.due_at) == "2026-03-13T15:00:00+08:00");
    }

    TEST_CASE("the phone is stored in its canonical digits") {
        Intake in;
        json s = kiosk("你好");
        s["customer"]["phone"] = "+86 138-0013-8000";
        CHECK(in.ok("kiosk", s).ticket.customer.phone == "13800138000");
    }

    TEST_CASE("validation errors come back all at once with sentences naming the field") {
        Intake in;
        const auto errors = in.errors(
            "kiosk",
            json::parse(R"({"customer": {"phone": "12345", "fax": "1"}, "consent": false})"));
        CHECK(has_field_error(errors, "description", "is required"));
        CHECK(has_field_error(errors, "customer.phone", "'12345' is not a phone number"));
        CHECK(has_field_error(errors, "customer.fax", "unknown field"));
        CHECK(has_field_error(errors, "consent", "must be yes"));
        CHECK(errors.size() == 4);
    }

    TEST_CASE("an unknown form or calendar is one error naming it") {
        Intake in;
        auto no_form = forms::prepare_ticket(in.catalog, "web", kiosk("x1"), "cn-mainland", k_now);
        REQUIRE_FALSE(no_form.has_value());
        REQUIRE(no_form.error().size() == 1);
        CHECK(no_form.error()[0].field == "form");
        CHECK(no_form.error()[0].reason.find("'web'") != std::string::npos);
        auto no_calendar = forms::prepare_ticket(in.catalog, "kiosk", kiosk("x1"), "mars", k_now);
        REQUIRE_FALSE(no_calendar.has_value());
        CHECK(no_calendar.error()[0].field == "calendar");
    }
}
