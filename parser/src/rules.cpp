// The meaning of rule files: turns the statements the X3 grammar read into Rules, and
// reports every mistake as file:line:column with the line and a caret.
#include "tradecheck/parser/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>

#include "rule_grammar.hpp"
#include "tradecheck/parser/text.hpp"
#include "tradecheck/parser/tokens.hpp"

namespace fs = std::filesystem;

namespace tradecheck {

RuleError::RuleError(const SourcePos& pos, const std::string& message, std::string_view source_line)
    : std::runtime_error(fmt::format("{}:{}:{}: {}\n  {}\n  {}^", pos.file, pos.line, pos.column, message,
                                     source_line, std::string(pos.column > 0 ? pos.column - 1 : 0, ' '))),
      pos_(pos) {}

namespace {

using rule_ast::Arg;
using rule_ast::ArgKind;
using rule_ast::Statement;

// Positions in one file's text.
class Source {
public:
    Source(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    SourcePos pos(const char* where) const {
        std::size_t offset = where ? static_cast<std::size_t>(where - text_.data()) : 0;
        while (offset < text_.size() && (text_[offset] == ' ' || text_[offset] == '\t')) ++offset;
        SourcePos p{file_, 1, 1};
        const std::size_t line_start = line_start_of(offset);
        p.line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<long>(line_start), '\n'));
        // Columns count code points, as an editor shows them.
        p.column = 1 + static_cast<int>(count_code_points(text_.substr(line_start, offset - line_start)));
        return p;
    }

    [[noreturn]] void fail(const char* where, const std::string& message) const {
        const SourcePos p = pos(where);
        std::size_t offset = where ? static_cast<std::size_t>(where - text_.data()) : 0;
        const std::size_t start = line_start_of(std::min(offset, text_.size()));
        const std::size_t end = std::min(text_.find('\n', start), text_.size());
        throw RuleError(p, message, text_.substr(start, end - start));
    }

    const std::string& file() const { return file_; }

private:
    std::size_t line_start_of(std::size_t offset) const {
        if (offset == 0) return 0;
        const auto nl = text_.rfind('\n', offset - 1);
        return nl == std::string_view::npos ? 0 : nl + 1;
    }
    std::string_view text_;
    std::string file_;
};

constexpr std::string_view k_type_names[] = {"number", "percent", "money", "multiplier", "year", "duration"};
constexpr std::string_view k_fields[] = {"value", "low", "high", "unit", "qualifier", "type", "actor", "partner",
                                         "product", "metric", "basis", "year", "kind", "text", "none", "date", "currency",
                                         "role", "status", "measure"};

constexpr std::array k_roles{Role::level, Role::change_amount, Role::change_rate, Role::previous, Role::threshold,
                             Role::target};
constexpr std::array k_statuses{Status::in_effect, Status::announced, Status::threatened, Status::proposed,
                                Status::expected, Status::previous, Status::target};
constexpr std::array k_holder_types{HolderType::unknown, HolderType::country, HolderType::government,
                                    HolderType::company, HolderType::person};

struct ClassName { std::string_view name; TermKind kind; };
constexpr ClassName k_classes[] = {
    {"country", TermKind::country}, {"country-name", TermKind::country_name},
    {"country-adjective", TermKind::country_adjective}, {"country-possessive", TermKind::country_possessive},
    {"country-capital", TermKind::country_capital}, {"country-leader", TermKind::country_leader},
    {"subject-country", TermKind::subject_country}, {"article-country", TermKind::article_country},
    {"product", TermKind::product}, {"metric", TermKind::metric}, {"basis", TermKind::basis},
    {"holder", TermKind::holder}, {"counterpart", TermKind::counterpart},
    {"measured-product", TermKind::measured_product}, {"measured-metric", TermKind::measured_metric},
    {"article-holder", TermKind::article_holder}, {"antecedent-product", TermKind::antecedent_product},
    {"antecedent-counterpart", TermKind::antecedent_counterpart},
    {"article-counterpart", TermKind::article_counterpart}};

bool is_symbol(const Arg& a, std::string_view s) { return a.kind == ArgKind::symbol && a.text == s; }
bool is_word(const Arg& a, std::string_view s) { return a.kind == ArgKind::word && a.text == s; }

std::vector<std::string> phrase_words(const std::string& text) {
    std::vector<std::string> words;
    for (const Token& t : tokenize(text)) words.push_back(t.norm);
    return words;
}

// Reads one rule block's statements.
class BlockReader {
public:
    BlockReader(const Source& src, const std::map<std::string, std::string>* kinds) : src_(src), kinds_(kinds) {}

