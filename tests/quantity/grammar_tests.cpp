// The numeric grammar on real trade-news sentences: value, bounds, unit, qualifier, type, span.
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include <tradecheck/parser/quantity.hpp>
#include <tradecheck/parser/quantity_locale.hpp>

using namespace tradecheck;

namespace {

std::vector<Quantity> find(std::string_view text, std::string dollar = "USD") {
    QuantityOptions options;
    options.default_dollar = std::move(dollar);
    return find_quantities(text, options);
}

std::string_view text_of(std::string_view text, const Quantity& q) {
    return text.substr(q.bytes.start, q.bytes.end - q.bytes.start);
}

struct Expect {
    std::string_view text;
    double value;
    double low;
    double high;
    std::string unit;
    Qualifier qualifier;
    QuantityType type;
};

void check(std::string_view sentence, const Quantity& q, const Expect& e) {
    INFO("sentence: " << sentence << "\nquantity: " << text_of(sentence, q));
    CHECK(text_of(sentence, q) == e.text);
    CHECK(q.value == Approx(e.value));
    if (std::isinf(e.low)) CHECK(q.low == e.low); else CHECK(q.low == Approx(e.low));
    if (std::isinf(e.high)) CHECK(q.high == e.high); else CHECK(q.high == Approx(e.high));
    CHECK(q.unit == e.unit);
    CHECK(q.qualifier == e.qualifier);
    CHECK(q.type == e.type);
}

// The only quantity in `sentence`.
void only(std::string_view sentence, const Expect& e, std::string dollar = "USD") {
    const auto qs = find(sentence, std::move(dollar));
    INFO("sentence: " << sentence);
    REQUIRE(qs.size() == 1);
    check(sentence, qs[0], e);
}

// Every figure of `sentence`, in order, and nothing else.
void figures(std::string_view sentence, const std::vector<Expect>& expected) {
    const auto qs = find(sentence, "USD");
    INFO("sentence: " << sentence);
    REQUIRE(qs.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) check(sentence, qs[i], expected[i]);
}

constexpr double inf = unbounded;
using Q = Qualifier;
using T = QuantityType;

} // namespace

TEST_CASE("percent tariffs", "[quantity]") {
    only("China imposed a 100% tariff on electric vehicles.",
         {"100%", 100, 100, 100, "percent", Q::exact, T::percent});
    only("Canada announced a 25% tariff on metal and aluminum.",
         {"25%", 25, 25, 25, "percent", Q::exact, T::percent});
    only("with tariffs rising to greater than 100% by then",
         {"greater than 100%", 100, 100, inf, "percent", Q::more_than, T::percent});
    only("The U.S. buys roughly 75 percent of Canadian exports.",
         {"roughly 75 percent", 75, 75, 75, "percent", Q::about, T::percent});
    only("Profits rose 2 percent of GDP.", {"2 percent", 2, 2, 2, "percent", Q::exact, T::percent});
    only("Rates rose 50 basis points.",
         {"50 basis points", 0.5, 0.5, 0.5, "percentage_point", Q::exact, T::percent});
    only("a rise of 1.5 percentage points",
         {"1.5 percentage points", 1.5, 1.5, 1.5, "percentage_point", Q::exact, T::percent});
}

TEST_CASE("percent with a year", "[quantity]") {
    const std::string_view s = "Growth was less than four percent in 2024.";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"less than four percent", 4, -inf, 4, "percent", Q::less_than, T::percent});
    check(s, qs[1], {"in 2024", 2024, 2024, 2024, "year", Q::exact, T::year});
    CHECK(qs[1].relation == TimeRelation::in);
}

TEST_CASE("up to 95% in the next year", "[quantity]") {
    const std::string_view s =
        "duty-free access for up to 95% of its goods exported there in the next year";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"up to 95%", 95, -inf, 95, "percent", Q::at_most, T::percent});
    check(s, qs[1], {"in the next year", 1, 1, 1, "year", Q::exact, T::duration});
    CHECK(qs[1].relation == TimeRelation::within_next);
}

TEST_CASE("double trade to $70 billion by 2030, default dollar CAD", "[quantity]") {
    const std::string_view s = "They aim to double bilateral trade to $70 billion by 2030.";
    const auto qs = find(s, "CAD");
    REQUIRE(qs.size() == 3);
    check(s, qs[0], {"double", 2, 2, 2, "multiplier", Q::exact, T::multiplier});
    check(s, qs[1], {"$70 billion", 70e9, 70e9, 70e9, "CAD", Q::exact, T::money});
    CHECK(qs[1].exponent == 9);
    check(s, qs[2], {"by 2030", 2030, 2030, 2030, "year", Q::exact, T::year});
    CHECK(qs[2].relation == TimeRelation::by);
}

TEST_CASE("two-way trade was over $1.3 trillion in 2024", "[quantity]") {
    const std::string_view s = "Two-way trade between the countries was over $1.3 trillion in 2024.";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"over $1.3 trillion", 1.3e12, 1.3e12, inf, "USD", Q::more_than, T::money});
    CHECK(qs[0].exponent == 11);
    check(s, qs[1], {"in 2024", 2024, 2024, 2024, "year", Q::exact, T::year});
}

TEST_CASE("parenthetical conversions restate the figure", "[quantity]") {
    const std::string_view s = "a fine of 10 million euros (approximately C$16 million) was paid";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"10 million euros", 10e6, 10e6, 10e6, "EUR", Q::exact, T::money});
    check(s, qs[1], {"approximately C$16 million", 16e6, 16e6, 16e6, "CAD", Q::about, T::money});
    CHECK(qs[0].same_as == -1);
    CHECK(qs[1].same_as == 0);
}

TEST_CASE("ranges", "[quantity]") {
    only("worth between 4 billion euros (about C$6.5 billion) and 6.5 billion euros.",
         {"between 4 billion euros (about C$6.5 billion) and 6.5 billion euros", 5.25e9, 4e9, 6.5e9,
          "EUR", Q::between, T::money});
    only("between 4 and 6.5 billion euros",
         {"between 4 and 6.5 billion euros", 5.25e9, 4e9, 6.5e9, "EUR", Q::between, T::money});
    only("growth of 4-6 percent", {"4-6 percent", 5, 4, 6, "percent", Q::between, T::percent});
    only("growth of 4 to 6 pct", {"4 to 6 pct", 5, 4, 6, "percent", Q::between, T::percent});
    only("from 20 to 35 workers", {"from 20 to 35", 27.5, 20, 35, "", Q::between, T::number});
}

