// Declaration of the rule-file grammar (definitions in rule_grammar_def.hpp, instantiated
// once in rule_grammar.cpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "rule_ast.hpp"

namespace tradecheck::rule_grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

// Spaces, tabs, comments, and a line break when the next line continues the statement
// (starts with "=>" or "|").
struct skipper_class;
using skipper_type = x3::rule<skipper_class>;
BOOST_SPIRIT_DECLARE(skipper_type)

using context_type = x3::phrase_parse_context<skipper_type>::type;

struct file_class;
using file_type = x3::rule<file_class, rule_ast::File>;
BOOST_SPIRIT_DECLARE(file_type)

const skipper_type& skipper();
const file_type& file();

} // namespace tradecheck::rule_grammar
