// The quantity grammar. Included by quantity_grammar.cpp only.
//
// It reads a lower-cased copy of the text in which every whitespace byte is a single ' ', so
// words are matched as lower-case literals and multi-word phrases ("more than", "per cent") as
// literals with one space. Rules carry plain structs (ast.hpp) filled by semantic actions: the
// numbers need arithmetic (word folding, magnitudes) that attribute propagation cannot do.
#pragma once

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>

#include "ast.hpp"
#include "numeral.hpp"
#include "quantity_grammar.hpp"

namespace tradecheck::quantity::grammar {

using x3::_attr;
using x3::_pass;
using x3::_val;
using x3::eps;
using x3::lexeme;
using x3::lit;
using x3::no_skip;
using x3::raw;

// ---------------------------------------------------------------- characters and words

const auto idchar = x3::char_("a-z0-9_");
const auto alpha = x3::char_("a-z");
const auto digit = x3::char_('0', '9');

// A keyword: the literal, not followed by a letter or digit ("over" but not "overall").
template <class P> auto kw(P p) { return lexeme[lit(p) >> !idchar]; }
// A symbol table entry as a whole word.
template <class P> auto word(const P& p) { return lexeme[p >> !idchar]; }

// What may not follow a number: letters or digits glued to it ("51st", "180ml"), a dot and a
// digit (IP addresses, "1.2.3"), a time ("10:30"), a power ("10^400"), or "-word" ("two-way").
const auto number_end =
    no_skip[!idchar >> !(lit('.') >> digit) >> !(lit(':') >> digit) >> !lit('^') >>
            !(lit('-') >> alpha)];

// ---------------------------------------------------------------- symbol tables

// Magnitudes after digits with a space: "1.3 trillion", "150 mln", "322 hundred".
const x3::symbols<int> spaced_magnitude{
    {"hundred", 2}, {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12},
    {"mln", 6},     {"mn", 6},       {"mio", 6},     {"bn", 9},      {"bln", 9},
    {"tn", 12},     {"tln", 12},     {"trln", 12},   {"mil", 6}, // "2 mil SEK"
    // South Asian press: "35 lakh rupees", "Rs 1.5 crore", "3 lakh crore"
    {"lakh", 5},    {"lakhs", 5},    {"crore", 7},   {"crores", 7},  {"lakh crore", 12},
    {"lakh crores", 12}};

// Magnitudes glued to digits: "10k", "$5bn", "1.2b", "1,783.9million". Single letters only
// glued: "10 m" is more often metres than millions.
const x3::symbols<int> glued_magnitude{
    {"k", 3},       {"m", 6},        {"mn", 6},      {"mln", 6},     {"b", 9},
    {"bn", 9},      {"bln", 9},      {"tn", 12},     {"tln", 12},    {"trln", 12},
    {"mil", 6},     {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}};

// Words that a leading "a" may multiply: "a million", "a dozen".
const x3::symbols<int> a_multiplier{{"hundred", 2}, {"thousand", 3}, {"million", 6},
                                    {"billion", 9}, {"trillion", 12}, {"dozen", 0}};

const x3::symbols<ast::WordToken> number_word = [] {
    using K = ast::WordKind;
    x3::symbols<ast::WordToken> s;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine"};
    for (int i = 0; i < 10; ++i) s.add(units[i], ast::WordToken{K::unit, double(i), 0});
    s.add("nought", ast::WordToken{K::unit, 0, 0})("naught", ast::WordToken{K::unit, 0, 0});
    const char* teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                           "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 10; ++i) s.add(teens[i], ast::WordToken{K::teen, double(10 + i), 0});
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                          "ninety"};
    for (int i = 0; i < 8; ++i) s.add(tens[i], ast::WordToken{K::tens, double(20 + 10 * i), 1});
    s.add("hundred", ast::WordToken{K::hundred, 100, 2});
    for (const char* w : {"dozen", "dozens", "doz", "dozs", "dz", "dzs"})
        s.add(w, ast::WordToken{K::dozen, 12, 0});
    const std::pair<const char*, int> scales[] = {
        {"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}, {"mln", 6},
        {"mn", 6},       {"bn", 9},      {"bln", 9},     {"tn", 12},       {"trln", 12},
        {"lakh", 5},     {"lakhs", 5},   {"crore", 7},   {"crores", 7},    {"lakh crore", 12}};
    for (auto [w, e] : scales) s.add(w, ast::WordToken{K::scale, std::pow(10.0, e), e});
    return s;
}();

// Fraction numerators and denominators: "a third", "two-thirds", "three quarters".
const x3::symbols<double> numerator{{"a", 1},   {"one", 1},  {"two", 2},   {"three", 3},
                                    {"four", 4}, {"five", 5}, {"six", 6},   {"seven", 7},
                                    {"eight", 8}, {"nine", 9}};
const x3::symbols<double> denominator{
    {"half", 2},     {"halves", 2},   {"third", 3},   {"thirds", 3},   {"quarter", 4},
    {"quarters", 4}, {"fourth", 4},   {"fourths", 4}, {"fifth", 5},    {"fifths", 5},
    {"sixth", 6},    {"sixths", 6},   {"seventh", 7}, {"sevenths", 7}, {"eighth", 8},
    {"eighths", 8},  {"ninth", 9},    {"ninths", 9},  {"tenth", 10},   {"tenths", 10}};

// Percent units. "percentage" alone is how some peers print "percent".
const x3::symbols<ast::Unit> percent_unit{
    {"percent", {"percent"}},
    {"percents", {"percent"}},
    {"per cent", {"percent"}},
    {"pct", {"percent"}},
    {"pc", {"percent"}}, // British: "2.4pc", "2.4 pc"
    {"percentage", {"percent"}},
    {"percentage points", {"percentage_point"}},
    {"percentage point", {"percentage_point"}},
    {"percentage-point", {"percentage_point"}},
    {"percent points", {"percentage_point"}},
    {"pct points", {"percentage_point"}},
    {"pct point", {"percentage_point"}},
    {"basis points", {"percentage_point", 0.01, -2}},
    {"basis point", {"percentage_point", 0.01, -2}},
    {"bps", {"percentage_point", 0.01, -2}}};

// Lengths of time. A decade is counted in years.
const x3::symbols<ast::Unit> period_unit{
    {"year", {"year"}},         {"years", {"year"}},    {"decade", {"year", 10, 1}},
    {"decades", {"year", 10, 1}}, {"month", {"month"}}, {"months", {"month"}},
    {"week", {"week"}},         {"weeks", {"week"}},    {"day", {"day"}},
    {"days", {"day"}}};

// Goods trade news counts in, each a typed unit of a `number` (never money), so the rules can
// tell "300,000 barrels per day" from money by its unit.
const x3::symbols<ast::Unit> goods_unit{
    {"tonnes", {"tonne"}},          {"tonne", {"tonne"}},         {"tons", {"tonne"}},
    {"ton", {"tonne"}},             {"metric tons", {"tonne"}},   {"metric tonnes", {"tonne"}},
    {"metric ton", {"tonne"}},      {"metric tonne", {"tonne"}},  {"mt", {"tonne"}},
    {"kilograms", {"kilogram"}},    {"kilogram", {"kilogram"}},   {"kg", {"kilogram"}},
    {"kgs", {"kilogram"}},          {"kilos", {"kilogram"}},      {"kilo", {"kilogram"}},
    {"barrels per day", {"barrel_per_day"}}, {"barrels a day", {"barrel_per_day"}},
    {"barrels of oil per day", {"barrel_per_day"}}, {"barrels of oil a day", {"barrel_per_day"}},
    {"bpd", {"barrel_per_day"}},    {"b/d", {"barrel_per_day"}},  {"barrels", {"barrel"}},
    {"barrel", {"barrel"}},         {"bbl", {"barrel"}},          {"bushels", {"bushel"}},
    {"bushel", {"bushel"}},         {"teu", {"teu"}},             {"teus", {"teu"}},
    {"twenty-foot equivalent units", {"teu"}}, {"containers", {"container"}},
    {"container", {"container"}},   {"vehicles", {"vehicle"}},    {"vehicle", {"vehicle"}},
    {"cars", {"vehicle"}},          {"units", {"unit"}}};

// Units glued to digits: "2.4pc", "164p" (pence), "60bps", "1.7kg", "50mt".
const x3::symbols<ast::Unit> glued_unit_word{
    {"pc", {"percent"}},        {"p", {"GBP", 0.01, -2}},   {"bp", {"percentage_point", 0.01, -2}},
    {"bps", {"percentage_point", 0.01, -2}}, {"kg", {"kilogram"}}, {"mt", {"tonne"}},
    {"bbl", {"barrel"}},        {"bpd", {"barrel_per_day"}}, {"teu", {"teu"}}};

// ISO 4217 codes read before or after a number, from one list so the two never drift apart.
// Codes that are English words ("all", "top") are left out on purpose; "try" only follows a
// number ("try 50 times"), and "Rs" only precedes one.
inline x3::symbols<ast::Unit> iso_codes(std::initializer_list<std::pair<const char*, const char*>> extra) {
    static constexpr std::pair<const char*, const char*> common[] = {
        {"usd", "USD"}, {"cad", "CAD"}, {"aud", "AUD"}, {"hkd", "HKD"}, {"nzd", "NZD"}, {"sgd", "SGD"},
        {"twd", "TWD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"cny", "CNY"}, {"inr", "INR"},
        {"chf", "CHF"}, {"krw", "KRW"}, {"mxn", "MXN"}, {"brl", "BRL"}, {"zar", "ZAR"}, {"sek", "SEK"},
        {"nok", "NOK"}, {"dkk", "DKK"}, {"rub", "RUB"}, {"sar", "SAR"}, {"aed", "AED"}, {"myr", "MYR"},
        {"thb", "THB"}, {"idr", "IDR"}, {"php", "PHP"}, {"pln", "PLN"}, {"huf", "HUF"}, {"ils", "ILS"},
        {"rmb", "CNY"}, {"lkr", "LKR"}, {"pkr", "PKR"}, {"npr", "NPR"}, {"bdt", "BDT"}, {"vnd", "VND"},
        {"egp", "EGP"}, {"ngn", "NGN"}, {"kes", "KES"}, {"qar", "QAR"}, {"kwd", "KWD"}, {"czk", "CZK"},
        {"uah", "UAH"}, {"ars", "ARS"}, {"clp", "CLP"}};
    x3::symbols<ast::Unit> codes;
    for (const auto& [word, code] : common) codes.add(word, ast::Unit{code});
    for (const auto& [word, code] : extra) codes.add(word, ast::Unit{code});
    return codes;
}
// "Rs" is the article's rupee ("Rs", like "$", is resolved by the scanner from the options).
const x3::symbols<ast::Unit> iso_prefix = iso_codes({{"rs", "Rs"}, {"rs.", "Rs"}});
const x3::symbols<ast::Unit> iso_suffix = iso_codes({{"try", "TRY"}, {"btc", "BTC"}}); // "6.25 BTC"

// "30 MUSD", "120 MEUR": millions of a currency, a finance convention.
const x3::symbols<ast::Unit> million_iso{{"musd", {"USD", 1e6, 6}}, {"meur", {"EUR", 1e6, 6}},
                                         {"mgbp", {"GBP", 1e6, 6}}, {"maud", {"AUD", 1e6, 6}},
                                         {"mcad", {"CAD", 1e6, 6}}, {"mchf", {"CHF", 1e6, 6}}};
// Currency signs of one currency each, before or after the figure, as a country's own press
// prints them: ₦ naira, ₱ peso, ₩ won, ₺ lira, ₽ rouble, ₫ dong, ₴ hryvnia, ₪ shekel,
// ₡ colón, ₾ lari, ₭ kip, ₿ bitcoin. None is a letter or a word, so none is ambiguous.
#define TRADECHECK_NATIONAL_SIGNS                                                                \
    {"\xE2\x82\xA6", {"NGN"}}, {"\xE2\x82\xB1", {"PHP"}}, {"\xE2\x82\xA9", {"KRW"}},            \
        {"\xE2\x82\xBA", {"TRY"}}, {"\xE2\x82\xBD", {"RUB"}}, {"\xE2\x82\xAB", {"VND"}},        \
        {"\xE2\x82\xB4", {"UAH"}}, {"\xE2\x82\xAA", {"ILS"}}, {"\xE2\x82\xA1", {"CRC"}},        \
        {"\xE2\x82\xBE", {"GEL"}}, {"\xE2\x82\xAD", {"LAK"}}, {"\xE2\x82\xBF", {"BTC"}}
// Currency signs after a number ("10 €"), only when no number follows that they could prefix.
// "元" (yuan) only follows the figure ("100元").
const x3::symbols<ast::Unit> sign_suffix{
    {"$", {"$"}}, {"\xE2\x82\xAC", {"EUR"}}, {"\xC2\xA3", {"GBP"}}, {"\xC2\xA5", {"JPY"}},
    {"\xE5\x85\x83", {"CNY"}}, TRADECHECK_NATIONAL_SIGNS};

// Currency signs before a number. "$" is the article's default dollar, resolved later.
const x3::symbols<ast::Unit> sign_prefix{
    {"$", {"$"}},       {"$us", {"USD"}},   {"sfr", {"CHF"}},   {"us$", {"USD"}},   {"u.s $", {"USD"}}, {"u.s$", {"USD"}},   {"us $", {"USD"}},  {"u.s.$", {"USD"}}, {"u.s. $", {"USD"}},
    {"usd$", {"USD"}},  {"c$", {"CAD"}},    {"c $", {"CAD"}},   {"can$", {"CAD"}},  {"cdn$", {"CAD"}},
    {"cad$", {"CAD"}},  {"a$", {"AUD"}},   {"au$", {"AUD"}},   {"aud$", {"AUD"}},
    {"hk$", {"HKD"}},   {"hk $", {"HKD"}},  {"hkd$", {"HKD"}},  {"nz$", {"NZD"}},   {"nzd$", {"NZD"}},
    {"s$", {"SGD"}},    {"nt$", {"TWD"}},   {"r$", {"BRL"}},    {"mex$", {"MXN"}},  {"mxn$", {"MXN"}},
    {"\xE2\x82\xAC", {"EUR"}}, {"\xC2\xA3", {"GBP"}}, {"\xC2\xA5", {"JPY"}}, {"\xE2\x82\xB9", {"INR"}},
    TRADECHECK_NATIONAL_SIGNS};
#undef TRADECHECK_NATIONAL_SIGNS

// Currency names after a number. A nationality before the noun picks the currency
// ("Canadian dollars"); resolve_currency() below combines them.
const x3::symbols<ast::Unit> nationality{
    {"u.s.", {"US"}},         {"us", {"US"}},          {"american", {"US"}},   {"canadian", {"CA"}},
    {"australian", {"AU"}},   {"hong kong", {"HK"}},   {"new zealand", {"NZ"}}, {"singapore", {"SG"}},
    {"taiwan", {"TW"}},       {"taiwanese", {"TW"}},   {"swiss", {"CH"}},      {"french", {"FR"}},
    {"belgian", {"BE"}},      {"dutch", {"NL"}},       {"german", {"DE"}},     {"west german", {"DE"}},
    {"japanese", {"JP"}},     {"chinese", {"CN"}},     {"indian", {"IN"}},     {"mexican", {"MX"}},
    {"south african", {"ZA"}}, {"swedish", {"SE"}},    {"norwegian", {"NO"}},  {"danish", {"DK"}},
    {"finnish", {"FI"}},      {"brazilian", {"BR"}},   {"south korean", {"KR"}}, {"korean", {"KR"}},
    {"saudi", {"SA"}},        {"turkish", {"TR"}},     {"russian", {"RU"}},    {"british", {"GB"}},
    {"pakistani", {"PK"}},    {"philippine", {"PH"}},  {"argentine", {"AR"}},  {"egyptian", {"EG"}},
    {"italian", {"IT"}},      {"spanish", {"ES"}},     {"sri lankan", {"LK"}}, {"sri lanka", {"LK"}},
    {"nepalese", {"NP"}},     {"nepali", {"NP"}},      {"mauritian", {"MU"}}};

// Value: the currency family, resolved with the nationality.
const x3::symbols<ast::Unit> currency_noun{
    {"dollar", {"dollar"}},   {"dollars", {"dollar"}},  {"dlr", {"dollar"}},    {"dlrs", {"dollar"}},
    {"cent", {"cent"}},       {"cents", {"cent"}},      {"franc", {"franc"}},   {"francs", {"franc"}},
    {"mark", {"mark"}},       {"marks", {"mark"}},      {"dmark", {"mark"}},    {"dmarks", {"mark"}},
    {"deutsche marks", {"mark"}}, {"crown", {"crown"}}, {"crowns", {"crown"}},  {"krona", {"crown"}},
    {"kronor", {"crown"}},    {"kroner", {"crown"}},    {"krone", {"crown"}},   {"peso", {"peso"}},
    {"pesos", {"peso"}},      {"rupee", {"rupee"}},     {"rupees", {"rupee"}},  {"pound", {"pound"}},
    {"pounds", {"pound"}},    {"pounds sterling", {"GBP"}}, {"pound sterling", {"GBP"}},
    {"sterling", {"GBP"}},    {"stg", {"GBP"}},         {"pence", {"pence"}},   {"penny", {"pence"}},
    {"lira", {"lira"}},       {"lire", {"lira"}},       {"won", {"KRW"}},       {"yen", {"JPY"}},
    {"yuan", {"CNY"}},        {"renminbi", {"CNY"}},    {"rmb", {"CNY"}},       {"euro", {"EUR"}},
    {"euros", {"EUR"}},       {"guilder", {"NLG"}},     {"guilders", {"NLG"}},  {"peseta", {"ESP"}},
    {"pesetas", {"ESP"}},     {"markka", {"FIM"}},      {"markkaa", {"FIM"}},   {"rand", {"ZAR"}},
    {"rouble", {"RUB"}},      {"roubles", {"RUB"}},     {"ruble", {"RUB"}},     {"rubles", {"RUB"}},
    {"riyal", {"SAR"}},       {"riyals", {"SAR"}},      {"ringgit", {"MYR"}},   {"baht", {"THB"}},
    {"rupiah", {"IDR"}},      {"shekel", {"ILS"}},      {"shekels", {"ILS"}},   {"zloty", {"PLN"}},
    {"zlotys", {"PLN"}},      {"forint", {"HUF"}},      {"reais", {"BRL"}},     {"dirhams", {"AED"}},
    {"naira", {"NGN"}},       {"bitcoin", {"BTC"}},     {"bitcoins", {"BTC"}},  {"satoshi", {"satoshi"}},
    {"satoshis", {"satoshi"}}};

// Combines nationality (may be "") and noun family into a unit; false when they do not go
// together ("Swiss yen").
inline bool resolve_currency(std::string_view country, std::string_view noun, ast::Unit& out) {
    struct Row { const char* noun; const char* country; const char* iso; };
    static const Row rows[] = {
        {"dollar", "", "$"},      {"dollar", "US", "USD"},  {"dollar", "CA", "CAD"},
        {"dollar", "AU", "AUD"},  {"dollar", "HK", "HKD"},  {"dollar", "NZ", "NZD"},
        {"dollar", "SG", "SGD"},  {"dollar", "TW", "TWD"},  {"cent", "", "$"},
        {"cent", "US", "USD"},    {"cent", "CA", "CAD"},    {"cent", "AU", "AUD"},
        {"franc", "", "FRF"},     {"franc", "FR", "FRF"},   {"franc", "CH", "CHF"},
        {"franc", "BE", "BEF"},   {"mark", "", "DEM"},      {"mark", "DE", "DEM"},
        {"mark", "FI", "FIM"},    {"crown", "SE", "SEK"},   {"crown", "NO", "NOK"},
        {"crown", "DK", "DKK"},   {"peso", "", "MXN"},      {"peso", "MX", "MXN"},
        {"peso", "PH", "PHP"},    {"peso", "AR", "ARS"},    {"rupee", "", "Rs"},
        {"rupee", "IN", "INR"},   {"rupee", "PK", "PKR"},   {"rupee", "LK", "LKR"},
        {"rupee", "NP", "NPR"},   {"rupee", "MU", "MUR"},   {"pound", "", "GBP"},
        {"pound", "GB", "GBP"},   {"pound", "EG", "EGP"},   {"pence", "", "GBP"},
        {"pence", "GB", "GBP"},   {"lira", "", "ITL"},      {"lira", "IT", "ITL"},
        {"lira", "TR", "TRY"},    {"satoshi", "", "BTC"}};
    if (noun.size() == 3 && noun[0] >= 'A' && noun[0] <= 'Z') { // a fixed currency: "yen"
        out = ast::Unit{noun};
        return true;
    }
    for (const Row& r : rows) {
        if (noun == r.noun && country == r.country) {
            // sub-units count in hundredths of the main unit, a satoshi in hundred-millionths
            const int sub = noun == "cent" || noun == "pence" ? -2 : noun == "satoshi" ? -8 : 0;
            out = ast::Unit{r.iso, std::pow(10.0, sub), sub};
            return true;
        }
    }
    return false;
}

// Qualifiers before a number. "over" etc. are also marked so a bare year after them is a year.
const x3::symbols<Qualifier> qualifier_word = [] {
    x3::symbols<Qualifier> s;
    for (const char* w : {"more than", "greater than", "over", "above", "exceeding",
                          "in excess of", "higher than", "larger than", "bigger than",
                          "upwards of", "just over", "well over", "well above", "exceeded",
                          "exceeds", "exceed", "surpass", "surpassed", "surpassing", "topping"})
        s.add(w, Qualifier::more_than);
    for (const char* w : {"at least", "no less than", "not less than", "a minimum of",
                          "no fewer than", "not fewer than", "a minimum"})
        s.add(w, Qualifier::at_least);
    for (const char* w : {"up to", "at most", "no more than", "not more than", "a maximum of",
                          "as much as", "as many as", "as high as", "no higher than",
                          "less than or equal to", "less or equal than", "less or equal to",
                          "smaller than or equal to", "smaller or equal than", "lower or equal than",
                          "lower than or equal to", "equal to or less than", "equal to or lower than",
                          "equal to or smaller than", "at most or equal to"})
        s.add(w, Qualifier::at_most);
    for (const char* w : {"greater than or equal to", "greater or equal than", "more than or equal to",
                          "more or equal than", "bigger or equal than", "bigger than or equal to",
                          "higher or equal than", "higher than or equal to", "larger or equal than",
                          "larger than or equal to", "equal to or more than", "equal to or greater than",
                          "equal to or higher than", "at least or equal to"})
        s.add(w, Qualifier::at_least);
    // "equal to 170": the figure itself, as a table or a filing states it.
    for (const char* w : {"equal to", "equals", "equals to", "equaling", "equaling to", "equalling"})
        s.add(w, Qualifier::exact);
    for (const char* w : {"less than", "fewer than", "under", "below", "lower than",
                          "smaller than", "just under", "just below", "well under",
                          "well below"})
        s.add(w, Qualifier::less_than);
    for (const char* w : {"nearly", "almost", "about", "roughly", "approximately", "approx.",
                          "some", "around", "close to", "an estimated", "estimated", "circa",
                          "approaching", "just about", "an approximately", "about an estimated",
                          "an average of", "on average"})
        s.add(w, Qualifier::about);
    return s;
}();

// Words after a number that bound it: "5 percent or more".
const x3::symbols<Qualifier> post_bound{
    {"or more", Qualifier::at_least},    {"or greater", Qualifier::at_least},
    {"or higher", Qualifier::at_least},  {"or above", Qualifier::at_least},
    {"or over", Qualifier::at_least},    {"and more", Qualifier::at_least},
    {"and above", Qualifier::at_least},  {"and over", Qualifier::at_least},
    {"or less", Qualifier::at_most},     {"or fewer", Qualifier::at_most},
    {"or lower", Qualifier::at_most},    {"or below", Qualifier::at_most},
    {"or under", Qualifier::at_most},    {"or so", Qualifier::about}};

// Verbs and words that multiply: "double", "halving", "twofold".
const x3::symbols<double> multiplier_word{
    {"double", 2},      {"doubled", 2},     {"doubling", 2},   {"triple", 3},
    {"tripled", 3},     {"tripling", 3},    {"treble", 3},     {"trebled", 3},
    {"quadruple", 4},   {"quadrupled", 4},  {"quadrupling", 4}, {"halve", 0.5},
    {"halved", 0.5},    {"halving", 0.5},   {"twofold", 2},    {"threefold", 3},
    {"fourfold", 4},    {"fivefold", 5},    {"sixfold", 6},    {"sevenfold", 7},
    {"eightfold", 8},   {"ninefold", 9},    {"tenfold", 10},   {"twentyfold", 20},
    {"hundredfold", 100}, {"quintuple", 5}, {"quintupled", 5}};
// "twice"/"thrice" only as a multiple of something: "twice the", "twice as much", not "think
// twice" or "twice a year".
const x3::symbols<double> times_word{{"twice", 2}, {"thrice", 3}};

// "the next decade", "the coming five years".
const auto next_word = kw("next") | kw("coming") | kw("subsequent") | kw("following");

// ---------------------------------------------------------------- actions

const auto on_digits = [](auto& ctx) {
    const auto& r = _attr(ctx);
    _pass(ctx) = digits_to_numeral(&*r.begin(), &*r.begin() + (r.end() - r.begin()), _val(ctx));
};

// "1.3" + "trillion": scale the value and the exponent of its last digit. One magnitude only.
inline bool apply_magnitude(ast::Numeral& n, int e) {
    if (n.has_magnitude) return false;
    n.value *= std::pow(10.0, e);
    n.exponent += e;
    n.has_magnitude = true;
    n.magnitude = e;
    n.plain_integer = false;
    return true;
}
const auto on_magnitude = [](auto& ctx) { _pass(ctx) = apply_magnitude(_val(ctx), _attr(ctx)); };

// The word fold. Each word must be allowed after the previous one, or the action rejects it and
// the number ends before it: "four and six" is two numbers, "twenty one" is one.
inline bool fold_word(ast::WordFold& f, const ast::WordToken& t, char joint) {
    using K = ast::WordKind;
    const bool small_last = f.last == K::unit || f.last == K::teen || f.last == K::tens;
    if (!f.started) {
        if (t.kind != K::unit && t.kind != K::teen && t.kind != K::tens) return false;
    } else if (joint == '-' && !(f.last == K::tens && t.kind == K::unit)) {
        return false; // a hyphen only joins "twenty-one"
    } else if (joint == '&' && !(f.last == K::hundred || f.last == K::scale)) {
        return false; // "and" only after "hundred"/"thousand": "one hundred and five"
    }
    switch (t.kind) {
    case K::unit:
        if (f.started && !(f.last == K::tens || f.last == K::hundred || f.last == K::scale))
            return false;
        if (f.started && t.value == 0) return false;
        f.current += t.value;
        break;
    case K::teen:
    case K::tens:
        if (f.started && !(f.last == K::hundred || f.last == K::scale)) return false;
        if (joint == '&' && !f.started) return false;
        f.current += t.value;
        break;
    case K::hundred:
        if (!small_last || f.current <= 0 || f.current >= 100) return false;
        f.current *= 100;
        break;
    case K::dozen:
        if (!(small_last || f.last == K::hundred) || joint != ' ') return false;
        f.current *= 12;
        break;
    case K::scale:
        if (!(small_last || f.last == K::hundred || f.last == K::dozen) || joint != ' ')
            return false;
        if (t.value >= f.last_scale) return false; // "two million billion": not a number
        f.total += f.current * t.value;
        f.current = 0;
        f.last_scale = t.value;
        break;
    }
    f.exponent = t.exponent;
    f.last = t.kind;
    f.started = true;
    return true;
}
// ---- spelled fractions with any ordinal and spelled decimals, read by hand: they need to
// look at the whole run of number words before deciding where the numerator ends.

// Ordinal denominators. `compound_only`: "first"/"second" only end a compound ("twenty-first":
// "one first" is no fraction, "a second" is a time).
struct Ordinal {
    double value;
    bool plural;
    bool compound_only;
};
const x3::symbols<Ordinal> ordinal_word = [] {
    x3::symbols<Ordinal> s;
    const std::pair<const char*, double> words[] = {
        {"first", 1},        {"second", 2},        {"third", 3},        {"fourth", 4},
        {"fifth", 5},        {"sixth", 6},         {"seventh", 7},      {"eighth", 8},
        {"ninth", 9},        {"tenth", 10},        {"eleventh", 11},    {"twelfth", 12},
        {"thirteenth", 13},  {"fourteenth", 14},   {"fifteenth", 15},   {"sixteenth", 16},
        {"seventeenth", 17}, {"eighteenth", 18},   {"nineteenth", 19},  {"twentieth", 20},
        {"thirtieth", 30},   {"fortieth", 40},     {"fiftieth", 50},    {"sixtieth", 60},
        {"seventieth", 70},  {"eightieth", 80},    {"ninetieth", 90},   {"hundredth", 100},
        {"thousandth", 1e3}, {"millionth", 1e6},   {"billionth", 1e9},  {"trillionth", 1e12},
        {"quarter", 4}};
    for (auto [w, v] : words) {
        const bool only = v <= 2;
        s.add(w, Ordinal{v, false, only});
        s.add(std::string(w) + "s", Ordinal{v, true, only});
    }
    return s;
}();

// One word of a run: its letters and how it joins the word before (' ', '-').
struct RunWord {
    std::string_view text;
    char joint = ' ';
    const char* end = nullptr;
};

inline const ast::WordToken* number_token(std::string_view w);

// Up to `max` lower-case words from p, joined by spaces or a hyphen ("ninety - five"). With
// `numbers`, the run ends after the first word that is no number word, "and" or a first "a".
inline int read_run(const char* p, const char* last, RunWord* out, int max, bool numbers = false) {
    int n = 0;
    while (n < max) {
        const char* q = p;
        char joint = ' ';
        if (n > 0) {
            while (q < last && *q == ' ') ++q;
            if (q < last && *q == '-') {
                joint = '-';
                ++q;
                while (q < last && *q == ' ') ++q;
            } else if (q == p) {
                break;
            }
        }
        const char* e = q;
        while (e < last && *e >= 'a' && *e <= 'z') ++e;
        if (e == q) break;
        out[n++] = RunWord{std::string_view(q, std::size_t(e - q)), joint, e};
        p = e;
        if (numbers) {
            const std::string_view w = out[n - 1].text;
            if (!(w == "and" || (n == 1 && w == "a") || number_token(w))) break;
        }
    }
    return n;
}

inline const ast::WordToken* number_token(std::string_view w) {
    return w.size() > 12 ? nullptr : number_word.find(std::string(w));
}

// Whether w can be an ordinal at all ("-th", "-st", "-nd", "-rd", "quarter"), before a lookup.
inline bool ordinal_shaped(std::string_view w) {
    if (!w.empty() && w.back() == 's') w.remove_suffix(1);
    if (w.size() < 3) return false;
    const std::string_view end = w.substr(w.size() - 2);
    return end == "th" || end == "st" || end == "nd" || end == "rd" || end == "er";
}

// Folds words [b, e) of a run as the `words` rule does ("and" joins after hundred/scale); a
// leading "a" counts one before a magnitude. False unless every word folds.
inline bool fold_run(const RunWord* run, int b, int e, double& value) {
    ast::WordFold f;
    char joint = ' ';
    for (int i = b; i < e; ++i) {
        const std::string_view w = run[i].text;
        if (w == "and") {
            if (i == b || joint == '&') return false;
            joint = '&';
            continue;
        }
        if (i == b && w == "a") {
            f.current = 1;
            f.started = true;
            f.last = ast::WordKind::unit;
            continue;
        }
        const ast::WordToken* t = number_token(w);
        if (!t) return false;
        const char j = joint == '&' ? '&' : (i == b ? ' ' : run[i].joint);
        if (!fold_word(f, *t, j)) return false;
        joint = ' ';
    }
    if (!f.started || joint == '&') return false;
    value = f.total + f.current;
    return true;
}

// "a hundredth", "twenty-three fifths", "three twenty-firsts", "one hundred thirty-fifths",
// "one one hundred and fifth": a spelled numerator and any ordinal. A tens word right before a
// unit ordinal is the ordinal's ("thirty-fifths") when hyphenated, or when a numerator is left
// before it and no "and" ties it to that numerator ("one hundred thirty fifths" = 100/35, but
// "one hundred and thirty fifths" = 130/5, "twenty fifths" = 20/5). A singular ordinal needs
// the numerator one ("a fifth", "one twenty-fifth"), a plural one more ("twenty fifths"), so
// "twenty fifth anniversary" is no fraction.
struct ordinal_fraction_parser : x3::parser<ordinal_fraction_parser> {
    using attribute_type = ast::Numeral;
    static bool const has_attribute = true;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
        x3::skip_over(first, last, ctx);
        RunWord run[16];
        const int n = read_run(first, last, run, 16, true);
        const int k = n - 1; // the ordinal: the first word that is no number word
        if (k < 1 || !ordinal_shaped(run[k].text)) return false;
        const Ordinal* ord = ordinal_word.find(std::string(run[k].text));
        if (!ord) return false;
        // "five billion and three quarters": after a scale word "and" starts a mixed number
        // (numeral reads it), not a longer numerator.
        // So is "and" and one digit word: "one hundred and three quarters" is 100.75.
        for (int i = 1; i < k; ++i) {
            if (run[i].text != "and") continue;
            const ast::WordToken* t = number_token(run[i - 1].text);
            if (t && t->kind == ast::WordKind::scale) return false;
            const ast::WordToken* u = i + 2 == k ? number_token(run[i + 1].text) : nullptr;
            if (i + 2 == k && (run[i + 1].text == "a" || (u && u->kind == ast::WordKind::unit)))
                return false;
        }
        const char* end = run[k].end;
        if (end < last && ((*end >= 'a' && *end <= 'z') || (*end >= '0' && *end <= '9') ||
                           *end == '_' || (*end == '-' && end + 1 < last && end[1] >= 'a' && end[1] <= 'z')))
            return false;
        double den = ord->value, num = 0;
        int num_end = k;
        const ast::WordToken* before = number_token(run[k - 1].text);
        const bool tens_before = before && before->kind == ast::WordKind::tens && ord->value < 10;
        bool done = false;
        if (tens_before && (run[k].joint == '-' || (k >= 2 && run[k - 2].text != "and"))) {
            // "thirty-fifths", "one hundred thirty fifths": the tens word is the ordinal's
            if (k >= 2 && fold_run(run, 0, k - 1, num)) {
                den += before->value;
                done = true;
            } else if (run[k].joint == '-') {
                return false; // "twenty-first" with no numerator: an ordinal
            }
        }
        if (!done && ord->compound_only) return false;
        if (!done && !fold_run(run, 0, num_end, num)) {
            // "one one hundred and fifth": the ordinal is "one hundred and fifth"
            int j = num_end;
            if (j > 0 && run[j - 1].text == "and") --j;
            if (j < 3 || run[j - 1].text != "hundred") return false;
            const ast::WordToken* u = number_token(run[j - 2].text);
            if (!u || u->kind != ast::WordKind::unit || u->value == 0 || !fold_run(run, 0, j - 2, num))
                return false;
            den += 100 * u->value;
            done = true;
        }
        if ((num == 1) == ord->plural || num == 0) return false;
        ast::Numeral f;
        f.value = num / den;
        f.exponent = -2;
        f.spelled = true;
        attr = f;
        first = end;
        return true;
    }
};
const ordinal_fraction_parser ordinal_fraction{};

// "4 thousand 3 hundred and 21", "3 hundred and one", "6 crore and two hundred": groups of up
// to three digits, each before a smaller magnitude word, and maybe a last group after "and"
// (below a hundred after "hundred", or a spelled group with its own "hundred"). Two groups at
// least; "5 million and 20 percent" is no such number ("and 20" after "million" stays apart).
struct mixed_numeral_parser : x3::parser<mixed_numeral_parser> {
    using attribute_type = ast::Numeral;
    static bool const has_attribute = true;

