// Phone numbers as customers type them (core/phone.h). Checks that normalisation is
// idempotent and keeps the kind: the canonical form of a valid number is valid, is its own
// canonical form and is the same kind of number; an invalid text has no canonical form.
#include "core/phone.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::core;
    const std::string_view text = cf::fuzz::as_text(data, size);
    const PhoneKind kind = classify_phone(text);
    const std::string canonical = normalize_phone(text);
    if (kind == PhoneKind::invalid) {
        FUZZ_CHECK(canonical.empty(), canonical);
        return 0;
    }
    FUZZ_CHECK(!canonical.empty(), std::string(text));
    FUZZ_CHECK(canonical.find_first_not_of("0123456789") == std::string::npos, canonical);
    FUZZ_CHECK(classify_phone(canonical) == kind, std::string(text) + " -> " + canonical);
    FUZZ_CHECK(normalize_phone(canonical) == canonical, std::string(text) + " -> " + canonical);
    return 0;
}
