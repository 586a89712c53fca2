#include "tradecheck/checks/reference.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>

#include <fmt/core.h>

#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/parser/csv.hpp"

namespace tradecheck::checks {

namespace {

QuantityType type_of_unit(const std::string& unit) {
    if (unit == "percent" || unit == "percentage_point") return QuantityType::percent;
    if (unit == "multiplier") return QuantityType::multiplier;
    if (unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return QuantityType::money;
    return QuantityType::number;
}

double number(const std::string& s, const std::string& where, const char* what) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v))
        throw std::runtime_error(fmt::format("{}: {} '{}' is not a number", where, what, s));
    return v;
}

// The key a claim with these fields would have.
std::string key_of(const Reference& r, const std::string& where) {
    Claim c;
    c.kind = r.kind;
    c.actor = r.actor;
    c.partner = r.partner;
    c.product = r.product;
    c.metric = r.metric;
    c.basis = r.basis;
    c.quantity.type = type_of_unit(r.unit);
    c.quantity.unit = r.unit;
    if (r.period.rfind("by ", 0) == 0) {
        c.period = Period::by;
    } else if (!r.period.empty()) {
        c.period = Period::in;
        c.year = static_cast<int>(number(r.period.substr(0, 4), where, "period year"));
        if (r.period.size() == 7 && r.period[4] == '-')
            c.month = static_cast<int>(number(r.period.substr(5), where, "period month"));
        else if (r.period.size() != 4)
            throw std::runtime_error(fmt::format("{}: period '{}' is not YYYY, YYYY-MM or 'by YYYY'", where, r.period));
    }
    return fact_key(c);
}

} // namespace

std::vector<Reference> read_references(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open reference file", path));
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<CsvRecord> records;
    try {
        records = read_csv(text);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(fmt::format("{}:{}", path, e.what()));
    }
    if (records.empty()) throw std::runtime_error(fmt::format("{}:1: empty reference file", path));
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) column[records[0].fields[i]] = i;
    for (const char* required : {"kind", "value", "unit", "source"})
        if (!column.count(required))
            throw std::runtime_error(fmt::format("{}:1: the header has no '{}' column", path, required));

    std::vector<Reference> refs;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& row = records[r].fields;
        if (row.size() == 1 && row[0].empty()) continue;
        const std::string where = fmt::format("{}:{}", path, records[r].line);
        const auto get = [&](const char* name) {
            const auto it = column.find(name);
            return it == column.end() || it->second >= row.size() ? std::string() : row[it->second];
        };
        Reference ref{"", get("kind"), get("actor"), get("partner"), get("product"), get("metric"), get("basis"),
                      get("period"), 0, 0, 0, get("unit"), get("source"), get("url")};
        if (ref.kind.empty() || ref.unit.empty() || ref.source.empty())
            throw std::runtime_error(fmt::format("{}: kind, unit and source must not be empty", where));
        ref.value = number(get("value"), where, "value");
        ref.low = get("low").empty() ? ref.value : number(get("low"), where, "low");
        ref.high = get("high").empty() ? ref.value : number(get("high"), where, "high");
        if (ref.low > ref.value || ref.value > ref.high)
            throw std::runtime_error(fmt::format("{}: low <= value <= high does not hold", where));
        ref.key = key_of(ref, where);
        refs.push_back(std::move(ref));
    }
    return refs;
}

std::vector<Contradiction> contradictions(const std::vector<Claim>& claims, const std::vector<Reference>& references) {
    std::multimap<std::string, std::size_t> by_key;
    for (std::size_t r = 0; r < references.size(); ++r) by_key.emplace(references[r].key, r);
    std::vector<Contradiction> out;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& c = claims[i];
        const auto range = by_key.equal_range(c.key.empty() ? fact_key(c) : c.key);
        for (auto it = range.first; it != range.second; ++it) {
            const Reference& ref = references[it->second];
            if (ref.unit != c.quantity.unit) continue;
            const Interval official{ref.low, ref.high, false, false};
            if (meets(interval_of(c.quantity), official)) continue;
            const double gap = std::fabs(c.quantity.value - ref.value);
            const double base = std::min(std::fabs(c.quantity.value), std::fabs(ref.value));
            out.push_back({i, it->second, gap, base > 0 ? gap / base : 0});
        }
    }
    return out;
}

} // namespace tradecheck::checks
