// [SECTION] errors and shared plumbing
// [SECTION] commands
// [SECTION] dispatch
#include "cli/cli.h"

#include "cli/args.h"
#include "cli/staff_commands.h"
#include "cli/stats_tables.h"
#include "cli/sync_commands.h"
#include "cli/ticket_text.h"
#include "core/periods.h"
#include "core/staff_directory.h"
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/ticket_store.h"
#include "forms/catalog.h"
#include "forms/classifier.h"
#include "forms/classifier_eval.h"
#include "forms/intake.h"
#include "forms/suggest.h"
#include "sync/asset_files.h"

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#ifndef COUNTERFOIL_ASSETS_DIR
#define COUNTERFOIL_ASSETS_DIR "assets"
#endif

namespace cf::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ===================================================== [SECTION] errors and shared plumbing

constexpr const char* k_usage_text = R"(usage: counterfoil-cli --data DIR [--assets DIR] COMMAND ...

commands:
  init --branch CODE --terminal ID [--calendar ID] [--utc-offset MINUTES]
  file [--form kiosk|counter] [--actor STAFF] [--role ROLE]   (ticket JSON on stdin)
  show NUMBER [--json]
  list [--status STATE] [--overdue] [--limit N] [--offset N] [--json]
  search TEXT [--json]
  act NUMBER STEP --actor STAFF [--role ROLE] [--department D] [--json PAYLOAD]
      [--approved-by SUPERVISOR]   (the supervisor's PIN on stdin)
  stats [--period month|quarter] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--by department|responsibility|staff] [--json | --csv]   (--csv needs --by)
  outbox [--json]
  enroll --center URL --code CODE [--ca FILE] [--pin sha256//KEY]
  sync --once [--batch N] | sync --watch [--interval SECONDS]
  sync status [--json] | sync dead-letters [--json]
  staff add --id ID --name NAME --role frontdesk|supervisor --pin-stdin   (PIN on stdin)
  staff disable --id ID | staff list [--json]
  eval-classifier --corpus DIR --split train|dev|test [--misses FIELD|tiers] [--rules-only]
      (needs no --data; FIELD: request_type, category, severity, priority, special_type, emotion)

exit codes: 0 ok, 2 usage, 3 invalid input, 4 storage failure, 5 center unreachable,
            6 refused by the center
)";

int exit_code_for(const core::Error& e) {
    switch (e.code) {
    case core::ErrorCode::invalid_input:
    case core::ErrorCode::not_found:
    case core::ErrorCode::rejected_step:
        return k_invalid_input;
    default:
        return k_storage;
    }
}

int report(std::ostream& err, const core::Error& e) {
    err << "counterfoil-cli: " << e.message << "\n";
    return exit_code_for(e);
}

int usage(std::ostream& err, const std::string& problem) {
    err << "counterfoil-cli: " << problem << "\n\n" << k_usage_text;
    return k_usage;
}

struct Context {
    fs::path data;
    fs::path assets;
    const Args& args;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    core::SystemClock clock;
};

std::optional<int> load_catalog(Context& c, std::optional<forms::Catalog>& catalog) {
    auto loaded = forms::load_catalog(c.assets);
    if (!loaded) {
        c.err << "counterfoil-cli: the assets in " << c.assets.string() << " are invalid:\n";
        for (const auto& e : loaded.error()) {
            c.err << "  " << forms::to_string(e) << "\n";
        }
        return k_storage;
    }
    catalog.emplace(std::move(*loaded));
    return std::nullopt;
}

core::Result<core::TicketStore> open_store(Context& c) {
    return core::TicketStore::open(c.data, c.clock);
}

std::optional<core::Role> role_option(const Args& args, core::Role fallback, std::string& bad) {
    auto text = args.option("--role");
    if (!text) {
        return fallback;
    }
    auto role = core::parse_role(*text);
    if (!role) {
        bad = "unknown role '" + *text +
              "' (kiosk, frontdesk, supervisor, reviewer, dispatcher, handler, auditor, manager)";
    }
    return role;
}

std::optional<int> int_option(const Args& args, const std::string& name, int fallback,
                              std::string& bad) {
    auto text = args.option(name);
    if (!text) {
        return fallback;
    }
    char* end = nullptr;
    long v = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || v < 0 || v > 1'000'000) {
        bad = "option " + name + " needs a whole number, not '" + *text + "'";
        return std::nullopt;
    }
    return static_cast<int>(v);
}

// ==================================================================== [SECTION] commands

