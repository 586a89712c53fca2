// The one translation unit that instantiates the rule grammar.
#include "rule_grammar_def.hpp"

namespace tradecheck::rule_grammar {

BOOST_SPIRIT_INSTANTIATE(file_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(skipper_type, iterator_type, x3::unused_type)

const skipper_type& skipper() { return skipper_rule; }
const file_type& file() { return file_rule; }

} // namespace tradecheck::rule_grammar