    static double scale_of(std::string_view w) {
        if (w == "hundred") return 1e2;
        if (w == "thousand") return 1e3;
        if (w == "lakh" || w == "lakhs") return 1e5;
        if (w == "million") return 1e6;
        if (w == "crore" || w == "crores") return 1e7;
        if (w == "billion") return 1e9;
        if (w == "trillion") return 1e12;
        return 0;
    }
    static const char* skip_spaces(const char* p, const char* last) {
        while (p < last && *p == ' ') ++p;
        return p;
    }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
        x3::skip_over(first, last, ctx);
        if (first == last || !is_digit(*first)) return false;
        double total = 0, last_scale = 1e300;
        int groups = 0;
        const char* pos = first;
        while (true) {
            const char* q = skip_spaces(pos, last);
            bool after_and = false;
            if (groups > 0 && last - q > 4 && std::string_view(q, 4) == "and ") {
                after_and = true;
                q = skip_spaces(q + 4, last);
            }
            double g = 0;
            bool spelled_hundred = false;
            const char* e = q;
            if (q < last && is_digit(*q)) {
                while (e < last && is_digit(*e) && e - q < 4) ++e;
                if (e - q > 3 || (e < last && (*e == ',' || *e == '.') && e + 1 < last && is_digit(e[1])))
                    break;
                for (const char* d = q; d < e; ++d) g = g * 10 + (*d - '0');
            } else if (after_and) {
                RunWord run[8];
                int n = read_run(q, last, run, 8, true);
                while (n > 0 && !number_token(run[n - 1].text)) --n;
                while (n > 0 && !fold_run(run, 0, n, g)) --n;
                if (n == 0) break;
                for (int i = 0; i < n; ++i) spelled_hundred = spelled_hundred || run[i].text == "hundred";
                e = run[n - 1].end;
            } else {
                break;
            }
            const char* w = skip_spaces(e, last);
            const char* we = w;
            while (we < last && *we >= 'a' && *we <= 'z') ++we;
            const double scale = spelled_hundred ? 0 : scale_of(std::string_view(w, std::size_t(we - w)));
            if (scale > 0) {
                if (scale >= last_scale || (we < last && (is_digit(*we) || *we == '_'))) break;
                total += g * scale;
                last_scale = scale;
                pos = we;
                ++groups;
                continue;
            }
            // the last group, after "and"
            if (after_and && g > 0 && ((last_scale == 100 && g < 100 && !spelled_hundred) ||
                                       (spelled_hundred && g < last_scale))) {
                total += g;
                pos = e;
                ++groups;
            }
            break;
        }
        if (groups < 2) return false;
        ast::Numeral n;
        n.value = total;
        attr = n;
        first = pos;
        return true;
    }
};
const mixed_numeral_parser mixed_numeral{};

