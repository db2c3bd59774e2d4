// "What to say" (话术) on the ticket detail: which sentences a ticket's point calls for
// (counter/script_moments.h) and that the panel shows them, never an apology for praise.

#include "counter/script_moments.h"
#include "counter/script_text.h"
#include "tests/support/ui/counter_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using counter::Screen;
using M = forms::ScriptMoment;
using core::RequestType;
using core::State;
using core::Step;

TEST_SUITE("counter script") {
    TEST_CASE("a new complaint is greeted, thanked, apologised to and told the handling time") {
        CHECK(counter::script_moments(State::received, std::nullopt, RequestType::complaint) ==
              std::vector<M>{M::greeting, M::thanks, M::apology, M::acknowledgement});
    }

    TEST_CASE("new praise, enquiries and suggestions get no apology") {
        CHECK(counter::script_moments(State::received, std::nullopt, RequestType::praise) ==
              std::vector<M>{M::greeting, M::thanks, M::acknowledgement});
        CHECK(counter::script_moments(State::received, std::nullopt, RequestType::enquiry) ==
              std::vector<M>{M::greeting, M::thanks, M::acknowledgement});
        // A suggestion's reply (evaluated by {due}) stands for the acknowledgement.
        CHECK(counter::script_moments(State::received, std::nullopt, RequestType::suggestion) ==
              std::vector<M>{M::greeting, M::thanks, M::suggestion_reply});
    }

    TEST_CASE("each step shows what is said at it") {
        const auto at = [](State s, Step step) {
            return counter::script_moments(s, step, RequestType::complaint);
        };
        CHECK(at(State::received, Step::acknowledge) == std::vector<M>{M::acknowledgement});
        CHECK(at(State::resolved, Step::satisfaction) == std::vector<M>{M::satisfaction});
        CHECK(at(State::satisfied, Step::close) == std::vector<M>{M::closing});
        CHECK(at(State::dispatched, Step::contact) == std::vector<M>{M::progress});
        CHECK(at(State::answered, Step::contact) == std::vector<M>{M::satisfaction});
        // A note has nothing of its own: the state's sentences stay.
        CHECK(at(State::dispatched, Step::note) == std::vector<M>{M::progress});
    }

    TEST_CASE("at the center a progress update, then the satisfaction question and thanks") {
        for (const State s : {State::submitted, State::accepted, State::dispatched, State::handled,
                              State::audited}) {
            CHECK(counter::script_moments(s, std::nullopt, RequestType::report) ==
                  std::vector<M>{M::progress});
        }
        CHECK(counter::script_moments(State::answered, std::nullopt, RequestType::other) ==
              std::vector<M>{M::satisfaction});
        CHECK(counter::script_moments(State::closed, std::nullopt, RequestType::praise) ==
              std::vector<M>{M::closing});
    }

    TEST_CASE("the detail of a new complaint shows the greeting and the apology") {
        test::CounterHarness h;
        h.add_staff("S001", core::Role::frontdesk, "135790", "李四");
        auto t = h.store->file(test::sample_complaint(), {"kiosk", core::Role::kiosk, {}});
        REQUIRE(t.has_value());
        h.sign_in("S001", "135790");
        h.controller().open(t->number);
        h.frame(2);
        REQUIRE(h.controller().screen() == Screen::detail);
        CHECK(h.shows("detail.script"));
        CHECK(h.shows("script.greeting"));
        CHECK(h.shows("script.apology"));
        CHECK(h.shows("script.acknowledgement"));

        // Acknowledging: only the acknowledgement with the handling time is read.
        h.click("step.acknowledge");
        h.frame();
        CHECK(h.shows("script.acknowledgement"));
        CHECK_FALSE(h.shows("script.greeting"));
        CHECK_FALSE(h.shows("script.apology"));
    }

    TEST_CASE("the detail of praise thanks and never apologises") {
        test::CounterHarness h;
        h.add_staff("S001", core::Role::frontdesk, "135790", "李四");
        core::NewTicket praise = test::sample_complaint();
        praise.request_type = RequestType::praise;
        auto t = h.store->file(praise, {"kiosk", core::Role::kiosk, {}});
        REQUIRE(t.has_value());
        h.sign_in("S001", "135790");
        h.controller().open(t->number);
        h.frame(2);
        CHECK(h.shows("script.thanks"));
        CHECK_FALSE(h.shows("script.apology"));
    }
}

TEST_SUITE("counter script text") {
    TEST_CASE("sentences are filled in the customer's language, and praise has no apology") {
        test::CounterHarness h;
        core::NewTicket praise = test::sample_complaint();
        praise.request_type = RequestType::praise;
        praise.locale = "zh-Hant";
        auto t = h.store->file(praise, {"kiosk", core::Role::kiosk, {}});
        REQUIRE(t.has_value());
        const ui::Locale l = counter::customer_locale(*t, ui::Locale::en);
        CHECK(l == ui::Locale::zh_hant);
        const forms::Catalog& catalog = h.controller().catalog();
        CHECK(counter::script_sentence(catalog, *t, M::apology, l, t->received_at, 480).empty());
        const std::string ack =
            counter::script_sentence(catalog, *t, M::acknowledgement, l, t->received_at, 480);
        CHECK(ack.find("您的表揚已登記") != std::string::npos);
        CHECK(ack.find(t->number) != std::string::npos);
        CHECK(ack.find('{') == std::string::npos);
    }

    TEST_CASE("a ticket in a language we do not know is read in the staff member's") {
        core::Ticket t;
        t.locale = "fr";
        CHECK(counter::customer_locale(t, ui::Locale::en) == ui::Locale::en);
    }
}
