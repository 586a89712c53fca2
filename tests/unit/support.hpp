// Shared helpers for the unit tests: the repository's default rules, loaded once.
#pragma once

#include <filesystem>
#include <string>

#include "tradecheck/parser/rules.hpp"

namespace tradecheck::test {

inline std::filesystem::path source_dir() { return TRADECHECK_SOURCE_DIR; }

inline const RuleSet& default_rules() {
    static const RuleSet rules = load_rules({source_dir() / "rules"});
    return rules;
}

} // namespace tradecheck::test