// "point zero three", "point seventy-one", "point nought four": the decimals of a spelled
// number, digit words one by one or one number below a hundred.
struct point_decimals_parser : x3::parser<point_decimals_parser> {
    using attribute_type = ast::Numeral;
    static bool const has_attribute = true;

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
        It p = first;
        x3::skip_over(p, last, ctx);
        RunWord run[12];
        const int n = read_run(p, last, run, 12);
        if (n < 2 || run[0].text != "point" || run[1].joint != ' ') return false;
        std::string digits;
        const char* end = nullptr;
        const ast::WordToken* t1 = number_token(run[1].text);
        if (!t1) return false;
        if (t1->kind == ast::WordKind::unit) {
            for (int i = 1; i < n && run[i].joint == ' '; ++i) {
                const ast::WordToken* t = number_token(run[i].text);
                if (!t || t->kind != ast::WordKind::unit) break;
                digits += char('0' + int(t->value));
                end = run[i].end;
            }
        } else if (t1->kind == ast::WordKind::teen || t1->kind == ast::WordKind::tens) {
            int v = int(t1->value);
            end = run[1].end;
            if (t1->kind == ast::WordKind::tens && n > 2 && run[2].joint == '-') {
                const ast::WordToken* u = number_token(run[2].text);
                if (u && u->kind == ast::WordKind::unit && u->value > 0) {
                    v += int(u->value);
                    end = run[2].end;
                }
            }
            digits = std::to_string(v);
        } else {
            return false;
        }
        if (end < last && ((*end >= 'a' && *end <= 'z') || (*end >= '0' && *end <= '9') || *end == '-'))
            return false;
        ast::Numeral f;
        f.value = std::stod("0." + digits);
        f.exponent = -int(digits.size());
        attr = f;
        first = end;
        return true;
    }
};
const point_decimals_parser point_decimals{};
const auto on_point = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    n.value += _attr(ctx).value;
    n.exponent = _attr(ctx).exponent;
    n.plain_integer = false;
};

