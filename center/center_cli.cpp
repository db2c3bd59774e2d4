// [SECTION] arguments
// [SECTION] commands
// [SECTION] serve
// [SECTION] staff
// [SECTION] sample data
// [SECTION] dispatch
#include "center/center_cli.h"

#include "center/center_server.h"
#include "center/classifier_training.h"
#include "center/loopback.h"
#include "center/sqlite_center_storage.h"

#ifndef COUNTERFOIL_ASSETS_DIR
#define COUNTERFOIL_ASSETS_DIR "assets"
#endif
#include "core/ticket_json.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <pthread.h>
#include <set>
#include <thread>

namespace cf::center {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* k_usage = R"(usage: counterfoil-center --data DIR COMMAND ...

commands:
  init
  enroll-code --branch CODE [--terminal ID [--replace]] [--ttl-seconds N]
              [--token-ttl-seconds N]
  console-token --role ROLE [--department D] [--name NAME] [--ttl-days N]
  revoke --device BRANCH/TERMINAL
  act NUMBER STEP --actor STAFF --role ROLE [--department D] [--json PAYLOAD]
  list [--status STATE] [--branch CODE] [--limit N] [--json]
  overdue [--json]
  show NUMBER [--json]
  export --json
  publish-asset --name NAME --file FILE
  rollback-asset --name NAME [--to-version N]
  train-classifier --corpus DIR [--assets DIR] [--out FILE] [--publish]
  backup --to FILE
  restore --from FILE
  serve --listen HOST:PORT [--threads N] [--max-body BYTES]
        [--session-ttl-seconds N] [--max-clock-skew-hours N] [--assets DIR]
  staff add --id ID --name NAME --role ROLE [--department D] --password-stdin
  staff disable --id ID
  staff list [--json]
  sample-data --tickets N --branches B [--seed S] [--assets DIR] [--staff-password-stdin]

exit codes: 0 ok, 2 usage, 3 refused (bad input), 4 storage or network failure
)";

// ================================================================== [SECTION] arguments

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;
    std::optional<std::string> option(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

const std::set<std::string> k_valued = {
    "--data",       "--branch",   "--ttl-seconds", "--token-ttl-seconds",
    "--name",       "--device",   "--actor",       "--role",
    "--department", "--status",   "--limit",       "--file",
    "--to",         "--from",     "--listen",      "--cert",
    "--key",        "--threads",  "--max-body",    "--session-ttl-seconds",
    "--id",         "--tickets",  "--branches",    "--seed",
    "--assets",     "--terminal", "--ttl-days",    "--max-clock-skew-hours",
    "--corpus",     "--out",      "--to-version"};
const std::set<std::string> k_flags = {"--help", "--password-stdin", "--staff-password-stdin",
                                       "--replace", "--publish"};

std::optional<std::string> parse(const std::vector<std::string>& raw, Args& out) {
    const bool act = !raw.empty() && std::find(raw.begin(), raw.end(), "act") != raw.end();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        std::string a = raw[i];
        if (!a.starts_with("--")) {
            out.positional.push_back(a);
            continue;
        }
        std::string value;
        bool has_value = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
            has_value = true;
        }
        // --json is a payload for act and an output flag everywhere else.
        const bool valued = k_valued.contains(a) || (a == "--json" && act);
        if (valued) {
            if (!has_value) {
                if (i + 1 >= raw.size()) {
                    return "option " + a + " needs a value";
                }
                value = raw[++i];
            }
            out.options[a] = value;
        } else if (k_flags.contains(a) || a == "--json") {
            out.flags.insert(a);
        } else {
            return "unknown option " + a;
        }
    }
    return std::nullopt;
}

struct Context {
    fs::path data;
    const Args& args;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    core::SystemClock clock;
};

int usage(std::ostream& err, const std::string& problem) {
    err << "counterfoil-center: " << problem << "\n\n" << k_usage;
    return k_exit_usage;
}

int report(Context& c, const CenterError& e) {
    c.err << "counterfoil-center: " << e.message << "\n";
    return e.status >= 500 ? k_exit_storage : k_exit_invalid;
}

