#pragma once
// The counter's screens and the small value types its controller and views share.

#include "core/clock.h"
#include "core/staff_directory.h"
#include "ui/locale.h"
#include "ui/notice.h"

namespace cf::counter {

using ui::Locale;
using ui::Notice;

enum class Screen {
    sign_in,
    queue,           // tabs New / Mine / Awaiting center / Feedback arrived / Overdue / Closed
    entry,           // fast entry of a walk-in or phone complaint
    acknowledgement, // after saving: the script to read and the printable receipt
    detail,          // one ticket: fields, timeline, the steps allowed now
    search,
    stats,
    dead_letters, // events the center refused, and why
};

struct CounterTimings {
    core::Millis idle_sign_out = 10 * core::k_minute;
};

} // namespace cf::counter