template <char Joint> const auto on_word = [](auto& ctx) {
    _pass(ctx) = fold_word(_val(ctx), _attr(ctx), Joint);
};
// "a million", "a dozen": the "a" counts one.
const auto on_a = [](auto& ctx) {
    _val(ctx) = ast::WordFold{};
    _val(ctx).current = 1;
    _val(ctx).started = true;
};
const auto on_fold = [](auto& ctx) {
    const ast::WordFold& f = _attr(ctx);
    if (!f.started) {
        _pass(ctx) = false;
        return;
    }
    ast::Numeral n;
    n.value = f.total + f.current;
    n.exponent = f.exponent;
    n.spelled = true;
    n.has_magnitude = f.last_scale < 1e300;
    n.magnitude = n.has_magnitude ? int(std::lround(std::log10(f.last_scale))) : 0;
    _val(ctx) = n;
};

const auto on_numerator = [](auto& ctx) { _val(ctx) = ast::Numeral{}; _val(ctx).value = _attr(ctx); };
const auto on_denominator = [](auto& ctx) {
    _val(ctx).value /= _attr(ctx);
    _val(ctx).exponent = _attr(ctx) == 2 ? -1 : -2;
    _val(ctx).spelled = true;
};
const auto on_half = [](auto& ctx) {
    _val(ctx) = ast::Numeral{};
    _val(ctx).value = 0.5;
    _val(ctx).exponent = -1;
    _val(ctx).spelled = true;
};

template <auto Member> const auto set = [](auto& ctx) { _val(ctx).*Member = _attr(ctx); };
template <auto Member, auto Value> const auto put = [](auto& ctx) { _val(ctx).*Member = Value; };