TEST_CASE("a change is two figures, not a range", "[quantity]") {
    const std::string_view s = "tariffs rose from 10% to 25% last week";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"10%", 10, 10, 10, "percent", Q::exact, T::percent});
    check(s, qs[1], {"25%", 25, 25, 25, "percent", Q::exact, T::percent});
}

TEST_CASE("an em dash of prose joins no range", "[quantity]") {
    only("a deficit of US$532 million — one of the largest shortfalls",
         {"US$532 million", 532e6, 532e6, 532e6, "USD", Q::exact, T::money});
    only("it cost $ 15—20 million", {"$ 15—20 million", 17.5e6, 15e6, 20e6, "USD", Q::between, T::money});
}

TEST_CASE("a change's two figures may follow a comma after its verb", "[quantity]") {
    figures("Fuel imports surged 102.9% year on year, from $ 463 million to $939 million.",
            {{"102.9%", 102.9, 102.9, 102.9, "percent", Q::exact, T::percent},
             {"$ 463 million", 463e6, 463e6, 463e6, "USD", Q::exact, T::money},
             {"$939 million", 939e6, 939e6, 939e6, "USD", Q::exact, T::money}});
    // No change verb before the comma, or one farther than six words with no comma: a range.
    only("Estimates of the cost range widely, from $5 billion to $7 billion.",
         {"from $5 billion to $7 billion", 6e9, 5e9, 7e9, "USD", Q::between, T::money});
    only("stocks continued to fall as Trump announced tariffs of varying rates from 25% to 40% on them",
         {"from 25% to 40%", 32.5, 25, 40, "percent", Q::between, T::percent});
}

TEST_CASE("a 'from A to B' listed after a change in its sentence is a change", "[quantity]") {
    figures("will increase tariffs from 25 percent to 100 percent on EVs, bringing total duties to 102.5 percent, "
            "from 7.5 percent to 25 percent on batteries",
            {{"25 percent", 25, 25, 25, "percent", Q::exact, T::percent},
             {"100 percent", 100, 100, 100, "percent", Q::exact, T::percent},
             {"102.5 percent", 102.5, 102.5, 102.5, "percent", Q::exact, T::percent},
             {"7.5 percent", 7.5, 7.5, 7.5, "percent", Q::exact, T::percent},
             {"25 percent", 25, 25, 25, "percent", Q::exact, T::percent}});
    // In the next sentence the list is over: a range again.
    figures("Tariffs rose from 25 percent to 100 percent. Rates on other goods run from 10% to 40%.",
            {{"25 percent", 25, 25, 25, "percent", Q::exact, T::percent},
             {"100 percent", 100, 100, 100, "percent", Q::exact, T::percent},
             {"from 10% to 40%", 25, 10, 40, "percent", Q::between, T::percent}});
}

TEST_CASE("a bare year after 'to' a sum of millions is a year", "[quantity]") {
    figures("from US$ 2.5 billion in 2013 to US$ 3.6 billion to 2022",
            {{"US$ 2.5 billion", 2.5e9, 2.5e9, 2.5e9, "USD", Q::exact, T::money},
             {"in 2013", 2013, 2013, 2013, "year", Q::exact, T::year},
             {"US$ 3.6 billion", 3.6e9, 3.6e9, 3.6e9, "USD", Q::exact, T::money},
             {"2022", 2022, 2022, 2022, "year", Q::exact, T::year}});
    // A small sum before a year-like number is still a range of money.
    only("from $1,800 to 2000 a tonne", {"from $1,800 to 2000", 1900, 1800, 2000, "USD", Q::between, T::money});
}

TEST_CASE("horizons and multipliers", "[quantity]") {
    {
        const std::string_view s = "We will double our non-US exports in the next decade.";
        const auto qs = find(s);
        REQUIRE(qs.size() == 2);
        check(s, qs[0], {"double", 2, 2, 2, "multiplier", Q::exact, T::multiplier});
        check(s, qs[1], {"in the next decade", 10, 10, 10, "year", Q::exact, T::duration});
        CHECK(qs[1].relation == TimeRelation::within_next);
    }
    {
        const std::string_view s = "doubling non-US exports by 2035";
        const auto qs = find(s);
        REQUIRE(qs.size() == 2);
        check(s, qs[0], {"doubling", 2, 2, 2, "multiplier", Q::exact, T::multiplier});
        check(s, qs[1], {"by 2035", 2035, 2035, 2035, "year", Q::exact, T::year});
        CHECK(qs[1].relation == TimeRelation::by);
    }
    only("over the course of the next decade",
         {"over the course of the next decade", 10, 10, 10, "year", Q::exact, T::duration});
    only("within the subsequent decade",
         {"within the subsequent decade", 10, 10, 10, "year", Q::exact, T::duration});
    only("over the next five years", {"over the next five years", 5, 5, 5, "year", Q::exact, T::duration});
    only("a two-fold increase", {"two-fold", 2, 2, 2, "multiplier", Q::exact, T::multiplier});
    only("sales grew three times", {"three times", 3, 3, 3, "multiplier", Q::exact, T::multiplier});
    only("plans for halving tariffs", {"halving", 0.5, 0.5, 0.5, "multiplier", Q::exact, T::multiplier});
}

TEST_CASE("years and relative years", "[quantity]") {
    const std::string_view s = "In fiscal 1986/87, up from last year; plain 2024; by the end of the decade";
    const auto qs = find(s);
    REQUIRE(qs.size() == 4);
    check(s, qs[0], {"In fiscal 1986/87", 1986, 1986, 1987, "year", Q::exact, T::year});
    CHECK(qs[0].relation == TimeRelation::in);
    check(s, qs[1], {"last year", -1, -1, -1, "year", Q::exact, T::year});
    CHECK(qs[1].relation == TimeRelation::relative);
    check(s, qs[2], {"2024", 2024, 2024, 2024, "year", Q::exact, T::year});
    CHECK(qs[2].relation == TimeRelation::none);
    check(s, qs[3], {"by the end of the decade", 0, 0, 0, "year", Q::exact, T::year});
    CHECK(qs[3].relation == TimeRelation::end_of_decade);
}

TEST_CASE("durations", "[quantity]") {
    only("talks lasted 18 months", {"18 months", 18, 18, 18, "month", Q::exact, T::duration});
    only("more than 1,000 days", {"more than 1,000 days", 1000, 1000, inf, "day", Q::more_than, T::duration});
    only("within two weeks", {"within two weeks", 2, 2, 2, "week", Q::exact, T::duration});
}

