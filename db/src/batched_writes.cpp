#include "tradecheck/db/batched_writes.hpp"

namespace tradecheck::db {

BatchedWrites::BatchedWrites(Store& store, Limits limits) : store_(store), limits_(limits) {
    if (limits_.items == 0) limits_.items = 1;
}

void BatchedWrites::before_write() {
    if (transaction_) return;
    transaction_.emplace(store_);
    // Timed from when the lock is held: a wait for it does not count toward the batch's age.
    opened_ = std::chrono::steady_clock::now();
    items_ = 0;
}

void BatchedWrites::after_write(std::size_t items) {
    items_ += items;
    if (due(false)) commit();
}

void BatchedWrites::idle() {
    if (due(true)) commit();
}

void BatchedWrites::commit() {
    if (!transaction_) return;
    transaction_->commit();
    transaction_.reset();
}

bool BatchedWrites::due(bool idle) const {
    if (!transaction_) return false;
    if (!idle && items_ >= limits_.items) return true;
    const auto age = std::chrono::steady_clock::now() - opened_;
    // The probe for a waiting writer is two system calls: cheap next to storing an article.
    return age >= limits_.max_age || (age >= limits_.yield_after && store_.writer_waiting());
}

} // namespace tradecheck::db
