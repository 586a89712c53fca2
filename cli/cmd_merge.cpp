// tradecheck merge OUT.db IN.db...: combine databases built on separate machines or shards.
#include <fmt/core.h>

#include "busy_wait.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "tradecheck/db/store.hpp"

namespace tradecheck::cli {

namespace {

struct MergeOptions {
    std::string out;
    std::vector<std::string> inputs;
    std::size_t batch = 500;
    double busy_timeout = 0;
    bool quiet = false;
};

int run(const MergeOptions& o) {
    db::Store store(o.out, false, lock_wait(o.busy_timeout));
    db::MergeResult total;
    for (const std::string& in : o.inputs) {
        const db::MergeResult r = store.merge_from(in, o.batch);
        if (!o.quiet)
            fmt::print(stderr, "{}: {} new, {} replaced, {} unchanged article{}; {} claim{} copied\n", in, r.inserted,
                       r.replaced, r.unchanged, r.unchanged == 1 ? "" : "s", r.claims, r.claims == 1 ? "" : "s");
        total.inserted += r.inserted;
        total.replaced += r.replaced;
        total.unchanged += r.unchanged;
        total.claims += r.claims;
    }
    if (!o.quiet && o.inputs.size() > 1)
        fmt::print(stderr, "{}: {} new, {} replaced, {} unchanged article{}; {} claim{} copied from {} databases\n",
                   o.out, total.inserted, total.replaced, total.unchanged, total.unchanged == 1 ? "" : "s",
                   total.claims, total.claims == 1 ? "" : "s", o.inputs.size());
    return ok;
}

} // namespace

void add_merge(CLI::App& app, int& status) {
    auto opts = std::make_shared<MergeOptions>();
    CLI::App* cmd = app.add_subcommand("merge", "Merge databases built on separate machines or shards into one");
    cmd->footer("Examples:\n  tradecheck merge all.db shard-*.db\n  tradecheck merge news.db laptop.db\n\n"
                "OUT.db is created when missing. Each IN.db is merged in transactions of --batch articles, in the order "
                "given: new "
                "articles are copied with their claims, an article already in OUT.db with the same content is "
                "skipped, one with the same id and other content is replaced (the later input wins), so nothing "
                "is duplicated and merging twice changes nothing. The inputs are only read. See docs/scaling.md.");
    cmd->add_option("out", opts->out, "The database to merge into")->required()->type_name("OUT.db");
    cmd->add_option("inputs", opts->inputs, "Databases to merge from")->required()->type_name("IN.db...");
    cmd->add_option("--batch", opts->batch, "Articles per transaction")->capture_default_str();
    add_busy_timeout_option(*cmd, opts->busy_timeout);
    cmd->add_flag("-q,--quiet", opts->quiet, "No summary on stderr");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
