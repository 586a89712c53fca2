// Store: reference figures.
#include <cstdint>

#include "impl.hpp"

namespace tradecheck::db {

namespace {

constexpr const char* sql_upsert_reference = R"(
INSERT INTO reference (key, kind, actor, partner, product, metric, basis, period, value, low, high, unit,
                       source, url)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
ON CONFLICT (key, source) DO UPDATE SET
    kind = excluded.kind, actor = excluded.actor, partner = excluded.partner, product = excluded.product,
    metric = excluded.metric, basis = excluded.basis, period = excluded.period, value = excluded.value,
    low = excluded.low, high = excluded.high, unit = excluded.unit, url = excluded.url)";

constexpr const char* sql_select_references = R"(
SELECT key, kind, actor, partner, product, metric, basis, period, value, low, high, unit, source, url
FROM reference ORDER BY key, source)";

} // namespace

std::size_t Store::put_references(const std::vector<Reference>& references) {
    impl_->require_writable("store reference figures");
    return guarded(impl_->path, "store reference figures", [&] {
        Transaction tx(*this);
        std::size_t added = 0;
        for (const Reference& r : references) {
            SQLite::Statement exists(impl_->db, "SELECT 1 FROM reference WHERE key = ?1 AND source = ?2");
            exists.bind(1, r.key);
            exists.bind(2, r.source);
            added += !exists.executeStep();
            SQLite::Statement upsert(impl_->db, sql_upsert_reference);
            const std::string* texts[] = {&r.key, &r.kind, &r.actor, &r.partner, &r.product, &r.metric, &r.basis, &r.period};
            int i = 1;
            for (const std::string* t : texts) upsert.bind(i++, *t);
            upsert.bind(9, r.value);
            upsert.bind(10, r.low);
            upsert.bind(11, r.high);
            upsert.bind(12, r.unit);
            upsert.bind(13, r.source);
            upsert.bind(14, r.url);
            upsert.exec();
        }
        tx.commit();
        return added;
    });
}

std::vector<Reference> Store::references() const {
    return guarded(impl_->path, "read reference figures", [&] {
        std::vector<Reference> out;
        SQLite::Statement select(impl_->db, sql_select_references);
        while (select.executeStep()) {
            Reference r;
            std::string* texts[] = {&r.key, &r.kind, &r.actor, &r.partner, &r.product, &r.metric, &r.basis, &r.period};
            int i = 0;
            for (std::string* t : texts) *t = select.getColumn(i++).getString();
            r.value = select.getColumn(8).getDouble();
            r.low = select.getColumn(9).getDouble();
            r.high = select.getColumn(10).getDouble();
            r.unit = select.getColumn(11).getString();
            r.source = select.getColumn(12).getString();
            r.url = select.getColumn(13).getString();
            out.push_back(std::move(r));
        }
        return out;
    });
}

} // namespace tradecheck::db
