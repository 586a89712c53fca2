// The alphabet the frame grammar reads: one character per token of a clause.
#pragma once

namespace tradecheck::frame_class {

// The figure the frame is read for, and the clause's other figures.
inline constexpr char figure = 'Q';
inline constexpr char other_figure = '#';
// Measure heads by group (frames/measures*.tsv), and a veto word (frames/vetoes*.tsv).
inline constexpr char tariff = 'T';
inline constexpr char flow = 'E';
inline constexpr char balance = 'B';
inline constexpr char investment = 'I';
inline constexpr char share = 'S';
inline constexpr char target = 'G';
inline constexpr char threshold = 'H';
inline constexpr char veto = 'V';
// A veto word that a flow word lifts ("export revenue" is exports): what a flow brings in
// ("revenue", "earnings", "income"). Alone it vetoes as 'V' does; as the object of a flow's verb
// it names that flow's value ("exports fetched revenue of $418 million").
inline constexpr char proceeds = 'R';
// Names (rules/names/*.tsv).
inline constexpr char country = 'C';           // name or capital: "Canada", "Ottawa"
inline constexpr char leader = 'L';            // "Trump"
inline constexpr char country_adjective = 'J'; // "Canadian"
inline constexpr char country_possessive = 'O';// "Canada's"
inline constexpr char product = 'P';
// Prepositions and small words.
inline constexpr char of = 'o';
inline constexpr char at = 'a';
inline constexpr char to = 't';
inline constexpr char from = 'f';
inline constexpr char by = 'b';
inline constexpr char on = 'n';                // on, against, upon
inline constexpr char with = 'w';
inline constexpr char in = 'i';                // in, into, for, worth
inline constexpr char determiner = 'z';        // a, an, the, its, their, ...
inline constexpr char conjunction = '&';       // and, or
// Verbs (frames/verbs*.tsv), by what they say.
inline constexpr char up = 'u';                // raise, rose
inline constexpr char down = 'd';              // cut, fell
inline constexpr char be = 'k';                // was, stood, totalled
inline constexpr char impose = 'm';            // impose, announce, agree, sign
inline constexpr char face = 'h';              // face, pay, got
inline constexpr char stance = 'x';            // threaten, propose, expect, aim, will
// Anything else.
inline constexpr char word = '_';
inline constexpr char comma = ',';
inline constexpr char clause_break = ';';

} // namespace tradecheck::frame_class