TEST_CASE("newswire house style", "[quantity]") {
    only("a deficit of 169.8 billion dlrs", {"169.8 billion dlrs", 169.8e9, 169.8e9, 169.8e9, "USD", Q::exact, T::money});
    CHECK(find("a deficit of 169.8 billion dlrs")[0].exponent == 8);
    only("exports were up 4 . 8 % in", {"4 . 8 %", 4.8, 4.8, 4.8, "percent", Q::exact, T::percent});
    only("a surplus of 1.3\n  trillion yen", {"1.3\n  trillion yen", 1.3e12, 1.3e12, 1.3e12, "JPY", Q::exact, T::money});
    only("rose 27.5 mln Canadian dlrs", {"27.5 mln Canadian dlrs", 27.5e6, 27.5e6, 27.5e6, "CAD", Q::exact, T::money});
    only("fell 12 pct", {"12 pct", 12, 12, 12, "percent", Q::exact, T::percent});
    // A wire headline's hyphen: "rise 6.49-pct"; a word that only starts with "pct" is no unit.
    only("exports rise 6.49-pct to", {"6.49-pct", 6.49, 6.49, 6.49, "percent", Q::exact, T::percent});
    CHECK(find("model 6-pctx").empty());   // a code, not a percentage
    // A headline's "$ 30 b": a lone magnitude letter after a space, only after a currency sign.
    only("to reach $ 30 b in export income", {"$ 30 b", 30e9, 30e9, 30e9, "USD", Q::exact, T::money});
    only("US$ 2 m in fines", {"US$ 2 m", 2e6, 2e6, 2e6, "USD", Q::exact, T::money});
    only("grade 5 b students", {"5", 5, 5, 5, "", Q::exact, T::number});
    only("a wall 5 m high", {"5", 5, 5, 5, "", Q::exact, T::number});   // metres, not millions
    only("a loss of 3 mln stg", {"3 mln stg", 3e6, 3e6, 3e6, "GBP", Q::exact, T::money});
    only("1,783.9million", {"1,783.9million", 1783.9e6, 1783.9e6, 1783.9e6, "", Q::exact, T::number});
}

TEST_CASE("currencies", "[quantity]") {
    only("USD34.6 million", {"USD34.6 million", 34.6e6, 34.6e6, 34.6e6, "USD", Q::exact, T::money});
    only("pay USD 200 now", {"USD 200", 200, 200, 200, "USD", Q::exact, T::money});
    only("cost 200 CAD", {"200 CAD", 200, 200, 200, "CAD", Q::exact, T::money});
    only("£8.10 million", {"£8.10 million", 8.1e6, 8.1e6, 8.1e6, "GBP", Q::exact, T::money});
    only("€2 million", {"€2 million", 2e6, 2e6, 2e6, "EUR", Q::exact, T::money});
    only("HK$10.05 billion", {"HK$10.05 billion", 10.05e9, 10.05e9, 10.05e9, "HKD", Q::exact, T::money});
    only("US$5bn", {"US$5bn", 5e9, 5e9, 5e9, "USD", Q::exact, T::money});
    only("100 billion yuan", {"100 billion yuan", 1e11, 1e11, 1e11, "CNY", Q::exact, T::money});
    only("Rs 500 crore", {"Rs 500 crore", 5e9, 5e9, 5e9, "INR", Q::exact, T::money});
    only("50 cents a share", {"50 cents", 0.5, 0.5, 0.5, "USD", Q::exact, T::money});
    only("-$23", {"-$23", -23, -23, -23, "USD", Q::exact, T::money});
    only("5 dollars", {"5 dollars", 5, 5, 5, "CAD", Q::exact, T::money}, "CAD");
}

TEST_CASE("numbers", "[quantity]") {
    only("one hundred and five", {"one hundred and five", 105, 105, 105, "", Q::exact, T::number});
    only("a dozen countries", {"a dozen", 12, 12, 12, "", Q::exact, T::number});
    only("three-quarters of", {"three-quarters", 0.75, 0.75, 0.75, "", Q::exact, T::number});
    only("about a third of", {"about a third", 1.0 / 3, 1.0 / 3, 1.0 / 3, "", Q::about, T::number});
    only("the answer is minus ten", {"minus ten", -10, -10, -10, "", Q::exact, T::number});
    only("a deficit of (71.5)", {"(71.5)", -71.5, -71.5, -71.5, "", Q::exact, T::number});
    only("seventy", {"seventy", 70, 70, 70, "", Q::exact, T::number});
    CHECK(find("1,783.9")[0].exponent == -1);
    CHECK(find("170")[0].exponent == 0);
    CHECK(find("four")[0].exponent == 0);
}

TEST_CASE("not quantities", "[quantity]") {
    for (std::string_view s :
         {"the 51st state", "the G7 summit", "COVID-19 hit trade", "an F-35 order",
          "a Boeing 737 order", "ranked No. 1", "at 10:30 today", "at 9 a.m. sharp",
          "on November 22, 2025", "on Dec. 7", "on 02-11-2025", "call 555-1234",
          "server 192.168.1.2", "a two-way street", "the second quarter", "one of them",
          "Boeing 737 deliveries rose", "Sales rose. Airbus 320 orders fell"}) {
        INFO(s);
        const auto qs = find(s);
        for (const auto& q : qs)
            CHECK((q.type == QuantityType::year && q.value == 2025));
    }
}

TEST_CASE("code-point spans and hostile input", "[quantity]") {
    const std::string s = "prix: €2 million";
    const auto qs = find(s);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].span == Span{6, 16});
    CHECK(qs[0].bytes == Span{6, 18});

    std::string bad = "\xff\xfe 5% \x80 and $3 \0 billion";
    bad += std::string(1, '\0') + "7 pct";
    const auto b = find(bad);
    REQUIRE(b.size() >= 2);
    CHECK(b[0].span.start == 3); // each bad byte is one code point

    std::string huge(500, '9');
    CHECK_NOTHROW(find(huge + " dollars and 10^400"));
    std::string line(2'000'000, '1');
    CHECK_NOTHROW(find(line));
    std::string words;
    for (int i = 0; i < 20000; ++i) words += "one hundred and ";
    CHECK_NOTHROW(find(words));
}

TEST_CASE("results are in order and never overlap", "[quantity]") {
    const std::string s =
        "Exports rose 4 . 8 pct to 1.5 billion dlrs in 1986, up from 1.2 billion a year earlier, "
        "and between 4 and 5 pct of GDP, about $3bn (C$4bn) over the next five years.";
    const auto qs = find(s);
    REQUIRE(qs.size() >= 6);
    for (std::size_t i = 1; i < qs.size(); ++i) CHECK(qs[i - 1].bytes.end <= qs[i].bytes.start);
}