    Rule read(const rule_ast::Block& block) {
        Rule rule;
        rule.id = block.id.text;
        rule.pos = src_.pos(block.id.where);
        for (const Statement& st : block.statements) statement(rule, st);
        if (rule.kind.empty()) src_.fail(block.id.where, fmt::format("rule '{}' has no 'kind'", rule.id));
        if (rule.accepts.empty()) src_.fail(block.id.where, fmt::format("rule '{}' has no 'accepts'", rule.id));
        return rule;
    }

private:
    void statement(Rule& rule, const Statement& st) {
        const Arg& key = st.front();
        if (key.kind != ArgKind::word) src_.fail(key.where, "a statement starts with a keyword");
        const std::string& k = key.text;
        if (k == "kind") rule.kind = kind(st);
        else if (k == "accepts") rule.accepts = accepts(st);
        else if (k == "unit") rule.units = words(st, 1, "a unit");
        else if (k == "near") rule.near.push_back(near(st, 1, false));
        else if (k == "not" && st.size() > 1 && is_word(st[1], "near")) rule.near.push_back(near(st, 2, true));
        else if (k == "priority") rule.priority = integer(st, "priority takes a whole number");
        else if (k == "scope") rule.scope = scope(st);
        else if (k == "example") rule.examples.push_back(example(st));
        else if (k == "measure") rule.measures = words(st, 1, "a measure (tariff, exports, share_of_exports, a group such as flow)");
        else if (k == "role") rule.roles = named_values(st, k_roles, "role");
        else if (k == "status") rule.statuses = named_values(st, k_statuses, "status");
        else if (k == "holder") rule.holders = named_values(st, k_holder_types, "holder type");
        else if (k == "echoes") rule.echoes = words(st, 1, "a measure (tariff, exports, a group such as flow)");
        else if (std::find(std::begin(k_slot_names), std::end(k_slot_names), k) != std::end(k_slot_names))
            rule.slots[k] = slot(st);
        else
            src_.fail(key.where, fmt::format("unknown statement '{}' (expected kind, accepts, unit, near, not near, "
                                             "measure, role, status, holder, echoes, actor, partner, product, metric, basis, scope, "
                                             "priority or example)", k));
    }

    const Arg& need(const Statement& st, std::size_t i, const std::string& what) {
        if (i >= st.size()) {
            const Arg& last = st.back();
            src_.fail(last.where + last.text.size() + (last.kind == ArgKind::text ? 2 : 0),
                      fmt::format("expected {} after '{}'", what, last.text));
        }
        return st[i];
    }

    void no_more(const Statement& st, std::size_t i) {
        if (i < st.size()) src_.fail(st[i].where, fmt::format("unexpected '{}'", st[i].text));
    }

    std::string kind(const Statement& st) {
        const Arg& a = need(st, 1, "a claim kind");
        if (a.kind != ArgKind::word) src_.fail(a.where, "a claim kind is a word such as tariff_rate");
        if (kinds_ && !kinds_->empty() && kinds_->count(a.text) == 0)
            src_.fail(a.where, fmt::format("unknown kind '{}' (declare it in a kinds.tsv beside the rule file)", a.text));
        no_more(st, 2);
        return a.text;
    }

    // word (| word)*
    std::vector<std::string> words(const Statement& st, std::size_t i, const std::string& what) {
        std::vector<std::string> out;
        for (;;) {
            const Arg& a = need(st, i++, what);
            if (a.kind != ArgKind::word) src_.fail(a.where, fmt::format("expected {}", what));
            out.push_back(a.text);
            if (i >= st.size()) return out;
            if (!is_symbol(st[i], "|")) src_.fail(st[i].where, "expected '|' between alternatives");
            ++i;
        }
    }

    // word (| word)*, each one of `names` (the to_string of an enum's values).
    template <typename Enum, std::size_t N>
    std::vector<Enum> named_values(const Statement& st, const std::array<Enum, N>& values, const std::string& what) {
        std::vector<Enum> out;
        std::size_t i = 1;
        for (const std::string& w : words(st, 1, "a " + what)) {
            const auto it = std::find_if(values.begin(), values.end(), [&](Enum v) { return to_string(v) == w; });
            if (it == values.end()) {
                std::string known;
                for (Enum v : values) known += (known.empty() ? "" : ", ") + std::string(to_string(v));
                src_.fail(st[i].where, fmt::format("unknown {} '{}' ({})", what, w, known));
            }
            out.push_back(*it);
            i += 2;
        }
        return out;
    }

