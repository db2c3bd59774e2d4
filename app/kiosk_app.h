#pragma once
// `counterfoil --mode kiosk`: opens the data directory, fonts, Chinese input and the window,
// then runs the event-driven loop until staff leave kiosk mode (or writes the screenshot tour).

#include "app/app_options.h"

namespace cf::app {

// Exit codes: 0 done, 3 bad assets, 4 the data directory, fonts or display are unusable.
int run_kiosk(const AppOptions& given);

} // namespace cf::app
