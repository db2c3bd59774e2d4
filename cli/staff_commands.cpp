#include "cli/staff_commands.h"

#include "cli/cli.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace cf::cli {

namespace {

int fail_with(std::ostream& err, const core::Error& e) {
    err << "counterfoil-cli: " << e.message << "\n";
    return e.code == core::ErrorCode::invalid_input || e.code == core::ErrorCode::not_found
               ? k_invalid_input
               : k_storage;
}

int staff_usage(std::ostream& err, const std::string& problem) {
    err << "counterfoil-cli: " << problem
        << "\nusage: staff add --id ID --name NAME --role frontdesk|supervisor --pin-stdin\n"
           "       staff disable --id ID\n"
           "       staff list [--json]\n";
    return k_usage;
}

} // namespace

int cmd_staff(const std::filesystem::path& data, const Args& args, std::istream& in,
              std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) {
        return staff_usage(err, "staff needs one of add, disable, list");
    }
    const std::string& what = args.positional[1];
    core::SystemClock clock;
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        return fail_with(err, store.error());
    }
    core::StaffDirectory staff(store->database(), store->sealer().pin_pepper());

    if (what == "add") {
        const auto id = args.option("--id");
        const auto name = args.option("--name");
        const auto role_text = args.option("--role");
        if (!id || !name || !role_text || !args.flag("--pin-stdin")) {
            return staff_usage(err, "staff add needs --id, --name, --role and --pin-stdin");
        }
        const auto role = core::parse_role(*role_text);
        if (!role) {
            return staff_usage(err, "--role '" + *role_text + "' is not frontdesk or supervisor");
        }
        std::string pin;
        std::getline(in, pin);
        while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) {
            pin.pop_back();
        }
        if (auto r = staff.add({*id, *name, *role, false}, pin, clock.now()); !r) {
            return fail_with(err, r.error());
        }
        out << "staff " << *id << " added\n";
        return k_ok;
    }
    if (what == "disable") {
        const auto id = args.option("--id");
        if (!id) {
            return staff_usage(err, "staff disable needs --id");
        }
        if (auto r = staff.disable(*id); !r) {
            return fail_with(err, r.error());
        }
        out << "staff " << *id << " disabled\n";
        return k_ok;
    }
    if (what == "list") {
        auto list = staff.list();
        if (!list) {
            return fail_with(err, list.error());
        }
        if (args.flag("--json")) {
            nlohmann::json rows = nlohmann::json::array();
            for (const core::StaffMember& m : *list) {
                rows.push_back({{"id", m.id},
                                {"name", m.name},
                                {"role", std::string(core::to_string(m.role))},
                                {"disabled", m.disabled}});
            }
            out << rows.dump(2) << "\n";
            return k_ok;
        }
        for (const core::StaffMember& m : *list) {
            out << m.id << "\t" << m.name << "\t" << core::to_string(m.role)
                << (m.disabled ? "\tdisabled" : "") << "\n";
        }
        return k_ok;
    }
    return staff_usage(err, "unknown staff command '" + what + "'");
}

} // namespace cf::cli
