// The frame grammar: X3 rules over a clause written as one character per token (see
// classes.hpp for the alphabet), so that "a 44% reciprocal tariff on Sri Lankan goods" reads
// as "zQ_TnJ_". Each rule answers where its match ends; reader.cpp turns matches into frames.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tradecheck::frame_grammar {

// Each function parses `classes` starting at `from` and returns the index one past the match,
// or nothing. The match must end exactly where the rule says (at the head, or at the figure).

// Figure before its head: "Q _ T" ("44% reciprocal tariff"), "Q i E" ("$3 billion in exports").
std::optional<std::size_t> figure_then_head(std::string_view classes, std::size_t from);
// A share: "Q o z J E" ("75 percent of Canadian exports").
std::optional<std::size_t> figure_of_head(std::string_view classes, std::size_t from);
// Head before its figure, through of/at/a copula: "T o Q" ("tariffs of 25%"), "E k a Q"
// ("exports stood at $3 billion"), "T n J _ o Q" ("tariffs on Chinese goods of 25%").
std::optional<std::size_t> head_then_figure(std::string_view classes, std::size_t from);
// A verb and its object: "u z T n J _ t Q" ("raised its tariff on Chinese imports to 20%").
std::optional<std::size_t> verb_object_figure(std::string_view classes, std::size_t from);
// A subject, its verb and the figure: "O E t C u Q" ("Sri Lanka's exports to the US rose 5%").
std::optional<std::size_t> subject_verb_figure(std::string_view classes, std::size_t from);
// A subject, its verb and what follows up to a comma: "E k u # _ t z _" ("apparel exports were
// up 0.54 percent compared to last year"), before ", generating $397 million".
std::optional<std::size_t> subject_verb_clause(std::string_view classes, std::size_t from);
// A flow verb, its goods and "worth": "E P , P & _ a Q" ("exports tea, rubber and spices worth $2 billion").
std::optional<std::size_t> flow_goods_worth(std::string_view classes, std::size_t from);
// A gapped clause after a comma or "and": ", tea was down 1.1 percent to $115 million" (", P k d # t Q").
std::optional<std::size_t> gapped_subject_figure(std::string_view classes, std::size_t from);
// An earlier figure and this one in one series: "# u t Q" ("rose 3% to $910 million"), "# f Q"
// ("... from $11.2 billion"): the figure measures what the earlier one does.
std::optional<std::size_t> series_link(std::string_view classes, std::size_t from);

} // namespace tradecheck::frame_grammar
