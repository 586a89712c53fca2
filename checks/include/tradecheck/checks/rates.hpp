// Rates: how many units of a currency one US dollar bought in a year, so that money claims in
// different currencies can be compared. Shipped as data (data/rates.csv) with sources, and
// replaceable by the user (`check --rates FILE`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace tradecheck::checks {

// How loose a converted figure is: annual average rates stand for a year's range of daily
// rates, so a converted figure is widened by this fraction either way.
inline constexpr double conversion_tolerance = 0.05;

class Rates {
public:
    // Reads year,currency,per_usd,source lines (a header line first). Throws std::runtime_error
    // "file:line: message" on a malformed line.
    static Rates load(const std::string& path);

    void add(int year, const std::string& currency, double per_usd);

    // Units of `currency` per US dollar in `year`, or in the nearest year on file within 3 years.
    std::optional<double> per_usd(const std::string& currency, int year) const;

    bool empty() const { return rates_.empty(); }

private:
    std::map<std::pair<std::string, int>, double> rates_;
};

} // namespace tradecheck::checks