std::optional<long long> number_option(Context& c, const std::string& name, long long fallback,
                                       long long min, long long max) {
    auto text = c.args.option(name);
    if (!text) {
        return fallback;
    }
    char* end = nullptr;
    long long v = std::strtoll(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || v < min || v > max) {
        return std::nullopt;
    }
    return v;
}

CenterResult<std::unique_ptr<SqliteCenterStorage>>
open_storage(Context& c, core::Millis max_clock_skew = k_default_max_clock_skew) {
    return SqliteCenterStorage::open(c.data, max_clock_skew);
}

// --assets DIR, else $COUNTERFOIL_ASSETS, else the installed assets.
fs::path assets_option(Context& c) {
    const char* env = std::getenv("COUNTERFOIL_ASSETS");
    return c.args.option("--assets")
        .value_or(env != nullptr ? std::string(env) : std::string(COUNTERFOIL_ASSETS_DIR));
}

void print_ticket_line(std::ostream& out, const core::Ticket& t) {
    out << t.number << "  " << core::to_string(t.state) << "  " << t.branch << "  " << t.category;
    if (t.handling_deadline) {
        out << "  handling due " << core::format_iso8601(*t.handling_deadline, 480);
    }
    if (t.due_at > 0) {
        out << "  due " << core::format_iso8601(t.due_at, 480);
    }
    out << "\n";
}

// =================================================================== [SECTION] commands