const auto on_prefix = [](auto& ctx) {
    _val(ctx).unit = _attr(ctx);
    _val(ctx).has_unit = true;
    _val(ctx).unit_before = true;
};
// A unit word after the number; a currency prefix already gave the unit, so a second one is
// the next figure's ("rmb 10 usd 20").
const auto on_unit = [](auto& ctx) {
    if (_val(ctx).has_unit) { _pass(ctx) = false; return; }
    _val(ctx).unit = _attr(ctx);
    _val(ctx).has_unit = true;
};
const auto on_sign_unit = [](auto& ctx) {
    if (_val(ctx).has_unit) { _pass(ctx) = false; return; }
    _val(ctx).unit = _attr(ctx);
    _val(ctx).has_unit = true;
};
const auto on_percent_sign = [](auto& ctx) {
    _val(ctx).unit = ast::Unit{"percent"};
    _val(ctx).has_unit = true;
};
const auto on_multiplier_unit = [](auto& ctx) {
    _val(ctx).unit = ast::Unit{"multiplier"};
    _val(ctx).has_unit = true;
};
const auto on_negative = [](auto& ctx) { _val(ctx).negative = true; };
const auto on_span = [](auto& ctx) {
    const auto& r = _attr(ctx);
    _val(ctx).begin = &*r.begin();
    _val(ctx).end = &*r.begin() + (r.end() - r.begin());
};
// The nationality is parked in the unit name until the noun resolves it.
const auto on_nationality = [](auto& ctx) { _val(ctx).name = _attr(ctx).name; };
const auto on_noun = [](auto& ctx) {
    const std::string_view country = _val(ctx).name;
    _pass(ctx) = resolve_currency(country, _attr(ctx).name, _val(ctx));
};
const auto on_iso_unit = [](auto& ctx) { _val(ctx) = _attr(ctx); };
const auto on_unit_iso = [](auto& ctx) {
    if (_val(ctx).has_unit) { _pass(ctx) = false; return; }
    _val(ctx).unit = _attr(ctx);
    _val(ctx).has_unit = true;
};
const auto on_unit_noun = [](auto& ctx) {
    ast::Unit u;
    _pass(ctx) = resolve_currency("", _attr(ctx).name, u);
    _val(ctx).unit = u;
    _val(ctx).has_unit = true;
};
const auto on_bare_noun = [](auto& ctx) {
    _pass(ctx) = resolve_currency("", _attr(ctx).name, _val(ctx));
};

// ---------------------------------------------------------------- rules

struct digit_numeral_class;
struct words_class;
struct word_numeral_class;
struct numeral_class;
struct simple_fraction_class;
struct fraction_part_class;
struct ratio_den_class;
struct currency_suffix_class;
struct national_currency_class;
struct vague_class;
struct measure_class;
struct amount_class;
struct time_class;
struct year_class;
struct count_class;
struct multiplier_class;

const x3::rule<digit_numeral_class, ast::Numeral> digit_numeral = "digit_numeral";
const x3::rule<words_class, ast::WordFold> words = "words";
const x3::rule<word_numeral_class, ast::Numeral> word_numeral = "word_numeral";
const x3::rule<numeral_class, ast::Numeral> numeral = "numeral";
const x3::rule<simple_fraction_class, ast::Numeral> simple_fraction = "simple_fraction";
const x3::rule<fraction_part_class, ast::Numeral> fraction_part = "fraction_part";
const x3::rule<ratio_den_class, ast::Numeral> ratio_den = "ratio_den";
const x3::rule<currency_suffix_class, ast::Unit> currency_suffix = "currency_suffix";
const x3::rule<national_currency_class, ast::Unit> national_currency = "national_currency";
const x3::rule<vague_class, ast::Match> vague = "vague";
const x3::rule<measure_class, ast::Measure> measure = "measure";
const x3::rule<amount_class, ast::Match> amount = "amount";
const x3::rule<time_class, ast::Match> time_phrase = "time_phrase";
const x3::rule<year_class, ast::Measure> year = "year";
const x3::rule<count_class, ast::Numeral> count = "count";
const x3::rule<multiplier_class, ast::Match> multiplier_phrase = "multiplier_phrase";
const quantity_type quantity = "quantity";

// "1,783.9", "1,234,567", "4.800", ".08". Thousands groups are exactly three digits, except in
// Indian grouping ("12,34,567.89": pairs, then the last three).
const auto indian_digits = x3::repeat(1, 2)[digit] >> +(lit(',') >> x3::repeat(2)[digit] >> &lit(',')) >>
                           lit(',') >> x3::repeat(3)[digit] >> !digit >> -(lit('.') >> +digit);
// Thousands grouped by spaces. A no-break, narrow no-break or thin space between digits is a
// typographic thousands separator, never two figures side by side: the scanner turns its bytes
// into '\x1f' (see prepare()), one group or more ("40\u202f000"). A plain space also
// separates two figures ("July 6 100 mln dlrs", "15 747s", "108 109 pct" in Reuters), so it
// groups only two groups or more ("1 234 567"), a head not led by zero, and no further
// figure after a space (a phone number "+1 222 333 4444").
const auto group_gap = +lit('\x1f');
const auto typo_grouped = x3::repeat(1, 3)[digit] >> +(group_gap >> x3::repeat(3)[digit] >> !digit);
const auto space_grouped = !lit('0') >> x3::repeat(1, 3)[digit] >>
                           x3::repeat(2, x3::inf)[lit(' ') >> x3::repeat(3)[digit] >> !digit] >>
                           !(lit(' ') >> digit);
const auto grouped_text = (typo_grouped | space_grouped) >> -(lit('.') >> +digit);
const auto digits_text =
    indian_digits |
    (+digit >> *(lit(',') >> x3::repeat(3)[digit] >> !digit) >> -(lit('.') >> +digit)) |
    (lit('.') >> +digit);
// "4 . 8 %", "1 . 6 billion": tokenised newswire decimals, only before a percent or magnitude.
const auto spaced_decimal = raw[lexeme[+digit >> lit(" . ") >> +digit]] >>
                            &(lit('%') | word(percent_unit) | word(spaced_magnitude));

// Vulgar fractions, alone or after the digits of a whole number: "½", "2½ per cent", "⅔".
const x3::symbols<double> vulgar_fraction{
    {"\xC2\xBD", 1.0 / 2},     {"\xC2\xBC", 1.0 / 4},     {"\xC2\xBE", 3.0 / 4},
    {"\xE2\x85\x90", 1.0 / 7}, {"\xE2\x85\x91", 1.0 / 9}, {"\xE2\x85\x92", 1.0 / 10},
    {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x95", 1.0 / 5},
    {"\xE2\x85\x96", 2.0 / 5}, {"\xE2\x85\x97", 3.0 / 5}, {"\xE2\x85\x98", 4.0 / 5},
    {"\xE2\x85\x99", 1.0 / 6}, {"\xE2\x85\x9A", 5.0 / 6}, {"\xE2\x85\x9B", 1.0 / 8},
    {"\xE2\x85\x9C", 3.0 / 8}, {"\xE2\x85\x9D", 5.0 / 8}, {"\xE2\x85\x9E", 7.0 / 8}};
const auto on_vulgar = [](auto& ctx) {
    ast::Numeral n;
    n.value = _attr(ctx);
    n.exponent = -2;
    _val(ctx) = n;
};
// After plain digits only: "2½", not "2.5½".
const auto on_add_vulgar = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    if (!n.plain_integer) {
        _pass(ctx) = false;
        return;
    }
    n.value += _attr(ctx);
    n.exponent = -2;
    n.plain_integer = false;
};

// "3 dozen", "3 dozens", "5 dzs": twelve times the figure.
const x3::symbols<int> dozen_word{{"dozen", 12}, {"dozens", 12}, {"doz", 12}, {"dozs", 12},
                                  {"dz", 12},    {"dzs", 12}};
const auto on_dozen = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    n.value *= _attr(ctx);
    n.plain_integer = false;
};
// Scientific and power notation, glued to the digits: "1.3e6", "12.32e+14", "-12e-1",
// "1.1^23", "2.5^-1", "1.3x10^6", "6.23x10^-4". Glued, so no ordinary word can start one; a
// code glued to letters ("S10e5", "COVID-19") never reaches here (the scanner skips it).
// The exponent's signs multiply ("^--23" is "^23"); a result that is not finite is refused.
const auto exponent_text = raw[*x3::char_("+-") >> x3::repeat(1, 3)[digit] >> !idchar];
inline bool read_exponent(const char* b, const char* e, int& out) {
    bool negative = false;
    while (b != e && (*b == '+' || *b == '-')) negative ^= (*b++ == '-');
    if (e - b > 3 || b == e) return false;
    int v = 0;
    for (; b != e; ++b) v = v * 10 + (*b - '0');
    out = negative ? -v : v;
    return true;
}
// "e6", "x10^6": scale by a power of ten (the last digit's exponent moves with it).
const auto on_ten_power = [](auto& ctx) {
    const auto& r = _attr(ctx);
    int e = 0;
    ast::Numeral& n = _val(ctx);
    if (!read_exponent(&*r.begin(), &*r.begin() + (r.end() - r.begin()), e) ||
        !std::isfinite(n.value * std::pow(10.0, e))) {
        _pass(ctx) = false;
        return;
    }
    n.value *= std::pow(10.0, e);
    n.exponent += e;
    n.plain_integer = false;
};
// "1.1^23": the figure to a power.
const auto on_power = [](auto& ctx) {
    const auto& r = _attr(ctx);
    int e = 0;
    ast::Numeral& n = _val(ctx);
    if (!read_exponent(&*r.begin(), &*r.begin() + (r.end() - r.begin()), e)) {
        _pass(ctx) = false;
        return;
    }
    const double v = std::pow(n.value, double(e));
    // Refused before it is used: the log of an infinite or zero power is no int.
    if (!std::isfinite(v) || v == 0) {
        _pass(ctx) = false;
        return;
    }
    n.value = v;
    n.exponent = int(std::floor(std::log10(std::fabs(v)))) - 2;
    n.plain_integer = false;
};
const auto power_part = no_skip[(lit('e') >> exponent_text[on_ten_power]) |
                                (lit('^') >> exponent_text[on_power]) |
                                (*lit(' ') >> (lit('x') | lit("\xC3\x97")) >> *lit(' ') >> lit("10^") >>
                                 exponent_text[on_ten_power])];

// "3/4", "2 1/4", "3 1/2 percent", "7-3/4 pct", "2/3rds": a digit fraction (fraction_shaped),
// maybe after a whole number and spaces or a hyphen (the wire's bond and rate quotes:
// "104-3/8", "minus 6-1/2 pct").
inline bool read_small(const char*& p, int& v) {
    if (*p < '0' || *p > '9') return false;
    v = 0;
    for (int k = 0; k < 2 && *p >= '0' && *p <= '9'; ++k) v = v * 10 + (*p++ - '0');
    return true;
}
const auto on_slash = [](auto& ctx) {
    const auto& r = _attr(ctx);
    const char* p = &*r.begin();
    int num = 0, den = 0;
    const bool ok = read_small(p, num) && *p++ == '/' && read_small(p, den) && fraction_shaped(num, den);
    ast::Numeral& n = _val(ctx);
    if (!ok) { _pass(ctx) = false; return; }
    n.slash = !n.plain_integer; // no whole number before it
    n.value = (n.plain_integer ? n.value : 0) + double(num) / den;
    n.exponent = -2;
    n.plain_integer = false;
};
const auto reset_numeral = [](auto& ctx) { _val(ctx) = ast::Numeral{}; };
const auto ordinal_suffix = lit("rds") | lit("ths") | lit("rd") | lit("th") | lit("nd");
const auto slash_fraction =
    lexeme[eps[reset_numeral] >>
           -(&(+digit >> (+lit(' ') | lit('-')) >> digit) >> raw[+digit][on_digits] >> (+lit(' ') | lit('-'))) >>
           raw[x3::repeat(1, 2)[digit] >> lit('/') >> x3::repeat(1, 2)[digit]][on_slash] >>
           !digit >> !(lit('/') >> digit) >> -(ordinal_suffix >> !idchar)];

