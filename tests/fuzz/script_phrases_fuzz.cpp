// The 话术 reader (forms/script_phrases.h, assets/scripts/phrases.json). Checks that an
// accepted asset has exactly the moments each request type should have (never an apology for
// praise) in every locale, each sentence within the length limit and filled without a brace
// left over, and that a refusal names the file and reasons.
#include "asset_checks.h"
#include "forms/phrase_placeholders.h"
#include "forms/script_phrases.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::forms;
    const auto doc = cf::fuzz::asset_doc(cf::fuzz::as_text(data, size));
    if (!doc) {
        return 0;
    }
    const auto phrases = parse_script_phrases(*doc, "scripts/phrases.json");
    if (!phrases) {
        cf::fuzz::check_errors(phrases.error(), "scripts/phrases.json");
        return 0;
    }
    FUZZ_CHECK(phrases->by_type.size() == k_request_types.size(), cf::fuzz::dump(*doc));
    for (const cf::core::RequestType type : k_request_types) {
        for (const ScriptMoment m : k_script_moments) {
            const LocalizedText* text = phrases->find(type, m);
            FUZZ_CHECK((text != nullptr) == moment_applies(type, m), cf::fuzz::dump(*doc));
            if (text == nullptr) {
                continue;
            }
            for (const std::string_view locale : k_locales) {
                const std::string& s = text->in(locale);
                FUZZ_CHECK(!s.empty() && s.size() <= 4 * k_max_phrase_chars, cf::fuzz::dump(*doc));
                FUZZ_CHECK(!placeholder_problem(s, m), cf::fuzz::dump(*doc));
                const std::string filled = fill_phrase(s, {"KS-0001-20261207-0003", "12-10 17:00"});
                FUZZ_CHECK(filled.find_first_of("{}") == std::string::npos, s);
                FUZZ_CHECK(m != ScriptMoment::acknowledgement ||
                               filled.find("12-10 17:00") != std::string::npos,
                           s);
            }
        }
    }
    return 0;
}
