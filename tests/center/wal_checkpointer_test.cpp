// The center's WAL checkpoints on their own thread: after a nudge every committed frame is
// copied into the database file, without the writing connection checkpointing.
#include "center/wal_checkpointer.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace cf;

TEST_CASE("the checkpointer copies the log into the database after a nudge") {
    test::TempDir tmp;
    core::OpenOptions create;
    create.create = true;
    auto db = core::Database::open(tmp / "c.db", create);
    REQUIRE(db);
    REQUIRE(db->exec("PRAGMA wal_autocheckpoint = 0"));
    REQUIRE(db->exec("CREATE TABLE t(x TEXT)"));
    // The rows reach the database file only by a checkpoint: before it, they are in the log.
    auto file_bytes = [&] {
        return std::filesystem::file_size(tmp / "c.db");
    };
    {
        auto tx = core::Transaction::begin(*db);
        REQUIRE(tx);
        for (int i = 0; i < 2000; ++i) {
            auto q = db->query("INSERT INTO t(x) VALUES (?1)");
            REQUIRE(q);
            REQUIRE(q->bind(1, std::string(500, 'x')).run());
        }
        REQUIRE(tx->commit());
    }
    CHECK(file_bytes() < 100'000); // the writer did not checkpoint
    auto checkpointer = center::WalCheckpointer::start(tmp / "c.db");
    REQUIRE(checkpointer);
    const long before = (*checkpointer)->checkpoints();
    (*checkpointer)->nudge();
    for (int i = 0; i < 500 && (*checkpointer)->checkpoints() == before; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE((*checkpointer)->checkpoints() > before);
    CHECK(file_bytes() > 1'000'000);
    auto count = db->query("SELECT count(*) FROM t");
    REQUIRE(count);
    REQUIRE(*count->step());
    CHECK(count->int64(0) == 2000);
}
