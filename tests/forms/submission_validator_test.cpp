#include "forms/submission_validator.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

using namespace cf;
using cf::test::at;
using cf::test::has_field_error;
using nlohmann::json;

namespace {

struct Forms {
    forms::Catalog catalog = test::real_catalog();
    const forms::FormDefinition& kiosk = *catalog.find_form("kiosk");
    const forms::FormDefinition& counter = *catalog.find_form("counter");

    std::expected<forms::ValidSubmission, std::vector<forms::FieldError>>
    check(const forms::FormDefinition& form, const json& submission) const {
        return forms::validate_submission(form, catalog.categories, submission, 480);
    }
    // Errors of a submission that must fail.
    std::vector<forms::FieldError> errors(const forms::FormDefinition& form,
                                          const json& submission) const {
        auto result = check(form, submission);
        REQUIRE_FALSE(result.has_value());
        return result.error();
    }
    // A submission that must pass.
    forms::ValidSubmission ok(const forms::FormDefinition& form, const json& submission) const {
        auto result = check(form, submission);
        if (!result) {
            FAIL(test::all_errors(result.error()));
        }
        return *result;
    }
};

json kiosk_minimal() {
    return json::parse(R"({"description": "ATM吞卡了", "customer": {"phone": "13800138000"},
                           "consent": true})");
}

json counter_minimal() {
    return json::parse(R"({"description": "柜员态度差", "customer": {"phone": "13800138000"}})");
}

} // namespace