int cmd_init(Context& c) {
    auto branch = c.args.option("--branch");
    auto terminal = c.args.option("--terminal");
    if (!branch || !terminal) {
        return usage(c.err, "init needs --branch CODE and --terminal ID");
    }
    std::string bad;
    auto offset = c.args.option("--utc-offset") ? int_option(c.args, "--utc-offset", 480, bad)
                                                : std::optional<int>(480);
    if (!offset) {
        return usage(c.err, bad);
    }
    core::InitOptions options;
    options.branch = *branch;
    options.terminal = *terminal;
    options.calendar = c.args.option("--calendar").value_or("cn-mainland");
    options.utc_offset_minutes = *offset;

    std::optional<forms::Catalog> catalog;
    if (auto failed = load_catalog(c, catalog)) {
        return *failed;
    }
    if (catalog->find_calendar(options.calendar) == nullptr) {
        c.err << "counterfoil-cli: unknown calendar '" << options.calendar
              << "' (see assets/calendars)\n";
        return k_invalid_input;
    }
    if (auto r = core::TicketStore::init(c.data, options); !r) {
        return report(c.err, r.error());
    }
    c.out << "initialised " << c.data.string() << " for branch " << options.branch << ", terminal "
          << options.terminal << ", calendar " << options.calendar << "\n";
    return k_ok;
}

int cmd_file(Context& c) {
    const std::string form = c.args.option("--form").value_or("counter");
    if (form != "kiosk" && form != "counter") {
        return usage(c.err, "--form must be kiosk or counter");
    }
    const bool kiosk = form == "kiosk";
    std::string bad;
    auto role = role_option(c.args, kiosk ? core::Role::kiosk : core::Role::frontdesk, bad);
    if (!role) {
        return usage(c.err, bad);
    }
    core::Actor actor{c.args.option("--actor").value_or(kiosk ? "kiosk" : "counter"), *role, {}};

    std::string text((std::istreambuf_iterator<char>(c.in)), std::istreambuf_iterator<char>());
    json submission = json::parse(text, nullptr, false);
    if (submission.is_discarded()) {
        c.err << "counterfoil-cli: the ticket on stdin is not valid JSON\n";
        return k_invalid_input;
    }
    std::optional<forms::Catalog> catalog;
    if (auto failed = load_catalog(c, catalog)) {
        return *failed;
    }
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto prepared = forms::prepare_ticket(*catalog, form, submission, store->identity().calendar,
                                          c.clock.now(), store->identity().branch);
    if (!prepared) {
        c.err << "counterfoil-cli: the ticket is invalid:\n";
        for (const auto& e : prepared.error()) {
            c.err << "  " << e.field << ": " << e.reason << "\n";
        }
        return k_invalid_input;
    }
    auto filed = store->file(prepared->ticket, actor);
    if (!filed) {
        return report(c.err, filed.error());
    }
    // The transaction has committed: only now may the number be shown.
    for (const auto& field : prepared->classified_fields) {
        c.out << "classified " << field << "\n";
    }
    for (const auto& m : prepared->explanation) {
        c.out << "  because of '" << m.word << "' (rule " << m.rule_id << "): " << m.sets << "\n";
    }
    c.out << filed->number << "\n";
    return k_ok;
}

int cmd_show(Context& c) {
    if (c.args.positional.size() != 2) {
        return usage(c.err, "show needs one ticket number");
    }
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto t = store->get(c.args.positional[1]);
    if (!t) {
        return report(c.err, t.error());
    }
    auto events = store->events(t->id);
    if (!events) {
        return report(c.err, events.error());
    }
    if (c.args.flag("--json")) {
        json j = core::to_json(*t, core::PiiMode::masked);
        j["events"] = json::array();
        for (const auto& e : *events) {
            json ej = core::to_json(e);
            ej.erase("payload"); // the create payload holds sealed personal data
            ej["payload"] = e.kind == core::k_create_kind ? json::object() : e.payload;
            j["events"].push_back(ej);
        }
        c.out << j.dump(2) << "\n";
    } else {
        print_ticket_detail(c.out, *t, *events, store->identity().utc_offset_minutes);
    }
    return k_ok;
}

int print_tickets(Context& c, core::TicketStore& store, const std::vector<core::Ticket>& list) {
    if (c.args.flag("--json")) {
        json arr = json::array();
        for (const auto& t : list) {
            arr.push_back(core::to_json(t, core::PiiMode::masked));
        }
        c.out << arr.dump(2) << "\n";
    } else {
        print_ticket_table(c.out, list, c.clock.now(), store.identity().utc_offset_minutes);
    }
    return k_ok;
}

