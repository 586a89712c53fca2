#include "tradecheck/parser/names.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace tradecheck {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            std::string part = s.substr(start, i - start);
            const auto a = part.find_first_not_of(" \r");
            const auto b = part.find_last_not_of(" \r");
            parts.push_back(a == std::string::npos ? std::string{} : part.substr(a, b - a + 1));
            start = i + 1;
        }
    }
    return parts;
}

enum class Table { countries, products, metrics, bases };

Table table_of(const fs::path& file) {
    const std::string name = file.filename().string();
    if (name.rfind("countries", 0) == 0) return Table::countries;
    if (name.rfind("products", 0) == 0) return Table::products;
    if (name.rfind("metrics", 0) == 0) return Table::metrics;
    if (name.rfind("bases", 0) == 0) return Table::bases;
    throw std::runtime_error(fmt::format("{}:1:1: names file must be named countries*.tsv, products*.tsv, "
                                         "metrics*.tsv or bases*.tsv",
                                         file.string()));
}

bool valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
}

} // namespace

void Names::load_directory(const fs::path& names_dir) {
    std::error_code ec;
    if (!fs::is_directory(names_dir, ec)) return;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(names_dir, ec))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_file(f);
}

void Names::load_file(const fs::path& file) {
    const Table table = table_of(file);
    std::ifstream in(file);
    if (!in) throw std::runtime_error(fmt::format("{}:1:1: cannot open names file", file.string()));
    std::string line;
    int line_no = 0;
    const std::size_t columns = table == Table::countries ? 5 : 3;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto fields = split(line, '\t');
        if (fields.size() < 2 || fields.size() > columns)
            throw std::runtime_error(fmt::format("{}:{}:1: expected {} tab-separated columns, found {}",
                                                 file.string(), line_no, columns, fields.size()));
        const std::string& id = fields[0];
        if (!valid_id(id))
            throw std::runtime_error(fmt::format("{}:{}:1: '{}' is not a valid id (letters, digits, _ and -)",
                                                 file.string(), line_no, id));
        const auto at = [&](std::size_t i) { return i < fields.size() ? fields[i] : std::string{}; };
        auto& entries = table == Table::countries  ? countries_
                        : table == Table::products ? products_
                        : table == Table::metrics  ? metrics_
                                                   : bases_;
        NameEntry& entry = entries[id];
        entry.id = id;
        entry.file = file.string();
        entry.line = line_no;
        if (table == Table::countries) {
            add_phrases(at(1), id, MentionKind::name, true);
            add_phrases(at(2), id, MentionKind::adjective, true);
            add_phrases(at(3), id, MentionKind::capital, true);
            add_phrases(at(4), id, MentionKind::leader, true);
        } else {
            const MentionKind kind = table == Table::products  ? MentionKind::product
                                     : table == Table::metrics ? MentionKind::metric
                                                               : MentionKind::basis;
            add_phrases(at(1), id, kind, false);
            if (!at(2).empty()) entry.extra = at(2);
        }
    }
}

void Names::add_phrases(const std::string& field, const std::string& id, MentionKind kind, bool proper) {
    for (const std::string& name : split(field, '|')) {
        if (name.empty()) continue;
        std::vector<std::string> words;
        for (const Token& t : tokenize(name)) words.push_back(t.norm);
        if (words.empty()) continue;
        phrases_.push_back({words, {}, id, kind, proper});
        // "coconut-related exports", "rubber-based products": a product's one-word name with a
        // compound suffix (one token) is that product.
        if (kind == MentionKind::product && words.size() == 1 && words[0].find('-') == std::string::npos)
            for (const char* suffix : {"-related", "-based", "-derived"})
                phrases_.push_back({{words[0] + suffix}, {}, id, kind, proper});
    }
}

bool Names::is_symmetric_metric(const std::string& id) const {
    const auto it = metrics_.find(id);
    return it != metrics_.end() && it->second.extra == "symmetric";
}

void Names::index(WordIndex& vocabulary) {
    by_first_id_.clear();
    for (Phrase& p : phrases_) {
        p.ids.clear();
        for (const std::string& w : p.words) p.ids.push_back(vocabulary.add(w));
    }
    by_first_id_.resize(vocabulary.size() + 1);
    for (const Phrase& p : phrases_) by_first_id_[p.ids.front()].push_back(p);
    indexed_phrases_ = phrases_.size();
}

std::vector<Mention> Names::find(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids) const {
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < tokens.size();) {
        const Phrase* best = nullptr;
        if (ids[i] != 0 && ids[i] < by_first_id_.size()) {
            for (const Phrase& p : by_first_id_[ids[i]]) {
                if (i + p.ids.size() > tokens.size() || (p.proper && !tokens[i].capitalised)) continue;
                if (best && p.ids.size() <= best->ids.size()) continue;
                if (std::equal(p.ids.begin(), p.ids.end(), ids.begin() + static_cast<long>(i))) best = &p;
            }
        }
        if (!best) { ++i; continue; }
        Mention m{i, i + best->ids.size(), best->id, best->kind};
        // "Canada's", "Carney's": the possessive is a kind of its own for patterns.
        if (m.last < tokens.size() && tokens[m.last].norm == "'s" &&
            (m.kind == MentionKind::name || m.kind == MentionKind::leader || m.kind == MentionKind::capital)) {
            m.kind = MentionKind::possessive;
            ++m.last;
        }
        mentions.push_back(m);
        i = m.last;
    }
    return mentions;
}

} // namespace tradecheck