TEST_SUITE("submission validation") {

    TEST_CASE("a minimal kiosk submission passes with the kiosk's defaults") {
        Forms f;
        const forms::ValidSubmission v = f.ok(f.kiosk, kiosk_minimal());
        CHECK(v.ticket.description == "ATM吞卡了");
        CHECK(v.ticket.customer.phone == "13800138000");
        CHECK(v.ticket.channel == core::Channel::kiosk);
        CHECK(v.ticket.receiver == "kiosk");
        CHECK(v.ticket.locale == "zh-Hans");
        CHECK(v.was_given(forms::TicketPath::description));
        CHECK_FALSE(v.was_given(forms::TicketPath::channel));
    }

    TEST_CASE("a submission that is not a JSON object is rejected") {
        Forms f;
        const auto errors = f.errors(f.kiosk, json::array({1, 2}));
        CHECK(has_field_error(errors, "submission", "must be a JSON object"));
    }

    TEST_CASE("unknown keys are named, at the top level and inside customer") {
        Forms f;
        json s = kiosk_minimal();
        s["colour"] = "blue";
        s["customer"]["foo"] = "bar";
        s["customer.name"] = "张三";
        const auto errors = f.errors(f.kiosk, s);
        CHECK(has_field_error(errors, "colour", "unknown field"));
        CHECK(has_field_error(errors, "customer.foo", "unknown field"));
        CHECK(has_field_error(errors, "customer.name", "unknown field"));
        CHECK(errors.size() == 3);
    }

    TEST_CASE("customer must be an object") {
        Forms f;
        json s = kiosk_minimal();
        s["customer"] = "13800138000";
        const auto errors = f.errors(f.kiosk, s);
        CHECK(has_field_error(errors, "customer", "must be an object"));
    }

    TEST_CASE("ticket fields the kiosk form does not show are rejected as not on this form") {
        Forms f;
        json s = kiosk_minimal();
        s["severity"] = "major";
        s["priority"] = "urgent";
        s["customer"]["email"] = "a@b.cn";
        const auto errors = f.errors(f.kiosk, s);
        CHECK(has_field_error(errors, "severity", "is not on the kiosk form"));
        CHECK(has_field_error(errors, "priority", "is not on the kiosk form"));
        CHECK(has_field_error(errors, "customer.email", "is not on the kiosk form"));
    }

    TEST_CASE("consent belongs to the kiosk form only") {
        Forms f;
        json s = counter_minimal();
        s["consent"] = true;
        CHECK(has_field_error(f.errors(f.counter, s), "consent", "is not on the counter form"));
    }

    TEST_CASE("receiver, locale and channel are accepted on every form") {
        Forms f;
        json s = kiosk_minimal();
        s["receiver"] = "staff-007";
        s["locale"] = "zh-Hant";
        s["channel"] = "visit";
        const forms::ValidSubmission v = f.ok(f.kiosk, s);
        CHECK(v.ticket.receiver == "staff-007");
        CHECK(v.ticket.locale == "zh-Hant");
        CHECK(v.ticket.channel == core::Channel::visit);
    }

    TEST_CASE("an unsupported locale or unknown channel is rejected") {
        Forms f;
        json s = kiosk_minimal();
        s["locale"] = "fr";
        s["channel"] = "pigeon";
        const auto errors = f.errors(f.kiosk, s);
        CHECK(has_field_error(errors, "locale", "'fr' is not one of zh-Hans, zh-Hant, en"));
        CHECK(has_field_error(errors, "channel", "'pigeon' is not one of"));
        CHECK(has_field_error(f.errors(f.counter, json{{"description", "x1"},
                                                       {"customer", {{"phone", "13800138000"}}},
                                                       {"locale", "fr"}}),
                              "locale", "'fr' is not one of the choices"));
    }

    TEST_CASE("deadlines are computed, never submitted") {
        Forms f;
        json s = counter_minimal();
        s["due_at"] = 0;
        s["first_response_due"] = 0;
        const auto errors = f.errors(f.counter, s);
        CHECK(has_field_error(errors, "due_at", "cannot be submitted"));
        CHECK(has_field_error(errors, "first_response_due", "cannot be submitted"));
    }

    TEST_CASE("required visible fields must be present and not blank, all reported at once") {
        Forms f;
        const auto errors = f.errors(f.kiosk, json{{"description", "   "}});
        CHECK(has_field_error(errors, "description", "is required"));
        CHECK(has_field_error(errors, "customer.phone", "is required"));
        CHECK(has_field_error(errors, "consent", "is required"));
        CHECK(errors.size() == 3);
    }

    TEST_CASE("null counts as not given") {
        Forms f;
        json s = kiosk_minimal();
        s["demand"] = nullptr;
        s["customer"]["name"] = nullptr;
        const forms::ValidSubmission v = f.ok(f.kiosk, s);
        CHECK(v.ticket.demand.empty());
        CHECK_FALSE(v.was_given(forms::TicketPath::demand));
    }

    TEST_CASE("text fields must be text within their length, counted in characters") {
        Forms f;
        json s = kiosk_minimal();
        s["description"] = 42;
        CHECK(has_field_error(f.errors(f.kiosk, s), "description", "must be text, not a number"));
        std::string long_text;
        for (int i = 0; i < 2001; ++i) {
            long_text += "字";
        }
        s["description"] = long_text;
        CHECK(has_field_error(f.errors(f.kiosk, s), "description",
                              "2001 characters long; at most 2000"));
        long_text.resize(long_text.size() - 3);
        s["description"] = long_text;
        CHECK(f.ok(f.kiosk, s).ticket.description == long_text);
        s["description"] = "坏";
        CHECK(has_field_error(f.errors(f.kiosk, s), "description", "at least 2"));
    }

    TEST_CASE("text is stored without surrounding whitespace") {
        Forms f;
        json s = kiosk_minimal();
        s["description"] = "  ATM吞卡了 \n";
        CHECK(f.ok(f.kiosk, s).ticket.description == "ATM吞卡了");
    }

    TEST_CASE("every kind of phone number is accepted and stored normalised") {
        Forms f;
        const std::pair<const char*, const char*> phones[] = {
            {"138 0013 8000", "13800138000"},     // mainland mobile
            {"+86 138-0013-8000", "13800138000"}, // mainland mobile with country code
            {"010-12345678", "01012345678"},      // mainland landline
            {"+852 9123 4567", "85291234567"},    // Hong Kong
            {"+853 6612 3456", "85366123456"},    // Macau
            {"+886 912 345 678", "886912345678"}, // Taiwan
        };
        for (const auto& [typed, stored] : phones) {
            CAPTURE(typed);
            json s = kiosk_minimal();
            s["customer"]["phone"] = typed;
            CHECK(f.ok(f.kiosk, s).ticket.customer.phone == stored);
        }
    }

    TEST_CASE("a phone number that is none of the known kinds is rejected with a clear message") {
        Forms f;
        json s = kiosk_minimal();
        s["customer"]["phone"] = "12345";
        const auto errors = f.errors(f.kiosk, s);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == "customer.phone");
        CHECK(errors[0].reason == "'12345' is not a phone number (mainland mobile, landline, "
                                  "Hong Kong, Macau or Taiwan)");
        s["customer"]["phone"] = 13800138000LL;
        CHECK(has_field_error(f.errors(f.kiosk, s), "customer.phone", "must be a phone number"));
    }

    TEST_CASE("email addresses are checked for a sane shape") {
        Forms f;
        json s = json::parse(R"({"description": "账单有误", "customer": {}})");
        s["customer"]["email"] = "zhang.san@example.com.cn";
        CHECK(f.ok(f.counter, s).ticket.customer.email == "zhang.san@example.com.cn");
        for (const char* bad : {"zhang", "zhang@", "@example.com", "a@b", "a b@c.cn", "a@@b.cn",
                                "a@b..cn", "a@-b.cn", ".a@b.cn"}) {
            CAPTURE(bad);
            s["customer"]["email"] = bad;
            CHECK(has_field_error(f.errors(f.counter, s), "customer.email",
                                  "is not an email address"));
        }
    }

    TEST_CASE("one of phone or email is required on the counter form") {
        Forms f;
        const auto errors = f.errors(f.counter, json{{"description", "账单有误"}});
        CHECK(has_field_error(errors, "customer.phone",
                              "give at least one of customer.phone or customer.email"));
        CHECK(f.ok(f.counter, json::parse(R"({"description": "账单有误",
                                               "customer": {"email": "a@example.com"}})"))
                  .ticket.customer.phone.empty());
    }

    TEST_CASE("an invalid phone is reported once, not again as a missing one-of") {
        Forms f;
        const auto errors = f.errors(
            f.counter, json::parse(R"({"description": "x1", "customer": {"phone": "123"}})"));
        CHECK(errors.size() == 1);
        CHECK(has_field_error(errors, "customer.phone", "is not a phone number"));
    }

    TEST_CASE("a single choice must be one of the form's options") {
        Forms f;
        json s = kiosk_minimal();
        s["request_type"] = "grumble";
        CHECK(has_field_error(f.errors(f.kiosk, s), "request_type",
                              "'grumble' is not one of the choices (complaint, suggestion, "
                              "enquiry, praise)"));
        s["request_type"] = "report"; // a request type, but not offered at the kiosk
        CHECK(has_field_error(f.errors(f.kiosk, s), "request_type", "not one of the choices"));
        s["request_type"] = "suggestion";
        CHECK(f.ok(f.kiosk, s).ticket.request_type == core::RequestType::suggestion);
        s["request_type"] = json::array({"suggestion"});
        CHECK(has_field_error(f.errors(f.kiosk, s), "request_type", "must be one choice"));
    }

    TEST_CASE("a category is any top-level or child code of the tree") {
        Forms f;
        json s = kiosk_minimal();
        s["category"] = "billing";
        CHECK(f.ok(f.kiosk, s).ticket.category == "billing");
        s["category"] = "billing.overcharge";
        CHECK(f.ok(f.kiosk, s).ticket.category == "billing.overcharge");
        s["category"] = "billing.nonsense";
        CHECK(has_field_error(f.errors(f.kiosk, s), "category", "is not a category code"));
    }

    TEST_CASE("a multiple choice is a list of distinct option values") {
        Forms f;
        json s = kiosk_minimal();
        s["remedies"] = {"refund", "apology"};
        CHECK(f.ok(f.kiosk, s).ticket.remedies == std::vector<std::string>{"refund", "apology"});
        s["remedies"] = "refund";
        CHECK(has_field_error(f.errors(f.kiosk, s), "remedies", "must be a list of choices"));
        s["remedies"] = {"refund", "a_pony"};
        CHECK(has_field_error(f.errors(f.kiosk, s), "remedies", "'a_pony' is not one of"));
        s["remedies"] = {"refund", "refund"};
        CHECK(has_field_error(f.errors(f.kiosk, s), "remedies", "chosen more than once"));
    }

    TEST_CASE("a datetime is ISO 8601, a bare date means midnight in the branch's zone") {
        Forms f;
        json s = counter_minimal();
        s["occurred_at"] = "2026-03-01T14:30+08:00";
        CHECK(f.ok(f.counter, s).ticket.occurred_at == at("2026-03-01T14:30+08:00"));
        s["occurred_at"] = "2026-03-01";
        CHECK(f.ok(f.counter, s).ticket.occurred_at == at("2026-03-01T00:00+08:00"));
        for (const char* bad : {"yesterday", "2026-02-30T10:00+08:00", "2026-03-01 14:30"}) {
            CAPTURE(bad);
            s["occurred_at"] = bad;
            CHECK(has_field_error(f.errors(f.counter, s), "occurred_at", "is not a date and time"));
        }
    }

    TEST_CASE("a yes/no field takes true or false only") {
        Forms f;
        json s = counter_minimal();
        s["tried_before"] = "yes";
        CHECK(has_field_error(f.errors(f.counter, s), "tried_before", "must be true or false"));
        s["tried_before"] = true;
        CHECK(f.ok(f.counter, s).ticket.tried_before);
    }

    TEST_CASE("the kiosk consent must be given and is not stored") {
        Forms f;
        json s = kiosk_minimal();
        s["consent"] = false;
        CHECK(has_field_error(f.errors(f.kiosk, s), "consent", "must be yes"));
        s.erase("consent");
        CHECK(has_field_error(f.errors(f.kiosk, s), "consent", "is required"));
    }

    TEST_CASE("evidence is one item per line, or a list of text") {
        Forms f;
        json s = counter_minimal();
        s["evidence"] = "receipt-0301.jpg\n\n  bank statement page 2  \r\nsms.png";
        CHECK(f.ok(f.counter, s).ticket.evidence ==
              std::vector<std::string>{"receipt-0301.jpg", "bank statement page 2", "sms.png"});
        s["evidence"] = {"a.jpg", "b.jpg"};
        CHECK(f.ok(f.counter, s).ticket.evidence == std::vector<std::string>{"a.jpg", "b.jpg"});
        s["evidence"] = {"a.jpg", 2};
        CHECK(has_field_error(f.errors(f.counter, s), "evidence", "list of text"));
    }

    TEST_CASE("a hidden field is ignored: tried_how counts only when tried_before is true") {
        Forms f;
        json s = counter_minimal();
        s["tried_how"] = "打过客服热线";
        const forms::ValidSubmission hidden = f.ok(f.counter, s);
        CHECK(hidden.ticket.tried_how.empty());
        CHECK_FALSE(hidden.ticket.tried_before);
        s["tried_before"] = false;
        s["tried_how"] = 42; // even a wrong value is ignored while hidden
        CHECK(f.ok(f.counter, s).ticket.tried_how.empty());
        s["tried_before"] = true;
        s["tried_how"] = "打过客服热线";
        const forms::ValidSubmission shown = f.ok(f.counter, s);
        CHECK(shown.ticket.tried_before);
        CHECK(shown.ticket.tried_how == "打过客服热线");
    }

    TEST_CASE("field defaults apply but do not count as given") {
        Forms f;
        const forms::ValidSubmission v = f.ok(f.counter, counter_minimal());
        CHECK(v.ticket.channel == core::Channel::counter);
        CHECK(v.ticket.locale == "zh-Hans");
        CHECK_FALSE(v.was_given(forms::TicketPath::channel));
        CHECK_FALSE(v.was_given(forms::TicketPath::tried_before));
    }

    TEST_CASE("the counter form accepts every ticket field") {
        Forms f;
        const json s = json::parse(R"({
            "request_type": "complaint", "category": "mis_selling.hidden_terms",
            "severity": "important", "priority": "important", "emotion": "agitated",
            "special_type": "vulnerable", "channel": "phone", "concern": "staff",
            "description": "理财产品的手续费没有告知", "demand": "退还手续费",
            "remedies": ["refund", "explanation"], "expected_time": "一周内",
            "occurred_at": "2026-02-10T10:00+08:00", "occurred_place": "东城支行",
            "evidence": ["合同.pdf"], "tried_before": true, "tried_how": "打过热线",
            "customer": {"name": "李四", "phone": "0755-12345678", "email": "li@example.com",
                         "customer_no": "C-001", "order_no": "HT-2026-9"},
            "locale": "zh-Hant", "receiver": "staff-12"})");
        const core::NewTicket t = f.ok(f.counter, s).ticket;
        CHECK(t.request_type == core::RequestType::complaint);
        CHECK(t.category == "mis_selling.hidden_terms");
        CHECK(t.severity == core::Severity::important);
        CHECK(t.priority == core::Priority::important);
        CHECK(t.emotion == core::Emotion::agitated);
        CHECK(t.special_type == core::SpecialType::vulnerable);
        CHECK(t.channel == core::Channel::phone);
        CHECK(t.concern == core::Concern::staff);
        CHECK(t.remedies == std::vector<std::string>{"refund", "explanation"});
        CHECK(t.expected_time == "一周内");
        CHECK(t.occurred_place == "东城支行");
        CHECK(t.evidence == std::vector<std::string>{"合同.pdf"});
        CHECK(t.tried_how == "打过热线");
        CHECK(t.customer.name == "李四");
        CHECK(t.customer.phone == "075512345678");
        CHECK(t.customer.email == "li@example.com");
        CHECK(t.customer.customer_no == "C-001");
        CHECK(t.customer.order_no == "HT-2026-9");
        CHECK(t.locale == "zh-Hant");
        CHECK(t.receiver == "staff-12");
    }

    TEST_CASE("the counter form rejects enum values that do not exist") {
        Forms f;
        json s = counter_minimal();
        s["emotion"] = "grumpy";
        s["severity"] = "apocalyptic";
        s["concern"] = "weather";
        const auto errors = f.errors(f.counter, s);
        CHECK(has_field_error(errors, "emotion", "'grumpy' is not one of the choices"));
        CHECK(has_field_error(errors, "severity", "'apocalyptic'"));
        CHECK(has_field_error(errors, "concern", "'weather'"));
    }
}
