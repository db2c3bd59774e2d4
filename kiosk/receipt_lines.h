#pragma once
// What the receipt screen says to the customer besides the number (话术, assets/scripts/
// phrases.json): thanks for every request, and for a complaint the apology too. Praise is
// thanked, never apologised for.

#include "core/ticket.h"
#include "forms/script_phrases.h"

#include <string>
#include <string_view>
#include <vector>

namespace cf::kiosk {

struct ReceiptLine {
    std::string id;   // "receipt.thanks", "receipt.apology": the hit id the tests look for
    std::string text; // in the customer's language
};

// The thanks for `type`, then the apology when it is a complaint; empty only for an asset
// without them (the catalog never loads one).
std::vector<ReceiptLine> receipt_lines(const forms::ScriptPhrases& phrases, core::RequestType type,
                                       std::string_view locale);

} // namespace cf::kiosk
