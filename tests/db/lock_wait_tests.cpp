// Waiting for another writer (issue 17): writers wait their turn as long as LockWait says,
// report the wait, take turns, and give up with a clear error and nothing half-written.
// Nothing here depends on how fast the machine is: every wait ends on an event, and the only
// clocks are the timeouts, which a failure would hit rather than a slow run.
#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "helpers.hpp"
#include "tradecheck/db/batched_writes.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using namespace std::chrono_literals;
using test::sample_article;
using test::TempDir;

namespace {

// Collects the stages a wait reports, from whichever thread waits.
struct Heard {
    std::mutex mutex;
    std::vector<WaitEvent::Stage> stages;

    LockWait wait(std::chrono::milliseconds timeout) {
        LockWait w;
        w.timeout = timeout;
        w.report_after = 0ms;
        w.report = [this](const WaitEvent& e) {
            const std::lock_guard lock(mutex);
            stages.push_back(e.stage);
        };
        return w;
    }
    std::vector<WaitEvent::Stage> seen() {
        const std::lock_guard lock(mutex);
        return stages;
    }
};

// Polls until `condition` holds; false after a minute (a failure, not a slow machine).
template <class F>
bool eventually(F&& condition) {
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

} // namespace

TEST_CASE("a writer waits for another writer's transaction, says so, and goes on", "[lock]") {
    TempDir dir;
    const auto path = dir.file("t.db");
    Store holder(path);
    auto lock = std::make_unique<Store::Transaction>(holder);
    holder.put_article(sample_article("a.txt", "s1"), {}, "h");

    Heard heard;
    Store waiter(path, false, heard.wait(60s));
    CHECK_FALSE(holder.writer_waiting());
    std::thread second([&] { waiter.put_article(sample_article("b.txt", "s2"), {}, "h"); });
    // The holder learns of the waiter (the waiting room), and the waiter reports its wait.
    const bool noticed = eventually([&] { return holder.writer_waiting() && !heard.seen().empty(); });
    lock->commit();
    lock.reset();
    second.join();
    REQUIRE(noticed);
    const auto stages = heard.seen();
    REQUIRE(stages.size() >= 2);
    CHECK(stages.front() == WaitEvent::Stage::started);
    CHECK(stages.back() == WaitEvent::Stage::ended);
    CHECK(holder.articles().size() == 2);
    CHECK_FALSE(holder.writer_waiting());
}

TEST_CASE("a wait that runs out fails clearly and writes nothing", "[lock]") {
    TempDir dir;
    const auto path = dir.file("t.db");
    Store holder(path);
    Store::Transaction lock(holder);
    holder.put_article(sample_article("a.txt", "s1"), {}, "h");

    SECTION("timeout 0 fails at once, without a wait to report") {
        Heard heard;
        Store waiter(path, false, heard.wait(0ms));
        CHECK_THROWS_WITH(waiter.put_article(sample_article("b.txt", "s2"), {}, "h"),
                          Catch::Contains(path.string()) && Catch::Contains("locked by another process") &&
                              Catch::Contains("(waited 0.0 s, the busy timeout)"));
        CHECK(heard.seen().empty());
        CHECK(waiter.articles().empty());   // WAL: readers see the last commit meanwhile
    }
    SECTION("a short timeout is waited out, reported, and then refused") {
        Heard heard;
        Store waiter(path, false, heard.wait(300ms));
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH(waiter.put_article(sample_article("b.txt", "s2"), {}, "h"), Catch::Contains("locked"));
        CHECK(std::chrono::steady_clock::now() - start >= 300ms);
        const auto stages = heard.seen();
        REQUIRE_FALSE(stages.empty());
        CHECK(stages.front() == WaitEvent::Stage::started);
        CHECK(stages.back() == WaitEvent::Stage::gave_up);
        CHECK(waiter.articles().empty());
        // The failed transaction left the waiter usable: once the lock is free it writes.
        lock.commit();
        waiter.put_article(sample_article("b.txt", "s2"), {}, "h");
        CHECK(waiter.articles().size() == 2);
    }
}

TEST_CASE("a reader is never held up by a writer", "[lock]") {
    TempDir dir;
    const auto path = dir.file("t.db");
    Store holder(path);
    holder.put_article(sample_article("a.txt", "s1"), {}, "h");
    Store::Transaction lock(holder);
    holder.put_article(sample_article("b.txt", "s2"), {}, "h");
    Heard heard;
    const Store reader(path, true, heard.wait(0ms));   // would fail at once if it had to wait
    CHECK(reader.articles().size() == 1);
    CHECK(heard.seen().empty());
}

TEST_CASE("batched writes end a batch early for a waiting writer, and by count", "[lock]") {
    TempDir dir;
    const auto path = dir.file("t.db");
    Store writer(path);
    {
        // By count: three items a batch; the fourth opens a new transaction, which another
        // connection then cannot enter before the commit.
        BatchedWrites batches(writer, {3, std::chrono::hours(1), std::chrono::hours(1)});
        for (int i = 0; i < 4; ++i) {
            batches.before_write();
            writer.put_article(sample_article("c" + std::to_string(i), "s"), {}, "h");
            batches.after_write();
        }
        const Store reader(path, true);
        CHECK(reader.articles().size() == 3);
        batches.commit();
        CHECK(reader.articles().size() == 4);
    }
    // A waiting writer: the batch (of at most a thousand) ends at the next item.
    BatchedWrites batches(writer, {1000, std::chrono::hours(1), 0ms});
    batches.before_write();
    writer.put_article(sample_article("d0", "s"), {}, "h");
    batches.after_write();
    Store other(path, false, LockWait{});
    std::thread second([&] { other.put_article(sample_article("e0", "s"), {}, "h"); });
    const bool noticed = eventually([&] { return writer.writer_waiting(); });
    batches.idle();   // commits: a writer waits
    second.join();
    REQUIRE(noticed);
    const Store reader(path, true);
    CHECK(reader.articles().size() == 6);
}
