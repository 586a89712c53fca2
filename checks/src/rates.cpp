#include "tradecheck/checks/rates.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fmt/core.h>

namespace tradecheck::checks {

Rates Rates::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open rates file", path));
    Rates rates;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || (n == 1 && line.rfind("year,", 0) == 0)) continue;
        const auto c1 = line.find(',');
        const auto c2 = c1 == std::string::npos ? c1 : line.find(',', c1 + 1);
        if (c2 == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: expected year,currency,per_usd,source", path, n));
        char* end = nullptr;
        const long year = std::strtol(line.c_str(), &end, 10);
        const std::string currency = line.substr(c1 + 1, c2 - c1 - 1);
        const std::string number = line.substr(c2 + 1, line.find(',', c2 + 1) - c2 - 1);
        char* number_end = nullptr;
        const double per_usd = std::strtod(number.c_str(), &number_end);
        if (end != line.c_str() + c1 || year < 1800 || year > 2200)
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not a year", path, n, line.substr(0, c1)));
        if (currency.size() != 3)
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not an ISO 4217 code", path, n, currency));
        if (number_end == number.c_str() || !std::isfinite(per_usd) || per_usd <= 0)
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not a positive rate", path, n, number));
        rates.add(static_cast<int>(year), currency, per_usd);
    }
    return rates;
}

void Rates::add(int year, const std::string& currency, double per_usd) { rates_[{currency, year}] = per_usd; }

std::optional<double> Rates::per_usd(const std::string& currency, int year) const {
    if (currency == "USD") return 1.0;
    for (int d = 0; d <= 3; ++d)
        for (int y : {year - d, year + d})
            if (const auto it = rates_.find({currency, y}); it != rates_.end()) return it->second;
    return std::nullopt;
}

} // namespace tradecheck::checks