    std::vector<QuantityType> accepts(const Statement& st) {
        std::vector<QuantityType> types;
        std::size_t i = 1;
        for (const std::string& w : words(st, 1, "a quantity type")) {
            const auto it = std::find(std::begin(k_type_names), std::end(k_type_names), w);
            if (it == std::end(k_type_names))
                src_.fail(st[i].where, fmt::format("unknown quantity type '{}' (number, percent, money, multiplier, "
                                                   "year, duration)", w));
            types.push_back(static_cast<QuantityType>(it - std::begin(k_type_names)));
            i += 2;
        }
        return types;
    }

    int integer(const Statement& st, const std::string& message, std::size_t i = 1) {
        const Arg& a = need(st, i, "a number");
        if (a.kind != ArgKind::number || a.text.find('.') != std::string::npos || a.text.size() > 6)
            src_.fail(a.where, message);
        return std::stoi(a.text);
    }

    int scope(const Statement& st) {
        const int n = integer(st, "scope takes a whole number of sentences");
        if (st.size() > 2 && !is_word(st[2], "sentences") && !is_word(st[2], "sentence"))
            src_.fail(st[2].where, "expected 'sentences'");
        no_more(st, 3);
        return n;
    }

    NearClause near(const Statement& st, std::size_t i, bool negated) {
        NearClause clause;
        clause.negated = negated;
        clause.pos = src_.pos(st.front().where);
        for (;;) {
            const Arg& a = need(st, i++, "a quoted phrase");
            if (a.kind != ArgKind::text) src_.fail(a.where, "near takes quoted phrases, e.g. \"tariff\" | \"duty\"");
            clause.phrases.push_back(phrase_words(a.text));
            if (clause.phrases.back().empty()) src_.fail(a.where, "empty phrase");
            if (i < st.size() && is_symbol(st[i], "|")) { ++i; continue; }
            break;
        }
        if (i < st.size() && is_word(st[i], "before")) { clause.side = Side::before; ++i; }
        else if (i < st.size() && is_word(st[i], "after")) { clause.side = Side::after; ++i; }
        if (i >= st.size()) return clause; // default window
        if (!is_word(st[i], "within")) src_.fail(st[i].where, "expected '|', 'before', 'after' or 'within'");
        clause.count = integer(st, "within takes a whole number", i + 1);
        const Arg& unit = need(st, i + 2, "'words' or 'sentences'");
        if (unit.text == "words" || unit.text == "word") clause.sentences = false;
        else if (unit.text == "sentences" || unit.text == "sentence") clause.sentences = true;
        else src_.fail(unit.where, "expected 'words' or 'sentences'");
        if (clause.count < 1) src_.fail(st[i + 1].where, "the window must be at least 1");
        no_more(st, i + 3);
        return clause;
    }

    // pattern (| pattern)* [| = value] [within N words]  or  = value: a constant, or the
    // fallback when no pattern matches.
    SlotSpec slot(const Statement& st) {
        SlotSpec spec;
        for (std::size_t i = 1;;) {
            if (i < st.size() && is_symbol(st[i], "=")) {
                const Arg& v = need(st, i + 1, "a value");
                if (v.kind == ArgKind::symbol) src_.fail(v.where, "expected a value");
                spec.fixed = v.text;
                no_more(st, i + 2);
                return spec;
            }
            spec.alternatives.push_back(pattern(st, i));
            if (i < st.size() && is_word(st[i], "within")) {
                spec.within = integer(st, "within takes a whole number", i + 1);
                const Arg& unit = need(st, i + 2, "'words'");
                if (unit.text != "words" && unit.text != "word") src_.fail(unit.where, "expected 'words'");
                if (spec.within < 1) src_.fail(st[i + 1].where, "the window must be at least 1");
                no_more(st, i + 3);
                return spec;
            }
            if (i >= st.size()) return spec;
            ++i; // the '|'
        }
    }