// Whether the digits at the cursor go on in one of the rarer forms: a slash, a grouping space,
// a hyphen or spaces before another digit ("3/4", "40\x1f000", "7-3/4", "1 234 567", "3 1/2").
// One scan of the digits, so the common figure ("150 mln", "12,") skips those alternatives.
struct digits_go_on_parser : x3::parser<digits_go_on_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
        x3::skip_over(first, last, ctx);
        It p = first;
        auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        if (p == last || !is_digit(*p)) return false;
        while (p != last && is_digit(*p)) ++p;
        if (p == last) return false;
        if (*p == '/' || *p == '\x1f') return true;
        if (*p == '-') return p + 1 != last && is_digit(p[1]);
        if (*p != ' ') return false;
        while (p != last && *p == ' ') ++p;
        return p != last && is_digit(*p);
    }
};
const digits_go_on_parser digits_go_on{};

const auto digit_numeral_def = (vulgar_fraction[on_vulgar] | (digits_go_on >> slash_fraction) |
                                (((digits_go_on >> lexeme[raw[grouped_text]][on_digits]) |
                                  spaced_decimal[on_digits] | lexeme[raw[digits_text]][on_digits]) >>
                                 -no_skip[vulgar_fraction][on_add_vulgar] >> -power_part)) >>
                               -no_skip[glued_magnitude >> !idchar][on_magnitude] >>
                               -word(spaced_magnitude)[on_magnitude] >> -word(dozen_word)[on_dozen];

// Spelled numbers: "one hundred and five", "twenty-one", "fifty - two", "a dozen", "two million".
const auto words_def =
    (word(number_word)[on_word<' '>] | (kw("a") >> &word(a_multiplier))[on_a]) >>
    *((lit('-') >> word(number_word)[on_word<'-'>]) |
      // not the "and" of "two million and one half": that one starts a fraction (numeral)
      (kw("and") >> !(word(numerator) >> -lit('-') >> word(denominator)) >>
       word(number_word)[on_word<'&'>]) |
      word(number_word)[on_word<' '>]);

// "a third", "two-thirds", "three quarters", "half of": fractions, then maybe a magnitude.
const auto fraction = (word(numerator)[on_numerator] >> -lit('-') >> word(denominator)[on_denominator]) |
                      (kw("half") >> &(kw("of") | kw("the") | kw("a") | kw("an") | kw("its") |
                                       kw("their") | word(spaced_magnitude)))[on_half];

const auto copy_numeral = [](auto& ctx) { _val(ctx) = _attr(ctx); };
// "half a billion": half of a magnitude.
const auto half_a = (kw("half") >> kw("a") >> &word(spaced_magnitude))[on_half] >>
                    word(spaced_magnitude)[on_magnitude];
// "half a dozen": six.
const auto on_half_dozen = [](auto& ctx) {
    _val(ctx) = ast::Numeral{};
    _val(ctx).value = 6;
    _val(ctx).spelled = true;
};
const auto half_dozen = (kw("half") >> kw("a") >> kw("dozen"))[on_half_dozen];
// "quarter million": a quarter of a magnitude with no article, as headlines print it; a bare
// "quarter" before anything else is a fiscal quarter.
const auto on_quarter = [](auto& ctx) {
    _val(ctx) = ast::Numeral{};
    _val(ctx).value = 0.25;
    _val(ctx).exponent = -2;
    _val(ctx).spelled = true;
};
const auto bare_quarter = (kw("quarter") >> &word(spaced_magnitude))[on_quarter] >>
                          word(spaced_magnitude)[on_magnitude];
const auto word_numeral_def =
    half_a | half_dozen | bare_quarter |
    (fraction >> -(-(kw("of") >> kw("a")) >> word(spaced_magnitude)[on_magnitude])) |
    (ordinal_fraction[copy_numeral] >> -word(spaced_magnitude)[on_magnitude]) |
    (words[on_fold] >> -point_decimals[on_point]);

// "one and a half", "3 million and a quarter", "twenty and three fifths", "five and a half
// million": a whole number and a fraction. After a scale word the fraction is of that scale
// ("3 million and a half" = 3.5 million); a magnitude may follow when none came before.
const auto simple_fraction_def = (word(numerator)[on_numerator] >> -lit('-') >> word(denominator)[on_denominator]) |
                                 ordinal_fraction[copy_numeral];
const auto on_add_fraction = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    const ast::Numeral& f = _attr(ctx);
    const int scale = n.has_magnitude && n.magnitude >= 3 ? n.magnitude : 0;
    n.value += f.value * std::pow(10.0, scale);
    n.exponent = std::min(n.exponent, f.exponent + scale);
    n.plain_integer = false;
};
// The fraction after "and", with its own magnitude when one follows: "five and a half
// million" is 5.5 million, "one billion and a half million" 1,000.5 million (a smaller
// magnitude than the whole's, or none before it).
const auto fraction_part_def = simple_fraction[copy_numeral] >> -word(spaced_magnitude)[on_magnitude];
const auto on_add_scaled_fraction = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    const ast::Numeral& f = _attr(ctx);
    if (!f.has_magnitude) {
        on_add_fraction(ctx);
        return;
    }
    if (n.has_magnitude && f.magnitude >= n.magnitude) {
        _pass(ctx) = false;
        return;
    }
    if (!n.has_magnitude) {
        n.value *= std::pow(10.0, f.magnitude);
        n.exponent += f.magnitude;
        n.has_magnitude = true;
        n.magnitude = f.magnitude;
    }
    n.value += f.value;
    n.exponent = std::min(n.exponent, f.exponent);
    n.plain_integer = false;
};

// ---- ratios: "one in five", "two out of five hundred", "1 over 3", "2000 over 3".
// A proportion, the way the press prints one: a whole numerator below ten before "in"
// or "out of" ("one in five adults", "nine out of 10"); a larger one is a tally of two counts
// ("46 out of 118 land plots"). "over" is a ratio only when the clause ends after the
// denominator ("one over three."), else a period or a comparison ("$2000 over 3 years").
// Never a year as denominator ("1 in 2024"), nor a unit after it ("one in five years").
const auto ratio_den_def = mixed_numeral[copy_numeral] |
                           (lexeme[raw[digits_text]][on_digits] >> -word(spaced_magnitude)[on_magnitude]) |
                           words[on_fold];
inline bool whole(const ast::Numeral& n) { return n.value > 0 && n.value == std::floor(n.value); }
template <char Kind> const auto on_ratio = [](auto& ctx) {
    ast::Numeral& n = _val(ctx);
    const ast::Numeral& d = _attr(ctx);
    const bool year = d.plain_integer && d.digits == 4 && d.value >= 1900 && d.value <= 2100;
    const bool proportion = Kind == 'o' || (n.value < 10 && d.value > n.value);
    if (!whole(n) || !whole(d) || n.has_magnitude || n.slash || year || !proportion) {
        _pass(ctx) = false;
        return;
    }
    n.value /= d.value;
    n.exponent = -2;
    n.plain_integer = false;
};
const auto clause_end = no_skip[*lit(' ') >> (x3::eoi | x3::char_(".,;:!?)"))];
const auto unit_after = lit('%') | word(percent_unit) | word(spaced_magnitude) | currency_suffix |
                        word(period_unit) | word(goods_unit) | kw("times");
// The lookaheads come first: an action is not undone when what follows it fails.
const auto ratio_part = &x3::char_("oi") >> (
    (kw("over") >> &(ratio_den >> clause_end) >> ratio_den[on_ratio<'o'>]) |
    (kw("out") >> kw("of") >> -kw("every") >> &(ratio_den >> !unit_after) >> ratio_den[on_ratio<'f'>]) |
    (kw("in") >> -kw("every") >> &(ratio_den >> !unit_after) >> ratio_den[on_ratio<'i'>]));

const auto numeral_def = (mixed_numeral[copy_numeral] | digit_numeral[copy_numeral] | word_numeral[copy_numeral]) >>
                         -(kw("and") >> fraction_part[on_add_scaled_fraction]) >> -ratio_part;

const auto national_currency_def = word(nationality)[on_nationality] >> word(currency_noun)[on_noun];
const auto currency_suffix_def = national_currency[on_iso_unit] | word(currency_noun)[on_bare_noun] |
                                 word(iso_suffix)[on_iso_unit];


// The unit after a number: glued ("115usd", "2x"), hyphenated ("five-year", "two-fold",
// "12-cent") or after a space ("5 percent", "10 million euros", "18 months", "three times").
const auto glued_unit = no_skip[word(iso_suffix)[on_unit_iso] | word(glued_unit_word)[on_unit_iso] |
                                (lit('x') >> !idchar)[on_multiplier_unit]];
const auto hyphen_unit = no_skip[lit('-') >> (word(period_unit)[on_unit] |
                                              kw("fold")[on_multiplier_unit] |
                                              kw("percent")[on_percent_sign] |
                                              kw("pct")[on_percent_sign] |   // "rise 6.49-pct" (wire headlines)
                                              word(currency_noun)[on_unit_noun])];
const auto spaced_unit = lit('%')[on_percent_sign] | word(percent_unit)[on_unit] |
                         currency_suffix[on_unit] | word(period_unit)[on_unit] | word(goods_unit)[on_unit] |
                         word(million_iso)[on_unit] |
                         lexeme[sign_suffix >> !(*lit(' ') >> (digit | (lit('.') >> digit)))][on_sign_unit] |
                         (kw("fold") | kw("times"))[on_multiplier_unit];
const auto unit_part = glued_unit | hyphen_unit | -spaced_unit;

const auto on_plus = [](auto& ctx) { _val(ctx).plus = true; };
const auto sign = lexeme[lit('-') >> &(digit | lit('$') | lit('.'))][on_negative] |
                  lexeme[lit('+') >> &(digit | lit('.'))][on_plus] |
                  (kw("minus") | kw("negative"))[on_negative];
const auto on_prefix_unit = [](auto& ctx) {
    _val(ctx).unit = _attr(ctx);
    _val(ctx).has_unit = true;
    _val(ctx).unit_before = true;
};
// "US dollars 612 million", "Sri Lankan rupees 5 billion": a named currency before the figure,
// only with its nationality ("won 5 medals" is no currency).
const auto currency_prefix =
    sign_prefix[on_prefix] | word(million_iso)[on_prefix_unit] | word(iso_prefix)[on_prefix] |
    (iso_prefix >> &digit)[on_prefix] | (national_currency >> &digit)[on_prefix];

