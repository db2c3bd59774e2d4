#pragma once
// What an on-screen keyboard draws while the customer types pinyin: a snapshot that a
// PinyinSession refreshes after each key, so drawing a frame never calls into librime.

#include <string>
#include <vector>

namespace cf::ime {

struct Composition {
    std::string input;                   // the letters typed so far, e.g. "tousu"
    std::string preedit;                 // as librime shows it: "tou su", or "我yao" mid-way
    std::vector<std::string> candidates; // the current page, at most the session's page size
    int page = 0;                        // 0 for the first page
    bool has_previous_page = false;
    bool has_next_page = false;

    // True while letters are waiting for a choice; the keyboard's own keys (backspace, space,
    // enter) go to the session then, and to the text field otherwise.
    bool active() const { return !input.empty(); }
};

} // namespace cf::ime
