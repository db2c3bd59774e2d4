#include "cli/sync_commands.h"

#include "cli/cli.h"
#include "core/sync_state.h"
#include "sync/sync_client.h"
#include "sync/sync_worker.h"

#include <csignal>
#include <iostream>
#include <pthread.h>

namespace cf::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

int report(std::ostream& err, const core::Error& e) {
    err << "counterfoil-cli: " << e.message << "\n";
    switch (e.code) {
    case core::ErrorCode::invalid_input:
    case core::ErrorCode::not_found:
    case core::ErrorCode::rejected_step:
        return k_invalid_input;
    default:
        return k_storage;
    }
}

int report(std::ostream& err, const sync::SyncError& e) {
    err << "counterfoil-cli: " << e.message << "\n";
    switch (e.kind) {
    case sync::SyncError::Kind::refused:
        return k_refused;
    case sync::SyncError::Kind::storage:
        return k_storage;
    default:
        return k_unreachable;
    }
}

std::string age_text(std::int64_t seconds) {
    if (seconds < 120) {
        return std::to_string(seconds) + " s";
    }
    if (seconds < 2 * 3600) {
        return std::to_string(seconds / 60) + " min";
    }
    if (seconds < 2 * 86400) {
        return std::to_string(seconds / 3600) + " h";
    }
    return std::to_string(seconds / 86400) + " days";
}

void print_status(std::ostream& out, const sync::SyncStatus& s) {
    if (!s.enrolled) {
        out << "not enrolled with a center\n";
    } else {
        out << "center " << s.center_url << " as " << s.device << "\n";
    }
    out << "pending: " << s.pending;
    if (s.oldest_pending_age_s) {
        out << " (oldest " << age_text(*s.oldest_pending_age_s) << ")";
    }
    out << "\nlast success: "
        << (s.last_success > 0 ? core::format_iso8601(s.last_success, 480) : "never") << "\n";
    if (!s.last_error.empty()) {
        out << "last error: " << s.last_error << "\n";
    }
    out << "dead letters: " << s.dead_letters
        << (s.dead_letters > 0 ? " (see 'sync dead-letters')" : "") << "\n";
}

void print_report(std::ostream& out, const sync::SyncReport& r) {
    out << "pushed " << r.pushed << ", pulled " << r.pulled;
    if (r.dead_lettered > 0) {
        out << ", " << r.dead_lettered << " refused by the center (dead letters)";
    }
    if (r.refused > 0) {
        out << ", " << r.refused << " received steps not applied here";
    }
    if (r.assets > 0) {
        out << ", " << r.assets << " asset versions" << (r.assets_switched ? " (now in use)" : "");
    }
    if (r.epoch_changed) {
        out << "; the center was restored from a backup, events re-sent";
    }
    out << "\n";
    if (!r.asset_problem.empty()) {
        out << r.asset_problem << "\n";
    }
}

sync::TlsOptions tls_options(const Args& args) {
    return sync::TlsOptions{args.option("--ca").value_or(""), args.option("--pin").value_or("")};
}

int sync_once(const fs::path& data, const fs::path& assets, const Args& args, std::ostream& out,
              std::ostream& err) {
    auto config = sync::load_config(data);
    if (!config) {
        return report(err, config.error());
    }
    auto token = sync::load_token(data);
    if (!token) {
        return report(err, token.error());
    }
    core::SystemClock clock;
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        return report(err, store.error());
    }
    sync::SyncClient client(*store, data, *config, *token, assets);
    if (auto batch = args.option("--batch")) {
        client.set_batch_size(std::atoi(batch->c_str()));
    }
    auto outcome = client.sync_once();
    if (!outcome) {
        return report(err, outcome.error());
    }
    print_report(out, *outcome);
    return k_ok;
}

int sync_watch(const fs::path& data, const fs::path& assets, const Args& args, std::ostream& out,
               std::ostream& err) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    sync::SyncWorkerOptions options;
    options.data_dir = data;
    options.installed_assets = assets;
    if (auto seconds = args.option("--interval")) {
        options.poll_interval = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::max(1, std::atoi(seconds->c_str()))) * 1000);
    }
    std::mutex print_mutex;
    sync::SyncWorker* self = nullptr;
    options.on_change = [&] {
        if (self == nullptr) {
            return;
        }
        const auto s = self->status();
        if (s.syncing) {
            return;
        }
        std::lock_guard lock(print_mutex);
        out << json{{"pending", s.pending},
                    {"last_error", s.last_error.empty() ? json() : json(s.last_error)},
                    {"dead_letters", s.dead_letters},
                    {"online", s.online}}
                   .dump()
            << std::endl;
    };
    sync::SyncWorker worker(options);
    self = &worker;
    if (auto r = worker.start(); !r) {
        return report(err, r.error());
    }
    int sig = 0;
    sigwait(&signals, &sig);
    worker.stop();
    return k_ok;
}

} // namespace

int cmd_enroll(const fs::path& data, const Args& args, std::ostream& out, std::ostream& err) {
    auto center = args.option("--center");
    auto code = args.option("--code");
    if (!center || !code) {
        err << "counterfoil-cli: enroll needs --center URL and --code CODE\n";
        return k_usage;
    }
    core::SystemClock clock;
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        return report(err, store.error());
    }
    auto enrolled = sync::enroll(*store, data, *center, *code, tls_options(args));
    if (!enrolled) {
        return report(err, enrolled.error());
    }
    out << "enrolled " << enrolled->device << " with " << *center << "; the device token is in "
        << (data / sync::k_token_file).string() << " (0600)\n";
    return k_ok;
}

int cmd_sync(const fs::path& data, const fs::path& assets, const Args& args, std::ostream& out,
             std::ostream& err) {
    const std::string sub = args.positional.size() > 1 ? args.positional[1] : "";
    if (sub == "status" || sub == "dead-letters") {
        core::SystemClock clock;
        auto store = core::TicketStore::open(data, clock);
        if (!store) {
            return report(err, store.error());
        }
        if (sub == "dead-letters") {
            core::SyncState state(*store);
            auto list = state.dead_letters();
            if (!list) {
                return report(err, list.error());
            }
            json arr = json::array();
            for (const auto& d : *list) {
                arr.push_back({{"event_id", d.event_id},
                               {"device_seq", d.device_seq},
                               {"status", d.status},
                               {"error", d.error},
                               {"failed_at", core::format_iso8601(d.failed_at)}});
            }
            if (args.flag("--json")) {
                out << arr.dump(2) << "\n";
            } else {
                out << list->size() << " events refused by the center\n";
                for (const auto& d : *list) {
                    out << "  " << d.device_seq << "  " << d.event_id << "  " << d.error << "\n";
                }
            }
            return k_ok;
        }
        auto status = sync::read_sync_status(*store, data, clock.now());
        if (!status) {
            return report(err, status.error());
        }
        if (args.flag("--json")) {
            out << sync::to_json(*status).dump(2) << "\n";
        } else {
            print_status(out, *status);
        }
        return k_ok;
    }
    if (!sub.empty()) {
        err << "counterfoil-cli: unknown sync command '" << sub
            << "' (sync --once, sync --watch, sync status, sync dead-letters)\n";
        return k_usage;
    }
    if (args.flag("--once") == args.flag("--watch")) {
        err << "counterfoil-cli: sync needs --once or --watch\n";
        return k_usage;
    }
    return args.flag("--once") ? sync_once(data, assets, args, out, err)
                               : sync_watch(data, assets, args, out, err);
}

} // namespace cf::cli