// Whether a numeral may end where it ends. Checked on the raw text because X3's pre-skip of a
// failed optional may already have moved past the spaces that follow it.
inline bool is_id(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }
inline bool hyphen_word_ok(const char* p) {
    const char* e = p;
    while (*e >= 'a' && *e <= 'z') ++e;
    const std::string w(p, e);
    return period_unit.find(w) || currency_noun.find(w) || w == "fold" || w == "percent" ||
           w == "pct";
}
inline bool numeral_ends_well(const char* p) {
    const char c = p[0];
    if (c == '%') return true;
    if (c == 'x' && !is_id(p[1])) return true;              // "2x"
    if (is_id(c)) {         // "115usd", "2.4pc", "164p", "1.7kg", else "51st", "180ml", "5g"
        const char* e = p;
        while (e - p < 4 && *e >= 'a' && *e <= 'z') ++e;
        if (e == p || is_id(*e)) return false;
        const std::string w(p, e);
        return (w.size() == 3 && iso_suffix.find(w) != nullptr) || glued_unit_word.find(w) != nullptr ||
               w == "mm"; // "$1MM": measure_def decides
    }
    if ((c == '.' || c == ':') && p[1] >= '0' && p[1] <= '9') return false; // "1.2.3", "10:30"
    if (c == '^') return false;                                              // "10^400"
    if (c == '-' && p[1] >= 'a' && p[1] <= 'z') return hyphen_word_ok(p + 1); // not "two-way"
    return true;
}
const auto on_numeral_end = [](auto& ctx) {
    const auto& r = _attr(ctx);
    const char* e = &*r.begin() + (r.end() - r.begin());
    while (e > &*r.begin() && e[-1] == ' ') --e;
    _pass(ctx) = numeral_ends_well(e);
};

// "75 USD million": a currency code, then the magnitude.
inline bool is_iso(std::string_view u) {
    return u.size() == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z';
}
// "$ 30 b", "US$ 2 m" (headlines): after a currency sign or code before the figure, a lone
// letter after a space is its magnitude. Without the currency "5 m" is metres, "grade 5 b" a
// grade, so the letters stay glued-only elsewhere.
const x3::symbols<int> prefixed_magnitude{{"b", 9}, {"m", 6}};
const auto on_prefixed_magnitude = [](auto& ctx) {
    ast::Measure& m = _val(ctx);
    _pass(ctx) = m.unit_before && m.has_unit && m.unit.scale == 1 && apply_magnitude(m.number, _attr(ctx));
};
const auto on_late_magnitude = [](auto& ctx) {
    ast::Measure& m = _val(ctx);
    _pass(ctx) = !m.unit_before && m.has_unit && is_iso(m.unit.name) && m.unit.scale == 1 &&
                 apply_magnitude(m.number, _attr(ctx));
};
// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars and 50.", "17 USD
// 25": a price in units and hundredths, after a currency named behind the figure. Without
// "cents" the hundredths are two digits or words, and nothing but punctuation follows.
const auto on_cents = [](auto& ctx) {
    ast::Measure& m = _val(ctx);
    const ast::Numeral& c = _attr(ctx);
    const bool money = m.has_unit && !m.unit_before && m.unit.scale == 1 &&
                       (m.unit.name == "$" || is_iso(m.unit.name));
    // "15 dollars and 5" is no price: digits come in pairs
    const bool hundredths = (c.plain_integer && c.digits == 2) || (c.spelled && !c.has_magnitude);
    if (!money || m.number.has_magnitude || !hundredths || c.value >= 100) {
        _pass(ctx) = false;
        return;
    }
    m.number.value += c.value / 100;
    m.number.exponent = -2;
    m.number.plain_integer = false;
};
const auto cents_word = kw("cents") | kw("cent") | kw("pence");
const auto cents_part =
    (-kw("and") >> numeral >> (cents_word | (!(alpha | digit | lit('%') | lit('$')))))[on_cents];

// "USD 8.26 cents", "US$ 5 cents": a currency before the figure and its hundredths after it.
const auto on_prefix_cents = [](auto& ctx) {
    ast::Measure& m = _val(ctx);
    if (!m.unit_before || m.unit.scale != 1 || !(m.unit.name == "$" || is_iso(m.unit.name))) {
        _pass(ctx) = false;
        return;
    }
    m.unit.scale = 0.01;
    m.unit.scale_exp = -2;
};

// "$1MM", "US$ 5MM": the finance desk's million, only after a currency sign or code ("10mm"
// alone is millimetres, and stays nothing). numeral_ends_well() lets the "mm" through; a
// measure with no currency before it fails on it.
const auto on_mm = [](auto& ctx) {
    ast::Measure& m = _val(ctx);
    _pass(ctx) = m.unit_before && m.unit.scale == 1 && apply_magnitude(m.number, 6);
};
// Right after a digit: checked on the text, since a failed optional before it may have
// skipped spaces ("270 mm" is millimetres too).
struct after_digit_parser : x3::parser<after_digit_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, It const&, Ctx const&, RCtx&, Attr&) const {
        return first[-1] >= '0' && first[-1] <= '9';
    }
};
const after_digit_parser after_digit{};
const auto glued_mm = no_skip[after_digit >> lit("mm") >> !idchar];

// A sign or a currency prefix never starts with a digit: a figure skips their alternatives.
const auto measure_def = raw[(&digit | (-sign >> -currency_prefix)) >>
                             raw[numeral[set<&ast::Measure::number>]][on_numeral_end] >>
                             -word(prefixed_magnitude)[on_prefixed_magnitude] >>
                             -glued_mm[on_mm] >> !glued_mm >>
                             unit_part >> -(kw("cents") | kw("cent"))[on_prefix_cents] >> -word(spaced_magnitude)[on_late_magnitude] >>
                             -cents_part][on_span];

// An aside inside a range: "between 4 billion euros (about C$6.5 billion) and ...".
const auto aside = lit('(') >> x3::repeat(0, 80)[~x3::char_(')')] >> lit(')');
// An em dash joins a range of digits only ("15—20 million"): "US$532 million — one of the
// largest shortfalls" is a dash of prose.
const auto dash = lit('-') | lit("\xE2\x80\x93") | lit("\xE2\x80\x94") >> &x3::digit;

const auto on_low = [](auto& ctx) { _val(ctx).low = _attr(ctx); };
const auto on_high = [](auto& ctx) {
    _val(ctx).high = _attr(ctx);
    _val(ctx).form = ast::Form::range;
};
const auto on_high_between = [](auto& ctx) {
    _val(ctx).high = _attr(ctx);
    _val(ctx).form = ast::Form::range;
    _val(ctx).qualifier = Qualifier::between;
};
const auto on_high_to = [](auto& ctx) {
    _val(ctx).high = _attr(ctx);
    _val(ctx).form = ast::Form::range;
    _val(ctx).maybe_change = true;
};
const auto on_high_from = [](auto& ctx) {
    _val(ctx).high = _attr(ctx);
    _val(ctx).form = ast::Form::range;
    _val(ctx).maybe_change = true;
    _val(ctx).from_to = true;
};
const auto on_qualifier = [](auto& ctx) {
    _val(ctx).qualifier = _attr(ctx);
    _val(ctx).qualified = true;
};
const auto on_over = [](auto& ctx) { _val(ctx).qualifier_is_over = true; };
const auto on_post_bound = [](auto& ctx) {
    if (_val(ctx).qualifier == Qualifier::exact && _val(ctx).form == ast::Form::amount)
        _val(ctx).qualifier = _attr(ctx);
    else
        _pass(ctx) = false;
};
const auto on_bare_half = [](auto& ctx) {
    ast::Measure m;
    m.number.value = 0.5;
    m.number.exponent = -1;
    m.number.spelled = true;
    const auto& r = _attr(ctx);
    m.begin = &*r.begin();
    m.end = m.begin + (r.end() - r.begin());
    _val(ctx).low = m;
};

// Comparison signs as a table prints them: ">= 30", "<-30", "< = 100", ">10".
const x3::symbols<Qualifier> sign_qualifier{
    {">=", Qualifier::at_least}, {"> =", Qualifier::at_least}, {"\xE2\x89\xA5", Qualifier::at_least},
    {"<=", Qualifier::at_most},  {"< =", Qualifier::at_most},  {"\xE2\x89\xA4", Qualifier::at_most},
    {">", Qualifier::more_than}, {"<", Qualifier::less_than}};

const auto qualifier =
    (&(kw("over") | kw("above") | kw("under") | kw("below")))[on_over] >> word(qualifier_word)[on_qualifier] |
    word(qualifier_word)[on_qualifier] | lexeme[sign_qualifier][on_qualifier];

// A figure or a figure range; no qualifier or range word starts with a digit, so a digit goes
// straight to the last alternative.
const auto figure_or_range =
    measure[on_low] >> -((dash >> measure[on_high]) | (kw("to") >> measure[on_high_to]));
const auto on_low_span_of = [](auto& ctx) {
    const auto& r = _attr(ctx);
    _val(ctx).low.begin = &*r.begin();
    _val(ctx).low.end = &*r.begin() + (r.end() - r.begin());
};
// "percent of 10", "per cent of twenty-two": the peer's inverted percentage (not a year).
const auto on_inverted_percent = [](auto& ctx) {
    ast::Measure& m = _val(ctx).low;
    const ast::Numeral& n = _attr(ctx);
    m.number = n;
    m.unit = ast::Unit{"percent"};
    m.has_unit = true;
    _pass(ctx) = !(n.plain_integer && n.digits == 4 && n.value >= 1900 && n.value <= 2100);
};
const auto inverted_percent =
    raw[(kw("percents") | kw("percent") | (kw("per") >> kw("cent"))) >> kw("of") >>
        numeral[on_inverted_percent]][on_low_span_of];
const auto amount_def =
    ((&digit >> figure_or_range) |
     (!digit >>
      ((qualifier >> raw[kw("half")][on_bare_half]) |
       inverted_percent |
       (-qualifier >>
        ((kw("between") >> measure[on_low] >> -aside >> kw("and") >> measure[on_high_between]) |
         (kw("from") >> measure[on_low] >> kw("to") >> measure[on_high_from]) |
         figure_or_range))))) >>
    -word(post_bound)[on_post_bound];

// ---- time

// A year: four digits 1900-2100, not followed by anything that makes it an amount.
const auto on_year = [](auto& ctx) {
    const auto& r = _attr(ctx);
    ast::Measure m;
    _pass(ctx) = digits_to_numeral(&*r.begin(), &*r.begin() + 4, m.number) &&
                 m.number.value >= 1900 && m.number.value <= 2100;
    m.unit = ast::Unit{"year"};
    m.begin = &*r.begin();
    m.end = m.begin + 4;
    _val(ctx) = m;
};
const auto not_an_amount = !(lit('%') | word(percent_unit) | word(spaced_magnitude) |
                             currency_suffix | word(period_unit) | kw("times") |
                             no_skip[glued_magnitude >> !idchar]);
const auto year_def = lexeme[raw[x3::repeat(4)[digit]] >> number_end][on_year] >> not_an_amount;

