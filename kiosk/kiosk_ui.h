#pragma once
// What every kiosk drawing function gets for one frame: the shared ui::Ui (texts, fonts, theme,
// scale, hit registry) and the list the frame's actions go into. The kiosk's screens return what
// the customer did as actions (kiosk_action.h); the counter and console call their controllers
// instead and use ui::Ui as it is.

#include "kiosk/kiosk_action.h"
#include "ui/ui.h"

#include <utility>
#include <vector>

namespace cf::kiosk {

// The shared toolkit's names as the kiosk's screens use them.
using ui::FontScope;
using ui::HitRegistry;
using ui::Locale;
using ui::Theme;
using ui::UiFonts;

class Ui : public ui::Ui {
public:
    using ui::Ui::Ui;

    void emit(Action a) { m_actions.push_back(std::move(a)); }
    std::vector<Action> take_actions() { return std::move(m_actions); }

private:
    std::vector<Action> m_actions;
};

} // namespace cf::kiosk