TEST_CASE("a figure after a common word at a sentence start stays", "[quantity]") {
    only("Only 12 ships docked", {"12", 12, 12, 12, "", Q::exact, T::number});
    only("About 150 ships", {"About 150", 150, 150, 150, "", Q::about, T::number});
}

TEST_CASE("mixed numbers, fractions of a scale and comparison phrasing", "[quantity]") {
    only("one and a half", {"one and a half", 1.5, 1.5, 1.5, "", Q::exact, T::number});
    only("The population is 3 million and a half",
         {"3 million and a half", 3.5e6, 3.5e6, 3.5e6, "", Q::exact, T::number});
    only("five and a half million fish",
         {"five and a half million", 5.5e6, 5.5e6, 5.5e6, "", Q::exact, T::number});
    only("two billion and a quarter dollars",
         {"two billion and a quarter dollars", 2.25e9, 2.25e9, 2.25e9, "USD", Q::exact, T::money});
    only("They have two million and one half",
         {"two million and one half", 2.5e6, 2.5e6, 2.5e6, "", Q::exact, T::number});
    only("half a billion dollars", {"half a billion dollars", 0.5e9, 0.5e9, 0.5e9, "USD", Q::exact, T::money});
    only("a quarter of exports", {"a quarter", 0.25, 0.25, 0.25, "", Q::exact, T::number});
    only("one-third of trade", {"one-third", 1.0 / 3, 1.0 / 3, 1.0 / 3, "", Q::exact, T::number});
    only("duties of less than or equal to 5%",
         {"less than or equal to 5%", 5, -inf, 5, "percent", Q::at_most, T::percent});
    only("no more than 40 tonnes", {"no more than 40 tonnes", 40, -inf, 40, "tonne", Q::at_most, T::number});
    only("tariff >= 25%", {">= 25%", 25, 25, inf, "percent", Q::at_least, T::percent});
    only("margin < 3 pct", {"< 3 pct", 3, -inf, 3, "percent", Q::less_than, T::percent});
    only("The number equals 20.", {"equals 20", 20, 20, 20, "", Q::exact, T::number});
    only("a 1.5m order", {"1.5m", 1.5e6, 1.5e6, 1.5e6, "", Q::exact, T::number});
    only("$1.2bn deal", {"$1.2bn", 1.2e9, 1.2e9, 1.2e9, "USD", Q::exact, T::money});
    only("a loss of -3.5 million euros",
         {"-3.5 million euros", -3.5e6, -3.5e6, -3.5e6, "EUR", Q::exact, T::money});
    REQUIRE(find("x <> 30").size() == 1);
    CHECK(find("x <> 30")[0].qualifier == Q::exact); // "<>" is no comparison
    CHECK(find("between 4 and 6 pct").size() == 1);
}

TEST_CASE("a percentage and an amount joined by 'to' lend each other nothing", "[quantity]") {
    // Reuters: "imports ... dropped 36 pct to 160 mln crowns" is a fall of 36 pct, to a level.
    const std::string s = "Imports from South Africa dropped 36 pct to 160 mln crowns.";
    const auto qs = find(s);
    REQUIRE(qs.size() >= 2);
    check(s, qs[0], {"36 pct", 36, 36, 36, "percent", Qualifier::exact, QuantityType::percent});
    CHECK(text_of(s, qs[1]).substr(0, 7) == "160 mln");
    CHECK(qs[1].value == Approx(160e6));
    CHECK(qs[1].unit != "percent");
    // A real range still shares its unit and magnitude.
    const std::string r = "tariffs of 4 to 6 pct and sales of 5 to 7 billion dlrs";
    const auto rs = find(r);
    REQUIRE(rs.size() == 2);
    check(r, rs[0], {"4 to 6 pct", 5, 4, 6, "percent", Qualifier::between, QuantityType::percent});
    check(r, rs[1], {"5 to 7 billion dlrs", 6e9, 5e9, 7e9, "USD", Qualifier::between, QuantityType::money});
}

// ---- issue 16: the number grammar on real news

namespace {
std::vector<Quantity> find_in(std::string_view text, std::string_view country) {
    return find_quantities(text, quantity_options_for(country));
}
} // namespace

TEST_CASE("currency before or after, spelled or coded, as the press prints it", "[quantity][press]") {
    only("reserves of US dollars 612 million",
         {"US dollars 612 million", 612e6, 612e6, 612e6, "USD", Q::exact, T::money});
    only("a loan of LKR 250 million", {"LKR 250 million", 250e6, 250e6, 250e6, "LKR", Q::exact, T::money});
    only("Nestle paid SFr2.1bn", {"SFr2.1bn", 2.1e9, 2.1e9, 2.1e9, "CHF", Q::exact, T::money});
    only("debts of $US85 trillion", {"$US85 trillion", 85e12, 85e12, 85e12, "USD", Q::exact, T::money});
    only("a profit of Sri Lankan rupees 5 billion",
         {"Sri Lankan rupees 5 billion", 5e9, 5e9, 5e9, "LKR", Q::exact, T::money});
    only("Pakistani rupees 40 billion", {"Pakistani rupees 40 billion", 40e9, 40e9, 40e9, "PKR", Q::exact, T::money});
    // "won 5 medals": a currency name before a figure needs its nationality.
    only("they won 5 medals", {"5", 5, 5, 5, "", Q::exact, T::number});
}

TEST_CASE("South Asian magnitudes and grouping, prices in units and hundredths", "[quantity][press]") {
    only("a loan of 35 lakh rupees", {"35 lakh rupees", 3.5e6, 3.5e6, 3.5e6, "INR", Q::exact, T::money});
    only("Rs 1.5 crore", {"Rs 1.5 crore", 1.5e7, 1.5e7, 1.5e7, "INR", Q::exact, T::money});
    only("a budget of 3 lakh crore", {"3 lakh crore", 3e12, 3e12, 3e12, "", Q::exact, T::number});
    only("12,34,567.89 rupees", {"12,34,567.89 rupees", 1234567.89, 1234567.89, 1234567.89, "INR", Q::exact, T::money});
    only("They lost 75 USD million.", {"75 USD million", 75e6, 75e6, 75e6, "USD", Q::exact, T::money});
    only("it cost 3 dollars 50 cents.", {"3 dollars 50 cents", 3.5, 3.5, 3.5, "USD", Q::exact, T::money});
    only("thirteen dollars and forty-five cents",
         {"thirteen dollars and forty-five cents", 13.45, 13.45, 13.45, "USD", Q::exact, T::money});
    only("It costs 15 dollars and 50.", {"15 dollars and 50", 15.5, 15.5, 15.5, "USD", Q::exact, T::money});
    // Not a price: another figure, a one-digit "cents", a unit after the second number.
    CHECK(find("paid 15 dollars and 50 workers quit").size() == 2);
    CHECK(find("paid 15 dollars and 5.").size() == 2);
    CHECK(find("between 4 dollars and 6 dollars").size() == 1);
}