int cmd_list(Context& c) {
    core::ListQuery query;
    if (auto s = c.args.option("--status")) {
        query.state = core::parse_state(*s);
        if (!query.state) {
            c.err << "counterfoil-cli: unknown status '" << *s << "'\n";
            return k_invalid_input;
        }
    }
    std::string bad;
    auto limit = int_option(c.args, "--limit", 100, bad);
    auto offset = int_option(c.args, "--offset", 0, bad);
    if (!limit || !offset) {
        return usage(c.err, bad);
    }
    query.limit = *limit;
    query.offset = *offset;
    query.overdue_only = c.args.flag("--overdue");
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto list = store->list(query);
    if (!list) {
        return report(c.err, list.error());
    }
    return print_tickets(c, *store, *list);
}

int cmd_search(Context& c) {
    if (c.args.positional.size() != 2) {
        return usage(c.err, "search needs one text (quote it if it has spaces)");
    }
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto found = store->search(c.args.positional[1]);
    if (!found) {
        return report(c.err, found.error());
    }
    return print_tickets(c, *store, *found);
}

// act resolve --approved-by ID: the supervisor ID approves the plan (方案审批) with the PIN on
// stdin, recorded as their own approve step before the resolution. Returns an exit code when
// it fails.
std::optional<int> approve_first(Context& c, core::TicketStore& store, const core::Ticket& t,
                                 const std::string& approver, json& payload) {
    std::string pin;
    std::getline(c.in, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) {
        pin.pop_back();
    }
    core::StaffDirectory staff(store.database(), store.sealer().pin_pepper());
    auto outcome = staff.sign_in(approver, pin, c.clock.now());
    if (!outcome) {
        return report(c.err, outcome.error());
    }
    if (outcome->status != core::SignInStatus::signed_in ||
        outcome->member.role != core::Role::supervisor) {
        c.err << "counterfoil-cli: --approved-by " << approver
              << ": not approved; it needs a supervisor's id and PIN (the PIN on stdin)\n";
        return k_invalid_input;
    }
    const json approval = {{"compensation", payload.value("compensation", 0.0)},
                           {"plan", payload.value("resolution", "")}};
    auto approved = store.act(t.number, core::Step::approve,
                              core::Actor{approver, core::Role::supervisor, {}}, approval);
    if (!approved) {
        return report(c.err, approved.error());
    }
    payload["approved_by"] = approver;
    return std::nullopt;
}

int cmd_act(Context& c) {
    if (c.args.positional.size() != 3) {
        return usage(c.err, "act needs a ticket number and a step");
    }
    auto step = core::parse_step(c.args.positional[2]);
    if (!step) {
        c.err << "counterfoil-cli: unknown step '" << c.args.positional[2] << "'\n";
        return k_invalid_input;
    }
    auto actor_id = c.args.option("--actor");
    if (!actor_id) {
        return usage(c.err, "act needs --actor STAFF");
    }
    std::string bad;
    auto role = role_option(c.args, core::Role::frontdesk, bad);
    if (!role) {
        return usage(c.err, bad);
    }
    core::Actor actor{*actor_id, *role, c.args.option("--department").value_or("")};
    json payload = json::object();
    if (auto text = c.args.option("--json")) {
        payload = json::parse(*text, nullptr, false);
        if (payload.is_discarded() || !payload.is_object()) {
            c.err << "counterfoil-cli: --json must be a JSON object\n";
            return k_invalid_input;
        }
    }
    std::optional<forms::Catalog> catalog;
    if (auto failed = load_catalog(c, catalog)) {
        return *failed;
    }
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto current = store->get(c.args.positional[1]);
    if (!current) {
        return report(c.err, current.error());
    }
    if (*step == core::Step::reclassify && !payload.contains("before")) {
        payload["before"] = core::classification_of(*current);
    }
    forms::add_step_deadline(*catalog, store->identity().calendar, *current, *step, payload,
                             c.clock.now());
    if (auto approver = c.args.option("--approved-by")) {
        if (auto failed = approve_first(c, *store, *current, *approver, payload)) {
            return *failed;
        }
    }
    auto t = store->act(current->number, *step, actor, payload);
    if (!t) {
        return report(c.err, t.error());
    }
    c.out << t->number << ": " << core::to_string(*step) << " done, now "
          << core::to_string(t->state) << "\n";
    return k_ok;
}

