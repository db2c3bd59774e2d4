#pragma once
// `counterfoil --mode console --center URL`: the regional center's console. It keeps no tickets
// of its own: staff sign in against the center and every list, ticket and figure comes from
// it. The data directory holds only the dashboard's CSV exports. With --screenshots and no
// --center, a sample center (app/sample_center.h) is started for the tour.

#include "app/app_options.h"

namespace cf::app {

// Console text is as dense as the counter's: fonts at this share of the kiosk's sizes.
inline constexpr float k_console_font_factor = 0.68f;

// Exit codes: 0 done, 3 bad assets, 4 the data directory, fonts, display or sample center are
// unusable.
int run_console(const AppOptions& options);

} // namespace cf::app
