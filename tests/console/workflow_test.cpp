// Every center step through the console's screens, against a real center: review (accept and
// return with a reason), dispatch, handling by the right department's handler, audit (reject
// and dispatch again, then approve), feedback and a note; fields named before sending; a
// handler cannot open another department's ticket.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace cf;
using console::Screen;

namespace {

void as(test::ConsoleHarness& h, const char* id) {
    if (h.controller().signed_in()) {
        h.click("nav.sign_out");
    }
    h.sign_in(id, test::k_password);
    REQUIRE_MESSAGE(h.controller().signed_in(), "sign-in of " << id);
}

// Opens the ticket from the current list by clicking its row.
void open_row(test::ConsoleHarness& h, const std::string& number) {
    REQUIRE_MESSAGE(h.shows("row." + number), number << " is not in the list");
    h.click_and_settle("row." + number);
    REQUIRE(h.controller().screen() == Screen::detail);
    REQUIRE(h.controller().detail().has_value());
    REQUIRE(h.controller().detail()->ticket.number == number);
}

core::State state_of(test::ConsoleHarness& h) {
    return h.controller().detail()->ticket.state;
}

// Confirms the open dialog and waits for the center; the step must have been taken.
void confirm(test::ConsoleHarness& h) {
    h.click_and_settle("dialog.confirm");
    INFO("notice: ", h.controller().notice().key);
    REQUIRE_FALSE(h.controller().dialog().has_value());
    CHECK(h.controller().notice().key == "console.step.done");
}

std::vector<std::string> kinds(test::ConsoleHarness& h) {
    std::vector<std::string> out;
    for (const auto& e : h.controller().detail()->timeline) {
        out.push_back(e.kind);
    }
    return out;
}

} // namespace