TEST_CASE("a rupee and a bare $ resolve from the article's country", "[quantity][press]") {
    const std::string s = "The deal is worth Rs 3.1 billion, or 120 million rupees a year, and $10 million.";
    const auto lk = find_in(s, "LK");
    REQUIRE(lk.size() == 3);
    CHECK(lk[0].unit == "LKR");
    CHECK(lk[0].value == Approx(3.1e9));
    CHECK(lk[1].unit == "LKR");
    CHECK(lk[2].unit == "USD"); // a bare "$" is never a rupee
    CHECK(find_in(s, "PK")[0].unit == "PKR");
    CHECK(find_in(s, "IN")[0].unit == "INR");
    CHECK(find_in(s, "")[0].unit == "INR");
    CHECK(find_in(s, "CA")[2].unit == "CAD");
    CHECK(find_in(s, "GB")[2].unit == "USD"); // never a non-dollar currency
    CHECK(find_in("Rs.1,300 billion", "LK")[0].value == Approx(1.3e12));
    CHECK(find_in("Rs.1,300 billion", "LK")[0].unit == "LKR");
}

TEST_CASE("the article's country: metadata, then dateline, then what it is about", "[quantity][press]") {
    CHECK(article_country("Daily FT (Sri Lanka)", "") == "LK");
    CHECK(article_country("EconomyNext", "") == "LK");
    CHECK(article_country("Dawn", "") == "PK");
    CHECK(article_country("Reuters", "KARACHI, March 3 (Reuters) - Pakistan's central bank") == "PK");
    CHECK(article_country("Reuters", "NEW DELHI, March 3 (Reuters) - India's exports") == "IN");
    CHECK(article_country("", "Colombo, Feb 10 (Daily Mirror) - The PUCSL said") == "LK");
    CHECK(article_country("Wire", "Sri Lanka's exports rose. Sri Lanka's central bank said Sri Lanka ...") == "LK");
    CHECK(article_country("Wire", "Exports rose, officials said.") == "");
    // A dateline city names a country only when a dateline punctuation follows.
    CHECK(article_country("Wire", "Colombo port handled more boxes") == "");
    // Mentions: whole words in any case, cities for their country, the first 2,000 bytes only.
    CHECK(article_country("Wire", "Talks in TORONTO and ottawa: Canada said") == "CA");
    CHECK(article_country("Wire", "Indiana and Indianapolis traders; Sri Lankan tea; Pakistani rice") == "");
    CHECK(article_country("Wire", "Exports from India rose; India said") == "IN");
    CHECK(article_country("Wire", "The mayor of London met Britain's trade minister in Paris") == "GB");
    CHECK(article_country("Wire", std::string(1995, ' ') + "India India") == "");
    CHECK(article_country("Wire", std::string(1980, ' ') + "India India") == "IN");
    CHECK(quantity_options_for("LK").default_rupee == "LKR");
    CHECK(quantity_options_for("LK").default_dollar == "USD");
    CHECK(quantity_options_for("AU").default_dollar == "AUD");
}

TEST_CASE("British and market styles", "[quantity][press]") {
    only("inflation of 2.4pc", {"2.4pc", 2.4, 2.4, 2.4, "percent", Q::exact, T::percent});
    only("shares closed at 164p", {"164p", 1.64, 1.64, 1.64, "GBP", Q::exact, T::money});
    only("a dividend of 84.75 cents", {"84.75 cents", 0.8475, 0.8475, 0.8475, "USD", Q::exact, T::money});
    only("The FTSE 100 was +0.3% at noon", {"+0.3%", 0.3, 0.3, 0.3, "percent", Q::exact, T::percent});
    only("the Dax was -1.2% lower", {"-1.2%", -1.2, -1.2, -1.2, "percent", Q::exact, T::percent});
    only("a cut of 60 basis points", {"60 basis points", 0.6, 0.6, 0.6, "percentage_point", Q::exact, T::percent});
    only("spreads widened 60bps", {"60bps", 0.6, 0.6, 0.6, "percentage_point", Q::exact, T::percent});
    only("a sixfold rise", {"sixfold", 6, 6, 6, "multiplier", Q::exact, T::multiplier});
    only("more than twice the amount", {"more than twice", 2, 2, inf, "multiplier", Q::more_than, T::multiplier});
    only("a third of exports", {"a third", 1.0 / 3, 1.0 / 3, 1.0 / 3, "", Q::exact, T::number});
    only("three-quarters of imports", {"three-quarters", 0.75, 0.75, 0.75, "", Q::exact, T::number});
    // "twice a year" is a frequency, "+94" a telephone code.
    CHECK(find("meets twice a year").empty());
    CHECK(find("I would think twice about it").empty());
    only("reserves of $ 6.8 to 6.9 billion", {"$ 6.8 to 6.9 billion", 6.85e9, 6.8e9, 6.9e9, "USD", Q::between, T::money});
    for (const Quantity& q : find("call +94 112345678")) CHECK(q.value != 94);
}

TEST_CASE("a change and a level are not a range, real ranges stay", "[quantity][press]") {
    const std::string a = "The index gained 0.68 per cent to 3,005.47.";
    const auto qa = find(a);
    REQUIRE(qa.size() == 2);
    check(a, qa[0], {"0.68 per cent", 0.68, 0.68, 0.68, "percent", Q::exact, T::percent});
    check(a, qa[1], {"3,005.47", 3005.47, 3005.47, 3005.47, "", Q::exact, T::number});
    const std::string b = "Reserves increased by $12.5 billion to $310.2 billion.";
    const auto qb = find(b);
    REQUIRE(qb.size() == 2);
    CHECK(qb[0].value == Approx(12.5e9));
    CHECK(qb[1].value == Approx(310.2e9));
    const std::string c = "Raising participation from 31.6% to 40% within five years";
    const auto qc = find(c);
    REQUIRE(qc.size() >= 2);
    CHECK(qc[0].qualifier == Q::exact);
    CHECK(qc[1].value == Approx(40));
    only("growth between 4 and 6 per cent", {"between 4 and 6 per cent", 5, 4, 6, "percent", Q::between, T::percent});
    only("growth of 4-6 percent", {"4-6 percent", 5, 4, 6, "percent", Q::between, T::percent});
    only("tariffs from 20 to 35 percent", {"from 20 to 35 percent", 27.5, 20, 35, "percent", Q::between, T::percent});
    only("tariff increases of 8% to 30%", {"8% to 30%", 19, 8, 30, "percent", Q::between, T::percent});
    // "gained 1 to 2%" is a range of gains; "gained 0.68% to 3,005" a change and a level.
    only("Airbus gained 1 to 2%.", {"1 to 2%", 1.5, 1, 2, "percent", Q::between, T::percent});
    only("reduce licensing by 65 to 70 pct", {"65 to 70 pct", 67.5, 65, 70, "percent", Q::between, T::percent});
    CHECK(find("could increase by a record 2.8 mln tonnes to 71.8 mln tonnes").size() == 2);
}

