#pragma once
// What the on-screen keyboard needs from a Chinese input method: letters go in, a composition
// and candidates come out, and chosen text is handed back for the field's own buffer. The one
// implementation is rime_composer.h (librime); the keyboard falls back to direct letters when
// it is unavailable.

#include <string>
#include <vector>

namespace cf::ui {

class Composer {
public:
    virtual ~Composer() = default;

    // False when the input method could not start; `unavailable_reason` then says why.
    virtual bool available() const = 0;
    virtual std::string unavailable_reason() const = 0;

    // Simplified (pinyin_simp) or Traditional (luna_pinyin) output. Clears the composition.
    virtual void set_traditional(bool traditional) = 0;

    virtual void press_letter(char letter) = 0; // 'a'..'z'
    // Removes the last letter of the composition; false when there was none (the caller then
    // deletes from its own buffer).
    virtual bool backspace() = 0;
    virtual void select(int index_on_page) = 0;
    virtual void page(int delta) = 0;  // -1 previous page, +1 next page
    virtual void commit_first() = 0;   // space: the first candidate
    virtual void commit_letters() = 0; // enter: the typed letters as they are
    virtual void clear() = 0;          // drops the composition without committing

    virtual bool composing() const = 0;
    virtual std::string preedit() const = 0;
    virtual std::vector<std::string> candidates() const = 0; // the current page
    virtual bool has_previous_page() const = 0;
    virtual bool has_next_page() const = 0;
    // Text chosen since the last call, for the caller to insert into its buffer.
    virtual std::string take_commit() = 0;
};

} // namespace cf::ui