std::optional<core::Millis> day_option(Context& c, const std::string& name, int offset) {
    auto text = c.args.option(name);
    if (!text) {
        return std::nullopt;
    }
    return core::parse_iso8601(*text, offset);
}

int cmd_stats(Context& c) {
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    const int offset = store->identity().utc_offset_minutes;
    // The period: the current calendar month (the default) or quarter in the branch's time;
    // --from and --to replace either end.
    core::PeriodKind kind = core::PeriodKind::this_month;
    if (auto p = c.args.option("--period")) {
        if (*p == "quarter") {
            kind = core::PeriodKind::this_quarter;
        } else if (*p != "month") {
            c.err << "counterfoil-cli: --period must be month or quarter, not '" << *p << "'\n";
            return k_invalid_input;
        }
    }
    std::optional<StatsTable> table;
    if (auto by = c.args.option("--by")) {
        table = parse_stats_table(*by);
        if (!table) {
            c.err << "counterfoil-cli: --by must be department, responsibility or staff, not '"
                  << *by << "'\n";
            return k_invalid_input;
        }
    }
    if (c.args.flag("--csv") && !table) {
        c.err << "counterfoil-cli: --csv writes one table: add --by department, responsibility "
                 "or staff\n";
        return k_invalid_input;
    }
    const core::Period period = core::period_of(kind, c.clock.now(), offset);
    core::Millis from = period.from;
    core::Millis to = period.to;
    if (c.args.option("--from")) {
        auto f = day_option(c, "--from", offset);
        if (!f) {
            c.err << "counterfoil-cli: --from must be a date like 2026-11-01\n";
            return k_invalid_input;
        }
        from = *f;
    }
    if (c.args.option("--to")) {
        auto t = day_option(c, "--to", offset);
        if (!t) {
            c.err << "counterfoil-cli: --to must be a date like 2026-11-30\n";
            return k_invalid_input;
        }
        to = *t + core::k_day; // the whole last day counts
    }
    auto s = store->stats(from, to);
    if (!s) {
        return report(c.err, s.error());
    }
    if (c.args.flag("--csv")) {
        c.out << stats_table_csv(*s, *table);
    } else if (c.args.flag("--json")) {
        c.out << core::to_json(*s).dump(2) << "\n";
    } else if (table) {
        print_stats_table(c.out, *s, *table);
    } else {
        print_stats(c.out, *s, offset);
        for (auto t : {StatsTable::department, StatsTable::responsibility, StatsTable::staff}) {
            print_stats_table(c.out, *s, t);
        }
    }
    return k_ok;
}

int cmd_outbox(Context& c) {
    auto store = open_store(c);
    if (!store) {
        return report(c.err, store.error());
    }
    auto events = store->outbox(1000);
    if (!events) {
        return report(c.err, events.error());
    }
    if (c.args.flag("--json")) {
        json arr = json::array();
        for (const auto& e : *events) {
            arr.push_back(core::to_json(e));
        }
        c.out << arr.dump(2) << "\n";
        return k_ok;
    }
    c.out << events->size() << " events waiting for the regional center\n";
    for (const auto& e : *events) {
        c.out << "  " << e.device_seq << "  " << core::format_hlc(e.hlc) << "  " << e.kind << "  "
              << e.ticket_id << "\n";
    }
    return k_ok;
}

// Scores the classification of the assets as filing applies it (keyword rules and text model,
// or the rules alone with --rules-only) on one corpus split.
int cmd_eval_classifier(const fs::path& assets, const Args& args, std::ostream& out,
                        std::ostream& err) {
    const auto corpus_dir = args.option("--corpus");
    const std::string split = args.option("--split").value_or("dev");
    if (!corpus_dir) {
        return usage(err, "eval-classifier needs --corpus DIR");
    }
    if (split != "train" && split != "dev" && split != "test") {
        return usage(err, "--split must be train, dev or test");
    }
    const std::string misses = args.option("--misses").value_or("");
    const std::set<std::string> fields = {"",         "tiers",    "request_type", "category",
                                          "severity", "priority", "special_type", "emotion"};
    if (!fields.contains(misses)) {
        return usage(err, "--misses must be tiers, request_type, category, severity, priority, "
                          "special_type or emotion");
    }
    auto catalog = forms::load_catalog(assets);
    if (!catalog) {
        err << "counterfoil-cli: the assets in " << assets.string() << " are invalid:\n";
        for (const auto& e : catalog.error()) {
            err << "  " << forms::to_string(e) << "\n";
        }
        return k_storage;
    }
    const fs::path file = fs::path(*corpus_dir) / (split + ".jsonl");
    auto corpus = forms::read_corpus(file);
    if (!corpus) {
        for (const auto& e : corpus.error()) {
            err << "counterfoil-cli: " << forms::to_string(e) << "\n";
        }
        return k_invalid_input;
    }
    const forms::ClassifierRules& rules = catalog->classifier;
    const forms::TextModel none;
    const bool rules_only = args.flags.contains("--rules-only");
    const forms::TextModel& model = rules_only ? none : catalog->text_model;
    const forms::Evaluation e = forms::evaluate(*corpus, [&](std::string_view text) {
        return forms::with_priority_policy(forms::classify_text(rules, model, text).result);
    });
    out << (model.empty() ? std::string("Keyword rules")
                          : "Keyword rules and text model " + model.version())
        << " on " << file.string() << " (" << corpus->size() << " texts)\n\n"
        << forms::format_markdown(e);
    if (!misses.empty()) {
        out << "\n" << forms::format_misses(e, misses == "tiers" ? "" : misses);
    }
    return k_ok;
}

} // namespace