int cmd_init(Context& c) {
    if (auto r = SqliteCenterStorage::init(c.data); !r) {
        return report(c, r.error());
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    c.out << "initialised the center in " << c.data.string() << ", epoch " << (*s)->epoch() << "\n";
    return k_exit_ok;
}

int cmd_enroll_code(Context& c) {
    auto branch = c.args.option("--branch");
    if (!branch) {
        return usage(c.err, "enroll-code needs --branch CODE");
    }
    auto ttl = number_option(c, "--ttl-seconds", 24 * 3600, 1, 30LL * 24 * 3600);
    auto token_ttl =
        number_option(c, "--token-ttl-seconds", 3LL * 365 * 24 * 3600, 1, 10LL * 365 * 24 * 3600);
    if (!ttl || !token_ttl) {
        return usage(c.err, "--ttl-seconds and --token-ttl-seconds need a positive number");
    }
    EnrollCode what;
    what.branch = *branch;
    what.terminal = c.args.option("--terminal").value_or("");
    what.replace = c.args.flags.contains("--replace");
    if (what.replace && what.terminal.empty()) {
        return usage(c.err, "--replace needs --terminal ID: the enrolled terminal it replaces");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto code = (*s)->create_enroll_code(what, *ttl * 1000, *token_ttl * 1000, c.clock.now());
    if (!code) {
        return report(c, code.error());
    }
    c.out << "one-time enrolment code for "
          << (code->terminal.empty() ? "a new terminal of branch " + code->branch
                                     : "terminal " + code->branch + "/" + code->terminal)
          << (code->replace ? " (replacing the enrolled machine: its token stops working)" : "")
          << ", valid until " << core::format_iso8601(code->expires_at) << ":\n"
          << code->code << "\n";
    return k_exit_ok;
}

int cmd_console_token(Context& c) {
    auto role_text = c.args.option("--role");
    if (!role_text) {
        return usage(c.err, "console-token needs --role ROLE (reviewer, dispatcher, handler "
                            "--department D, auditor or manager): the token acts in that role");
    }
    ConsoleTokenSpec spec;
    auto role = core::parse_role(*role_text);
    if (!role || !core::is_center_role(*role)) {
        c.err << "counterfoil-center: --role: '" << *role_text
              << "' is not a center role (reviewer, dispatcher, handler, auditor, manager)\n";
        return k_exit_invalid;
    }
    spec.role = *role;
    spec.department = c.args.option("--department").value_or("");
    if (spec.role == core::Role::handler && spec.department.empty()) {
        return usage(c.err, "a handler's console token needs --department D");
    }
    spec.name = c.args.option("--name").value_or(spec.name);
    auto days = number_option(c, "--ttl-days", k_default_console_token_ttl / core::k_day, 1, 365);
    if (!days) {
        return usage(c.err, "--ttl-days needs 1 to 365");
    }
    spec.ttl = *days * core::k_day;
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    const core::Millis now = c.clock.now();
    auto token = (*s)->create_console_token(spec, now);
    if (!token) {
        return report(c, token.error());
    }
    c.out << "console token acting as " << spec.name << " (" << core::to_string(spec.role)
          << (spec.department.empty() ? "" : ", " + spec.department) << "), valid until "
          << core::format_iso8601(now + spec.ttl) << " (shown once; keep it secret):\n"
          << *token << "\n";
    return k_exit_ok;
}

int cmd_revoke(Context& c) {
    auto device = c.args.option("--device");
    if (!device) {
        return usage(c.err, "revoke needs --device BRANCH/TERMINAL");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    if (auto r = (*s)->revoke_device(*device, c.clock.now()); !r) {
        return report(c, r.error());
    }
    c.out << "revoked " << *device << ": its tokens no longer work\n";
    return k_exit_ok;
}

int cmd_act(Context& c) {
    if (c.args.positional.size() != 3) {
        return usage(c.err, "act needs a ticket number and a step");
    }
    auto actor = c.args.option("--actor");
    auto role = c.args.option("--role");
    if (!actor || !role) {
        return usage(c.err, "act needs --actor STAFF and --role ROLE");
    }
    sync::StepRequest step;
    step.step = c.args.positional[2];
    step.actor = *actor;
    step.role = *role;
    step.department = c.args.option("--department").value_or("");
    if (auto text = c.args.option("--json")) {
        step.payload = json::parse(*text, nullptr, false);
        if (step.payload.is_discarded() || !step.payload.is_object()) {
            c.err << "counterfoil-center: --json must be a JSON object\n";
            return k_exit_invalid;
        }
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    // The policy a feedback's call-back deadline comes from, as serve reads it.
    if (auto r = (*s)->load_create_rules(assets_option(c)); !r) {
        return report(c, r.error());
    }
    auto t = (*s)->act(c.args.positional[1], step, c.clock.now());
    if (!t) {
        return report(c, t.error());
    }
    c.out << t->number << ": " << step.step << " done, now " << core::to_string(t->state) << "\n";
    return k_exit_ok;
}

int cmd_list(Context& c) {
    CenterQuery query;
    if (auto st = c.args.option("--status")) {
        query.state = core::parse_state(*st);
        if (!query.state) {
            c.err << "counterfoil-center: unknown status '" << *st << "'\n";
            return k_exit_invalid;
        }
    }
    query.branch = c.args.option("--branch").value_or("");
    auto limit = number_option(c, "--limit", 100, 1, 100000);
    if (!limit) {
        return usage(c.err, "--limit needs a whole number");
    }
    query.limit = static_cast<int>(*limit);
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto list = (*s)->list(query);
    if (!list) {
        return report(c, list.error());
    }
    if (c.args.flags.contains("--json")) {
        json arr = json::array();
        for (const auto& t : *list) {
            arr.push_back(core::to_json(t, core::PiiMode::masked));
        }
        c.out << arr.dump(2) << "\n";
        return k_exit_ok;
    }
    for (const auto& t : *list) {
        print_ticket_line(c.out, t);
    }
    return k_exit_ok;
}

int cmd_overdue(Context& c) {
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto lists = (*s)->overdue(c.clock.now());
    if (!lists) {
        return report(c, lists.error());
    }
    if (c.args.flags.contains("--json")) {
        json handling = json::array();
        json ticket = json::array();
        for (const auto& t : lists->handling) {
            handling.push_back(core::to_json(t, core::PiiMode::masked));
        }
        for (const auto& t : lists->ticket) {
            ticket.push_back(core::to_json(t, core::PiiMode::masked));
        }
        c.out << json{{"handling", handling}, {"ticket", ticket}}.dump(2) << "\n";
        return k_exit_ok;
    }
    c.out << "handling deadline (处理时限) passed: " << lists->handling.size() << "\n";
    for (const auto& t : lists->handling) {
        print_ticket_line(c.out, t);
    }
    c.out << "ticket deadline (工单时限) passed: " << lists->ticket.size() << "\n";
    for (const auto& t : lists->ticket) {
        print_ticket_line(c.out, t);
    }
    return k_exit_ok;
}

int cmd_show(Context& c) {
    if (c.args.positional.size() != 2) {
        return usage(c.err, "show needs one ticket number");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto found = (*s)->get(c.args.positional[1]);
    if (!found) {
        return report(c, found.error());
    }
    json t = core::to_json(found->ticket, core::PiiMode::masked);
    t["events"] = json::array();
    for (const auto& e : found->events) {
        json ej = core::to_json(e);
        if (e.kind == core::k_create_kind) {
            ej["payload"] = json::object();
        }
        t["events"].push_back(std::move(ej));
    }
    if (c.args.flags.contains("--json")) {
        c.out << t.dump(2) << "\n";
        return k_exit_ok;
    }
    print_ticket_line(c.out, found->ticket);
    for (const auto& e : found->events) {
        c.out << "  " << core::format_hlc(e.hlc) << "  " << e.kind << "  " << e.actor << " ("
              << core::to_string(e.actor_role) << ")  from " << e.origin_device << "\n";
    }
    return k_exit_ok;
}

int cmd_export(Context& c) {
    if (!c.args.flags.contains("--json")) {
        return usage(c.err, "export needs --json (the only format)");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto all = (*s)->export_all();
    if (!all) {
        return report(c, all.error());
    }
    c.out << all->dump(2) << "\n";
    return k_exit_ok;
}

int cmd_publish_asset(Context& c) {
    auto name = c.args.option("--name");
    auto file = c.args.option("--file");
    if (!name || !file) {
        return usage(c.err, "publish-asset needs --name NAME and --file FILE");
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
        c.err << "counterfoil-center: cannot read " << *file << "\n";
        return k_exit_invalid;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto request = sync::parse_asset_publish_request(
        json{{"protocol", sync::k_protocol_version}, {"name", *name}, {"content", text}});
    if (!request) {
        c.err << "counterfoil-center: " << request.error().message << "\n";
        return k_exit_invalid;
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto version = (*s)->publish_asset(*request, c.clock.now());
    if (!version) {
        return report(c, version.error());
    }
    c.out << "published " << *name << " version " << *version << "\n";
    return k_exit_ok;
}

// Publishes an earlier version's content again, as the newest version, so every terminal pulls
// it: the way back from a bad asset (a model, a form) without editing files by hand.
int cmd_rollback_asset(Context& c) {
    auto name = c.args.option("--name");
    if (!name) {
        return usage(c.err, "rollback-asset needs --name NAME");
    }
    const auto to =
        number_option(c, "--to-version", 0, 1, std::numeric_limits<std::int32_t>::max());
    if (!to) {
        return usage(c.err, "--to-version needs a version number (1 or more)");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto versions = (*s)->asset_versions(*name);
    if (!versions) {
        return report(c, versions.error());
    }
    if (versions->size() < 2 && *to == 0) {
        c.err << "counterfoil-center: " << *name << " has "
              << (versions->empty() ? "never been published" : "only one published version")
              << "; there is nothing to roll back to\n";
        return k_exit_invalid;
    }
    const std::int64_t target = *to != 0 ? *to : (*versions)[versions->size() - 2].version;
    const auto it = std::ranges::find(*versions, target, &sync::AssetVersion::version);
    if (it == versions->end()) {
        c.err << "counterfoil-center: " << *name << " has no version " << target << "\n";
        return k_exit_invalid;
    }
    auto version = (*s)->publish_asset({*name, it->content}, c.clock.now());
    if (!version) {
        return report(c, version.error());
    }
    c.out << *name << ": version " << target << " published again as version " << *version << "\n";
    return k_exit_ok;
}

// The model terminals run now: the newest published one that loads, else the installed one.
forms::TextModel model_in_use(SqliteCenterStorage& s, const forms::Catalog& catalog) {
    auto versions = s.asset_versions("classifier/model.json");
    if (versions) {
        for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
            const json doc = json::parse(it->content, nullptr, false);
            if (auto model =
                    forms::parse_text_model(doc, "classifier/model.json", catalog.categories)) {
                return std::move(*model);
            }
        }
    }
    return catalog.text_model;
}

int cmd_train_classifier(Context& c) {
    const auto corpus = c.args.option("--corpus");
    if (!corpus) {
        return usage(c.err, "train-classifier needs --corpus DIR (train, dev and test .jsonl)");
    }
    const fs::path assets = assets_option(c);
    auto catalog = forms::load_catalog(assets);
    if (!catalog) {
        c.err << "counterfoil-center: the assets in " << assets.string() << " are invalid:\n";
        for (const auto& e : catalog.error()) {
            c.err << "  " << forms::to_string(e) << "\n";
        }
        return k_exit_invalid;
    }
    ClassifierTrainingInput input;
    for (const char* split : {"train", "dev", "test"}) {
        auto texts = forms::read_corpus(fs::path(*corpus) / (std::string(split) + ".jsonl"));
        if (!texts) {
            for (const auto& e : texts.error()) {
                c.err << "counterfoil-center: " << forms::to_string(e) << "\n";
            }
            return k_exit_invalid;
        }
        auto& into = std::string_view(split) == "test" ? input.test : input.train;
        into.insert(into.end(), texts->begin(), texts->end());
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto corrections = (*s)->corrections();
    if (!corrections) {
        return report(c, corrections.error());
    }
    input.corrections = std::move(*corrections);
    const forms::TextModel current = model_in_use(**s, *catalog);
    const std::string version = core::format_iso8601(c.clock.now(), 0);
    const ClassifierTrainingResult r = train_classifier(*catalog, current, input, version);

    c.out << "trained model " << version << " on " << input.train.size() << " corpus texts and "
          << r.corrections_used << " corrections: " << r.model.feature_count() << " features\n"
          << "before: "
          << (current.empty() ? "the keyword rules alone" : "model " + current.version())
          << "; after: the new model; both with the keyword rules, on the test split ("
          << input.test.size() << " texts)\n\n"
          << format_comparison(r.before, r.after) << "\n";
    const std::string text = r.model.to_json().dump();
    if (auto out = c.args.option("--out")) {
        std::ofstream file(*out, std::ios::binary | std::ios::trunc);
        file << text;
        if (!file.flush()) {
            c.err << "counterfoil-center: cannot write " << *out << "\n";
            return k_exit_storage;
        }
        c.out << "wrote " << *out << " (" << text.size() << " bytes)\n";
    }
    if (!r.worse.empty()) {
        c.out << "the new model is worse than the one in use, so it is not published:\n";
        for (const std::string& why : r.worse) {
            c.out << "  " << why << "\n";
        }
        return c.args.flags.contains("--publish") ? k_exit_invalid : k_exit_ok;
    }
    if (!c.args.flags.contains("--publish")) {
        c.out << "not published (add --publish to send it to every terminal)\n";
        return k_exit_ok;
    }
    auto published = (*s)->publish_asset({"classifier/model.json", text}, c.clock.now());
    if (!published) {
        return report(c, published.error());
    }
    c.out << "published classifier/model.json version " << *published
          << " (rollback-asset --name classifier/model.json undoes it)\n";
    return k_exit_ok;
}

int cmd_backup(Context& c) {
    auto to = c.args.option("--to");
    if (!to) {
        return usage(c.err, "backup needs --to FILE");
    }
    if (auto r = SqliteCenterStorage::backup(c.data, *to); !r) {
        return report(c, r.error());
    }
    c.out << "backed up the center database to " << *to << " (back up center.key apart from it)\n";
    return k_exit_ok;
}

int cmd_restore(Context& c) {
    auto from = c.args.option("--from");
    if (!from) {
        return usage(c.err, "restore needs --from FILE");
    }
    auto epoch = SqliteCenterStorage::restore(c.data, *from);
    if (!epoch) {
        return report(c, epoch.error());
    }
    c.out << "restored " << *from << "; new epoch " << *epoch
          << ": terminals will re-send what the backup lacks\n";
    return k_exit_ok;
}

// ====================================================================== [SECTION] serve

int cmd_serve(Context& c) {
    auto listen = c.args.option("--listen");
    if (!listen) {
        return usage(c.err, "serve needs --listen HOST:PORT");
    }
    const auto colon = listen->rfind(':');
    ServeOptions options;
    char* end = nullptr;
    long port =
        colon == std::string::npos ? -1 : std::strtol(listen->c_str() + colon + 1, &end, 10);
    if (colon == std::string::npos || *end != '\0' || port < 0 || port > 65535) {
        return usage(c.err, "--listen needs HOST:PORT, e.g. 127.0.0.1:8080 (port 0: any)");
    }
    options.host = listen->substr(0, colon);
    if (options.host.size() >= 2 && options.host.front() == '[' && options.host.back() == ']') {
        options.host = options.host.substr(1, options.host.size() - 2); // [::1]:8080
    }
    options.port = static_cast<int>(port);
    // The center on its own cannot hold off slow or oversized requests (cpp-httplib restarts
    // its read timeout at every byte and counts no headers), so it serves only nginx on this
    // machine, and TLS ends there (docs/SECURITY.md, "The network edge").
    if (!is_loopback(options.host)) {
        return usage(c.err, "--listen " + *listen +
                                ": the center listens on loopback only (127.0.0.1:PORT or "
                                "[::1]:PORT); nginx in front of it is the network-facing "
                                "listener, see docs/OPERATIONS.md, \"nginx in front\"");
    }
    if (c.args.option("--cert") || c.args.option("--key")) {
        return usage(c.err, "--cert and --key are gone: TLS terminates at nginx in front of the "
                            "center, which listens on loopback; see docs/OPERATIONS.md, \"nginx in "
                            "front\"");
    }
    // A push waits in its thread for its group commit, so more threads than cores keep the
    // next pushes being read and staged while one group is stored (docs/PERFORMANCE.md).
    auto threads = number_option(c, "--threads", 32, 1, 256);
    auto max_body = number_option(c, "--max-body", sync::k_default_max_body_bytes, 1024, 1LL << 30);
    if (!threads || !max_body) {
        return usage(c.err, "--threads needs 1-256 and --max-body 1024 bytes or more");
    }
    options.threads = static_cast<int>(*threads);
    options.max_body_bytes = static_cast<std::size_t>(*max_body);
    auto session_ttl =
        number_option(c, "--session-ttl-seconds", k_session_ttl / 1000, 1, 30LL * 24 * 3600);
    if (!session_ttl) {
        return usage(c.err, "--session-ttl-seconds needs 1 to 2592000");
    }
    options.session_ttl = *session_ttl * 1000;
    auto skew_hours = number_option(c, "--max-clock-skew-hours",
                                    k_default_max_clock_skew / core::k_hour, 1, 24 * 366);
    if (!skew_hours) {
        return usage(c.err, "--max-clock-skew-hours needs 1 to 8784");
    }

    // SIGTERM and SIGINT are taken by one thread with sigwait, so no handler runs inside a
    // request and stopping is an ordinary call.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto storage = open_storage(c, *skew_hours * core::k_hour);
    if (!storage) {
        return report(c, storage.error());
    }
    if (auto r = (*storage)->load_create_rules(assets_option(c)); !r) {
        return report(c, r.error());
    }
    if (auto r = (*storage)->checkpoint_in_background(); !r) {
        return report(c, r.error());
    }
    JsonLog log(std::cerr);
    // The console's facts are read before listening, so the first dashboard is fast.
    const auto warm_start = std::chrono::steady_clock::now();
    if (auto r = (*storage)->warm_console(); !r) {
        return report(c, r.error());
    }
    log.write("info", "console_ready",
              {{"ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                warm_start)
                          .count()}});
    CenterServer server(**storage, c.clock, log, options);
    auto bound = server.bind();
    if (!bound) {
        c.err << "counterfoil-center: " << bound.error().message << "\n";
        return k_exit_storage;
    }
    log.write("info", "listening",
              {{"host", options.host},
               {"port", *bound},
               {"threads", options.threads},
               {"epoch", (*storage)->epoch()}});
    const bool v6 = options.host.find(':') != std::string::npos;
    c.out << "listening on http://" << (v6 ? "[" + options.host + "]" : options.host) << ":"
          << *bound << std::endl;

    std::atomic<bool> run_returned = false;
    std::thread watcher([&server, &log, &run_returned, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        log.write("info", "stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
        // A signal that came while the center was still starting (reading the console's
        // facts, binding) waits until it listens: a stop before that would be lost.
        while (!server.running() && !run_returned) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        server.stop();
    });
    server.run();
    run_returned = true;
    // run() returns when stop() was called from the watcher (or the socket failed); in the
    // second case wake the watcher so it can be joined.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    storage->reset(); // closes the database: WAL checkpointed, files consistent
    log.write("info", "stopped", {});
    return k_exit_ok;
}

// ====================================================================== [SECTION] staff

// The first line of standard input without its line end.
std::optional<std::string> read_password(Context& c) {
    std::string line;
    if (!std::getline(c.in, line)) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

int cmd_staff_add(Context& c) {
    auto id = c.args.option("--id");
    auto name = c.args.option("--name");
    auto role_text = c.args.option("--role");
    if (!id || !name || !role_text) {
        return usage(c.err, "staff add needs --id ID, --name NAME and --role ROLE");
    }
    if (!c.args.flags.contains("--password-stdin")) {
        return usage(c.err, "staff add needs --password-stdin (the password on the first line "
                            "of standard input, never on the command line)");
    }
    auto role = core::parse_role(*role_text);
    if (!role || !core::is_center_role(*role)) {
        c.err << "counterfoil-center: --role: '" << *role_text
              << "' is not a center role (reviewer, dispatcher, handler, auditor, manager)\n";
        return k_exit_invalid;
    }
    auto password = read_password(c);
    if (!password) {
        c.err << "counterfoil-center: --password-stdin: no password on standard input\n";
        return k_exit_invalid;
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    StaffAccount account;
    account.id = *id;
    account.name = *name;
    account.role = *role;
    account.department = c.args.option("--department").value_or("");
    if (auto r = (*s)->add_staff(account, *password, c.clock.now()); !r) {
        return report(c, r.error());
    }
    c.out << "added " << account.id << " (" << core::to_string(account.role)
          << (account.department.empty() ? "" : ", department " + account.department) << ")\n";
    return k_exit_ok;
}

int cmd_staff_disable(Context& c) {
    auto id = c.args.option("--id");
    if (!id) {
        return usage(c.err, "staff disable needs --id ID");
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    if (auto r = (*s)->disable_staff(*id, c.clock.now()); !r) {
        return report(c, r.error());
    }
    c.out << "disabled " << *id << ": it can no longer sign in, and its sessions ended\n";
    return k_exit_ok;
}

int cmd_staff_list(Context& c) {
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    auto list = (*s)->list_staff();
    if (!list) {
        return report(c, list.error());
    }
    const core::Millis now = c.clock.now();
    if (c.args.flags.contains("--json")) {
        json arr = json::array();
        for (const auto& a : *list) {
            arr.push_back({{"id", a.id},
                           {"name", a.name},
                           {"role", core::to_string(a.role)},
                           {"department", a.department},
                           {"disabled", a.disabled_at.has_value()},
                           {"locked_until", a.locked_until > now ? json(a.locked_until) : json()}});
        }
        c.out << arr.dump(2) << "\n";
        return k_exit_ok;
    }
    for (const auto& a : *list) {
        c.out << a.id << "  " << core::to_string(a.role) << "  "
              << (a.department.empty() ? "-" : a.department) << "  " << a.name;
        if (a.disabled_at) {
            c.out << "  disabled " << core::format_iso8601(*a.disabled_at, 480);
        }
        if (a.locked_until > now) {
            c.out << "  locked until " << core::format_iso8601(a.locked_until, 480);
        }
        c.out << "\n";
    }
    return k_exit_ok;
}

int cmd_staff(Context& c) {
    const std::string sub = c.args.positional.size() == 2 ? c.args.positional[1] : "";
    if (sub == "add") {
        return cmd_staff_add(c);
    }
    if (sub == "disable") {
        return cmd_staff_disable(c);
    }
    if (sub == "list") {
        return cmd_staff_list(c);
    }
    return usage(c.err, "staff needs one of add, disable, list");
}

// ================================================================ [SECTION] sample data

int cmd_sample_data(Context& c) {
    auto tickets = number_option(c, "--tickets", -1, 1, 20'000'000);
    auto branches = number_option(c, "--branches", -1, 1, 9'999);
    auto seed = number_option(c, "--seed", 1, 0, std::numeric_limits<long long>::max());
    if (!c.args.option("--tickets") || !tickets) {
        return usage(c.err, "sample-data needs --tickets N (1 to 20000000)");
    }
    if (!c.args.option("--branches") || !branches) {
        return usage(c.err, "sample-data needs --branches B (1 to 9999)");
    }
    if (!seed) {
        return usage(c.err, "--seed needs a whole number of 0 or more");
    }
    std::optional<std::string> password;
    if (c.args.flags.contains("--staff-password-stdin")) {
        password = read_password(c);
        if (!password) {
            c.err << "counterfoil-center: --staff-password-stdin: no password on standard "
                     "input\n";
            return k_exit_invalid;
        }
        if (password->size() < k_min_password || password->size() > k_max_password) {
            c.err << "counterfoil-center: --staff-password-stdin: the password needs "
                  << k_min_password << " to " << k_max_password << " characters\n";
            return k_exit_invalid;
        }
    }
    std::error_code ec;
    if (!fs::exists(c.data / SqliteCenterStorage::k_database_file, ec)) {
        if (auto r = SqliteCenterStorage::init(c.data); !r) {
            return report(c, r.error());
        }
    }
    auto s = open_storage(c);
    if (!s) {
        return report(c, s.error());
    }
    SqliteCenterStorage::SampleOptions options;
    options.tickets = *tickets;
    options.branches = static_cast<int>(*branches);
    options.seed = static_cast<std::uint64_t>(*seed);
    options.assets = assets_option(c);
    options.now = c.clock.now();
    const auto started = std::chrono::steady_clock::now();
    auto made = (*s)->sample_data(options);
    if (!made) {
        return report(c, made.error());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (password) {
        struct Demo {
            const char* id;
            const char* name;
            core::Role role;
            const char* department;
        };
        const Demo demo[] = {
            {"R01", "Reviewer 复核员", core::Role::reviewer, ""},
            {"D01", "Dispatcher 派单员", core::Role::dispatcher, ""},
            {"H01", "Handler 账务处理", core::Role::handler, "billing"},
            {"H02", "Handler 网络处理", core::Role::handler, "network"},
            {"A01", "Auditor 审核员", core::Role::auditor, ""},
            {"M01", "Manager 主管", core::Role::manager, ""},
        };
        for (const auto& d : demo) {
            StaffAccount a{d.id, d.name, d.role, d.department, std::nullopt, 0};
            if (auto r = (*s)->add_staff(a, *password, c.clock.now()); !r) {
                return report(c, r.error());
            }
        }
    }
    c.out << "made " << made->tickets << " tickets with " << made->events << " events across "
          << options.branches << " branches in " << seconds << " s";
    if (password) {
        c.out << "; staff R01 D01 H01 (billing) H02 (network) A01 M01 with the given password";
    }
    c.out << "\n";
    for (const auto& [state, n] : made->by_state) {
        c.out << "  " << state << "  " << n << "\n";
    }
    return k_exit_ok;
}

} // namespace

// =================================================================== [SECTION] dispatch

int run_center_cli(const std::vector<std::string>& raw, std::istream& in, std::ostream& out,
                   std::ostream& err) {
    Args args;
    if (auto problem = parse(raw, args)) {
        return usage(err, *problem);
    }
    if (args.flags.contains("--help")) {
        out << k_usage;
        return k_exit_ok;
    }
    if (args.positional.empty()) {
        return usage(err, "no command given");
    }
    auto data = args.option("--data");
    if (!data) {
        return usage(err, "--data DIR is required");
    }
    Context c{*data, args, in, out, err, {}};
    const std::pair<const char*, int (*)(Context&)> commands[] = {
        {"init", cmd_init},
        {"enroll-code", cmd_enroll_code},
        {"console-token", cmd_console_token},
        {"revoke", cmd_revoke},
        {"act", cmd_act},
        {"list", cmd_list},
        {"overdue", cmd_overdue},
        {"show", cmd_show},
        {"export", cmd_export},
        {"publish-asset", cmd_publish_asset},
        {"rollback-asset", cmd_rollback_asset},
        {"train-classifier", cmd_train_classifier},
        {"backup", cmd_backup},
        {"restore", cmd_restore},
        {"serve", cmd_serve},
        {"staff", cmd_staff},
        {"sample-data", cmd_sample_data},
    };
    for (const auto& [name, handler] : commands) {
        if (args.positional[0] == name) {
            return handler(c);
        }
    }
    return usage(err, "unknown command '" + args.positional[0] + "'");
}

} // namespace cf::center
