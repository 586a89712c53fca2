// tradecheck rules list|test|lint: the rules in force, their examples, their files' health.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "tradecheck/parser/extractor.hpp"

namespace fs = std::filesystem;

namespace tradecheck::cli {

namespace {

int list(const std::vector<std::string>& dirs) {
    const RuleSet rules = load_rule_set(dirs);
    fmt::print("{:<36} {:<18} {:<30} {:>8}  {}\n", "id", "kind", "accepts", "examples", "file:line");
    for (const Rule& r : rules.rules) {
        std::string accepts;
        for (QuantityType t : r.accepts) accepts += (accepts.empty() ? "" : "|") + std::string(to_string(t));
        fmt::print("{:<36} {:<18} {:<30} {:>8}  {}:{}\n", r.id, r.kind, accepts, r.examples.size(), r.pos.file, r.pos.line);
    }
    fmt::print("{} rules, hash {}\n", rules.rules.size(), rules.hash);
    return ok;
}

int test(const std::vector<std::string>& dirs) {
    const RuleSet rules = load_rule_set(dirs);
    int run = 0;
    const auto failures = test_rule_examples(rules, run);
    for (const ExampleFailure& f : failures)
        fmt::print("{}:{}:{}: rule {}: example \"{}\": {}\n", f.example->pos.file, f.example->pos.line,
                   f.example->pos.column, f.rule->id, f.example->sentence, f.message);
    fmt::print("{} passed, {} failed\n", run - static_cast<int>(failures.size()), failures.size());
    return failures.empty() ? ok : failure;
}

// Lints the given files (or every rules directory in force): syntax, then meaning.
int lint(const std::vector<std::string>& files, const std::vector<std::string>& dirs) {
    RuleSet base = load_rule_set(dirs);
    std::size_t problems = 0;
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            fmt::print(stderr, "{}:1:1: cannot open rule file\n", file);
            ++problems;
            continue;
        }
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        try {
            // Kinds and names beside the file count, as they would at ingest.
            const fs::path dir = fs::path(file).parent_path();
            RuleSet set = base;
            if (fs::exists(dir / "names")) set.names.load_directory(dir / "names");
            std::vector<Rule> parsed = parse_rule_file(text, file, &set.kinds);
            std::vector<std::string> ids;
            for (const Rule& r : parsed) ids.push_back(r.id);
            std::erase_if(set.rules, [&](const Rule& r) { return std::find(ids.begin(), ids.end(), r.id) != ids.end(); });
            for (Rule& r : parsed) set.rules.push_back(std::move(r));
            index_vocabulary(set);
            for (const std::string& p : lint_rules(set)) {
                if (p.rfind(file, 0) != 0) continue; // only this file's problems
                fmt::print(stderr, "{}\n", p);
                ++problems;
            }
        } catch (const RuleError& e) {
            fmt::print(stderr, "{}\n", e.what());
            ++problems;
        }
    }
    if (files.empty())
        for (const std::string& p : lint_rules(base)) {
            fmt::print(stderr, "{}\n", p);
            ++problems;
        }
    fmt::print(stderr, "{} problem{}\n", problems, problems == 1 ? "" : "s");
    return problems == 0 ? ok : failure;
}

} // namespace

void add_rules(CLI::App& app, int& status) {
    auto dirs = std::make_shared<std::vector<std::string>>();
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand("rules", "List, test and lint the numeric rules");
    cmd->require_subcommand(1);
    cmd->footer("Rules live in rules/*.rules (defaults) and any --rules DIR. See docs/rules.md.");

    CLI::App* l = cmd->add_subcommand("list", "List the rules in force, in the order they are tried");
    add_rules_option(*l, *dirs);
    l->callback([dirs, &status] { status = list(*dirs); });

    CLI::App* t = cmd->add_subcommand("test", "Run every rule's examples; print each failure with its file:line");
    add_rules_option(*t, *dirs);
    t->callback([dirs, &status] { status = test(*dirs); });

    CLI::App* n = cmd->add_subcommand("lint", "Check rule files: syntax and meaning errors as file:line:column");
    add_rules_option(*n, *dirs);
    n->add_option("files", *files, "Rule files to lint (default: every rule in force)")->type_name("FILE...");
    n->footer("Example:\n  tradecheck rules lint my-rules/defence.rules");
    n->callback([dirs, files, &status] { status = lint(*files, *dirs); });
}

} // namespace tradecheck::cli