    // [before|after] term+ ; stops at '|' or the end.
    Pattern pattern(const Statement& st, std::size_t& i) {
        Pattern p;
        need(st, i, "a pattern");
        if (is_word(st[i], "before")) { p.side = Side::before; ++i; }
        else if (is_word(st[i], "after")) { p.side = Side::after; ++i; }
        int captures = 0, classes = 0;
        while (i < st.size() && !is_symbol(st[i], "|") && !is_word(st[i], "within")) {
            Term t;
            const Arg* a = &st[i];
            if (is_symbol(*a, "@")) {
                t.capture = true;
                a = &need(st, ++i, "a name class after '@'");
            }
            if (a->kind == ArgKind::text) {
                if (t.capture) src_.fail(a->where, "'@' marks a name class, not a quoted phrase");
                t.words = phrase_words(a->text);
                if (t.words.empty()) src_.fail(a->where, "empty phrase");
            } else if (a->kind == ArgKind::word) {
                const auto it = std::find_if(std::begin(k_classes), std::end(k_classes),
                                             [&](const ClassName& c) { return c.name == a->text; });
                if (it == std::end(k_classes))
                    src_.fail(a->where, fmt::format("unknown name class '{}' (country, country-name, country-adjective, "
                                                    "country-possessive, country-capital, country-leader, "
                                                    "subject-country, article-country, product, metric, "
                                                    "basis, holder, counterpart, measured-product, "
                                                    "measured-metric)", a->text));
                t.kind = it->kind;
                ++classes;
                captures += t.capture;
            } else {
                src_.fail(a->where, fmt::format("unexpected '{}' in a pattern", a->text));
            }
            p.terms.push_back(std::move(t));
            ++i;
        }
        if (p.terms.empty()) src_.fail(i < st.size() ? st[i].where : st.back().where, "empty pattern");
        if (classes == 0) src_.fail(st[i - 1].where, "a pattern needs a name class (country, product, metric, ...)");
        if (captures > 1) src_.fail(st[i - 1].where, "only one term of a pattern can be marked '@'");
        if (captures == 0) {
            if (classes > 1) src_.fail(st[i - 1].where, "mark the term that fills the slot with '@'");
            for (Term& t : p.terms)
                if (t.kind != TermKind::literal) t.capture = true;
        }
        return p;
    }

    Example example(const Statement& st) {
        Example ex;
        ex.pos = src_.pos(st.front().where);
        const Arg& s = need(st, 1, "a quoted example sentence");
        if (s.kind != ArgKind::text) src_.fail(s.where, "an example is a quoted sentence");
        ex.sentence = s.text;
        if (st.size() == 2) return ex;
        if (!is_symbol(st[2], "=>")) src_.fail(st[2].where, "expected '=>' and the claim the example must produce");
        for (std::size_t i = 3;;) {
            const Arg& field = need(st, i, "a field name");
            if (field.kind != ArgKind::word ||
                std::find(std::begin(k_fields), std::end(k_fields), field.text) == std::end(k_fields))
                src_.fail(field.where, fmt::format("unknown field '{}' (value, low, high, unit, qualifier, type, "
                                                   "actor, partner, product, metric, basis, year, kind, text, none)",
                                                   field.text));
            if (field.text == "none") { ex.expect.push_back({"none", ""}); no_more(st, i + 1); return ex; }
            const Arg& value = need(st, i + 1, fmt::format("a value for '{}'", field.text));
            if (value.kind == ArgKind::symbol) src_.fail(value.where, "expected a value");
            ex.expect.push_back({field.text, value.text});
            i += 2;
            if (i >= st.size()) return ex;
            if (!is_symbol(st[i], ",")) src_.fail(st[i].where, "expected ',' between fields");
            ++i;
        }
    }

    const Source& src_;
    const std::map<std::string, std::string>* kinds_;
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}:1:1: cannot open rule file", path.string()));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::map<std::string, std::string> read_kinds(const fs::path& file) {
    std::map<std::string, std::string> kinds;
    std::istringstream in(read_text(file));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto tab = line.find('\t');
        const std::string id = line.substr(0, tab);
        if (id.empty() || id.find(' ') != std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}:1: expected a kind id, a tab and a description", file.string(), n));
        kinds[id] = tab == std::string::npos ? std::string{} : line.substr(tab + 1);
    }
    return kinds;
}

} // namespace

std::vector<Rule> parse_rule_file(std::string_view text, const std::string& file,
                                  const std::map<std::string, std::string>* kinds) {
    const Source src(text, file);
    if (text.find('\0') != std::string_view::npos) src.fail(text.data() + text.find('\0'), "binary data in a rule file");
    if (const auto bad = first_invalid_utf8(text)) src.fail(text.data() + *bad, "invalid UTF-8");

    rule_ast::File ast;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    try {
        const bool ok = boost::spirit::x3::phrase_parse(first, last, rule_grammar::file(), rule_grammar::skipper(), ast);
        if (!ok || first != last) src.fail(first, "expected 'rule ID {'");
    } catch (const boost::spirit::x3::expectation_failure<const char*>& e) {
        const std::string which = e.which();
        src.fail(e.where(), e.where() == last ? fmt::format("unexpected end of file, expected {}", which)
                                              : fmt::format("expected {}", which));
    }

    std::vector<Rule> rules;
    BlockReader reader(src, kinds);
    for (const rule_ast::Block& block : ast) {
        Rule rule = reader.read(block);
        for (const Rule& other : rules)
            if (other.id == rule.id)
                src.fail(block.id.where, fmt::format("duplicate rule id '{}' (first defined at line {})", rule.id, other.pos.line));
        rules.push_back(std::move(rule));
    }
    // Each rule's hash covers its own text, so a changed rule shows in the claims it made.
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::size_t begin = static_cast<std::size_t>(ast[i].id.where - text.data());
        const std::size_t end = i + 1 < ast.size() ? static_cast<std::size_t>(ast[i + 1].id.where - text.data()) : text.size();
        rules[i].hash = sha256_hex(text.substr(begin, end - begin)).substr(0, 16);
    }
    return rules;
}

