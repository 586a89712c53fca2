// The one translation unit that instantiates the quantity grammar.
#include "quantity_grammar_def.hpp"

namespace tradecheck::quantity::grammar {

using iterator_type = const char*;
using context_type = x3::phrase_parse_context<skipper_type>::type;

BOOST_SPIRIT_INSTANTIATE(quantity_type, iterator_type, context_type)

} // namespace tradecheck::quantity::grammar
