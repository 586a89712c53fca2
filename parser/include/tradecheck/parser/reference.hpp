// Reference: an official figure (a statistics office's trade balance, a tariff schedule) that
// claims are checked against. A plain type shared by db/ (which stores them) and checks/.
#pragma once

#include <string>

namespace tradecheck {

struct Reference {
    std::string key;        // fact key, built from the fields below as claims' keys are
    std::string kind, actor, partner, product, metric, basis;
    std::string period;     // "1986", "1987-02", "by 2035", or "" for none
    double value = 0;
    double low = 0;         // the range the official figure allows; low = high = value by default
    double high = 0;
    std::string unit;       // percent, USD, multiplier, ...
    std::string source;     // who publishes it
    std::string url;
};

} // namespace tradecheck
