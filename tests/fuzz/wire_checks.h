#pragma once
// What the push and pull harnesses share: their fast path and their DOM reader must give the
// same message, but for one thing the fast path may write differently (a create read by it
// leaves out the customer's empty fields), and both describe an answer the same way.

#include "fuzz_support.h"

#include <iterator>
#include <string>

namespace cf::fuzz {

// A message's events as JSON with the empty text fields of every create's customer left out.
inline nlohmann::json without_empty_customer_fields(nlohmann::json j) {
    for (nlohmann::json& e : j["events"]) {
        if (e["kind"] == "create" && e["payload"].contains("customer")) {
            nlohmann::json& customer = e["payload"]["customer"];
            for (auto it = customer.begin(); it != customer.end();) {
                it = it->is_string() && it->template get_ref<const std::string&>().empty()
                         ? customer.erase(it)
                         : std::next(it);
            }
        }
    }
    return j;
}

// "accepted", or the refusal's code and message.
template <class Parsed> std::string why(const Parsed& r) {
    return r ? std::string("accepted") : r.error().code + " " + r.error().message;
}

} // namespace cf::fuzz
