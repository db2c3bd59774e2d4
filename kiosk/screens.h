#pragma once
// One function per kiosk screen (one file each, *_screen.cpp), and the chrome they share.
// Each draws from the view and emits actions through the Ui; none changes state.

#include "kiosk/kiosk_ui.h"
#include "kiosk/kiosk_view.h"

#include <string_view>

namespace cf::kiosk {

void draw_attract(Ui& ui, const KioskView& v);
void draw_choose_type(Ui& ui, const KioskView& v);
void draw_category(Ui& ui, const KioskView& v);
void draw_describe(Ui& ui, const KioskView& v);
void draw_answers(Ui& ui, const KioskView& v);
void draw_contact(Ui& ui, const KioskView& v);
void draw_remedies(Ui& ui, const KioskView& v);
void draw_review(Ui& ui, const KioskView& v);
void draw_receipt(Ui& ui, const KioskView& v);
void draw_failure(Ui& ui, const KioskView& v);
void draw_check(Ui& ui, const KioskView& v);
void draw_check_result(Ui& ui, const KioskView& v);
void draw_staff_sign_in(Ui& ui, const KioskView& v);
void draw_staff_menu(Ui& ui, const KioskView& v);
void draw_idle_warning(Ui& ui, const KioskView& v);

// [SECTION] chrome (chrome.cpp)

// The bar at the top of every screen: back (when `back`), the step or title, and the
// high-contrast and large-text toggles.
void top_bar(Ui& ui, const KioskView& v, bool back);
// A screen heading with an optional smaller line under it.
void heading(Ui& ui, std::string_view title, std::string_view subtitle = {});
// Cancel on the left and, when a label is given, the primary action on the right, across
// `width`.
void action_row(Ui& ui, float width, std::string_view primary_label = {},
                Action primary = act::Next{}, std::string_view primary_id = "nav.next");
// The notice of the state (a validation message), in the error colour, if any.
void notice_line(Ui& ui, const KioskView& v);
// Content width and left margin for centred columns.
float column_width(const Ui& ui);
void begin_column(const Ui& ui);

} // namespace cf::kiosk
