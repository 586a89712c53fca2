// Reads when a figure holds from the dates in its clause (effective_time.hpp).
//
// A date counts only after a word that says the figure starts or stops then: "from", "starting",
// "effective", "as of", "since", "took effect on", "until", "through"; a bare "on Tuesday" counts
// as the start unless a verb of speech stands before it ("said on Tuesday" dates the saying).
// "for 90 days" ends the figure that many days after its start (or the article's day).
#include "tradecheck/frames/effective_time.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>

#include <boost/spirit/home/x3.hpp>

namespace tradecheck {

namespace {

namespace x3 = boost::spirit::x3;
using std::chrono::sys_days;
using Ymd = std::chrono::year_month_day;

// Sizes and first bytes first: most words are none of the list, and most of those differ there,
// without the call to memcmp that comparing string_views makes.
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return x.size() == w.size() && (x.empty() || x[0] == w[0]) && x == w; });
}

struct Months : x3::symbols<unsigned> {
    Months() {
        add("january", 1)("february", 2)("march", 3)("april", 4)("may", 5)("june", 6)("july", 7)("august", 8)(
            "september", 9)("october", 10)("november", 11)("december", 12)("jan", 1)("feb", 2)("mar", 3)("apr", 4)(
            "jun", 6)("jul", 7)("aug", 8)("sep", 9)("sept", 9)("oct", 10)("nov", 11)("dec", 12);
    }
};

// Monday is 1, as std::chrono::weekday's ISO encoding.
struct Weekdays : x3::symbols<unsigned> {
    Weekdays() {
        add("monday", 1)("tuesday", 2)("wednesday", 3)("thursday", 4)("friday", 5)("saturday", 6)("sunday", 7);
    }
};

struct DurationUnits : x3::symbols<long> {
    DurationUnits() { add("day", 1)("days", 1)("week", 7)("weeks", 7)("month", 30)("months", 30)("year", 365)("years", 365); }
};

const Months months;
const Weekdays weekdays;
const DurationUnits duration_units;

// The whole token parsed by `p`, or nothing.
template <typename Parser, typename T>
bool whole(std::string_view token, const Parser& p, T& out) {
    auto it = token.begin();
    return x3::parse(it, token.end(), p, out) && it == token.end();
}

// "7", "07", "1st", "22nd": a day of the month.
std::optional<unsigned> day_number(std::string_view token) {
    unsigned d = 0;
    const auto ordinal = x3::uint_ >> -(x3::lit("st") | "nd" | "rd" | "th");
    if (!whole(token, ordinal, d) || d < 1 || d > 31) return std::nullopt;
    return d;
}

std::optional<int> year_number(std::string_view token) {
    int y = 0;
    if (token.size() != 4 || !whole(token, x3::int_, y) || y < 1900 || y > 2100) return std::nullopt;
    return y;
}

std::optional<unsigned> month_word(std::string_view token) {
    unsigned m = 0;
    if (!whole(token, months, m)) return std::nullopt;
    return m;
}

// A date as printed: what it fixes of the day, and the tokens it spans.
struct Printed {
    std::size_t first = 0, last = 0;
    unsigned month = 0, day = 0;   // 0: not printed
    int year = 0;
    unsigned weekday = 0;          // 1..7 for "Tuesday"
    int relative = 0;              // today 0, yesterday -1, tomorrow 1 (with `is_relative`)
    bool is_relative = false;
};

class Dates {
public:
    Dates(std::span<const FrameToken> tokens, std::size_t first, std::size_t last, Ymd published, bool future)
        : t_(tokens), first_(first), last_(last), published_(published), future_(future) {}

    EffectiveTime read(std::size_t figure) const {
        EffectiveTime out;
        std::size_t from_distance = SIZE_MAX, to_distance = SIZE_MAX;
        std::optional<long> for_days;
        for (std::size_t i = first_; i < last_; ++i) {
            if (const auto days = duration_at(i)) {
                for_days = days;
                continue;
            }
            const auto printed = date_at(i);
            if (!printed) continue;
            const auto day = resolve(*printed);
            i = printed->last - 1;
            if (!day) continue;
            const std::size_t distance = printed->first > figure ? printed->first - figure : figure - printed->first;
            const Side side = side_of(printed->first);
            if (side == Side::from && distance < from_distance) out.from = day, from_distance = distance;
            if (side == Side::to && distance < to_distance) out.to = day, to_distance = distance;
        }
        if (for_days && !out.to) out.to = Ymd{sys_days{out.from.value_or(published_)} + std::chrono::days{*for_days}};
        return out;
    }

private:
    enum class Side { none, from, to };

    std::string_view word(std::size_t i) const { return i < t_.size() ? t_[i].norm : std::string_view{}; }

