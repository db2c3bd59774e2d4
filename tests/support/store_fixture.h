#pragma once
// A data directory initialised for branch SZ01, terminal K1, with a manual clock, and sample
// tickets to file into it.

#include "core/ticket_store.h"
#include "tests/support/temp_dir.h"

#include <optional>

namespace cf::test {

// 2026-11-23 10:00 in Shenzhen (UTC+8), a Monday.
inline constexpr core::Millis k_monday_10am = 1'795'399'200'000;

struct StoreFixture {
    TempDir dir;
    core::ManualClock clock{k_monday_10am};
    std::optional<core::TicketStore> store;

    StoreFixture();
    // Another connection to the same data directory.
    core::TicketStore open_again(const core::OpenOptions& options = {}) const;
};

// The complaint from the issue: 张三, 13800138000, billing, anxious.
core::NewTicket sample_complaint();
core::Actor frontdesk(std::string id = "S001");
core::Actor as(core::Role role, std::string id = "U1", std::string department = {});

} // namespace cf::test
