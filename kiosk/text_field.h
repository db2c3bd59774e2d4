#pragma once
// The kiosk's text fields: which keys each accepts and how long it may grow. The on-screen
// keyboard and a physical keyboard both go through edit_append/edit_backspace, so a field never
// holds a character its rules forbid.

#include "forms/catalog.h"
#include "kiosk/kiosk_state.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace cf::kiosk {

struct FieldRules {
    KeyLayout layout = KeyLayout::letters; // what the keyboard shows first
    bool digits_only = false;              // phone keypad fields
    bool phone_symbols = false;            // also + - and space
    bool chinese = true;                   // pinyin input allowed
    bool upper = false;                    // letters become capitals (ticket numbers, ids)
    bool multiline = false;
    bool secret = false; // shown as dots
    std::size_t max_chars = 100;
};

// The rules for a field; lengths come from the kiosk form where it defines them.
FieldRules rules_for(Field field, const forms::FormDefinition* kiosk_form);

// The buffer that holds the field's text, or nullptr for Field::none.
std::string* buffer_of(KioskState& state, Field field);
const std::string* buffer_of(const KioskState& state, Field field);

// Appends the characters of `text` that the rules allow, up to max_chars code points.
// Returns false when something was dropped (so the keyboard can flash the field).
bool edit_append(std::string& buffer, std::string_view text, const FieldRules& rules);
// Removes the last code point; false when the buffer was already empty.
bool edit_backspace(std::string& buffer);

std::size_t count_chars(std::string_view utf8);

} // namespace cf::kiosk
