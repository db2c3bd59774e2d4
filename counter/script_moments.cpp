#include "counter/script_moments.h"

#include <algorithm>

namespace cf::counter {

namespace {

using M = forms::ScriptMoment;

std::vector<M> for_step(core::Step step, core::State state) {
    switch (step) {
    case core::Step::acknowledge:
        return {M::acknowledgement, M::suggestion_reply};
    case core::Step::resolve:
    case core::Step::satisfaction:
        return {M::satisfaction};
    case core::Step::close:
        return {M::closing};
    case core::Step::contact:
        // A call after the center's feedback tells the result; any other call, the progress.
        return state == core::State::answered ? std::vector<M>{M::satisfaction}
                                              : std::vector<M>{M::progress, M::suggestion_reply};
    default:
        return {};
    }
}

std::vector<M> for_state(core::State state) {
    switch (state) {
    case core::State::received:
        return {M::greeting, M::thanks, M::apology, M::acknowledgement, M::suggestion_reply};
    case core::State::acknowledged:
    case core::State::returned:
        return {M::acknowledgement, M::suggestion_reply};
    case core::State::submitted:
    case core::State::accepted:
    case core::State::dispatched:
    case core::State::handled:
    case core::State::audited:
        return {M::progress};
    case core::State::second_round:
    case core::State::escalated: // the manager has it: apologise, and say it is in hand
        return {M::apology, M::progress};
    case core::State::resolved:
    case core::State::answered:
        return {M::satisfaction};
    case core::State::satisfied:
    case core::State::closed:
        return {M::closing};
    }
    return {};
}

} // namespace

std::vector<forms::ScriptMoment> script_moments(core::State state, std::optional<core::Step> step,
                                                core::RequestType type) {
    std::vector<M> moments = step ? for_step(*step, state) : std::vector<M>{};
    if (moments.empty()) {
        moments = for_state(state);
    }
    std::erase_if(moments, [type](M m) { return !forms::moment_applies(type, m); });
    // A suggestion's reply replaces the generic acknowledgement or progress line.
    if (type == core::RequestType::suggestion &&
        std::find(moments.begin(), moments.end(), M::suggestion_reply) != moments.end()) {
        std::erase_if(moments, [](M m) { return m == M::acknowledgement || m == M::progress; });
    }
    return moments;
}

} // namespace cf::counter