// "1986/87", "2024-25", "2024/2025": the second year must follow the first.
const auto on_year_tail = [](auto& ctx) {
    const auto& r = _attr(ctx);
    const std::size_t n = std::size_t(r.end() - r.begin());
    ast::Numeral tail;
    const char* b = &*r.begin();
    if (!digits_to_numeral(b, b + n, tail)) { _pass(ctx) = false; return; }
    const double first = _val(ctx).low.number.value;
    const double second = n == 2 ? std::floor(first / 100) * 100 + tail.value : tail.value;
    if (second != first + 1 && !(n == 2 && second == first + 1 - 100)) { _pass(ctx) = false; return; }
    _val(ctx).high = _val(ctx).low;
    _val(ctx).high.number.value = first + 1;
    _val(ctx).high.end = b + n;
    _val(ctx).form = ast::Form::year_span;
    _val(ctx).relation = TimeRelation::in;
};
const auto year_tail = no_skip[(lit('/') | lit('-')) >>
                               raw[x3::repeat(4)[digit] | x3::repeat(2)[digit]][on_year_tail] >>
                               number_end];

template <TimeRelation R> const auto on_relation = [](auto& ctx) {
    _val(ctx).form = ast::Form::year;
    _val(ctx).relation = R;
};
template <int Offset> const auto on_relative = [](auto& ctx) {
    _val(ctx).form = ast::Form::relative;
    _val(ctx).relation = TimeRelation::relative;
    _val(ctx).horizon = Offset;
};
const auto on_end_of_decade = [](auto& ctx) {
    _val(ctx).form = ast::Form::end_of_decade;
    _val(ctx).relation = TimeRelation::end_of_decade;
};
const auto on_count = [](auto& ctx) { _val(ctx).low.number = _attr(ctx); };
const auto on_one = [](auto& ctx) {
    _val(ctx).low.number = ast::Numeral{};
    _val(ctx).low.number.value = 1;
};
const auto on_period = [](auto& ctx) {
    ast::Match& m = _val(ctx);
    if (m.low.number.value == 0 && !m.low.number.spelled && m.low.number.digits == 0)
        m.low.number.value = 1; // "within the next decade": one decade
    m.low.unit = _attr(ctx);
    m.form = ast::Form::horizon;
    m.relation = TimeRelation::within_next;
};

// A count of periods: "five", "18", "a".
const auto count_def = digit_numeral[copy_numeral] | words[on_fold];
const auto count_part = count[on_count] | (kw("a") | kw("one"))[on_one];

const auto reset = eps[([](auto& ctx) { _val(ctx) = ast::Match{}; })];

// Every alternative starts from a clean Match: a failed one may have set fields. The lookahead
// keeps the resets off the common path: only these words or a digit can start a time phrase.
// A digit can only start "1986/87", so a figure is not put through the word alternatives.
const auto time_start = &(kw("by") | kw("in") | kw("within") | kw("over") | kw("during") |
                          kw("last") | kw("this") | kw("next") | kw("fiscal") | kw("fy") |
                          kw("until") | kw("through"));
// "1986/87" needs four digits and then '/' or '-': checked before the year rule's lookups.
const auto year_span_start = &lexeme[x3::repeat(4)[digit] >> (lit('/') | lit('-'))];
const auto time_phrase_def = (year_span_start >> reset >> year[on_low] >> year_tail) | time_start >> (
    // "by the end of the decade"
    (reset >> kw("by") >> kw("the") >> kw("end") >> kw("of") >> (kw("the") | kw("this")) >>
     kw("decade"))[on_end_of_decade] |
    // "within a decade", "within the next five years", "within two years"
    (reset >> kw("within") >> -kw("the") >> -next_word >> -count_part >> word(period_unit)[on_period]) |
    // "in the next decade", "over the course of the next decade", "during the coming year"
    (reset >> (kw("in") | kw("over") >> -(kw("the") >> kw("course") >> kw("of")) | kw("during")) >>
     kw("the") >> next_word >> -count_part >> word(period_unit)[on_period]) |
    // "in three years"
    (reset >> kw("in") >> count_part >> word(period_unit)[on_period]) |
    // "last year", "this year", "next year"
    (kw("last") >> kw("year"))[on_relative<-1>] | (kw("this") >> kw("year"))[on_relative<0>] |
    (kw("next") >> kw("year"))[on_relative<1>] |
    // "in 2024", "in fiscal 2025", "fiscal 1986/87", "during 2024"
    (reset >> (kw("in") >> -kw("fiscal") >> -kw("year") | kw("during") | kw("fiscal") >> -kw("year") |
      kw("fy"))[on_relation<TimeRelation::in>] >>
     year[on_low] >> -year_tail) |
    // "by 2030", "by the end of 2025", "until 2030"
    (reset >> (kw("by") >> -(kw("the") >> kw("end") >> kw("of")) | kw("until") | kw("through"))
         [on_relation<TimeRelation::by>] >>
     year[on_low]));

const auto on_multiplier_value = [](auto& ctx) {
    ast::Measure& m = _val(ctx).low;
    m.number.value = _attr(ctx);
    m.unit = ast::Unit{"multiplier"};
    m.has_unit = true;
};
const auto on_low_span = [](auto& ctx) {
    const auto& r = _attr(ctx);
    _val(ctx).low.begin = &*r.begin();
    _val(ctx).low.end = &*r.begin() + (r.end() - r.begin());
};
// "double", "halving", "tenfold" -- but not "double-digit" or "double digits".
// "more than twice", "nearly tripled". "twice a year" is a frequency, not a multiplier.
const auto multiplier_phrase_def =
    -qualifier >>
    ((raw[word(multiplier_word)[on_multiplier_value]][on_low_span] >>
      !(lit('-') | kw("digit") | kw("digits"))) |
     (raw[word(times_word)[on_multiplier_value]][on_low_span] >>
      &(kw("as") | kw("the") | kw("that") | kw("its") | kw("their") | kw("his") | kw("her") |
        kw("our") | kw("what") | kw("this") | kw("those") | kw("these"))));

// ---- vague amounts: intervals by design, reported as ranges.
// "tens of", "hundreds of thousands of": from twice to ten times the base ("tens of millions"
// = 20 to 100 million); a plural magnitude alone to a thousand times ("millions" = 2 million
// to a billion). "several"/"a few" + magnitude: 3 (a few: 2) to 9 times the magnitude.
const x3::symbols<double> vague_plural{{"tens", 10},       {"dozens", 12},     {"hundreds", 100},
                                       {"thousands", 1e3}, {"millions", 1e6},  {"billions", 1e9},
                                       {"trillions", 1e12}};
const x3::symbols<double> plural_scale{{"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9},
                                       {"trillions", 1e12}};
const x3::symbols<double> few_word{{"several", 3}, {"a few", 2}};
const auto on_vague_plural = [](auto& ctx) {
    const double p = _attr(ctx);
    _val(ctx).low.number.value = 2 * p;
    _val(ctx).high.number.value = (p >= 1000 ? 1000 : 10) * p;
};
const auto on_vague_scale = [](auto& ctx) {
    ast::Match& m = _val(ctx);
    m.low.number.value *= _attr(ctx);
    m.high.number.value = 5 * m.low.number.value; // ten times the base, twice of which is low
};
const auto on_few = [](auto& ctx) {
    _val(ctx).low.number.value = _attr(ctx);
    _val(ctx).high.number.value = 9;
};
const auto on_few_magnitude = [](auto& ctx) {
    const double scale = std::pow(10.0, _attr(ctx));
    _val(ctx).low.number.value *= scale;
    _val(ctx).high.number.value *= scale;
};
const auto on_vague_unit = [](auto& ctx) {
    ast::Match& m = _val(ctx);
    m.low.unit = m.high.unit = _attr(ctx);
    m.low.has_unit = m.high.has_unit = true;
};
const auto on_vague_span = [](auto& ctx) {
    ast::Match& m = _val(ctx);
    const auto& r = _attr(ctx);
    m.low.begin = m.high.begin = &*r.begin();
    m.low.end = m.high.end = &*r.begin() + (r.end() - r.begin());
    m.form = ast::Form::range;
    m.qualifier = Qualifier::between;
    m.vague = true;
    for (ast::Measure* e : {&m.low, &m.high}) {
        e->number.has_magnitude = true;
        e->number.exponent = int(std::floor(std::log10(m.low.number.value)));
    }
};
const auto vague_unit = -kw("of") >> (currency_suffix[on_vague_unit] | word(goods_unit)[on_vague_unit]);
const auto vague_def =
    raw[((word(vague_plural)[on_vague_plural] >> &kw("of") >>
          -(kw("of") >> word(plural_scale)[on_vague_scale])) |
         (word(few_word)[on_few] >> word(spaced_magnitude)[on_few_magnitude] >>
          -word(spaced_magnitude)[on_few_magnitude])) >>
        -vague_unit][on_vague_span];

// Each alternative parses into a fresh Match, so nothing a failed one set leaks into the next.
const auto copy = [](auto& ctx) { _val(ctx) = _attr(ctx); };
// A digit can start only a year span or an amount.
const auto quantity_def = (&digit >> (time_phrase[copy] | amount[copy])) |
                          (!digit >> (time_phrase[copy] | multiplier_phrase[copy] | vague[copy] |
                                      amount[copy]));

BOOST_SPIRIT_DEFINE(digit_numeral, words, word_numeral, numeral, simple_fraction, fraction_part, ratio_den, currency_suffix,
                    national_currency, measure, amount, time_phrase, year, count, multiplier_phrase,
                    vague, quantity)

} // namespace tradecheck::quantity::grammar

namespace tradecheck::quantity {
const grammar::quantity_type& quantity_rule() { return grammar::quantity; }

std::vector<std::string> follower_words() {
    using namespace grammar;
    std::vector<std::string> out;
    auto first_run = [&out](const std::string& key, const auto&) {
        std::size_t e = 0;
        while (e < key.size() && key[e] >= 'a' && key[e] <= 'z') ++e;
        if (e > 0) out.push_back(key.substr(0, e));
    };
    spaced_magnitude.for_each(first_run);
    percent_unit.for_each(first_run);
    period_unit.for_each(first_run);
    iso_suffix.for_each(first_run);
    million_iso.for_each(first_run);
    nationality.for_each(first_run);
    currency_noun.for_each(first_run);
    goods_unit.for_each(first_run);
    dozen_word.for_each(first_run);
    post_bound.for_each(first_run);
    // Keywords the rules read after a figure: unit_part, figure_or_range, not_an_amount.
    // "x": glued_unit also reads "184.1 x" (the failed spaced magnitude has skipped the space).
    // "and": numeral reads "3 million and a half".
    // "in", "over", "out": a ratio ("1 in 5", "2000 over 3"); plain_figure checks more.
    for (const char* w : {"fold", "times", "to", "x", "and", "in", "over", "out"}) out.emplace_back(w);
    return out;
}
} // namespace tradecheck::quantity
