#pragma once
// Times as a customer reads them: "今天 17:30", "明天 09:00", "11月25日 10:00", "25 Nov, 10:00",
// in the branch's local time.

#include "core/clock.h"
#include "forms/ui_strings.h"
#include "ui/locale.h"

#include <string>

namespace cf::ui {

std::string when_text(const forms::UiStrings& strings, Locale locale, core::Millis at,
                      core::Millis now, int utc_offset_minutes);

} // namespace cf::ui
