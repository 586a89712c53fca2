// The rule language's syntax tree: plain structs the X3 grammar fills. Meaning (which
// statements exist, what their arguments say) is given to them in rules.cpp, so the grammar
// stays small and its errors stay about syntax.
#pragma once

#include <string>
#include <vector>

#include <boost/fusion/include/adapt_struct.hpp>

namespace tradecheck::rule_ast {

enum class ArgKind { word, text, number, symbol };

// One argument of a statement: a word (kind, tariff_rate, @country...), a "quoted text",
// a number, or a symbol (| => , = @).
struct Arg {
    ArgKind kind = ArgKind::word;
    std::string text;
    const char* where = nullptr;   // into the parsed buffer, for file:line:column
};

using Statement = std::vector<Arg>;   // one line; the first argument is the keyword

struct Block {
    Arg id;
    std::vector<Statement> statements;
};

using File = std::vector<Block>;

} // namespace tradecheck::rule_ast

BOOST_FUSION_ADAPT_STRUCT(tradecheck::rule_ast::Block, id, statements)
