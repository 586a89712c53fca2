// Store: what `check --save` decided (docs/checks.md, "Verdicts in the database").
#include <cstdint>

#include "impl.hpp"

namespace tradecheck::db {

std::int64_t Store::save_check(const SavedCheck& run) {
    impl_->require_writable("store the check's verdicts");
    return guarded(impl_->path, "store the check's verdicts", [&] {
        Transaction tx(*this);
        SQLite::Statement add_run(impl_->db, "INSERT INTO check_runs (options) VALUES (?1)");
        add_run.bind(1, run.options);
        add_run.exec();
        const std::int64_t id = impl_->db.getLastInsertRowid();
        SQLite::Statement fact(impl_->db,
                               "INSERT INTO verdicts (run_id, key, kind, status, sources, note, gap, mirror_key) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        SQLite::Statement claim(impl_->db,
                                "INSERT OR IGNORE INTO verdict_claims (run_id, key, claim_id, matched) "
                                "VALUES (?1, ?2, ?3, ?4)");
        for (const SavedCheck::Fact& f : run.facts) {
            fact.reset();
            fact.bind(1, id);
            fact.bind(2, f.key);
            fact.bind(3, f.kind);
            fact.bind(4, f.status);
            fact.bind(5, static_cast<std::int64_t>(f.sources));
            fact.bind(6, f.note);
            if (f.gap) fact.bind(7, *f.gap);
            else fact.bind(7);
            fact.bind(8, f.mirror_key);
            fact.exec();
            for (const auto& [claim_id, matched] : f.claims) {
                claim.reset();
                claim.bind(1, id);
                claim.bind(2, f.key);
                claim.bind(3, claim_id);
                claim.bind(4, matched);
                claim.exec();
            }
        }
        SQLite::Statement copy(impl_->db,
                               "INSERT INTO verdict_copies (run_id, article, copy_of, family, similarity) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const SavedCheck::Copy& c : run.copies) {
            copy.reset();
            copy.bind(1, id);
            copy.bind(2, c.article);
            copy.bind(3, c.copy_of);
            copy.bind(4, c.family);
            copy.bind(5, c.similarity);
            copy.exec();
        }
        tx.commit();
        return id;
    });
}

} // namespace tradecheck::db
