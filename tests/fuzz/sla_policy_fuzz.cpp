// The deadline policy reader (forms/sla_policy.h, assets/sla/policy.json). Checks that an
// accepted policy has positive durations everywhere and a warning ratio in (0, 1), and that a
// refusal names the file and reasons.
#include "asset_checks.h"
#include "forms/sla_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::forms;
    const auto doc = cf::fuzz::asset_doc(cf::fuzz::as_text(data, size));
    if (!doc) {
        return 0;
    }
    const auto policy = parse_sla_policy(*doc, "sla/policy.json");
    if (!policy) {
        cf::fuzz::check_errors(policy.error(), "sla/policy.json");
        return 0;
    }
    for (const SlaDuration& d : policy->first_response) {
        FUZZ_CHECK(d.length > 0, cf::fuzz::dump(*doc));
    }
    for (const auto& [type, d] : policy->ticket_due) {
        FUZZ_CHECK(d.length > 0, cf::fuzz::dump(*doc));
    }
    FUZZ_CHECK(policy->second_round.length > 0, cf::fuzz::dump(*doc));
    FUZZ_CHECK(policy->specialist_contact.length > 0, cf::fuzz::dump(*doc));
    FUZZ_CHECK(policy->warning_ratio > 0 && policy->warning_ratio < 1, cf::fuzz::dump(*doc));
    return 0;
}