TEST_CASE("a complaint goes through review, dispatch, handling, audit and feedback in the "
          "console") {
    test::ConsoleCenter center;
    const std::vector<std::string> numbers = center.submitted_tickets(2);
    const std::string& a = numbers[0];
    const std::string& b = numbers[1];
    test::ConsoleHarness h(center.url());

    // Review: accept one, return the other with a reason.
    as(h, "R01");
    CHECK(h.controller().count(sync::ConsoleQueue::review) == 2);
    CHECK(h.controller().total() == 2);
    open_row(h, a);
    CHECK(h.shows("step.review_accept"));
    CHECK(h.shows("step.review_return"));
    CHECK_FALSE(h.shows("step.dispatch")); // only what the center offers
    h.click("step.review_accept");
    confirm(h);
    CHECK(state_of(h) == core::State::accepted);

    h.click("detail.back");
    h.settle();
    CHECK(h.controller().count(sync::ConsoleQueue::review) == 1);
    open_row(h, b);
    h.click("step.review_return");
    h.click("dialog.confirm"); // no reason yet: named, nothing sent
    CHECK_FALSE(h.controller().waiting());
    CHECK(h.controller().notice().key == "console.step.invalid");
    REQUIRE(h.controller().dialog().has_value());
    CHECK(h.controller().dialog()->field_errors.contains("reason"));
    h.fill("dialog.reason", "请补充客户的账单截图");
    confirm(h);
    CHECK(state_of(h) == core::State::returned);
    CHECK(h.controller().detail()->ticket.return_reason == "请补充客户的账单截图");

    // Dispatch to billing with a 24-hour deadline.
    as(h, "D01");
    CHECK(h.controller().queue() == sync::ConsoleQueue::dispatch);
    open_row(h, a);
    h.click("step.dispatch");
    // The category billing suggests the billing department (category_departments.json).
    CHECK(h.controller().dialog()->departments == std::set<std::string>{"billing"});
    h.click("dialog.departments.billing"); // off: no department chosen
    h.click("dialog.confirm");
    CHECK_FALSE(h.controller().waiting());
    CHECK(h.controller().dialog()->field_errors.contains("departments"));
    h.click("dialog.departments.billing");
    h.click("dialog.deadline.24");
    const core::Millis before = h.clock().now();
    confirm(h);
    CHECK(state_of(h) == core::State::dispatched);
    const core::Ticket& t = h.controller().detail()->ticket;
    CHECK(t.departments_pending == std::vector<std::string>{"billing"});
    REQUIRE(t.handling_deadline.has_value());
    CHECK(*t.handling_deadline >= before + 24 * core::k_hour);
    CHECK(*t.handling_deadline < before + 25 * core::k_hour);

    // The network handler does not see it, and cannot open it.
    as(h, "H02");
    CHECK(h.controller().queue() == sync::ConsoleQueue::departments);
    CHECK_FALSE(h.shows("row." + a));
    h.controller().open(a);
    h.settle();
    CHECK(h.controller().notice().key == "console.error.wrong_department");
    CHECK(h.controller().screen() == Screen::queue);
    CHECK_FALSE(h.controller().detail().has_value());

    // The billing handler signs for it (签收), then handles it.
    as(h, "H01");
    CHECK(h.controller().total() == 1);
    open_row(h, a);
    CHECK_FALSE(h.shows("step.handle"));
    h.click("step.sign_for");
    CHECK(h.controller().dialog()->fields["department"] == "billing");
    confirm(h);
    CHECK(h.controller().detail()->ticket.departments_signed ==
          std::vector<std::string>{"billing"});
    h.click("step.handle");
    CHECK(h.controller().dialog()->fields["department"] == "billing");
    h.fill("dialog.investigation", "计费系统重复扣费");
    h.click("dialog.responsibility.supplier");
    h.fill("dialog.solution", "已退还 50 元");
    confirm(h);
    CHECK(state_of(h) == core::State::handled);

    // Audit: not good enough, to network as well.
    as(h, "A01");
    CHECK(h.controller().queue() == sync::ConsoleQueue::audit);
    open_row(h, a);
    h.click("step.audit_reject");
    h.fill("dialog.reason", "需要网络部确认线路");
    h.click("dialog.departments.billing"); // preset from the ticket: off again
    h.click("dialog.departments.network");
    confirm(h);
    CHECK(state_of(h) == core::State::dispatched);
    CHECK(h.controller().detail()->ticket.departments_pending ==
          std::vector<std::string>{"network"});

    as(h, "H02");
    open_row(h, a);
    h.click("step.sign_for");
    confirm(h);
    h.click("step.handle");
    h.fill("dialog.investigation", "线路正常");
    h.click("dialog.responsibility.our_department");
    h.fill("dialog.solution", "已复查");
    confirm(h);
    CHECK(state_of(h) == core::State::handled);

    as(h, "A01");
    open_row(h, a);
    h.click("step.audit_approve");
    confirm(h);
    CHECK(state_of(h) == core::State::audited);

    // Feedback to the branch.
    h.click("detail.back");
    h.click_and_settle("queue.answer");
    open_row(h, a);
    h.click("step.feedback");
    h.fill("dialog.text", "已核实并退还多扣费用");
    confirm(h);
    CHECK(state_of(h) == core::State::answered);
    CHECK(h.controller().detail()->ticket.feedback == "已核实并退还多扣费用");

    // A manager's note; the timeline holds the branch's and the center's events.
    as(h, "M01");
    h.click_and_settle("queue.all");
    open_row(h, a);
    h.click("step.note");
    h.fill("dialog.text", "客户已电话确认");
    confirm(h);
    const std::vector<std::string> k = kinds(h);
    CHECK(k == std::vector<std::string>{"create", "acknowledge", "submit", "review_accept",
                                        "dispatch", "sign_for", "handle", "audit_reject",
                                        "sign_for", "handle", "audit_approve", "feedback", "note"});
    CHECK(h.ids("timeline.").size() == k.size());
}

TEST_CASE("the reviewer corrects the classification at review, with a reason, in a dialog") {
    // Issue 14: 004 asks the reviewer to 「二次確認目錄樹末級節點」; the console had no way.
    test::ConsoleCenter center;
    const std::string number = center.submitted_tickets(1).front();
    test::ConsoleHarness h(center.url());
    as(h, "R01");
    open_row(h, number);
    REQUIRE(h.shows("step.reclassify"));
    h.click("step.reclassify");
    const std::string before = h.controller().detail()->ticket.category;
    h.fill("dialog.reason", "客户反映的是网络信号问题");
    h.click("dialog.confirm"); // nothing changed yet: named, nothing sent
    CHECK_FALSE(h.controller().waiting());
    REQUIRE(h.controller().dialog().has_value());
    CHECK(h.controller().dialog()->field_errors.contains("classification"));
    h.click("dialog.priority.urgent");
    confirm(h);
    const core::Ticket& t = h.controller().detail()->ticket;
    CHECK(t.priority == core::Priority::urgent);
    CHECK(t.category == before);
    CHECK(t.state == core::State::submitted); // review itself is still to come
    const auto k = kinds(h);
    CHECK(std::find(k.begin(), k.end(), "reclassify") != k.end());
}

