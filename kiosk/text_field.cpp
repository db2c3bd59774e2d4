#include "kiosk/text_field.h"

namespace cf::kiosk {

namespace {

std::size_t form_max(const forms::FormDefinition* form, std::string_view id, std::size_t fallback) {
    if (form == nullptr) {
        return fallback;
    }
    const forms::FieldDefinition* f = form->find_field(id);
    return (f != nullptr && f->validation.max_length) ? *f->validation.max_length : fallback;
}

// Length in bytes of the UTF-8 sequence that starts with `lead`, 0 for a continuation byte.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        return 3;
    }
    if ((lead & 0xF8) == 0xF0) {
        return 4;
    }
    return 0;
}

bool allowed(std::string_view ch, const FieldRules& rules) {
    if (ch.size() == 1) {
        const char c = ch[0];
        if (c == '\n') {
            return rules.multiline;
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return false;
        }
        if (c >= '0' && c <= '9') {
            return true;
        }
        if (rules.digits_only) {
            return rules.phone_symbols && (c == '+' || c == '-' || c == ' ');
        }
        if (rules.upper) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
        }
        return true;
    }
    // Anything beyond ASCII: Chinese text and punctuation, in free-text fields only.
    return !rules.digits_only && !rules.upper;
}

} // namespace

FieldRules rules_for(Field field, const forms::FormDefinition* kiosk_form) {
    FieldRules r;
    switch (field) {
    case Field::description:
        r.multiline = true;
        r.max_chars = form_max(kiosk_form, "description", 2000);
        break;
    case Field::demand:
        r.multiline = true;
        r.max_chars = form_max(kiosk_form, "demand", 1000);
        break;
    case Field::name:
        r.max_chars = form_max(kiosk_form, "name", 100);
        break;
    case Field::phone:
        r = FieldRules{KeyLayout::digits, true, true, false, false, false, false, 24};
        break;
    case Field::check_number:
        r = FieldRules{KeyLayout::letters, false, false, false, true, false, false, 24};
        break;
    case Field::check_phone4:
        r = FieldRules{KeyLayout::digits, true, false, false, false, false, false, 4};
        break;
    case Field::staff_id:
        r = FieldRules{KeyLayout::letters, false, false, false, true, false, false, 16};
        break;
    case Field::staff_pin:
        r = FieldRules{KeyLayout::digits, true, false, false, false, false, true, 12};
        break;
    case Field::none:
        break;
    }
    return r;
}

std::string* buffer_of(KioskState& s, Field field) {
    return const_cast<std::string*>(buffer_of(static_cast<const KioskState&>(s), field));
}

const std::string* buffer_of(const KioskState& s, Field field) {
    switch (field) {
    case Field::description:
        return &s.draft.description;
    case Field::phone:
        return &s.draft.phone;
    case Field::name:
        return &s.draft.name;
    case Field::demand:
        return &s.draft.demand;
    case Field::check_number:
        return &s.check.number;
    case Field::check_phone4:
        return &s.check.phone4;
    case Field::staff_id:
        return &s.staff_id_input;
    case Field::staff_pin:
        return &s.staff_pin_input;
    case Field::none:
        return nullptr;
    }
    return nullptr;
}

std::size_t count_chars(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

bool edit_append(std::string& buffer, std::string_view text, const FieldRules& rules) {
    bool kept_all = true;
    std::size_t length = count_chars(buffer);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
        if (n == 0 || i + n > text.size()) {
            ++i; // a stray byte: never let broken UTF-8 into a ticket
            kept_all = false;
            continue;
        }
        std::string ch(text.substr(i, n));
        i += n;
        if (!allowed(ch, rules) || length >= rules.max_chars) {
            kept_all = false;
            continue;
        }
        if (rules.upper && ch[0] >= 'a' && ch[0] <= 'z') {
            ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
        }
        buffer += ch;
        ++length;
    }
    return kept_all;
}

bool edit_backspace(std::string& buffer) {
    if (buffer.empty()) {
        return false;
    }
    std::size_t at = buffer.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(buffer[at]) & 0xC0) == 0x80) {
        --at;
    }
    buffer.erase(at);
    return true;
}

} // namespace cf::kiosk
