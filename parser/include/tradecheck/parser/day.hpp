// Day: a calendar date, as claims are dated ("took effect on Tuesday", an article's date).
#pragma once

#include <charconv>
#include <cstdio>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tradecheck {

using Day = std::chrono::year_month_day;

// "2025-08-07"; "" for an invalid day.
inline std::string to_iso(const Day& d) {
    if (!d.ok()) return {};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return out;
}

inline std::string to_iso(const std::optional<Day>& d) { return d ? to_iso(*d) : std::string(); }

// The day an ISO date "YYYY-MM-DD" (or the first ten characters of a longer timestamp) names;
// nothing when it is malformed or no such day exists.
inline std::optional<Day> parse_day(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    const auto num = [](std::string_view part, auto& out) {
        const auto r = std::from_chars(part.data(), part.data() + part.size(), out);
        return r.ec == std::errc() && r.ptr == part.data() + part.size();
    };
    if (!num(s.substr(0, 4), y) || !num(s.substr(5, 2), m) || !num(s.substr(8, 2), d)) return std::nullopt;
    const Day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!day.ok()) return std::nullopt;
    return day;
}

// Whole days from a to b (negative when b is earlier).
inline long days_between(const Day& a, const Day& b) {
    return static_cast<long>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

inline Day add_days(const Day& d, long days) { return Day{std::chrono::sys_days{d} + std::chrono::days{days}}; }

} // namespace tradecheck
