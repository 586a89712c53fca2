// The streaming pipeline behind `ingest` and `extract`: one reader thread cuts the input into
// records, N worker threads turn records into results (parse, hash, extract claims), and the
// calling thread receives the results in input order (the one writer: the database, stdout).
// At most `window` records are between the reader and the writer at any time, so memory stays
// bounded whatever the size of the corpus.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "tradecheck/parser/article_reader.hpp"

namespace tradecheck::cli {

// --jobs 0 (the default) means one worker per core.
inline unsigned worker_count(unsigned jobs) {
    if (jobs > 0) return jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

// Records travel between threads in chunks of up to this many records or bytes, so that a
// hand-over (a lock and a wake-up) is paid per chunk rather than per record.
inline constexpr std::size_t chunk_records = 64;
inline constexpr std::size_t chunk_bytes = 1 << 20;

// `work(record, worker)` runs on worker thread number `worker` (0..jobs-1) and may be called
// concurrently; `write(result)` runs on the calling thread, in input order; `tick()` runs on
// the calling thread at least every 100 ms while the pipeline runs (for a progress bar).
// At most `window` chunks are between the reader and the writer, so memory stays bounded by
// about window * chunk_bytes of input plus what `work` makes of it.
// An exception from any of them stops the pipeline; it is rethrown here once every thread
// has stopped.
template <class Result>
void run_pipeline(ArticleSource& source, unsigned jobs, std::size_t window,
                  const std::function<Result(RawInput&&, unsigned)>& work,
                  const std::function<void(Result&&)>& write, const std::function<void()>& tick) {
    std::mutex m;
    std::condition_variable space, todo_ready, done_ready;
    std::deque<std::pair<std::size_t, std::vector<RawInput>>> todo;
    std::map<std::size_t, std::vector<Result>> done;
    std::size_t read = 0, written = 0;   // chunks
    bool finished = false, stop = false;
    std::exception_ptr error;

    const auto fail = [&](std::exception_ptr e) {
        const std::lock_guard lock(m);
        if (!error) error = e;
        stop = true;
        space.notify_all();
        todo_ready.notify_all();
        done_ready.notify_all();
    };

    std::thread reader([&] {
        try {
            for (bool more = true; more;) {
                {
                    std::unique_lock lock(m);
                    space.wait(lock, [&] { return stop || read - written < window; });
                    if (stop) return;
                }
                std::vector<RawInput> chunk;
                std::size_t bytes = 0;
                while (chunk.size() < chunk_records && bytes < chunk_bytes) {
                    std::optional<RawInput> raw = source.next();
                    if (!raw) {
                        more = false;
                        break;
                    }
                    bytes += raw->bytes.size();
                    chunk.push_back(std::move(*raw));
                }
                const std::lock_guard lock(m);
                if (!chunk.empty()) {
                    todo.emplace_back(read++, std::move(chunk));
                    todo_ready.notify_one();
                }
                if (!more) {
                    finished = true;
                    todo_ready.notify_all();
                    done_ready.notify_all();
                }
            }
        } catch (...) {
            fail(std::current_exception());
        }
    });

    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
        workers.emplace_back([&, w] {
            try {
                for (;;) {
                    std::optional<std::pair<std::size_t, std::vector<RawInput>>> item;
                    {
                        std::unique_lock lock(m);
                        todo_ready.wait(lock, [&] { return stop || !todo.empty() || finished; });
                        if (stop || todo.empty()) return;  // stopped, or finished and drained
                        item.emplace(std::move(todo.front()));
                        todo.pop_front();
                    }
                    std::vector<Result> results;
                    results.reserve(item->second.size());
                    for (RawInput& raw : item->second) results.push_back(work(std::move(raw), w));
                    item->second.clear();
                    const std::lock_guard lock(m);
                    done.emplace(item->first, std::move(results));
                    if (item->first == written) done_ready.notify_one();
                }
            } catch (...) {
                fail(std::current_exception());
            }
        });
    }

    const auto join = [&] {
        reader.join();
        for (std::thread& t : workers) t.join();
    };
    try {
        for (;;) {
            std::optional<std::vector<Result>> next;
            {
                std::unique_lock lock(m);
                const bool ready = done_ready.wait_for(lock, std::chrono::milliseconds(100), [&] {
                    return stop || done.count(written) > 0 || (finished && written == read);
                });
                if (stop) break;
                if (ready) {
                    if (finished && written == read) break;
                    auto it = done.find(written);
                    next.emplace(std::move(it->second));
                    done.erase(it);
                }
            }
            if (next) {
                for (Result& r : *next) {
                    write(std::move(r));
                    tick();
                }
                next.reset();
                const std::lock_guard lock(m);
                ++written;
                space.notify_one();
            }
            tick();
        }
    } catch (...) {
        fail(std::current_exception());
    }
    join();
    if (error) std::rethrow_exception(error);
}

} // namespace tradecheck::cli
