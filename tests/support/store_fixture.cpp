#include "tests/support/store_fixture.h"

#include <stdexcept>

namespace cf::test {

StoreFixture::StoreFixture() {
    core::InitOptions options;
    options.branch = "SZ01";
    options.terminal = "K1";
    if (auto r = core::TicketStore::init(dir.path() / "data", options); !r) {
        throw std::runtime_error(r.error().message);
    }
    store.emplace(open_again());
}

core::TicketStore StoreFixture::open_again(const core::OpenOptions& options) const {
    auto s = core::TicketStore::open(dir.path() / "data", clock, options);
    if (!s) {
        throw std::runtime_error(s.error().message);
    }
    return std::move(*s);
}

core::NewTicket sample_complaint() {
    core::NewTicket t;
    t.request_type = core::RequestType::complaint;
    t.category = "billing";
    t.channel = core::Channel::counter;
    t.description = "上个月的话费账单多扣了50元,要求退还。";
    t.demand = "退还多扣的费用";
    t.customer.name = "张三";
    t.customer.phone = "13800138000";
    t.emotion = core::Emotion::anxious;
    t.priority = core::Priority::normal;
    t.first_response_due = k_monday_10am + 24 * core::k_hour;
    t.due_at = t.first_response_due;
    return t;
}

core::Actor frontdesk(std::string id) {
    return core::Actor{std::move(id), core::Role::frontdesk, {}};
}

core::Actor as(core::Role role, std::string id, std::string department) {
    return core::Actor{std::move(id), role, std::move(department)};
}

} // namespace cf::test