std::vector<fs::path> rule_directories(const fs::path& default_dir, const std::vector<std::string>& extra) {
    std::vector<fs::path> dirs{default_dir};
    if (const char* env = std::getenv("TRADECHECK_RULES"); env && *env) {
        std::string_view rest(env);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (colon != 0) dirs.emplace_back(std::string(rest.substr(0, colon)));
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    for (const std::string& d : extra) dirs.emplace_back(d);
    return dirs;
}

RuleSet load_rules(const std::vector<fs::path>& dirs) {
    RuleSet set;
    std::string fingerprint;
    // Kinds and names first: rule files are checked against the kinds of every directory.
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw std::runtime_error(fmt::format("rules directory '{}' does not exist", dir.string()));
        if (fs::is_regular_file(dir / "kinds.tsv", ec)) {
            for (auto& [k, v] : read_kinds(dir / "kinds.tsv")) set.kinds[k] = v;
            fingerprint += read_text(dir / "kinds.tsv");
        }
        set.names.load_directory(dir / "names");
        set.frames.load_directory(dir / "frames");
        for (const auto& entry : fs::directory_iterator(dir / "frames", ec))
            if (entry.path().extension() == ".tsv") fingerprint += read_text(entry.path());
        for (const auto& entry : fs::directory_iterator(dir / "names", ec))
            if (entry.path().extension() == ".tsv") fingerprint += read_text(entry.path());
    }
    for (const fs::path& dir : dirs) {
        std::map<std::string, SourcePos> defined_here;   // one id twice in one directory is a mistake
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".rules") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            const std::string text = read_text(f);
            fingerprint += text;
            for (Rule& rule : parse_rule_file(text, f.string(), &set.kinds)) {
                if (const auto first = defined_here.find(rule.id); first != defined_here.end()) {
                    const std::size_t line_start = [&] {
                        std::size_t at = 0;
                        for (int l = 1; l < rule.pos.line; ++l) at = text.find('\n', at) + 1;
                        return at;
                    }();
                    throw RuleError(rule.pos,
                                    fmt::format("duplicate rule id '{}' (first defined at {}:{})", rule.id,
                                                first->second.file, first->second.line),
                                    std::string_view(text).substr(line_start, text.find('\n', line_start) - line_start));
                }
                defined_here.emplace(rule.id, rule.pos);
                const auto same = std::find_if(set.rules.begin(), set.rules.end(),
                                               [&](const Rule& r) { return r.id == rule.id; });
                if (same != set.rules.end()) *same = std::move(rule);  // a user rule replaces a default
                else set.rules.push_back(std::move(rule));
            }
        }
    }
    std::stable_sort(set.rules.begin(), set.rules.end(),
                     [](const Rule& a, const Rule& b) { return a.priority > b.priority; });
    set.hash = sha256_hex(fingerprint).substr(0, 16);
    index_vocabulary(set);
    return set;
}

void index_vocabulary(RuleSet& set) {
    set.vocabulary = WordIndex{};   // numbered afresh: the rules' words must come first
    const auto ids_of = [&](const std::vector<std::string>& words) {
        std::vector<std::uint32_t> ids;
        for (const std::string& w : words)
            ids.push_back(set.vocabulary.add(w));
        return ids;
    };
    for (Rule& rule : set.rules) {
        for (NearClause& c : rule.near) {
            c.ids.clear();
            for (const auto& phrase : c.phrases) c.ids.push_back(ids_of(phrase));
        }
        for (auto& [name, spec] : rule.slots)
            for (Pattern& p : spec.alternatives)
                for (Term& t : p.terms) t.ids = ids_of(t.words);
    }
    set.rule_words = static_cast<std::uint32_t>(set.vocabulary.size());
    set.names.index(set.vocabulary);
}

} // namespace tradecheck