TEST_CASE("a range never crosses a blank line", "[quantity][press]") {
    const std::string s = "The index fell to -1\n\n-4 was the low";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    CHECK(qs[0].value == -1);
    CHECK(qs[1].value == -4);
    const std::string t = "rates of 4\n  \n to 6 percent";
    const auto qt = find(t);
    REQUIRE(qt.size() == 2);
    CHECK(qt[0].unit == "");
    // One line break is no paragraph: the range stays.
    REQUIRE(find("rates of 4\nto 6 percent").size() == 1);
}

TEST_CASE("goods trade news counts in, as typed units", "[quantity][press]") {
    only("300,000 barrels per day of crude",
         {"300,000 barrels per day", 3e5, 3e5, 3e5, "barrel_per_day", Q::exact, T::number});
    only("output of 1.2 million bpd", {"1.2 million bpd", 1.2e6, 1.2e6, 1.2e6, "barrel_per_day", Q::exact, T::number});
    only("5 million tonnes of wheat", {"5 million tonnes", 5e6, 5e6, 5e6, "tonne", Q::exact, T::number});
    only("175,000 metric tons", {"175,000 metric tons", 175000, 175000, 175000, "tonne", Q::exact, T::number});
    only("50,000 mt of rice", {"50,000 mt", 50000, 50000, 50000, "tonne", Q::exact, T::number});
    only("20 million bushels", {"20 million bushels", 2e7, 2e7, 2e7, "bushel", Q::exact, T::number});
    only("about 7.2 million TEU", {"about 7.2 million TEU", 7.2e6, 7.2e6, 7.2e6, "teu", Q::about, T::number});
    only("12,000 containers", {"12,000 containers", 12000, 12000, 12000, "container", Q::exact, T::number});
    only("sold 300,000 vehicles", {"300,000 vehicles", 3e5, 3e5, 3e5, "vehicle", Q::exact, T::number});
    only("1.7kg a year", {"1.7kg", 1.7, 1.7, 1.7, "kilogram", Q::exact, T::number});
    only("Rs 150 a kilo", {"Rs 150", 150, 150, 150, "INR", Q::exact, T::money});
}

TEST_CASE("vague amounts are intervals", "[quantity][press]") {
    only("tens of millions of dollars",
         {"tens of millions of dollars", 6e7, 2e7, 1e8, "USD", Q::between, T::money});
    only("several billion dollars", {"several billion dollars", 6e9, 3e9, 9e9, "USD", Q::between, T::money});
    only("hundreds of thousands of workers",
         {"hundreds of thousands", 6e5, 2e5, 1e6, "", Q::between, T::number});
    only("billions of dollars", {"billions of dollars", 501e9, 2e9, 1e12, "USD", Q::between, T::money});
    only("more than half of exports", {"more than half", 0.5, 0.5, inf, "", Q::more_than, T::number});
    only("a dozen ships", {"a dozen", 12, 12, 12, "", Q::exact, T::number});
    only("a few hundred", {"a few hundred", 550, 200, 900, "", Q::between, T::number});
}

TEST_CASE("what is not a quantity", "[quantity][press]") {
    CHECK(find("one of the best ports").empty());
    CHECK(find("5G networks and the G7 and COVID-19").empty());
    CHECK(find("the new iPhone 15 sold well").empty());
    CHECK(find("open 24/7").empty());
    CHECK(find("Arsenal won 2-0 on Sunday").empty());
    CHECK(find("the meeting at 10:30 and 9 a.m.").empty());
    CHECK(find("in two to three days [3].").size() == 1);        // a citation
    CHECK(find("only 17%12. The rest").size() == 1);             // a footnote marker
    CHECK(find("in 1776.What would they think").empty());        // a typo, glued
    const auto span = find("the reforms of 1989-93 worked");
    REQUIRE(span.size() == 1);
    CHECK(span[0].type == T::year);
    CHECK(span[0].high == 1993);
    const auto y = find("exports in 2024 rose");
    REQUIRE(y.size() == 1);
    CHECK(y[0].type == T::year);
}

