// Shared by the db tests: temporary files and sample articles and claims.
#pragma once

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tradecheck/db/store.hpp"

namespace tradecheck::db::test {

// A fresh directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() {
        std::random_device device;
        path_ = std::filesystem::temp_directory_path() /
                ("tradecheck-db-test-" + std::to_string(device()) + std::to_string(device()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }
private:
    std::filesystem::path path_;
};

inline Article sample_article(const std::string& id = "a1.txt",
                              const std::string& sha = "sha-1") {
    Article a;
    a.id = id;
    a.path = "seeds/" + id;
    a.sha256 = sha;
    a.title = "Tariffs rise";
    a.outlet = "Example News";
    a.published = "2024-05-01";
    a.currency = "USD";
    a.text = "The US raised tariffs to 25% on steel.";
    return a;
}

// A tariff claim on `text[start, end)` (code points), exact value.
inline Claim sample_claim(const std::string& text, std::size_t start, std::size_t end,
                          double value) {
    Claim c;
    c.kind = "tariff_rate";
    c.key = "tariff_rate|USA|CHN|steel";
    c.text = text;
    c.start = start;
    c.end = end;
    c.quantity.span = Span{start, end};
    c.quantity.type = QuantityType::percent;
    c.quantity.value = value;
    c.quantity.low = value;
    c.quantity.high = value;
    c.quantity.unit = "percent";
    c.actor = "USA";
    c.partner = "CHN";
    c.product = "steel";
    c.metric = "tariff";
    c.period = Period::in;
    c.year = 2024;
    c.rule = "tariff.rate.1";
    return c;
}

// The number a query of the test's own gives, on a read-only connection beside the Store's.
inline std::int64_t count(const std::filesystem::path& file, const std::string& sql) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

} // namespace tradecheck::db::test
