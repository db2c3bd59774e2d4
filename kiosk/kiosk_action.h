#pragma once
// What a customer or staff member did on a kiosk screen. Screens return these; the controller
// applies them (kiosk_controller.h), so every rule is testable without drawing.

#include "core/ticket.h"
#include "kiosk/kiosk_state.h"
#include "ui/locale.h"

#include <string>
#include <variant>

namespace cf::kiosk {

namespace act {

struct Start {
    Locale locale;
}; // attract screen: begin in this language
struct ChooseType {
    core::RequestType type;
};
struct CheckTicket {}; // "check a ticket" tile
struct OpenCategory {
    std::string code;
}; // a top-level tile with children
struct ChooseCategory {
    std::string code;
};
struct SkipCategory {};
struct Next {};
struct Back {};
struct Cancel {}; // wipe and return to the attract screen
struct GoTo {
    Screen screen;
}; // "change" on the review screen
struct Focus {
    Field field;
};
struct TypeText {
    std::string text;
}; // a key of the on-screen keyboard or a physical one
struct Backspace {};
struct Space {};
struct Enter {};
struct ClearField {};
struct ToggleChinese {};
struct ToggleLayout {};
struct ToggleShift {};
struct SelectCandidate {
    int index;
};
struct CandidatePage {
    int delta;
};
struct ToggleRemedy {
    std::string code;
};
struct SetConsent {
    bool value;
};
struct Submit {};
struct OpenAnswer {
    int index;
}; // answers screen: show this answer in full
struct AnswerHelped {
    std::string article;
};              // "this answered my question": file the enquiry as resolved by this article
struct Done {}; // receipt, failure and check result: back to start
struct SubmitCheck {};
struct CheckAgain {};
struct ToggleContrast {};
struct ToggleLargeText {};
struct StillHere {};
struct OpenStaff {};
struct StaffSignIn {};
struct StaffRetry {
    int index;
};
struct StaffDiscard {
    int index;
};
struct StaffExit {};
struct StaffBack {};

} // namespace act

using Action = std::variant<
    act::Start, act::ChooseType, act::CheckTicket, act::OpenCategory, act::ChooseCategory,
    act::SkipCategory, act::Next, act::Back, act::Cancel, act::GoTo, act::Focus, act::TypeText,
    act::Backspace, act::Space, act::Enter, act::ClearField, act::ToggleChinese, act::ToggleLayout,
    act::ToggleShift, act::SelectCandidate, act::CandidatePage, act::ToggleRemedy, act::SetConsent,
    act::Submit, act::OpenAnswer, act::AnswerHelped, act::Done, act::SubmitCheck, act::CheckAgain,
    act::ToggleContrast, act::ToggleLargeText, act::StillHere, act::OpenStaff, act::StaffSignIn,
    act::StaffRetry, act::StaffDiscard, act::StaffExit, act::StaffBack>;

} // namespace cf::kiosk
