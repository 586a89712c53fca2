// The frame grammar's rules (declared in frame_grammar.hpp). The input is a clause as class
// characters (classes.hpp); X3's char_ sets read them.
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace tradecheck::frame_grammar::def {

namespace x3 = boost::spirit::x3;
using x3::char_;
using x3::lit;
using x3::repeat;

// A measure head, or a veto word heading a phrase that is no trade figure ("revenue").
inline const auto head = char_("TEBISGHVR");
// What may stand inside a noun phrase before its head: names, products, adjectives, other
// heads used as modifiers ("tea export earnings"), veto words ("electricity tariff").
inline const auto modifier = char_("_JCLOPzTEBISGHVR");
// A short prepositional phrase after a head: "on Chinese goods", "from China", "to the US".
inline const auto attachment = char_("ntfwi") >> -char_('z') >> repeat(1, 3)[char_("_JCLOPE&")];

// "44% reciprocal tariff", "$3 billion export revenue", "$3 billion in exports",
// "$3 billion worth of exports" (but "worth of electricity" after "to export" is the verb's: no
// veto word heads it here).
// "$20 million worth of tea has been exported to Iran", "$8 billion worth of steel the US
// imported": what the figure is worth of was exported or imported (a flow verb after a copula,
// an auxiliary or its subject).
inline const auto figure_then_head = lit('Q') >> repeat(0, 3)[char_("_JCLOPzVR")] >> +head
                                   | lit('Q') >> -char_('_') >> char_("io") >> -char_('z') >> repeat(0, 2)[char_("_JCLOP")] >> +head
                                   | lit('Q') >> lit('a') >> lit('o') >> -char_('z') >> repeat(0, 2)[char_("_JCLOP")] >> +char_("TEBISGH")
                                   | lit('Q') >> lit('a') >> lit('o') >> repeat(1, 3)[char_("_JCLOP&")] >>
                                         repeat(1, 4)[char_("_kzJCLO")] >> lit('E');
// "75 percent of Canadian exports", "40% of Sri Lanka's tea exports".
inline const auto figure_of_head = lit('Q') >> lit('o') >> -char_('z') >> repeat(0, 3)[char_("_JCLOPz")] >> +char_("EB");
// "tariffs of 25%", "a tariff rate of 20%", "exports stood at $3 billion", "exports were $3
// billion", "tariffs on Chinese goods of 25%", "the trade deficit with China widened to $2
// billion" (the verb's figure is read by subject_verb_figure; this takes copulas only).
inline const auto head_then_figure = +head >> repeat(0, 2)[char_("_")] >> repeat(0, 3)[attachment] >>
                                     (char_("oa") | char_('k') >> repeat(0, 2)[char_("_k")] >> -char_("ao")) >> lit('Q');
// "raised its tariff on Chinese imports to 20%", "cut duties on US goods to 10%", "set
// tariffs at 25%", "imposed tariffs of 25%", "will take total tariffs on imports from India to 50
// per cent".
// "reduce the tariff imposed on Sri Lankan exports to 20 percent": a participle may follow the head.
inline const auto verb_object_figure = char_("udmhxk") >> repeat(0, 3)[char_("_zJCLOP")] >> +head >> -char_('m') >>
                                       repeat(0, 2)[attachment] >> char_("tboa") >> lit('Q');
// "Sri Lanka's exports to the US rose 5% to $3 billion": the subject's head, its verb, and up to
// a few words before the figure ("rose by", "fell 7.2 percent to").
// A head inside a prepositional phrase of the subject is no head of it: "the deficit in the
// merchandise trade account narrowed to $393 million" measures the deficit.
inline const auto inner_head = char_("nftwio") >> -char_('z') >> repeat(0, 2)[char_("_JCLOP")] >> +char_("TEBISGH");
// The subject's phrase may run on for fourteen words, an aside included ("total exports during the first six months of
// 2025 have reached"). An adverb may stand between verbs ("were sharply down"), and a short time phrase after them
// ("were sharply down in the month to $290.5 million"). What the flow brought in may be the
// verb's object: "exports fetched revenue of $418 million", "generated a record income of"; so
// may a change noun, "recorded a marginal decline of 0.8 percent", and an amount, "valued at a
// total of". Verbs chain through "to", "of", "and" and words: "are estimated to have increased by",
// "shows signs of easing slightly and could narrow to". The range
// of a change may follow a comma: "increased during the last 10 years, from US$ 2.5 billion".
inline const auto verb_to_figure = char_("udkmhx") >> repeat(0, 3)[repeat(0, 3)[char_("_to&")] >> char_("udkmhx")] >>
                                   repeat(0, 5)[char_("_tbfa#zki")] >>
                                   -(lit('R') >> char_("oi") | char_("ud") >> lit('o') | lit('o') | lit(',') >> char_("ft")) >>
                                   lit('Q');
inline const auto subject_verb_figure = +head >> repeat(0, 14)[inner_head | char_("_zJCLOPnftwio&,")] >> verb_to_figure;

// A gapped clause whose subject is goods or a market: "Apparel exports were down 6.34 percent
// to 321.06 million dollars, and spices and concentrates were down 14.47 percent to 18.03
// million dollars", "In hard goods exports in May, tea was down 1.1 percent to 115.04 million
// dollars", "Exports to UK went up 20 percent to 82.9 million US dollars, Germany was up 4.3
// percent to 52.6 million". From the comma or "and" that opens it: the subject (a product or
// a country name first), its verb, the figure; the caller finds the flow before it that the
// subject is a part of.
inline const auto gapped_subject_figure = (lit(',') >> -lit('&') | lit('&')) >> -lit('z') >> char_("PC") >>
                                          repeat(0, 5)[char_("P&,_z")] >> verb_to_figure;

// A participle after a comma goes on with the clause's subject: "apparel exports were up 0.54
// percent compared to last year, generating 397.19 million US dollars", "industrial exports
// have experienced a decline of 2.08%, dropping to USD 744.77 million", "exports to the United
// States over the period from January to June 2025 increased by 4.61%, reaching", "export earnings
// showed a modest growth of 6.4%, climbing to" (a verb no list has, and a noun of change). The
// subject, its verb and what follows up to the comma (the caller checks the participle).
inline const auto subject_verb_clause = +head >> repeat(0, 14)[inner_head | char_("_zJCLOPnftwio&#V")] >>
                                        -(char_("udkmhx") >> repeat(0, 10)[char_("_udktbfa#zionV")]);

// "The country exports computers, electrical products, spare-parts and components, and
// machinery worth nearly $ 50 billion": a flow verb, the goods it names, "worth" and the figure.
inline const auto flow_goods_worth = lit('E') >> repeat(1, 22)[char_("P,&_z")] >> lit('a') >> lit('Q');

// A series: "exports fell 7.2 percent to $10.4 billion from $11.2 billion", "rose 3% to $910
// million": a figure that follows an earlier one of its clause through change words,
// prepositions and commas only measures what that figure measures ("increased by 5.57%,
// totalling US$ 2,461.46 million"). No head, veto, name or verb other than a copula may stand
// between them.
inline const auto series_link = lit('#') >> repeat(0, 7)[char_("_,udftbaizkn")] >> lit('Q');

} // namespace tradecheck::frame_grammar::def