TEST_CASE("fractions with any ordinal, spelled decimals, dozens", "[quantity][spelled]") {
    only("a hundredth of a share", {"a hundredth", 0.01, 0.01, 0.01, "", Q::exact, T::number});
    only("buy one-twelfth of it", {"one-twelfth", 1.0 / 12, 1.0 / 12, 1.0 / 12, "", Q::exact, T::number});
    only("twenty-three fifths", {"twenty-three fifths", 4.6, 4.6, 4.6, "", Q::exact, T::number});
    only("three twenty-firsts", {"three twenty-firsts", 3.0 / 21, 3.0 / 21, 3.0 / 21, "", Q::exact, T::number});
    // A tens word before a unit ordinal is the ordinal's, unless "and" ties it to the numerator.
    only("one hundred thirty-fifths", {"one hundred thirty-fifths", 100.0 / 35, 100.0 / 35, 100.0 / 35, "", Q::exact, T::number});
    only("one hundred and thirty fifths", {"one hundred and thirty fifths", 26, 26, 26, "", Q::exact, T::number});
    only("a hundred thousand trillionths", {"a hundred thousand trillionths", 1e-7, 1e-7, 1e-7, "", Q::exact, T::number});
    only("two hundred thirty two and a thirtieth",
         {"two hundred thirty two and a thirtieth", 232 + 1.0 / 30, 232 + 1.0 / 30, 232 + 1.0 / 30, "", Q::exact, T::number});
    // Mixed numbers keep their reading: the fraction after "and" is a fraction of one.
    only("five billion and three quarters", {"five billion and three quarters", 5e9 + 0.75 * 1e9, 5.75e9, 5.75e9, "", Q::exact, T::number});
    only("one hundred and three quarters", {"one hundred and three quarters", 100.75, 100.75, 100.75, "", Q::exact, T::number});
    only("nine point nought four", {"nine point nought four", 9.04, 9.04, 9.04, "", Q::exact, T::number});
    only("two hundred point seventy-one", {"two hundred point seventy-one", 200.71, 200.71, 200.71, "", Q::exact, T::number});
    only("two point five percent", {"two point five percent", 2.5, 2.5, 2.5, "percent", Q::exact, T::percent});
    only("3 dozen eggs", {"3 dozen", 36, 36, 36, "", Q::exact, T::number});
    only("five dozs", {"five dozs", 60, 60, 60, "", Q::exact, T::number});
    only("half a dozen ships", {"half a dozen", 6, 6, 6, "", Q::exact, T::number});
    only("per cent of twenty-two", {"per cent of twenty-two", 22, 22, 22, "percent", Q::exact, T::percent});
    // Not fractions: an ordinal with no numerator, a singular ordinal after more than one, an
    // ordinal after a determiner, a year after "percent of", a "point" with no digit word.
    CHECK(find("the twenty-first century").empty());
    CHECK(find("the twentieth anniversary").empty());
    CHECK(find("its twenty fifth anniversary").empty());
    CHECK(find("the twenty first century").empty());
    CHECK(find("the one hundredth anniversary").empty());
    CHECK(find("the percent of 2023 sales").size() == 1); // the year only
    CHECK(find("the percent of 2023 sales")[0].type == T::year);
    const auto plan = find("a five point plan");
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].value == 5);
    CHECK(find("a second round").empty());
}

TEST_CASE("vulgar fractions and digits mixed with magnitude words", "[quantity][spelled]") {
    only("yields rose 2\xC2\xBD per cent", {"2\xC2\xBD per cent", 2.5, 2.5, 2.5, "percent", Q::exact, T::percent});
    only("a \xE2\x85\x94 majority", {"\xE2\x85\x94", 2.0 / 3, 2.0 / 3, 2.0 / 3, "", Q::exact, T::number});
    CHECK(find("the result is \xE2\x85\x99 and sometimes \xC2\xBD").size() == 2);
    only("4 thousand 3 hundred and 21 boxes", {"4 thousand 3 hundred and 21", 4321, 4321, 4321, "", Q::exact, T::number});
    only("3 hundred and one", {"3 hundred and one", 301, 301, 301, "", Q::exact, T::number});
    only("Rs 6 crore and two hundred", {"Rs 6 crore and two hundred", 60000200, 60000200, 60000200, "INR", Q::exact, T::money});
    // Not one number: a second magnitude no smaller, an amount after "and" with no "hundred".
    CHECK(find("3 hundred and 2 hundred").size() == 2);
    const auto two = find("$5 million and 20 percent");
    REQUIRE(two.size() == 2);
    CHECK(two[0].value == 5e6);
    CHECK(two[1].value == 20);
    CHECK(find("4 thousand 3 hundred and 0 are").size() == 2);
}

TEST_CASE("a currency before the figure and its cents after, a comparison sign before a dollar", "[quantity][press]") {
    const std::string_view s = "The fixed USD 8.26 cents vs USD 4.6 cents";
    const auto qs = find(s);
    REQUIRE(qs.size() == 2);
    check(s, qs[0], {"USD 8.26 cents", 0.0826, 0.0826, 0.0826, "USD", Q::exact, T::money});
    only("units (investments >$ 50 million) are eligible",
         {">$ 50 million", 5e7, 5e7, inf, "USD", Q::more_than, T::money});
    only("USD 8.26", {"USD 8.26", 8.26, 8.26, 8.26, "USD", Q::exact, T::money});
}

TEST_CASE("scientific and power notation, glued to the digits", "[quantity][notation]") {
    only("a mass of 1.3e6 tonnes of ore", {"1.3e6 tonnes", 1.3e6, 1.3e6, 1.3e6, "tonne", Q::exact, T::number});
    only("-12e-1", {"-12e-1", -1.2, -1.2, -1.2, "", Q::exact, T::number});
    only("12.32e+14", {"12.32e+14", 1.232e15, 1.232e15, 1.232e15, "", Q::exact, T::number});
    only("growth of 1.1^23 over the period", {"1.1^23", std::pow(1.1, 23), std::pow(1.1, 23), std::pow(1.1, 23), "", Q::exact, T::number});
    only("2.5^-1", {"2.5^-1", 0.4, 0.4, 0.4, "", Q::exact, T::number});
    only("about 1.3x10^6 cells", {"about 1.3x10^6", 1.3e6, 1.3e6, 1.3e6, "", Q::about, T::number});
    only("6.23x10^-4", {"6.23x10^-4", 6.23e-4, 6.23e-4, 6.23e-4, "", Q::exact, T::number});
    // negative twins: letters glued before, a power too large, a code
    CHECK(find("the S10e5 phone and model A3e8").empty());
    CHECK(find("a googol is 10^400").empty());
    CHECK(find("COVID-19 and 5G").empty());
}

TEST_CASE("thousands grouped by spaces", "[quantity][notation]") {
    only("China's population is 1 414 021 100.",
         {"1 414 021 100", 1414021100, 1414021100, 1414021100, "", Q::exact, T::number});
    only("exports of 40\xE2\x80\xAF" "000 tonnes", {"40\xE2\x80\xAF" "000 tonnes", 4e4, 4e4, 4e4, "tonne", Q::exact, T::number});
    only("a bill of 1\xC2\xA0" "234\xC2\xA0" "567.89 euros",
         {"1\xC2\xA0" "234\xC2\xA0" "567.89 euros", 1234567.89, 1234567.89, 1234567.89, "EUR", Q::exact, T::money});
    only("1\xE2\x80\x89" "500 containers", {"1\xE2\x80\x89" "500 containers", 1500, 1500, 1500, "container", Q::exact, T::number});
    // a single plain-space group is two figures side by side: "108 109 pct", "15 747s"
    CHECK(find("quoted at 108 109 pct").size() == 2);
    CHECK(find("orders for 15 747s from Boeing").size() == 1);
    // a phone number: a group of four after the groups of three
    const auto phone = find("call 011 222 333 4444 now");
    for (const auto& q : phone) CHECK(q.value < 1e4);
}