TEST_CASE("dispatch suggests the corrected category's departments; each signs for it and the "
          "auditor judges each part as it completes") {
    // Issue 14: 004 names the department of each leaf, has departments 签收 their dispatch and
    // lets the audit approve each part as it completes.
    test::ConsoleCenter center;
    const std::string number = center.submitted_tickets(1).front();
    test::ConsoleHarness h(center.url());
    as(h, "R01");
    open_row(h, number);
    h.click("step.reclassify");
    h.controller().dialog()->fields["category"] = "product_quality.network_signal";
    h.fill("dialog.reason", "客户反映的是网络信号问题");
    confirm(h);
    h.click("step.review_accept");
    confirm(h);

    as(h, "D01");
    open_row(h, number);
    h.click("step.dispatch");
    // The corrected category's department, not billing's.
    CHECK(h.controller().dialog()->departments == std::set<std::string>{"network"});
    CHECK(h.controller().suggested_departments() == std::vector<std::string>{"network"});
    h.click("dialog.departments.billing"); // the dispatcher adds one
    confirm(h);
    CHECK(h.controller().detail()->ticket.departments_pending ==
          std::vector<std::string>{"billing", "network"});

    as(h, "H01");
    open_row(h, number);
    CHECK(h.shows("step.sign_for"));
    CHECK_FALSE(h.shows("step.handle"));
    h.click("step.sign_for");
    confirm(h);
    CHECK_FALSE(h.shows("step.sign_for"));
    h.click("step.handle");
    h.fill("dialog.investigation", "计费正常");
    h.click("dialog.responsibility.customer_misunderstanding");
    h.fill("dialog.solution", "向客户解释资费");
    confirm(h);
    CHECK(state_of(h) == core::State::dispatched); // network still works

    // billing's part approved while network works.
    as(h, "A01");
    h.controller().open(number);
    h.settle();
    REQUIRE(h.controller().detail().has_value());
    REQUIRE(h.shows("step.audit_part"));
    h.click("step.audit_part");
    CHECK(h.controller().dialog()->fields["department"] == "billing");
    h.click("dialog.confirm"); // no verdict yet: named, nothing sent
    CHECK_FALSE(h.controller().waiting());
    CHECK(h.controller().dialog()->field_errors.contains("verdict"));
    h.click("dialog.verdict.approved");
    confirm(h);
    CHECK(state_of(h) == core::State::dispatched);
    CHECK(h.controller().detail()->ticket.departments_approved ==
          std::vector<std::string>{"billing"});
    CHECK_FALSE(h.shows("step.audit_part"));

    as(h, "H02");
    open_row(h, number);
    h.click("step.sign_for");
    confirm(h);
    h.click("step.handle");
    h.fill("dialog.investigation", "基站故障");
    h.click("dialog.responsibility.our_department");
    h.fill("dialog.solution", "已修复基站");
    confirm(h);
    CHECK(state_of(h) == core::State::handled);

    // network's part sent back with a reason: network alone is dispatched again.
    as(h, "A01");
    open_row(h, number);
    h.click("step.audit_part");
    CHECK(h.controller().dialog()->fields["department"] == "network");
    h.click("dialog.verdict.rejected");
    h.click("dialog.confirm"); // no reason yet
    CHECK(h.controller().dialog()->field_errors.contains("reason"));
    h.fill("dialog.reason", "请说明修复时间");
    h.click("dialog.deadline.24");
    confirm(h);
    CHECK(state_of(h) == core::State::dispatched);
    CHECK(h.controller().detail()->ticket.departments_pending ==
          std::vector<std::string>{"network"});

    as(h, "H02");
    open_row(h, number);
    h.click("step.sign_for");
    confirm(h);
    h.click("step.handle");
    h.fill("dialog.investigation", "基站故障");
    h.click("dialog.responsibility.our_department");
    h.fill("dialog.solution", "11月24日已修复基站");
    confirm(h);

    // The last part approved: the audit is done, nothing is checked twice.
    as(h, "A01");
    open_row(h, number);
    h.click("step.audit_part");
    h.click("dialog.verdict.approved");
    confirm(h);
    CHECK(state_of(h) == core::State::audited);
    const std::vector<std::string> k = kinds(h);
    CHECK(std::count(k.begin(), k.end(), "sign_for") == 3);
    CHECK(std::count(k.begin(), k.end(), "audit_part") == 3);
}
