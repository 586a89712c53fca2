// Definition of the rule-file grammar:
//
//   file      := blank-lines* (block blank-lines*)* end
//   block     := "rule" word "{" eol+ (statement eol+)* "}"
//   statement := argument+                      (one line; "=>" or "|" lines continue it)
//   argument  := number | word | "text" | symbol
//   word      := [A-Za-z_][A-Za-z0-9_./-]*
//   symbol    := "=>" | "|" | "@" | "," | "="
//   comment   := "#" to the end of the line
#pragma once

#include "rule_grammar.hpp"

namespace tradecheck::rule_grammar {

namespace detail {

using x3::alnum;
using x3::alpha;
using x3::blank;
using x3::char_;
using x3::digit;
using x3::eoi;
using x3::eol;
using x3::lexeme;
using x3::lit;

// Stores the matched text and where it starts into the Arg being built. The position comes
// from raw[], which records where the argument begins after skipping blanks.
inline std::string unquote(const char* begin, const char* end) {
    std::string out;
    for (const char* p = begin + 1; p + 1 < end; ++p) {
        if (*p == '\\' && p + 2 < end) {
            ++p;
            out += *p == 'n' ? '\n' : *p;
        } else {
            out += *p;
        }
    }
    return out;
}

inline auto set_arg(rule_ast::ArgKind kind) {
    return [kind](auto& ctx) {
        rule_ast::Arg& arg = x3::_val(ctx);
        const auto& range = x3::_attr(ctx);
        arg.kind = kind;
        arg.where = range.begin();
        arg.text = kind == rule_ast::ArgKind::text ? unquote(range.begin(), range.end())
                                                   : std::string(range.begin(), range.end());
    };
}

const x3::rule<struct word_text_class, std::string> word_text = "word";
const x3::rule<struct quoted_text_class, std::string> quoted_text = "quoted text";
const x3::rule<struct number_text_class, std::string> number_text = "number";
const x3::rule<struct symbol_text_class, std::string> symbol_text = "symbol";
const x3::rule<struct arg_class, rule_ast::Arg> arg = "argument";
const x3::rule<struct word_arg_class, rule_ast::Arg> word_arg = "rule id";
const x3::rule<struct statement_class, rule_ast::Statement> statement = "statement";
const x3::rule<struct block_class, rule_ast::Block> block = "rule block";
// Named so an error says "expected end of line" rather than a parser's type.
const x3::rule<struct line_end_class> line_end = "end of line";

const auto comment = lit('#') >> *(char_ - eol);
const auto continuation = eol >> *blank >> &(lit("=>") | lit('|'));

const auto word_text_def = lexeme[(alpha | char_('_')) >> *(alnum | char_("_./-"))];
const auto escaped = lit('\\') >> (char_('"') | char_('\\') | (lit('n') >> x3::attr('\n')));
const auto quoted_text_def = lexeme['"' > *(escaped | (char_ - char_("\"\\\r\n"))) > '"'];
const auto number_text_def = lexeme[-char_('-') >> +digit >> -(char_('.') >> +digit) >> !(alpha | char_('_'))];
const auto symbol_text_def = x3::string("=>") | x3::string("|") | x3::string("@") | x3::string(",") | x3::string("=");

const auto arg_def = x3::raw[number_text][set_arg(rule_ast::ArgKind::number)] |
                     x3::raw[word_text][set_arg(rule_ast::ArgKind::word)] |
                     x3::raw[quoted_text][set_arg(rule_ast::ArgKind::text)] |
                     x3::raw[symbol_text][set_arg(rule_ast::ArgKind::symbol)];
const auto word_arg_def = x3::raw[word_text][set_arg(rule_ast::ArgKind::word)];
const auto statement_def = +arg;
const auto keyword_rule = lexeme[lit("rule") >> !(alnum | char_("_.-"))];
const auto line_end_def = +eol;
const auto block_def = keyword_rule > word_arg > '{' > line_end > *(statement > line_end) > '}';

const auto skipper_def = blank | comment | continuation;
const auto file_def = *eol >> *(block >> *eol) > eoi;

BOOST_SPIRIT_DEFINE(word_text, quoted_text, number_text, symbol_text, arg, word_arg, statement, block, line_end)

} // namespace detail

const skipper_type skipper_rule = "whitespace";
const auto skipper_rule_def = detail::skipper_def;
const file_type file_rule = "rule file";
const auto file_rule_def = detail::file_def;
BOOST_SPIRIT_DEFINE(skipper_rule, file_rule)

} // namespace tradecheck::rule_grammar