    // "for 90 days", "for three months" is left out: numbers spelled out are rare in such phrases.
    std::optional<long> duration_at(std::size_t i) const {
        if (word(i) != "for" || i + 2 >= last_) return std::nullopt;
        long n = 0, unit = 0;
        if (!whole(word(i + 1), x3::long_, n) || n <= 0 || n > 3650 || !whole(word(i + 2), duration_units, unit))
            return std::nullopt;
        return n * unit;
    }

    // A date printed at token i: "August 7", "Aug. 7, 2025", "7 August", "August 2025", "Tuesday", "today".
    std::optional<Printed> date_at(std::size_t i) const {
        Printed p{i, i + 1};
        const std::string_view w = word(i);
        unsigned wd = 0;
        if (whole(w, weekdays, wd)) {
            p.weekday = wd;
            return p;
        }
        if (is_one_of(w, {"today", "yesterday", "tomorrow"})) {
            p.is_relative = true;
            p.relative = w == "today" ? 0 : w == "yesterday" ? -1 : 1;
            return p;
        }
        if (const auto m = month_word(w)) {
            std::size_t j = i + 1;
            if (word(j) == ".") ++j;
            if (const auto d = day_number(word(j))) {
                p.month = *m, p.day = *d, p.last = j + 1;
                std::size_t k = j + 1;
                if (word(k) == ",") ++k;
                if (const auto y = year_number(word(k))) p.year = *y, p.last = k + 1;
                return p;
            }
            if (const auto y = year_number(word(j))) {
                p.month = *m, p.day = 1, p.year = *y, p.last = j + 1;
                return p;
            }
            // "from August": its first day; "May" alone is too often the verb.
            if (w != "may" && is_one_of(word(i - 1), {"from", "until", "till", "through", "starting", "beginning", "since"})) {
                p.month = *m, p.day = 1;
                return p;
            }
            return std::nullopt;
        }
        if (const auto d = day_number(w)) {
            std::size_t j = i + 1;
            if (word(j) == "of") ++j;
            if (const auto m = month_word(word(j)); m && word(j) != "may") {
                p.month = *m, p.day = *d, p.last = j + 1;
                std::size_t k = j + 1;
                if (word(k) == ".") ++k;
                if (const auto y = year_number(word(k))) p.year = *y, p.last = k + 1;
                return p;
            }
        }
        return std::nullopt;
    }

    // What the words before the date make of it.
    Side side_of(std::size_t at) const {
        if (at <= first_) return Side::none;
        std::size_t i = at - 1;
        if (word(i) == "the" && i > first_) --i;   // "until the 1st of May"
        const std::string_view w = word(i);
        const std::string_view before = i > first_ ? word(i - 1) : std::string_view{};
        if (is_one_of(w, {"until", "till", "through", "thru"})) return Side::to;
        if (is_one_of(w, {"from", "starting", "beginning", "effective", "since"})) return Side::from;
        if (w == "of" && before == "as") return Side::from;
        if (w == "on") {
            if (is_one_of(before, {"said", "says", "told", "stated", "wrote", "posted", "added", "declared", "confirmed",
                                   "announced", "warned", "threatened", "tweeted", "reported", "noted", "argued"}))
                return Side::none;
            return Side::from;
        }
        return Side::none;
    }

    std::optional<Ymd> resolve(const Printed& p) const {
        using namespace std::chrono;
        const sys_days pub{published_};
        if (p.is_relative) return Ymd{pub + days{p.relative}};
        if (p.weekday) {
            const weekday target{p.weekday == 7 ? 0u : p.weekday};
            const weekday today{pub};
            if (future_) return Ymd{pub + (target - today)};
            return Ymd{pub - (today - target)};
        }
        if (p.year) {
            const Ymd d{year{p.year}, month{p.month}, day{p.day}};
            return d.ok() ? std::optional<Ymd>(d) : std::nullopt;
        }
        // No year printed: the nearest such day to the article's, the past one on a tie (or
        // the future one when the clause speaks of what will be).
        std::optional<Ymd> best;
        long best_gap = 0;
        for (int dy : {-1, 0, 1}) {
            const Ymd d{published_.year() + years{dy}, month{p.month}, day{p.day}};
            if (!d.ok()) continue;
            const long gap = static_cast<long>((sys_days{d} - pub).count());
            const long size = gap < 0 ? -gap : gap;
            const long best_size = best_gap < 0 ? -best_gap : best_gap;
            if (!best || size < best_size || (size == best_size && (future_ ? gap > 0 : gap < 0)))
                best = d, best_gap = gap;
        }
        return best;
    }

    std::span<const FrameToken> t_;
    std::size_t first_, last_;
    Ymd published_;
    bool future_;
};

} // namespace

EffectiveTime read_effective_time(std::span<const FrameToken> tokens, std::size_t first, std::size_t last,
                                  std::size_t figure, std::chrono::year_month_day published, bool future) {
    if (!published.ok() || first >= last || last > tokens.size()) return {};
    return Dates(tokens, first, last, published, future).read(figure);
}

} // namespace tradecheck
