#pragma once
// The counter's screens and the small value types its controller and views share.

#include "core/clock.h"
#include "core/staff_directory.h"
#include "kiosk/locale.h"

#include <string>
#include <utility>
#include <vector>

namespace cf::counter {

using kiosk::Locale;

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

// A message for the staff member: a text key of assets/i18n/counter with its arguments.
struct Notice {
    std::string key;
    std::vector<std::pair<std::string, std::string>> args;
    bool error = false;
    // Arguments whose values are themselves text keys, translated when shown.
    std::vector<std::pair<std::string, std::string>> key_args;
    bool empty() const { return key.empty(); }
};

struct CounterTimings {
    core::Millis idle_sign_out = 10 * core::k_minute;
};

} // namespace cf::counter
