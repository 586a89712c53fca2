#include "tradecheck/frames/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <fmt/core.h>

namespace tradecheck {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != sep) continue;
        std::string part = s.substr(start, i - start);
        const auto a = part.find_first_not_of(" \r");
        const auto b = part.find_last_not_of(" \r");
        parts.push_back(a == std::string::npos ? std::string{} : part.substr(a, b - a + 1));
        start = i + 1;
    }
    return parts;
}

// Words are compared with normalised tokens: lower case. A hyphen in a listed word stands for
// a hyphenated token ("anti-dumping") and is kept.
std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

enum class Table { measures, verbs, vetoes };

[[noreturn]] void fail(const fs::path& file, int line, int column, const std::string& message) {
    throw std::runtime_error(fmt::format("{}:{}:{}: {}", file.string(), line, column, message));
}

// The column (1-based) where field `index` of a tab-separated line starts.
int column_of(const std::string& line, std::size_t index) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < index; ++i) at = line.find('\t', at) + 1;
    return static_cast<int>(at) + 1;
}

Status status_named(const std::string& s, const fs::path& file, int line, int column) {
    for (Status st : {Status::in_effect, Status::announced, Status::threatened, Status::proposed, Status::expected,
                      Status::previous, Status::target})
        if (to_string(st) == s) return st;
    fail(file, line, column, fmt::format("unknown status '{}' (in_effect, announced, threatened, proposed, "
                                         "expected, previous, target)", s));
}

} // namespace

void FrameLexicon::load_directory(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_file(f);
}

void FrameLexicon::load_file(const fs::path& file) {
    const std::string name = file.filename().string();
    Table table;
    if (name.rfind("measures", 0) == 0) table = Table::measures;
    else if (name.rfind("verbs", 0) == 0) table = Table::verbs;
    else if (name.rfind("vetoes", 0) == 0) table = Table::vetoes;
    else fail(file, 1, 1, "frames file must be named measures*.tsv, verbs*.tsv or vetoes*.tsv");
    std::ifstream in(file);
    if (!in) fail(file, 1, 1, "cannot open frames file");
    const std::size_t columns = table == Table::measures ? 4 : table == Table::verbs ? 5 : 4;
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto fields = split(line, '\t');
        if (table == Table::vetoes && fields.size() == 2) fields.emplace_back();   // the optional columns
        if ((table == Table::vetoes && fields.size() == 3) || (table == Table::measures && fields.size() == 3))
            fields.emplace_back();   // the optional last column
        if (fields.size() != columns)
            fail(file, line_no, 1, fmt::format("expected {} tab-separated columns, found {}", columns, fields.size()));
        if (fields[0].empty()) fail(file, line_no, 1, "empty first column");
        switch (table) {
        case Table::measures: {
            static const char* const groups[] = {"tariff", "flow", "balance", "investment", "share", "target", "threshold"};
            if (std::find(std::begin(groups), std::end(groups), fields[2]) == std::end(groups))
                fail(file, line_no, column_of(line, 2),
                     fmt::format("unknown measure group '{}' (tariff, flow, balance, investment, share, target, threshold)",
                                 fields[2]));
            for (const auto& w : split(fields[1], '|'))
                if (!w.empty()) measures_[lower(w)] = {fields[0], fields[2], fields[3]};
            break;
        }
        case Table::verbs: {
            VerbWord v;
            v.id = fields[0];
            v.status = status_named(fields[2], file, line_no, column_of(line, 2));
            if (fields[3] == "holder") v.subject = VerbSubject::holder;
            else if (fields[3] == "counterpart") v.subject = VerbSubject::counterpart;
            else if (fields[3] == "none") v.subject = VerbSubject::none;
            else fail(file, line_no, column_of(line, 3), fmt::format("unknown subject '{}' (holder, counterpart, none)", fields[3]));
            if (fields[4] == "up") v.change = Change::up;
            else if (fields[4] == "down") v.change = Change::down;
            else if (fields[4] != "none") fail(file, line_no, column_of(line, 4), fmt::format("unknown change '{}' (up, down, none)", fields[4]));
            for (const auto& w : split(fields[1], '|'))
                if (!w.empty()) verbs_[lower(w)] = v;
            break;
        }
        case Table::vetoes: {
            VetoWord v{fields[1], {}, fields[3]};
            for (const auto& w : split(fields[2], '|'))
                if (!w.empty()) v.unless_after.push_back(lower(w));
            vetoes_[lower(fields[0])] = std::move(v);
            break;
        }
        }
    }
}

const MeasureWord* FrameLexicon::lifting_flow(const VetoWord& v) const {
    for (const std::string& u : v.unless_after)
        if (const MeasureWord* m = measure(u); m && m->group == "flow") return m;
    return nullptr;
}

const MeasureWord* FrameLexicon::measure_by_id(std::string_view id) const {
    for (const auto& [word, m] : measures_)
        if (m.id == id) return &m;
    return nullptr;
}

const MeasureWord* FrameLexicon::measure(std::string_view norm) const {
    const auto it = measures_.find(norm);
    return it == measures_.end() ? nullptr : &it->second;
}

const VerbWord* FrameLexicon::verb(std::string_view norm) const {
    const auto it = verbs_.find(norm);
    return it == verbs_.end() ? nullptr : &it->second;
}

const VetoWord* FrameLexicon::veto(std::string_view norm) const {
    const auto it = vetoes_.find(norm);
    return it == vetoes_.end() ? nullptr : &it->second;
}

std::vector<std::string> FrameLexicon::words_of(std::string_view measure) const {
    constexpr std::string_view share = "share_of_";
    if (measure.substr(0, share.size()) == share) measure.remove_prefix(share.size());
    std::vector<std::string> out;
    for (const auto& [word, m] : measures_)
        if (m.id == measure || m.group == measure) out.push_back(word);
    // "a tax on imports" reads as a tariff: its word selects articles too.
    for (const auto& [word, v] : vetoes_)
        if (const MeasureWord* m = v.on_trade.empty() ? nullptr : measure_by_id(v.on_trade);
            m && (m->id == measure || m->group == measure))
            out.push_back(word);
    std::sort(out.begin(), out.end());
    return out;
}

bool FrameLexicon::is_measure(const std::string& id) const {
    return std::any_of(measures_.begin(), measures_.end(), [&](const auto& m) { return m.second.id == id; });
}

bool FrameLexicon::is_measure_group(const std::string& group) const {
    return std::any_of(measures_.begin(), measures_.end(), [&](const auto& m) { return m.second.group == group; });
}

} // namespace tradecheck
