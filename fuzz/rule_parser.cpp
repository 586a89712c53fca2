// Fuzzes the rule language: tradecheck::parse_rule_file on arbitrary bytes.
// Invariants:
//   - the only exception it may throw is RuleError (anything else — std::out_of_range from a
//     number, a Spirit expectation failure, std::length_error — is a bug);
//   - a RuleError's message starts with "file:line:column: " with line and column >= 1;
//   - every parsed rule has an id and a kind, and its position lies within the file.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <typeinfo>

#include "fuzz_check.hpp"
#include "tradecheck/parser/rules.hpp"

namespace {

const std::string k_file = "fuzz.rules";

// The kinds of rules/kinds.tsv (the contents do not matter, only the names).
const std::map<std::string, std::string>& kinds() {
    static const std::map<std::string, std::string> k{
        {"tariff_rate", ""},  {"trade_target", ""},  {"export_share", ""}, {"import_share", ""},
        {"investment_pledge", ""}, {"trade_value", ""}, {"trade_balance", ""}, {"market_access", ""}};
    return k;
}

void run(std::string_view text, const std::map<std::string, std::string>* known) {
    try {
        const auto rules = tradecheck::parse_rule_file(text, k_file, known);
        for (const tradecheck::Rule& r : rules) {
            FUZZ_CHECK(!r.id.empty(), "a parsed rule has no id");
            FUZZ_CHECK(r.pos.line >= 1 && r.pos.column >= 1, "rule %s at line %d column %d",
                       r.id.c_str(), r.pos.line, r.pos.column);
        }
    } catch (const tradecheck::RuleError& e) {
        const std::string what = e.what();
        FUZZ_CHECK(what.rfind(k_file + ":", 0) == 0, "RuleError without file:line:column: %s", what.c_str());
        FUZZ_CHECK(e.pos().line >= 1 && e.pos().column >= 1, "RuleError at line %d column %d: %s",
                   e.pos().line, e.pos().column, what.c_str());
    } catch (const std::exception& e) {
        FUZZ_CHECK(false, "parse_rule_file threw %s (not RuleError): %s", typeid(e).name(), e.what());
    } catch (...) {
        FUZZ_CHECK(false, "parse_rule_file threw a non-std exception");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    run(text, &kinds());
    run(text, nullptr);
    return 0;
}
