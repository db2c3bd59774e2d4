#include "kiosk/receipt_lines.h"

namespace cf::kiosk {

std::vector<ReceiptLine> receipt_lines(const forms::ScriptPhrases& phrases, core::RequestType type,
                                       std::string_view locale) {
    std::vector<ReceiptLine> lines;
    if (const forms::LocalizedText* t = phrases.find(type, forms::ScriptMoment::thanks)) {
        lines.push_back({"receipt.thanks", t->in(locale)});
    }
    if (const forms::LocalizedText* t = phrases.find(type, forms::ScriptMoment::apology)) {
        lines.push_back({"receipt.apology", t->in(locale)});
    }
    return lines;
}

} // namespace cf::kiosk
