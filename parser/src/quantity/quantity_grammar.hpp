// Declares the quantity grammar's top rule. Its definition is in quantity_grammar_def.hpp and it
// is instantiated once, in quantity_grammar.cpp, so a grammar change recompiles one file.
#pragma once

#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "ast.hpp"

namespace tradecheck::quantity {

namespace x3 = boost::spirit::x3;

namespace grammar {
struct quantity_class;
using quantity_type = x3::rule<quantity_class, ast::Match>;
BOOST_SPIRIT_DECLARE(quantity_type)

// The skipper: the scanner turns every whitespace byte into ' ' before parsing.
inline const auto skipper = x3::lit(' ');
using skipper_type = std::remove_cv_t<decltype(skipper)>;
} // namespace grammar

// The grammar's one entry point.
const grammar::quantity_type& quantity_rule();

// The first word (its leading letters) of everything the grammar may read after a figure's
// digits and a space: magnitudes, units, currency names, range and bound words. When the word
// after a figure is none of these, the figure stands alone and the scanner reads it itself.
std::vector<std::string> follower_words();

// Parse one quantity starting at `first` (which must not be a space). On success `first` is
// moved past what was read (possibly past trailing spaces: trim them).
bool parse_quantity(const char*& first, const char* last, ast::Match& out);

} // namespace tradecheck::quantity
