#include "center/console_routes.h"

#include "sync/json_fields.h"

namespace cf::center {
namespace {

CenterResult<Principal> staff_session(const ConsoleContext& c, ConsoleCall& call) {
    auto who = c.storage.authenticate(call.token, c.now);
    if (!who) {
        return who;
    }
    call.who = who->device;
    if (who->kind != Principal::Kind::staff) {
        return center_error(403, "wrong_scope",
                            "the console API needs a staff session: sign in with POST " +
                                std::string(sync::k_path_console_sign_in));
    }
    call.log_fields["role"] = core::to_string(who->role);
    return who;
}

} // namespace

ConsoleAnswer console_sign_in(const ConsoleContext& c, ConsoleCall& call) {
    auto request = sync::parse_sign_in_request(call.body);
    if (!request) {
        return std::unexpected(from_protocol(request.error()));
    }
    call.who = request->staff;
    auto session = c.storage.sign_in(*request, c.session_ttl, c.now, call.source);
    if (!session) {
        return std::unexpected(session.error());
    }
    return sync::to_json(*session);
}

ConsoleAnswer console_sign_out(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    if (auto r = c.storage.sign_out(call.token, c.now); !r) {
        return std::unexpected(r.error());
    }
    return nlohmann::json{
        {"protocol", sync::k_protocol_version}, {"epoch", c.storage.epoch()}, {"signed_out", true}};
}

ConsoleAnswer console_queue(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    auto request = sync::parse_queue_request(call.params);
    if (!request) {
        return std::unexpected(from_protocol(request.error()));
    }
    call.log_fields["queue"] = sync::to_string(request->queue);
    auto answer = c.storage.console_queue(*who, *request, c.now);
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return sync::to_json(*answer);
}

ConsoleAnswer console_ticket(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    if (!call.params.empty()) {
        const std::string name = sync::cut_name(call.params.begin()->first);
        return center_error(400, "unknown_field", "'" + name + "' is not a parameter here", name);
    }
    auto answer = c.storage.console_ticket(*who, call.number);
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return sync::to_json(*answer);
}

ConsoleAnswer console_step(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    auto request = sync::parse_console_step_request(call.body);
    if (!request) {
        return std::unexpected(from_protocol(request.error()));
    }
    call.log_fields["step"] = request->step;
    auto answer = c.storage.console_step(*who, call.number, *request, c.now);
    if (!answer) {
        return std::unexpected(answer.error());
    }
    call.log_fields["replayed"] = answer->replayed;
    return sync::to_json(*answer);
}

ConsoleAnswer console_dashboard(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    auto request = sync::parse_dashboard_request(call.params);
    if (!request) {
        return std::unexpected(from_protocol(request.error()));
    }
    auto answer = c.storage.console_dashboard(*who, *request, c.now);
    if (!answer) {
        return std::unexpected(answer.error());
    }
    return sync::to_json(*answer);
}

ConsoleAnswer console_reports(const ConsoleContext& c, ConsoleCall& call) {
    auto who = staff_session(c, call);
    if (!who) {
        return std::unexpected(who.error());
    }
    auto request = sync::parse_reports_request(call.params);
    if (!request) {
        return std::unexpected(from_protocol(request.error()));
    }
    auto answer = c.storage.console_reports(*who, *request, c.now);
    if (!answer) {
        return std::unexpected(answer.error());
    }
    call.log_fields["departments"] = answer->stats.by_department.size();
    call.log_fields["staff"] = answer->stats.by_staff.size();
    return sync::to_json(*answer);
}

} // namespace cf::center
