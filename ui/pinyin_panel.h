#pragma once
// The on-screen pinyin keyboard for staff PCs without a system input method: it types into the
// text field last typed in (staff_widgets.h, text_targets).

#include "ui/composer.h"
#include "ui/ui.h"

namespace cf::ui {

void draw_pinyin_panel(Ui& ui, Composer& composer);

} // namespace cf::ui