TEST_CASE("digit fractions, where no date is meant", "[quantity][notation]") {
    only("3/4", {"3/4", 0.75, 0.75, 0.75, "", Q::exact, T::number});
    only("-4/5", {"-4/5", -0.8, -0.8, -0.8, "", Q::exact, T::number});
    only("prices rose 3 1/2 percent", {"3 1/2 percent", 3.5, 3.5, 3.5, "percent", Q::exact, T::percent});
    only("2/3rds of the employees", {"2/3rds", 2.0 / 3, 2.0 / 3, 2.0 / 3, "", Q::exact, T::number});
    only("a 7/16 inch bolt", {"7/16", 7.0 / 16, 7.0 / 16, 7.0 / 16, "", Q::exact, T::number});
    // negative twins: dates, "24/7", improper or odd denominators, bond quotes with a hyphen
    CHECK(find("the meeting on 3/4 was cancelled").empty());
    CHECK(find("Tuesday 1/2 at noon").empty());
    CHECK(find("open 24/7 all year").empty());
    CHECK(find("after 9/11 and 6/13").empty());
    CHECK(find("Any time to meet on 5/17/2018?").empty());
    CHECK(find("3/4 March").empty());
    CHECK(find("REUTERS/Gonzalo Fuentes/ File Photo [1/2] A view").empty());
    CHECK(find("won 2-1/9 and 3-24/7 service").empty()); // no fraction the press prints
    // the wire's rate and bond quotes: a whole number, a hyphen, a fraction
    only("bid at 104-3/8", {"104-3/8", 104.375, 104.375, 104.375, "", Q::exact, T::number});
    only("LIBOR minus 6-1/2 pct", {"minus 6-1/2 pct", -6.5, -6.5, -6.5, "percent", Q::exact, T::percent});
}

TEST_CASE("ratios: a proportion, not a tally or a period", "[quantity][notation]") {
    only("one in five adults", {"one in five", 0.2, 0.2, 0.2, "", Q::exact, T::number});
    only("nine out of 10 firms", {"nine out of 10", 0.9, 0.9, 0.9, "", Q::exact, T::number});
    CHECK(find("Aviaco cancelled 10 out of 82.").size() == 2); // a tally
    only("one out of every four countries", {"one out of every four", 0.25, 0.25, 0.25, "", Q::exact, T::number});
    only("the odds were 1 over 3.", {"1 over 3", 1.0 / 3, 1.0 / 3, 1.0 / 3, "", Q::exact, T::number});
    // negative twins: a tally, a year, a period, a unit, "over" inside a clause
    CHECK(find("46 out of 118 land plots").size() == 2);
    const auto year = find("it ranked 1 in 2024");
    REQUIRE(year.size() == 2);
    CHECK(year[1].type == T::year);
    CHECK(find("one in five years").size() == 2);
    CHECK(find("10 in 20 tonnes").size() == 2);
    const auto period = find("to earn $2000 over 3 years");
    REQUIRE(period.size() == 2);
    CHECK(period[0].type == T::money);
    CHECK(find("grew 5% over 2023.").size() == 2);
}

TEST_CASE("a fraction of a smaller magnitude after a larger one", "[quantity][spelled]") {
    only("one billion and a half million",
         {"one billion and a half million", 1000500000, 1000500000, 1000500000, "", Q::exact, T::number});
    only("one billion and three quarters million",
         {"one billion and three quarters million", 1000750000, 1000750000, 1000750000, "", Q::exact, T::number});
    only("five and a half million", {"five and a half million", 5.5e6, 5.5e6, 5.5e6, "", Q::exact, T::number});
    only("3 million and a half", {"3 million and a half", 3.5e6, 3.5e6, 3.5e6, "", Q::exact, T::number});
}

TEST_CASE("a bare quarter or a fraction of a magnitude, a figure alone on its line", "[quantity][spelled]") {
    only("a quarter million people", {"a quarter million", 250000, 250000, 250000, "", Q::exact, T::number});
    only("It costs quarter million us dollars.",
         {"quarter million us dollars", 250000, 250000, 250000, "USD", Q::exact, T::money});
    only("It cost quarter million.", {"quarter million", 250000, 250000, 250000, "", Q::exact, T::number});
    only("two thirds of a million", {"two thirds of a million", 2e6 / 3, 2e6 / 3, 2e6 / 3, "", Q::exact, T::number});
    only("a quarter of the shares", {"a quarter", 0.25, 0.25, 0.25, "", Q::exact, T::number});
    // negative twins: a fiscal quarter, a list marker heading its line
    CHECK(find("third quarter profit rose and the quarter ended").empty());
    CHECK(find("1. The first item\n2. The second").empty());
    only("192.", {"192", 192, 192, 192, "", Q::exact, T::number});
}

TEST_CASE("national currency signs and crypto-currencies", "[quantity][press]") {
    only("a budget of \xE2\x82\xA6" "5 billion", {"\xE2\x82\xA6" "5 billion", 5e9, 5e9, 5e9, "NGN", Q::exact, T::money});
    only("I spend 100\xE2\x82\xBE buying", {"100\xE2\x82\xBE", 100, 100, 100, "GEL", Q::exact, T::money});
    only("the cost is 100\xE5\x85\x83!", {"100\xE5\x85\x83", 100, 100, 100, "CNY", Q::exact, T::money});
    only("each block mined is now 6.25 BTC", {"6.25 BTC", 6.25, 6.25, 6.25, "BTC", Q::exact, T::money});
    only("he lost 10000 bitcoins", {"10000 bitcoins", 1e4, 1e4, 1e4, "BTC", Q::exact, T::money});
    only("2 satoshis", {"2 satoshis", 2e-8, 2e-8, 2e-8, "BTC", Q::exact, T::money});
    // negative twin: a sign with no figure is nothing
    CHECK(find("prices in \xE2\x82\xA6 and \xE2\x82\xBF rose").empty());
}

TEST_CASE("the finance desk's MM and mil", "[quantity][press]") {
    only("revenue target is US$ 1MM", {"US$ 1MM", 1e6, 1e6, 1e6, "USD", Q::exact, T::money});
    only("a $5MM deal", {"$5MM", 5e6, 5e6, 5e6, "USD", Q::exact, T::money});
    only("2mil SEK can't buy you a flat", {"2mil SEK", 2e6, 2e6, 2e6, "SEK", Q::exact, T::money});
    only("a loss of $3 mil", {"$3 mil", 3e6, 3e6, 3e6, "USD", Q::exact, T::money});
    // negative twin: without a currency before it, "mm" is millimetres
    CHECK(find("a 10mm bolt and a 5mm pipe").empty());
}
