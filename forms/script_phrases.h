#pragma once
// What staff say to a customer (话术), per request type and moment, in the three locales
// (assets/scripts/phrases.json). The counter shows the sentence for the step at hand in the
// customer's language; the kiosk receipt thanks, and for a complaint apologises.

#include "core/ticket.h"
#include "forms/asset_error.h"
#include "forms/localized_text.h"
#include "forms/script_moment.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// A sentence is read aloud in one breath or two: longer text is a mistake in the asset.
inline constexpr std::size_t k_max_phrase_chars = 200;

struct ScriptPhrases {
    std::map<core::RequestType, std::map<ScriptMoment, LocalizedText>> by_type;

    // The sentence for `type` at `m`, or nullptr when that type has none (an apology for
    // praise). A loaded asset has one for every pair where moment_applies().
    const LocalizedText* find(core::RequestType type, ScriptMoment m) const;
    // Every sentence in every locale, for the font atlas.
    std::vector<std::string_view> all_texts() const;
};

// Parses assets/scripts/phrases.json: {"complaint": {"greeting": {"zh-Hans": .., "zh-Hant":
// .., "en": ..}, ...}, "enquiry": {...}, ...}. Fails with every problem, each naming `file`
// and the field ("praise.apology.en"): a request type or a required moment missing, a
// moment the type must not have (an apology for praise, suggestion, enquiry, report or
// other; a suggestion reply for anything but a suggestion), unknown keys, a missing or empty
// locale, a sentence over k_max_phrase_chars characters, a placeholder other than {number}
// and {due}, or an acknowledgement without {due}.
std::expected<ScriptPhrases, std::vector<AssetError>>
parse_script_phrases(const nlohmann::json& doc, const std::string& file);

} // namespace cf::forms
