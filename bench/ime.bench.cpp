// Pinyin input (ime/) on Debian's rime data, through the API the kiosk uses:
//   - first start: InputEngine::open on an empty data directory, which deploys the two
//     schemas; target well under 1 s
//   - warm start: InputEngine::open again on the deployed directory
//   - session start: InputEngine::start_session (librime parses the compiled schema)
//   - keystroke: PinyinSession::type while typing complaint phrases letter by letter, which
//     is process_key, get_context and one page of candidates; target far below a 16 ms frame
// Each round opens and closes the engine in this process; the first round is the one that
// also pays for librime's one-time set-up, as a kiosk's first start does.
//
//   ime_bench [--dir PARENT] [--rounds N] [--shared /usr/share/rime-data]
#include "bench/bench_util.h"
#include "ime/input_engine.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace cf;

namespace {

// What customers write, in pinyin without tones or separators, as a keyboard sends it.
const char* const k_phrases[] = {
    "woyaotousu",
    "shangyuedehuafeizhangdanduokoulewushiyuan",
    "gongzuorenyuantaiduhencha",
    "kuandaijingchangduanxianwufashangwang",
    "xinyongkanianfeimeiyoutiqiangaozhi",
    "kefudianhuayizhidabutong",
    "xiwangjinkuaigeichuchulijieguo",
    "yaoqiupeichangwugongsunshi",
    "zidongxufeimeiyoujingguowotongyi",
    "duanxinyanzhengmashoubudao",
};

// librime remakes the whole sentence at each letter, so late letters of a long phrase cost
// more; they are reported apart.
constexpr std::size_t k_long_input = 25;

struct Stats {
    std::vector<double> samples;
    void add(double ms) { samples.push_back(ms); }
    void print(const char* name) const {
        std::printf("%-34s n=%-5zu p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", name,
                    samples.size(), bench::percentile(samples, 50), bench::percentile(samples, 99),
                    bench::percentile(samples, 100));
    }
};

std::unique_ptr<ime::InputEngine> open_or_exit(const ime::EngineOptions& options) {
    auto engine = ime::InputEngine::open(options);
    if (!engine) {
        std::fprintf(stderr, "ime_bench: %s\n", engine.error().message.c_str());
        std::exit(1);
    }
    return std::move(*engine);
}

// Types every phrase, then spaces until it is committed, timing each call.
void type_phrases(ime::PinyinSession& session, Stats& keys, Stats& long_keys, Stats& choices,
                  std::size_t& longest_input) {
    for (const char* phrase : k_phrases) {
        for (const char* p = phrase; *p != '\0'; ++p) {
            double t0 = bench::now_ms();
            session.type(*p);
            double ms = bench::now_ms() - t0;
            keys.add(ms);
            if (session.composition().input.size() > k_long_input) {
                long_keys.add(ms);
            }
        }
        longest_input = std::max(longest_input, session.composition().input.size());
        while (session.composition().active()) {
            double t0 = bench::now_ms();
            session.space();
            choices.add(bench::now_ms() - t0);
        }
        session.take_commit();
    }
}

} // namespace

int main(int argc, char** argv) {
    std::string parent = bench::arg(argc, argv, "--dir", "build");
    int rounds = std::stoi(bench::arg(argc, argv, "--rounds", "5"));
    std::string shared = bench::arg(argc, argv, "--shared", "/usr/share/rime-data");

    Stats first_start, warm_start, session_start, keys_simp, keys_trad, long_keys, choices;
    std::size_t longest_input = 0;
    for (int round = 0; round < rounds; ++round) {
        bench::ScratchDir scratch(parent);
        ime::EngineOptions options{.data_dir = scratch.path / "rime", .shared_data_dir = shared};

        double t0 = bench::now_ms();
        auto engine = open_or_exit(options);
        double first = bench::now_ms() - t0;
        first_start.add(first);
        if (!engine->deployed()) {
            std::fprintf(stderr, "ime_bench: an empty directory was not deployed\n");
            return 1;
        }
        engine.reset();

        t0 = bench::now_ms();
        engine = open_or_exit(options);
        double warm = bench::now_ms() - t0;
        warm_start.add(warm);
        std::printf("round %d: first start %.1f ms, warm start %.1f ms\n", round + 1, first, warm);

        for (auto script : {ime::Script::simplified, ime::Script::traditional}) {
            t0 = bench::now_ms();
            auto session = engine->start_session(script, 8);
            session_start.add(bench::now_ms() - t0);
            if (!session) {
                std::fprintf(stderr, "ime_bench: %s\n", session.error().message.c_str());
                return 1;
            }
            type_phrases(*session, script == ime::Script::simplified ? keys_simp : keys_trad,
                         long_keys, choices, longest_input);
        }
    }
    first_start.print("first start (deploy)");
    warm_start.print("warm start");
    session_start.print("start_session");
    keys_simp.print("keystroke, simplified");
    keys_trad.print("keystroke, traditional");
    long_keys.print("keystroke past 25 letters, both");
    choices.print("space (choose first candidate)");
    std::printf("longest composition: %zu letters\n", longest_input);
    return 0;
}