// ==================================================================== [SECTION] dispatch

int run(const std::vector<std::string>& raw, std::istream& in, std::ostream& out,
        std::ostream& err) {
    // --json is an output flag everywhere except act, where it carries the step's payload.
    std::set<std::string> valued = {
        "--data",   "--assets", "--branch",   "--terminal",   "--calendar", "--utc-offset",
        "--form",   "--actor",  "--role",     "--department", "--status",   "--limit",
        "--offset", "--from",   "--to",       "--center",     "--code",     "--ca",
        "--pin",    "--batch",  "--interval", "--id",         "--name",     "--approved-by",
        "--period", "--by",     "--corpus",   "--split",      "--misses"};
    std::set<std::string> flags = {"--overdue", "--help",      "--json", "--once",
                                   "--watch",   "--pin-stdin", "--csv",  "--rules-only"};
    auto parsed = parse_args(raw, valued, flags);
    if (parsed.error.empty() && !parsed.args.positional.empty() &&
        parsed.args.positional[0] == "act") {
        valued.insert("--json");
        flags.erase("--json");
        parsed = parse_args(raw, valued, flags);
    }
    if (!parsed.error.empty()) {
        return usage(err, parsed.error);
    }
    const Args& args = parsed.args;
    if (args.flag("--help")) {
        out << k_usage_text;
        return k_ok;
    }
    if (args.positional.empty()) {
        return usage(err, "no command given");
    }
    const char* env_assets = std::getenv("COUNTERFOIL_ASSETS");
    const fs::path installed =
        env_assets != nullptr ? std::string(env_assets) : std::string(COUNTERFOIL_ASSETS_DIR);
    auto data = args.option("--data");
    if (args.positional[0] == "eval-classifier") {
        // No ticket store is needed; the rules are the ones the app would load.
        const fs::path assets =
            args.option("--assets")
                .value_or(data ? sync::current_assets_dir(*data, installed) : installed);
        return cmd_eval_classifier(assets, args, out, err);
    }
    if (!data) {
        return usage(err, "--data DIR is required");
    }
    // Forms and categories the center delivered take the place of the installed ones
    // (sync/asset_files.h) unless --assets names a directory.
    fs::path assets = args.option("--assets").value_or(sync::current_assets_dir(*data, installed));
    Context c{*data, assets, args, in, out, err, {}};
    if (args.positional[0] == "enroll") {
        return cmd_enroll(c.data, args, out, err);
    }
    if (args.positional[0] == "staff") {
        return cmd_staff(c.data, args, in, out, err);
    }
    if (args.positional[0] == "sync") {
        return cmd_sync(c.data, args.option("--assets").value_or(installed.string()), args, out,
                        err);
    }

    const std::pair<const char*, int (*)(Context&)> commands[] = {
        {"init", cmd_init},     {"file", cmd_file}, {"show", cmd_show},   {"list", cmd_list},
        {"search", cmd_search}, {"act", cmd_act},   {"stats", cmd_stats}, {"outbox", cmd_outbox},
    };
    const std::string& command = args.positional[0];
    for (const auto& [name, handler] : commands) {
        if (command == name) {
            return handler(c);
        }
    }
    return usage(err, "unknown command '" + command + "'");
}

int run(int argc, char** argv) {
    return run(std::vector<std::string>(argv + 1, argv + argc), std::cin, std::cout, std::cerr);
}

} // namespace cf::cli
