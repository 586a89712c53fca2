// Reads a figure's frame: the clause around it is written as class characters (classes.hpp),
// the frame grammar (frame_grammar_def.hpp) finds the measured phrase, and the words around
// that phrase give its holder, counterpart, role and status.
#include "tradecheck/frames/reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tradecheck/frames/effective_time.hpp"

#include "classes.hpp"
#include "frame_grammar.hpp"

namespace tradecheck {

namespace {

namespace fc = frame_class;

// Sizes and first bytes first: most words are none of the list, and most of those differ there,
// without the call to memcmp that comparing string_views makes.
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return x.size() == w.size() && (x.empty() || x[0] == w[0]) && x == w; });
}

// Words that end a clause: what stands beyond them says nothing of the figure.
bool breaks_clause(const FrameToken& t) {
    if (!t.word) return is_one_of(t.norm, {";", ":", "(", ")", "—", "–", "[", "]"});
    return is_one_of(t.norm, {"but", "while", "whereas", "although", "though", "however", "meanwhile", "whilst"});
}

// Words that name a company or a government as a phrase's holder.
bool names_company(std::string_view w) {
    return is_one_of(w, {"plc", "ltd", "limited", "holdings", "group", "inc", "corp", "corporation", "company",
                         "companies", "firm", "firms", "conglomerate", "pvt", "llc", "co", "brand"});
}
bool names_government(std::string_view w) {
    return is_one_of(w, {"government", "ministry", "department", "customs", "administration", "treasury",
                         "commission", "authorities", "cabinet", "parliament", "congress", "minister", "office"});
}

// One class character, and the tokens it stands for.
struct Cell {
    char c = fc::word;
    std::size_t first = 0, last = 0;   // tokens, half-open
    const VerbWord* verb = nullptr;
    const MeasureWord* measure = nullptr;
    const VetoWord* veto = nullptr;
};

class Clause {
public:
    Clause(const FrameQuery& q, const FrameLexicon& lexicon) : q_(q), lex_(lexicon) {
        bounds();
        cells_.reserve(hi_ - lo_);
        for (std::size_t t = lo_; t < hi_;) {
            // A short aside, "(HS 7103)", belongs to the word before it.
            if (q_.tokens[t].norm == "(" && !cells_.empty()) {
                const std::size_t close = aside_close(t);
                if (close != t && close < hi_ && !(q_.first > t && q_.first < close)) {
                    cells_.back().last = close + 1;
                    t = close + 1;
                    continue;
                }
            }
            // ", compared to the same period in 2024," between a change and its figure is an
            // aside of the word before it: "rose 5.86 percent, compared to ..., to $6.5 billion".
            if (const std::size_t close = comparison_aside_close(t); close != t && !cells_.empty()) {
                cells_.back().last = close + 1;
                t = close + 1;
                continue;
            }
            // "Earnings from tea which made up 12.8 percent of merchandise exports, increased 9.21
            // percent to 132.97 million dollars": a relative clause between a subject and its verb
            // is an aside of the subject, for the figures after it.
            if (const std::size_t close = relative_aside_close(t); close != t && !cells_.empty()) {
                cells_.back().last = close + 1;
                t = close + 1;
                continue;
            }
            t = add_cell(t);
        }
        classes_.reserve(cells_.size());
        for (const Cell& c : cells_) classes_.push_back(c.c);
    }

    Frame read() const {
        Frame f;
        const std::size_t qi = figure_cell();
        std::optional<Measured> m = measured(qi);
        // "a general tariff of 10% to 20% on all imports — and 60% or more on goods imported from
        // China", "up to 261% on fruits and vegetables": a rate on goods is a tariff's, where no
        // construction ties the figure to another head.
        const MeasureWord* rate_on_goods =
            (!m || !m->from_grammar || classes_[m->head] != fc::tariff) ? tariff_on_goods(qi) : nullptr;
        std::optional<std::size_t> goods_origin;   // "worth of Sri Lankan apparel": goods_after()
        if (rate_on_goods) {
            m = at_head(qi, 0);
            goods_origin = describe_measure(*m, qi, f);
            f.measure = rate_on_goods->id;
            f.measure_group = rate_on_goods->group;
            f.metric = rate_on_goods->metric;
        } else if (m && !share_of_vetoed(qi)) goods_origin = describe_measure(*m, qi, f);
        else if (share_of_other(qi)) f.veto = "a share of something other than trade";
        else f.veto = clause_veto(qi);
        // "called for double tax deductions", "an 18% GST": a figure right before a veto word is
        // of what that word names, whatever head the clause has farther away.
        if (f.veto.empty() && (!m || m->head < qi) && qi + 1 < cells_.size() && cells_[qi + 1].veto)
            f.veto = cells_[qi + 1].veto->why;
        // So is one before a plain word that parts it from the head after it: "Pakistan 70%
        // self-sufficient plus exports worth USD 1 billion" (but "$3 billion fuel imports").
        if (f.veto.empty() && m && m->head > qi + 2 && cells_[qi + 1].veto &&
            std::any_of(classes_.begin() + static_cast<std::ptrdiff_t>(qi + 2),
                        classes_.begin() + static_cast<std::ptrdiff_t>(m->head), [](char c) { return c == fc::word; }))
            f.veto = cells_[qi + 1].veto->why;
        // "could shave over 1% off global GDP", "contributes 1.4% to the national GDP", "serving
        // close to 5% of global demand": a part of output or of demand, whatever the clause
        // measures ("demand" is no veto word: "the US demand that G7 countries impose tariffs").
        if (f.veto.empty() && q_.percent) f.veto = share_of_output(qi);
        // "10.3 mln dlrs of the company's total net sales": a part of a company's accounts.
        if (f.veto.empty() && of_a_company(qi)) f.veto = "a part of a company's accounts";
        // "duties on 66% of tariff lines", "80-90% of Sri Lanka's total tariff lines": how much
        // of a tariff schedule a measure covers, not a rate.
        if (f.veto.empty() && q_.percent && share_of_tariff_lines(qi)) f.veto = "a share of tariff lines";
        if (f.veto.empty() && !q_.percent && priced_per_unit()) f.veto = "a price per unit";
        role(qi, m, f);
        const VerbWord* relative_verb = parties(qi, m, f);
        // "The US imports $1.5 billion worth of Sri Lankan apparel": whose goods they are is
        // the flow's other side.
        if (goods_origin && f.counterpart.empty()) {
            const std::string origin(q_.tokens[cells_[*goods_origin].first].name_id);
            if (origin != f.holder) f.counterpart = origin;
        }
        status(qi, relative_verb, f);
        f.clause_first = lo_;
        f.clause_last = hi_;
        // An older value quoted for comparison ends where the change begins: its caller dates it.
        if (q_.published && f.role != Role::previous) {
            const EffectiveTime t =
                read_effective_time(q_.tokens, lo_, hi_, q_.first, *q_.published, f.status != Status::in_effect);
            f.from = t.from;
            f.to = t.to;
            // "starting August 27" in a story of August 16: not in effect yet.
            if (f.status == Status::in_effect && f.from && *f.from > *q_.published) f.status = Status::announced;
            // "reach $7 billion in export revenue by 2030": a level for a later year is a goal.
            if (f.status == Status::in_effect && f.role == Role::level && by_later_year(qi)) f.status = Status::target;
        }
        return f;
    }

private:
    // The measured phrase: its head cell, the first cell of its phrase, and how it was found.
    struct Measured {
        std::size_t head = 0;
        std::size_t first = 0;        // leftmost modifier cell
        std::size_t after = 0;        // one past the attachments that follow the head
        bool share = false;           // "75 percent of Canadian exports"
        bool from_grammar = true;     // false: the nearest head in the clause
        bool series = false;          // read through an earlier figure of the clause
        std::size_t part = std::string::npos;   // "with textiles at 52%": the product a share is of
        std::size_t goods_to = 0;               // flow_goods_worth: the goods stand up to this cell
        std::size_t market = std::string::npos; // gapped_subject: the counterpart named in place of the flow's
    };

    // A figure no measure was read for, in a clause that names something no trade figure is:
    // "the tax rate ... will be increased to 45% from the current 40%", "India's retail inflation
    // cooled to 1.55% ... below the RBI's 2–6% comfort band". The veto word nearest before it.
    std::string clause_veto(std::size_t qi) const {
        for (std::size_t i = qi; i-- > 0;)
            if (cells_[i].veto && !(i > 0 && rescues(*cells_[i].veto, cells_[i - 1]))) return cells_[i].veto->why;
        return {};
    }

    // A short aside in brackets, "(HS 7103)", "(WATR)", does not end the clause it stands in:
    // the token of its other bracket, or `t` when the aside is no short one.
    std::size_t aside_open(std::size_t close) const {
        for (std::size_t i = close; i-- > 0 && close - i <= 6;) {
            if (q_.tokens[i].norm == "(") return i;
            if (breaks_clause(q_.tokens[i])) break;
        }
        return close;
    }
    std::size_t aside_close(std::size_t open) const {
        for (std::size_t i = open + 1; i < q_.tokens.size() && i - open <= 6; ++i) {
            if (q_.tokens[i].norm == ")") return i;
            if (breaks_clause(q_.tokens[i])) break;
        }
        return open;
    }

    // "$100 per barrel", "Rs 39.02 per kWh", "Rs. 750/litre", "a five dlr a barrel import fee": a
    // price, not an amount traded or invested.
    bool priced_per_unit() const {
        if (q_.last + 1 >= q_.tokens.size()) return false;
        const std::string_view after = q_.tokens[q_.last].norm, unit = q_.tokens[q_.last + 1].norm;
        if ((after == "per" || (after == "/" && q_.tokens[q_.last + 1].word)) &&
            !is_one_of(unit, {"year", "annum", "month", "quarter", "day", "week", "cent", "yr"}))
            return true;
        return is_one_of(after, {"a", "an"}) &&
               is_one_of(unit, {"barrel", "tonne", "ton", "kilo", "kg", "litre", "liter", "pound", "ounce", "bushel", "piece",
                                "unit", "head"});
    }

    // The closing comma of a comparison aside that opens at the comma `open` (", compared to
    // the same period in 2024,", ", as against 2023,") and ends before the clause does, with
    // the figure after it; else `open`.
    std::size_t comparison_aside_close(std::size_t open) const {
        if (q_.tokens[open].norm != "," || open + 1 >= hi_ || q_.first < open) return open;
        std::size_t t = open + 1;
        if (q_.tokens[t].norm == "as" && t + 1 < hi_) ++t;
        if (!is_one_of(q_.tokens[t].norm, {"compared", "comparing", "against", "versus", "vs"})) return open;
        for (std::size_t i = t + 1; i < hi_ && i <= open + 12; ++i) {
            if (q_.tokens[i].figure) return open;   // "compared to $3 billion": an older value
            if (q_.tokens[i].norm == ",") return i < q_.first ? i : open;
        }
        return open;
    }

    // The comma that closes a relative clause opening at `open` ("which", "who", or a comma and
    // one of them) when a verb follows that comma and the figure read stands after it; else
    // `open`.
    std::size_t relative_aside_close(std::size_t open) const {
        std::size_t w = open;
        if (q_.tokens[w].norm == "," && w + 1 < hi_) ++w;
        // Not "of which 245 million kg were exported, earning $1.4 billion": a part, not an aside.
        if (!is_one_of(q_.tokens[w].norm, {"which", "who"}) || open == 0 || !q_.tokens[open - 1].word ||
            is_one_of(q_.tokens[w - 1].norm, {"of", "in", "to", "from", "on", "for", "with", "by", "at"}))
            return open;
        for (std::size_t i = w + 1; i + 1 < hi_ && i <= w + 16; ++i)
            if (q_.tokens[i].norm == ",") {
                if (i >= q_.first) return open;
                return lex_.verb(q_.tokens[i + 1].norm) ? i : open;
            }
        return open;
    }

    // "India's imports from Sri Lanka were coffee (USD 103.7 million), garments (USD 55.65
    // million)": a figure alone in brackets right after a word is that word's figure, in the
    // clause the brackets stand in.
    bool figure_in_aside() const {
        if (q_.first < 2 || q_.tokens[q_.first - 1].norm != "(" || !q_.tokens[q_.first - 2].word) return false;
        return q_.last < q_.tokens.size() && q_.tokens[q_.last].norm == ")";
    }

    // ", however," between commas is an adverb of the clause, not the start of another:
    // "exports to Sri Lanka's single largest export destination, however, decreased by 13.46 %
    // to USD 220.48 million".
    // So is "but" or "while" before goods of the same flow, a gapped clause: "apparel exports
    // rose 3 percent to $400 million, but tea fell 5 percent to $110 million" (gapped_subject).
    bool adverb_aside(std::size_t t) const {
        if (is_one_of(q_.tokens[t].norm, {"but", "while", "whereas"})) return gapped_goods_after(t);
        return is_one_of(q_.tokens[t].norm, {"however", "meanwhile"}) && t > 0 && t + 1 < q_.tokens.size() &&
               q_.tokens[t - 1].norm == "," && q_.tokens[t + 1].norm == ",";
    }
    bool gapped_goods_after(std::size_t t) const {
        std::size_t g = t + 1;
        if (g < q_.tokens.size() && q_.tokens[g].norm == "the") ++g;
        return t > 0 && q_.tokens[t - 1].norm == "," && g < q_.tokens.size() && q_.tokens[g].name == NameClass::product;
    }

    void bounds() {
        lo_ = q_.first;
        in_aside_ = figure_in_aside();
        if (in_aside_) lo_ = q_.first - 1;
        while (lo_ > 0) {
            if (q_.tokens[lo_ - 1].norm == ")" && aside_open(lo_ - 1) != lo_ - 1) { lo_ = aside_open(lo_ - 1); continue; }
            if (breaks_clause(q_.tokens[lo_ - 1]) && !adverb_aside(lo_ - 1)) break;
            --lo_;
        }
        hi_ = in_aside_ ? q_.last + 1 : q_.last;
        while (hi_ < q_.tokens.size()) {
            if (q_.tokens[hi_].norm == "(" && aside_close(hi_) != hi_) { hi_ = aside_close(hi_) + 1; continue; }
            if (breaks_clause(q_.tokens[hi_]) && !adverb_aside(hi_)) break;
            ++hi_;
        }
    }

    std::size_t add_cell(std::size_t t) {
        const FrameToken& tok = q_.tokens[t];
        Cell cell{fc::word, t, t + 1};
        if (t >= q_.first && t < q_.last) {
            cell.c = fc::figure;
            cell.last = q_.last;
        } else if (tok.figure) {
            cell.c = fc::other_figure;
            while (cell.last < hi_ && q_.tokens[cell.last].figure && !(cell.last >= q_.first && cell.last < q_.last))
                ++cell.last;
        } else if (tok.name != NameClass::none && tok.name != NameClass::government) {
            cell.c = name_class(tok.name);
            while (cell.last < hi_ && q_.tokens[cell.last].name == tok.name && !q_.tokens[cell.last].name_start &&
                   q_.tokens[cell.last].name_id == tok.name_id)
                ++cell.last;
        } else {
            classify_word(tok, cell);
        }
        cells_.push_back(cell);
        return cell.last;
    }

    static char name_class(NameClass n) {
        switch (n) {
        case NameClass::country: return fc::country;
        case NameClass::leader: return fc::leader;
        case NameClass::country_adjective: return fc::country_adjective;
        case NameClass::country_possessive: return fc::country_possessive;
        case NameClass::product: return fc::product;
        default: return fc::word;
        }
    }

    void classify_word(const FrameToken& tok, Cell& cell) const {
        const std::string_view w = tok.norm;
        if (!tok.word) { cell.c = fc::comma; return; }
        // "a balance sheet": a company's accounts, no trade balance.
        if (is_one_of(w, {"balance", "balances"}) && cell.last < q_.tokens.size() &&
            is_one_of(q_.tokens[cell.last].norm, {"sheet", "sheets"}))
            return;
        if (const MeasureWord* m = lex_.measure(w);
            m && !(m->group == "tariff" && names_tariff_lines(cell)) && !names_body(cell) && !market_trading(cell)) {
            cell.measure = m;
            cell.c = group_class(m->group);
            return;
        }
        // "Royal Ceramics, which also exports tiles to the USA, was trading down 10 cents at Rs
        // 42.80": a share's price in a market's dealing.
        if (is_one_of(w, {"trading", "traded"}) && cell.last < q_.tokens.size() &&
            is_one_of(q_.tokens[cell.last].norm, {"down", "up", "higher", "lower", "flat", "unchanged", "steady"})) {
            if (const VetoWord* price = lex_.veto("price")) {
                cell.veto = price;
                cell.c = fc::veto;
                return;
            }
        }
        if (const VetoWord* v = names_fiscal_period(cell) ? nullptr : lex_.veto(w)) {
            // "an additional 25% tax on imports from New Delhi": a tax on a trade flow is a tariff.
            if (const MeasureWord* m = v->on_trade.empty() || !(on_trade_flow(cell.last) || names_same_measure(cell, v->on_trade))
                                           ? nullptr : lex_.measure_by_id(v->on_trade)) {
                cell.measure = m;
                cell.c = group_class(m->group);
                return;
            }
            cell.veto = v;
            cell.c = names_proceeds(*v) ? fc::proceeds : fc::veto;
            return;
        }
        if (const VerbWord* v = lex_.verb(w); v && !(tok.capitalised && w == "may") && !names_balance_account(cell) &&
                                              !particle_of_make(cell)) {
            cell.verb = v;
            cell.c = verb_class(*v);
            return;
        }
        if (w == "of") cell.c = fc::of;
        else if (w == "at" || w == "worth") cell.c = fc::at;
        else if (w == "to") cell.c = fc::to;
        else if (w == "from") cell.c = fc::from;
        else if (w == "by") cell.c = fc::by;
        else if (is_one_of(w, {"on", "against", "upon"})) cell.c = fc::on;
        else if (w == "with") cell.c = fc::with;
        else if (is_one_of(w, {"in", "into", "for"})) cell.c = fc::in;
        else if (is_one_of(w, {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those", "our"}))
            cell.c = fc::determiner;
        else if (w == "and" || w == "or" || (is_one_of(w, {"but", "while", "whereas"}) && gapped_goods_after(cell.first)))
            cell.c = fc::conjunction;
    }

    // "in the last fiscal year", "in fiscal 2024", "the financial year": a period of account,
    // which dates a figure and says nothing of what it measures.
    bool names_fiscal_period(const Cell& cell) const {
        if (!is_one_of(q_.tokens[cell.first].norm, {"fiscal", "financial"}) || cell.last >= q_.tokens.size()) return false;
        const std::string_view next = q_.tokens[cell.last].norm;
        const bool year_number = next.size() == 4 && std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; });
        return year_number || is_one_of(next, {"year", "years", "yr", "quarter", "quarters", "half", "month"});
    }

    // "the Ministry of Trade", "the Department of Commerce and Trade": a measure word in the name
    // of a government body measures nothing.
    bool names_body(const Cell& cell) const {
        std::size_t t = cell.first;
        while (t > 0 && is_one_of(q_.tokens[t - 1].norm, {"and", "commerce", "industry", "industries", "finance"})) --t;
        return t >= 2 && q_.tokens[t - 1].norm == "of" &&
               is_one_of(q_.tokens[t - 2].norm, {"ministry", "minister", "department", "secretary", "board", "bureau",
                                                 "chamber", "council", "office", "institute"});
    }

    // "the dollar to trade between 1.77 and 1.87 marks", "shares trade at": the verb of a
    // market's dealing, no trade flow.
    // So is "in active trade", "in early trade" of a futures market.
    bool market_trading(const Cell& cell) const {
        if (q_.tokens[cell.first].norm != "trade" || cell.first == 0) return false;
        const std::string_view before = q_.tokens[cell.first - 1].norm;
        if (is_one_of(before, {"early", "active", "light", "heavy", "quiet", "moderate", "midsession", "thin", "nervous",
                               "late", "busy", "brisk", "slow", "afternoon", "morning", "midday", "overnight", "choppy"}))
            return true;
        if (cell.last >= q_.tokens.size()) return false;
        return is_one_of(q_.tokens[cell.last].norm, {"at", "above", "below", "between", "around", "near", "higher", "lower"}) &&
               is_one_of(before, {"to", "will", "would", "could", "shares", "stocks", "dollar"});
    }

    // "90 percent of the tariff lines", "an 85 percent tariff line": product lines of a
    // tariff schedule, not a rate.
    bool names_tariff_lines(const Cell& cell) const {
        return cell.last < q_.tokens.size() && is_one_of(q_.tokens[cell.last].norm, {"line", "lines"});
    }

    // "on imports", "on Chinese imports", "on all exports to the US": on, a determiner and up to
    // two words, then a flow head, from token `t`.
    // "Goods from Denmark ... will face a 10% tariff if no deal is reached by February, with the
    // taxes increasing to 25% by June 1": "the taxes" after a tariff word of the sentence are
    // those tariffs.
    // So is "a tax" that imports are "subject to": "imports from China valued under $800 ... are
    // now subject to a tax amounting to 120% of the product's value".
    bool names_same_measure(const Cell& cell, const std::string& measure) const {
        if (cell.first >= 3 && q_.tokens[cell.first - 1].norm == "a" && q_.tokens[cell.first - 2].norm == "to" &&
            q_.tokens[cell.first - 3].norm == "subject")
            for (std::size_t t = lo_; t + 3 < cell.first; ++t)
                if (const MeasureWord* m = lex_.measure(q_.tokens[t].norm); m && m->id == "imports") return true;
        if (cell.first == 0 || !is_one_of(q_.tokens[cell.first - 1].norm, {"the", "these", "those", "such"})) return false;
        for (std::size_t t = 0; t + 1 < cell.first; ++t)
            if (const MeasureWord* m = lex_.measure(q_.tokens[t].norm); m && m->id == measure) return true;
        return false;
    }

    bool on_trade_flow(std::size_t t) const {
        if (t >= hi_ || !is_one_of(q_.tokens[t].norm, {"on", "upon"})) return false;
        for (std::size_t i = t + 1; i < hi_ && i <= t + 4; ++i) {
            if (const MeasureWord* m = lex_.measure(q_.tokens[i].norm)) return m->group == "flow";
            if (!q_.tokens[i].word || q_.tokens[i].figure) return false;
            // "a 30 percent tax on service exports": an income tax on exporters' earnings.
            if (is_one_of(q_.tokens[i].norm, {"service", "services", "income", "profits"})) return false;
        }
        return false;
    }

    // "the services account surplus", "a current account deficit": "account" before a balance
    // head is part of its phrase, not the verb of "account for".
    // "account" is the verb of "account for" only.
    bool names_balance_account(const Cell& cell) const {
        if (q_.tokens[cell.first].norm != "account") return false;
        return cell.last >= q_.tokens.size() || q_.tokens[cell.last].norm != "for";
    }

    // "makes up 40% of exports": the "up" of "make up" says no change. "total exports", "the
    // total export base": "total" before a head, or a word and a head, is an adjective.
    bool particle_of_make(const Cell& cell) const {
        const std::string_view w = q_.tokens[cell.first].norm;
        if (w == "total")
            for (std::size_t t = cell.last; t < hi_ && t < cell.last + 2; ++t)
                if (lex_.measure(q_.tokens[t].norm)) return true;
        return w == "up" && cell.first > 0 &&
               is_one_of(q_.tokens[cell.first - 1].norm, {"make", "makes", "making", "made"});
    }

    static char group_class(const std::string& group) {
        if (group == "tariff") return fc::tariff;
        if (group == "flow") return fc::flow;
        if (group == "balance") return fc::balance;
        if (group == "investment") return fc::investment;
        if (group == "share") return fc::share;
        if (group == "target") return fc::target;
        return fc::threshold;
    }

    static char verb_class(const VerbWord& v) {
        if (v.change == Change::up) return fc::up;
        if (v.change == Change::down) return fc::down;
        if (v.subject == VerbSubject::counterpart) return fc::face;
        switch (v.status) {
        case Status::threatened: case Status::proposed: case Status::expected: case Status::target: return fc::stance;
        case Status::announced: return fc::impose;
        default: return v.id == "be" ? fc::be : fc::impose;
        }
    }

    static bool is_head(char c) { return std::string_view("TEBISGHVR").find(c) != std::string_view::npos; }

    // A veto word that a flow word lifts: "revenue", "earnings" (vetoes.tsv, third column).
    bool names_proceeds(const VetoWord& v) const { return lex_.lifting_flow(v) != nullptr; }
    static bool is_name(char c) { return std::string_view("CLJO").find(c) != std::string_view::npos; }

    std::size_t figure_cell() const {
        for (std::size_t i = 0; i < cells_.size(); ++i)
            if (classes_[i] == fc::figure) return i;
        return 0;
    }

    // The end of the run of heads that starts at `i` ("trade deficit": the head is "deficit").
    std::size_t run_end(std::size_t i) const {
        while (i + 1 < classes_.size() && is_head(classes_[i + 1])) ++i;
        return i;
    }

    // The modifiers that stand before the head at `head` ("Sri Lanka's tea", "the 35 per cent").
    std::size_t phrase_start(std::size_t head, std::size_t floor) const {
        // A determiner opens the phrase: "Sri Lanka's economy will not survive if the US tariffs"
        // is measured by "the US tariffs" alone.
        std::size_t i = head;
        while (i > floor) {
            const char before = classes_[i - 1];
            // A list of products: "gem, jewellery, and diamond exports".
            const auto joins = [](char c) { return c == fc::comma || c == fc::conjunction; };
            std::size_t item = i - 1;   // the list's item before the comma or "and"
            while (item > floor && joins(classes_[item])) --item;
            const bool list = joins(before) && item >= floor && classes_[item] == fc::product &&
                              (classes_[i] == fc::product || joins(classes_[i]));
            if (!list && std::string_view("_JCLOPzVRTEBISGHQ").find(before) == std::string_view::npos) break;
            --i;
            if (classes_[i] == fc::determiner) break;
        }
        return i;
    }

    // Attachments after the head: "on Chinese goods", "to the US", "from China".
    std::size_t attachments_end(std::size_t head) const {
        std::size_t i = head + 1;
        // "a reciprocal tariff rate for Canada": the rate's attachments are the tariff's.
        if (i < classes_.size() && classes_[head] == fc::tariff && classes_[i] == fc::word &&
            is_one_of(q_.tokens[cells_[i].first].norm, {"rate", "rates"}))
            ++i;
        for (int n = 0; n < 2; ++n) {
            if (i >= classes_.size() || std::string_view("ntfwio").find(classes_[i]) == std::string_view::npos) break;
            std::size_t j = i + 1;
            if (j < classes_.size() && classes_[j] == fc::determiner) ++j;
            const std::size_t words = j;
            while (j < classes_.size() && j - words < 3 && std::string_view("_JCLOPE&").find(classes_[j]) != std::string_view::npos) ++j;
            while (j > words && classes_[j - 1] == fc::conjunction) --j;   // "on vehicles and": not the "and"
            if (j == words) break;
            i = j;
        }
        return i;
    }

    Measured at_head(std::size_t head, std::size_t floor, bool share = false, bool grammar = true) const {
        Measured m;
        m.head = run_end(head);
        m.first = phrase_start(m.head, floor);
        m.after = attachments_end(m.head);
        m.share = share;
        m.from_grammar = grammar;
        return m;
    }

    std::optional<Measured> measured(std::size_t qi) const { return measured_in(classes_, qi, 3); }

    // `cls` is the clause's classes with the figure read for at `qi` (a series link reads an
    // earlier figure of the clause as if it were the figure, `depth` links back at most).
    std::optional<Measured> measured_in(std::string_view cls, std::size_t qi, int depth) const {
        // "75 percent of Canadian exports" is a share; "$18bn of imports" is an amount of them.
        // But "tariffs of up to 250% of drug imports" are a rate on their value.
        if (qi >= 2 && cls[qi - 1] == fc::of && cls[qi - 2] == fc::tariff && frame_grammar::figure_of_head(cls, qi)) {
            std::size_t first = qi - 2;
            while (first > 0 && cls[first - 1] == fc::tariff) --first;   // "levy tariffs"
            return at_head(first, first);
        }
        if (auto end = frame_grammar::figure_of_head(cls, qi)) return at_head(*end - 1, qi + 1, q_.percent);
        // "Trump's 10% tariffs": a possessive right before the figure is the phrase's.
        if (auto end = frame_grammar::figure_then_head(cls, qi))
            return at_head(*end - 1, qi > 0 && cls[qi - 1] == fc::country_possessive ? qi - 1 : qi);
        const std::size_t reach = qi > 12 ? qi - 12 : 0;
        for (std::size_t s = qi; s-- > reach;)
            if (is_head(cls[s]) && frame_grammar::head_then_figure(cls, s) == qi + 1) {
                // "exports fetched revenue of $418 million": the revenue is the subject's.
                if (cls[s] == fc::proceeds)
                    if (auto subject = subject_of(cls, qi)) return subject;
                // "US tariffs on Sri Lankan exports are at 20%": the nearer head is inside the
                // attachment of a farther one, which the figure measures.
                for (std::size_t o = reach; o < s; ++o)
                    if (is_head(cls[o]) && (o == 0 || !is_head(cls[o - 1])) &&
                        frame_grammar::head_then_figure(cls, o) == qi + 1 && at_head(o, 0).after > s)
                        return at_head(o, 0);
                return at_head(s, 0);
            }
        // "exports computers, electrical products ... and machinery worth nearly $ 50 billion".
        for (std::size_t s = qi; s-- > (qi > 24 ? qi - 24 : 0);)
            if (cls[s] == fc::flow && frame_grammar::flow_goods_worth(cls, s) == qi + 1) {
                Measured m = at_head(s, 0);
                m.goods_to = qi;
                return m;
            }
        for (std::size_t s = qi; s-- > reach;)
            if (std::string_view("udmhxk").find(cls[s]) != std::string_view::npos &&
                frame_grammar::verb_object_figure(cls, s) == qi + 1) {
                std::size_t h = s + 1;
                while (!is_head(cls[h])) ++h;
                return at_head(h, s + 1);
            }
        if (auto gapped = gapped_subject(cls, qi)) return gapped;
        if (auto subject = subject_of(cls, qi)) return subject;
        // "imports ... were coffee (USD 103.7 million)": a figure in brackets after a product is
        // that product's part of the nearest flow before it.
        // The list may run long. (An item that is no product is left: read as the flow, it
        // would be the whole flow's figure, one fact with the total.)
        if (in_aside_ && qi >= 2 && cls[qi - 2] == fc::product)
            if (const auto s = flow_before(cls, qi - 2, qi > 48 ? qi - 48 : 0, false)) {
                Measured m = at_head(*s, 0);
                m.part = qi - 2;
                return m;
            }
        // A composition list: "exports reached $17.2 billion, with textiles at 52%, tea at 17%":
        // a percentage of a product, after "with", is that product's share of the flow before it.
        if (q_.percent && qi >= 2 && cls[qi - 1] == fc::at && cls[qi - 2] == fc::product)
            if (const auto s = flow_before(cls, qi - 2, qi > 16 ? qi - 16 : 0, true)) {
                Measured m = at_head(*s, 0, true);
                m.part = qi - 2;
                return m;
            }
        if (auto subject = participle_subject(cls, qi)) return subject;
        // A series: the nearest earlier figure, linked to this one by change words and
        // prepositions only ("rose 3% to $910 million", "... from $11.2 billion"), measures it.
        if (depth > 0)
            for (std::size_t j = qi; j-- > (qi > 8 ? qi - 8 : 0);) {
                if (cls[j] != fc::other_figure) continue;
                if (frame_grammar::series_link(cls, j) == qi + 1) {
                    std::string swapped(cls);
                    swapped[j] = fc::figure;
                    swapped[qi] = fc::other_figure;
                    if (auto m = measured_in(swapped, j, depth - 1); m && m->from_grammar) {
                        m->series = true;
                        m->part = std::string::npos;   // "tea at 17%, other agri-industrial at 15%"
                        return m;
                    }
                }
                break;
            }
        // No construction links a head to the figure: the nearest head of the clause.
        std::optional<std::size_t> best;
        for (std::size_t s = qi; s-- > (qi > 8 ? qi - 8 : 0);)
            if (is_head(cls[s])) { best = s; break; }
        // After the figure, not past a comma: "GNP stands at $84 billion, with the merchandise
        // export sector contributing $16 billion" (what follows is a clause of its own). But an
        // opening "From Rs. 2.54 trillion in 2014, imports more than doubled to ..." is the older
        // value of the subject right after the comma.
        const bool opens_from = qi == 1 && cls[0] == fc::from;
        for (std::size_t s = qi + 1; s < cls.size() && s <= qi + 5; ++s) {
            if (q_.tokens[cells_[s].first].norm == ",") {
                if (!opens_from) break;
                std::size_t h = s + 1;
                while (h < cls.size() && h <= s + 3 && std::string_view("zJO").find(cls[h]) != std::string_view::npos) ++h;
                if (h < cls.size() && is_head(cls[h]) && !best) best = h;
                break;
            }
            if (is_head(cls[s]) && (!best || s - qi < qi - *best)) { best = s; break; }
        }
        if (best) return at_head(*best, *best < qi ? 0 : qi + 1, false, false);
        return std::nullopt;
    }

    // "Apparel exports were down 6.34 percent to 321.06 million dollars, and spices were down
    // 14.47 percent to 18.03 million dollars": goods that are the subject of a clause after a
    // comma, with no head of their own, are a part of the flow before the comma. So is a market
    // after a flow to or from another ("Exports to UK went up 20 percent to $82.9 million,
    // Germany was up 4.3 percent to $52.6 million"): it is the flow's counterpart in its place.
    // Only where the clauses run in parallel (the flow's clause has a figure of its own) or the
    // flow opens the sentence ("In hard goods exports in May, tea was down 1.1 percent to ...").
    std::optional<Measured> gapped_subject(std::string_view cls, std::size_t qi) const {
        const std::size_t far = qi > 24 ? qi - 24 : 0;
        for (std::size_t c = qi; c-- > far;) {
            if ((cls[c] != fc::comma && cls[c] != fc::conjunction) || frame_grammar::gapped_subject_figure(cls, c) != qi + 1)
                continue;
            // A list of such clauses may run long: the flow is looked for farther back.
            const auto flow = flow_before(cls, c, qi > 48 ? qi - 48 : 0, false);
            if (!flow) return std::nullopt;
            const std::string_view between = cls.substr(*flow, c - *flow);
            const bool parallel = between.find(fc::other_figure) != std::string_view::npos;
            const bool opening = cls.substr(0, *flow).find_first_not_of("iz_J") == std::string_view::npos &&
                                 cls[0] == fc::in && between.find_first_of("udkmhx") == std::string_view::npos;
            if (!parallel && !opening) return std::nullopt;
            Measured m = at_head(*flow, 0);
            const std::size_t subject = cls.find_first_of("PC", c);
            if (cls[subject] == fc::product) {
                m.part = subject;
            } else {
                const std::string_view attached = cls.substr(*flow + 1, m.after - *flow - 1);
                if (attached.find("tC") == std::string_view::npos && attached.find("tzC") == std::string_view::npos &&
                    attached.find("fC") == std::string_view::npos && attached.find("fzC") == std::string_view::npos)
                    return std::nullopt;
                m.market = subject;
            }
            return m;
        }
        return std::nullopt;
    }

    // Whether the clause names a country other than the one of the name at cell `i`.
    bool names_other_country(std::size_t i) const {
        const std::string_view id = q_.tokens[cells_[i].first].name_id;
        for (std::size_t j = 0; j < cells_.size(); ++j)
            if (j != i && std::string_view("CJO").find(classes_[j]) != std::string_view::npos &&
                q_.tokens[cells_[j].first].name_id != id)
                return true;
        return false;
    }

    // The nearest flow head before cell `from` (down to `floor`) with no other head between; with
    // `after_with`, only one before a "with" ("exports reached $17.2 billion, with textiles").
    static std::optional<std::size_t> flow_before(std::string_view cls, std::size_t from, std::size_t floor,
                                                  bool after_with) {
        bool with = !after_with;
        for (std::size_t s = from; s-- > floor;) {
            if (cls[s] == fc::with) with = true;
            if (with && cls[s] == fc::flow) return s;
            if (std::string_view("TBIGHVR").find(cls[s]) != std::string_view::npos) break;
        }
        return std::nullopt;
    }

    // The subject of the verb that governs the figure at `qi`: "Sri Lanka's exports to the US
    // rose 5% to $3 billion".
    std::optional<Measured> subject_of(std::string_view cls, std::size_t qi) const {
        const std::size_t far = qi > 16 ? qi - 16 : 0;
        const auto subject_at = [&](std::size_t s) {
            return is_head(cls[s]) && (s == 0 || !is_head(cls[s - 1])) && frame_grammar::subject_verb_figure(cls, s) == qi + 1;
        };
        for (std::size_t s = qi; s-- > far;)
            if (subject_at(s)) {
                // The head of "the deficit in the trade account narrowed", not "trade": a farther
                // subject whose phrase holds the nearer one, with no comma between them.
                for (std::size_t o = far; o < s; ++o)
                    if (subject_at(o) && cls.substr(o, s - o).find(fc::comma) == std::string_view::npos)
                        return at_head(o, 0);
                return at_head(s, 0);
            }
        return std::nullopt;
    }

    // ", generating 397.19 million US dollars", ", dropping to USD 744.77 million": a participle
    // after a comma, right before the figure (or before "to" and it), goes on with the subject
    // of the clause before the comma.
    std::optional<Measured> participle_subject(std::string_view cls, std::size_t qi) const {
        std::size_t verb = qi;
        if (verb > 0 && (cls[verb - 1] == fc::to || cls[verb - 1] == fc::from)) --verb;   // "rising from"
        if (verb < 2 || std::string_view("udk").find(cls[verb - 1]) == std::string_view::npos || cls[verb - 2] != fc::comma)
            return std::nullopt;
        --verb;
        if (!q_.tokens[cells_[verb].first].norm.ends_with("ing")) return std::nullopt;
        const std::size_t comma = verb - 1;
        for (std::size_t s = comma > 24 ? comma - 24 : 0; s < comma; ++s)
            if (is_head(cls[s]) && (s == 0 || !is_head(cls[s - 1])) && frame_grammar::subject_verb_clause(cls, s) == comma)
                return at_head(s, 0);
        return std::nullopt;
    }

    // "53% of the Group's total revenue", "vehicle imports accounted for less than 6% of total
    // revenue": "of" after the figure, then within five words a veto word (no flow head before
    // it). Whatever head the clause has, the figure is a part of what the veto word names.
    bool share_of_vetoed(std::size_t qi) const {
        if (qi + 1 >= classes_.size() || classes_[qi + 1] != fc::of) return false;
        for (std::size_t i = qi + 2; i < classes_.size() && i <= qi + 6; ++i) {
            // "7% of the country's earnings from exports": what exports bring in is exports.
            if (classes_[i] == fc::proceeds && i + 2 < classes_.size() && (classes_[i + 1] == fc::from || classes_[i + 1] == fc::of) &&
                (classes_[i + 2] == fc::flow || (i + 3 < classes_.size() && classes_[i + 3] == fc::flow)))
                return false;
            if (classes_[i] == fc::veto || classes_[i] == fc::proceeds) return true;
            if (is_head(classes_[i]) || classes_[i] == fc::figure || classes_[i] == fc::other_figure) return false;
        }
        return false;
    }

    // The tariff measure, when the percentage at `qi` is followed by "on" and, within four
    // cells, goods: a product, a flow word, or goods/products/items ("60% on Chinese goods").
    // Not in a clause a veto word names ("price cuts ranged up to 10 pct on items"), not
    // "trade" ("72.3 pct on the trade weighted index"), and the goods end their phrase ("65 pct on
    // export performance" is no rate on exports).
    const MeasureWord* tariff_on_goods(std::size_t qi) const {
        if (!q_.percent || qi + 2 >= classes_.size() || classes_[qi + 1] != fc::on || !clause_veto(qi).empty())
            return nullptr;
        // "imposing as much as 145% on China": a rate on a country, in a clause with a tariff
        // word before it.
        if (classes_[qi + 2] == fc::country && classes_.find(fc::tariff) < qi) return lex_.measure_by_id("tariff");
        for (std::size_t i = qi + 2; i < cells_.size() && i <= qi + 5; ++i) {
            if (names_goods(i) && !(cells_[i].measure && cells_[i].measure->id == "trade"))
                return classes_[i] == fc::flow && i + 1 < cells_.size() && classes_[i + 1] == fc::word
                           ? nullptr : lex_.measure_by_id("tariff");
            if (std::string_view("z_JCO").find(classes_[i]) == std::string_view::npos) return nullptr;
        }
        return nullptr;
    }

    // Whether the figure's clause ends the sentence with a question mark ("...—how could they
    // know?" asks nothing of the figure before the dash) and the figure is no modifier of a
    // head after it.
    bool asks_about(std::size_t qi) const {
        if (q_.tokens.empty() || q_.tokens.back().norm != "?" || hi_ + 1 < q_.tokens.size()) return false;
        return !frame_grammar::figure_then_head(std::string_view(classes_), qi);
    }

    // Whether one of `preps` stands right after the figure and, within `within` tokens after it
    // in the clause, a token at which `is` holds: "53% of ... tariff lines", "1% off global GDP".
    template <typename Is>
    bool after_figure(std::size_t qi, std::initializer_list<std::string_view> preps, std::size_t within, Is is) const {
        const std::size_t prep = cells_[qi].last;
        if (prep >= hi_ || !is_one_of(q_.tokens[prep].norm, preps)) return false;
        for (std::size_t t = prep + 1; t < hi_ && t <= prep + within; ++t)
            if (is(t)) return true;
        return false;
    }

    // "off", "to" or "of" right after the figure, then within four tokens "GDP" (or, after "of",
    // "demand"): why the figure is no trade figure, or nothing.
    std::string share_of_output(std::size_t qi) const {
        const auto word = [&](std::string_view w) { return [this, w](std::size_t t) { return q_.tokens[t].norm == w; }; };
        if (after_figure(qi, {"off", "to", "of"}, 4, word("gdp"))) return "a share of GDP";
        if (after_figure(qi, {"of"}, 4, word("demand"))) return "a share of demand";
        return {};
    }

    // "of the company's", "of the group's" right after the figure.
    bool of_a_company(std::size_t qi) const {
        return after_figure(qi, {"of"}, 3, [&](std::size_t t) {
            return t + 1 < hi_ && names_company(q_.tokens[t].norm) && is_one_of(q_.tokens[t + 1].norm, {"'s", "'", "’s", "’"});
        });
    }

    // "30 per cent of its China-origin bookings": a share of something no measure names.
    bool share_of_other(std::size_t qi) const {
        return qi + 1 < classes_.size() && classes_[qi + 1] == fc::of &&
               !frame_grammar::figure_of_head(std::string_view(classes_), qi);
    }

    // Measure id, veto and product from the phrase.
    // The cell of the country adjective of the goods named after the figure, if any (goods_after).
    std::optional<std::size_t> describe_measure(const Measured& m, std::size_t qi, Frame& f) const {
        const Cell& head = cells_[m.head];
        const std::size_t before = m.head > m.first ? m.head - 1 : m.head;
        if (head.veto) {
            // "export revenue" is exports: a flow word right before a veto word that allows it.
            const Cell& prev = cells_[before];
            const Cell* flow = before != m.head && prev.measure && rescues(*head.veto, prev) ? &prev : flow_after(m);
            if (flow) {
                f.measure = flow->measure->id;
                f.measure_group = flow->measure->group;
                f.metric = flow->measure->metric;
            } else if (const MeasureWord* sold = proceeds_from_goods(m)) {
                f.measure = sold->id;
                f.measure_group = sold->group;
                f.metric = sold->metric;
            } else {
                f.veto = head.veto->why;
            }
        } else if (head.measure) {
            // "the government's export target of USD 36 billion": a target for a flow measures
            // that flow (its role is target: role()).
            const Cell* measure = &head;
            if (head.measure->group == "target")
                for (std::size_t i = m.head; i-- > m.first;)
                    if (cells_[i].measure && cells_[i].measure->group == "flow") {
                        measure = &cells_[i];
                        break;
                    }
            f.measure = measure->measure->id;
            f.measure_group = measure->measure->group;
            f.metric = measure->measure->metric;
        }
        // A veto word before a flow head names what is traded ("fuel imports", "electricity
        // imports"); before any other head it names a price ("electricity tariff").
        const bool flow_head = head.measure && head.measure->group == "flow";
        for (std::size_t i = m.first; i < m.head && !flow_head; ++i)
            if (cells_[i].veto && !(i + 1 <= m.head && i > m.first && rescues(*cells_[i].veto, cells_[i - 1])) &&
                f.veto.empty() && i != qi)
                f.veto = cells_[i].veto->why;
        // "a 10% levy on the annual profits of ...": a tariff is on goods; on profits, income or
        // sales it is a tax. Not "a tariff on fuel imports" (a flow head follows the veto word).
        if (f.veto.empty() && f.measure_group == "tariff" && m.head + 1 < cells_.size() && classes_[m.head + 1] == fc::on) {
            std::size_t i = m.head + 2;
            if (i < cells_.size() && classes_[i] == fc::determiner) ++i;
            for (int n = 0; i < cells_.size() && n < 3; ++i, ++n) {
                if (cells_[i].veto) {
                    if (!(i + 1 < cells_.size() && classes_[i + 1] == fc::flow)) f.veto = cells_[i].veto->why;
                    break;
                }
                if (classes_[i] != fc::word) break;
            }
        }
        // "exports to GDP of 21%", "imports as a share of GDP": a ratio to output, no trade figure.
        if (f.veto.empty() && f.measure_group == "flow")
            for (std::size_t i = m.head + 1; i < cells_.size() && i <= m.head + 5; ++i) {
                if (cells_[i].veto && q_.tokens[cells_[i].first].norm == "gdp") f.veto = cells_[i].veto->why;
                if (std::string_view("tozS_a").find(classes_[i]) == std::string_view::npos) break;
            }
        if (m.share) f.metric.clear();   // a share of exports is not an amount of exports
        if (m.share && !f.measure.empty()) {
            f.measure = "share_of_" + f.measure;
            f.measure_group = "share";
        }
        f.phrase_first = cells_[std::min(m.first, m.head)].first;
        f.phrase_last = cells_[m.after - 1].last;
        std::set<std::string> products;
        for (std::size_t i = m.first; i < std::max(m.after, m.goods_to); ++i)
            if (classes_[i] == fc::product) products.insert(std::string(q_.tokens[cells_[i].first].name_id));
        if (m.part != std::string::npos) {
            products.clear();
            products.insert(std::string(q_.tokens[cells_[m.part].first].name_id));
        }
        std::optional<std::size_t> origin;
        if (products.empty() && (f.measure_group == "flow" || (f.measure_group == "tariff" && m.head < qi)) && !m.share)
            origin = goods_after(qi, products);   // and "tariffs of up to 250% of drug imports"
        if (products.empty() && f.measure_group == "flow" && !m.share && m.head > qi) goods_subject(qi, products);
        for (const auto& p : products) f.product += (f.product.empty() ? "" : "/") + p;
        return origin;
    }

    // "tea brought in $1.5 billion in export earnings": the goods that are the subject of the
    // verb before the figure, when the flow is named after the figure. The products right
    // before the verb (a list joined by commas or "and").
    void goods_subject(std::size_t qi, std::set<std::string>& products) const {
        std::size_t v = qi;
        while (v > 0 && !cells_[v - 1].verb) {   // "brought in", "earned nearly"
            if (std::string_view("_zi").find(classes_[v - 1]) == std::string_view::npos) return;
            --v;
        }
        if (v < 2) return;
        --v;   // the verb
        for (std::size_t i = v; i-- > 0 && v - i <= 5;) {
            if (classes_[i] == fc::product) products.insert(std::string(q_.tokens[cells_[i].first].name_id));
            else if (classes_[i] != fc::comma && classes_[i] != fc::conjunction) break;
        }
    }

    // What a flow's amount buys or sells, named after it: "$ 359.6 million worth (of) fuel",
    // "USD 1.31 Bn of knitted or crocheted apparel", "120 billion rupees to import medicines",
    // "$ 397.4 million on importing vegetables", "2 billion rupees from exporting king coconuts".
    // Up to six cells after the figure: worth, of, to, on, from, a flow word, a determiner and
    // other words, then the products (a list joined by commas or "and"). Returns the cell of a
    // country adjective before the products ("worth of Sri Lankan apparel").
    std::optional<std::size_t> goods_after(std::size_t qi, std::set<std::string>& products) const {
        std::optional<std::size_t> origin;
        for (std::size_t i = qi + 1; i < cells_.size() && i <= qi + 6; ++i) {
            const char c = classes_[i];
            if (c == fc::product) {
                for (std::size_t j = i; j < cells_.size() && j <= i + 4; ++j) {
                    if (classes_[j] == fc::product) products.insert(std::string(q_.tokens[cells_[j].first].name_id));
                    else if (classes_[j] != fc::comma && classes_[j] != fc::conjunction && classes_[j] != fc::word) break;
                }
                return origin;
            }
            if (c == fc::country_adjective) origin = i;
            // "of knitted or crocheted apparel": "or" between two words; not "$13.6 billion and services".
            const bool joins_words = c == fc::conjunction && i > qi + 1 && classes_[i - 1] == fc::word;
            if (std::string_view("aotnfEz_J").find(c) == std::string_view::npos && !joins_words) break;
        }
        return std::nullopt;
    }

    // "earnings from merchandise exports", "revenue of tea exports": the flow head in the phrase's
    // of/from attachment, when it lifts the veto of the phrase's head. Null when none.
    const Cell* flow_after(const Measured& m) const {
        const Cell& head = cells_[m.head];
        if (m.head + 1 >= m.after || std::string_view("fo").find(classes_[m.head + 1]) == std::string_view::npos)
            return nullptr;
        for (std::size_t i = m.head + 2; i < m.after; ++i)
            if (cells_[i].measure && cells_[i].measure->group == "flow" && rescues(*head.veto, cells_[i])) return &cells_[i];
        return nullptr;
    }

    // "Earnings from spices decreased 27.16 percent to 34.90 million dollars", "earnings from
    // rubber and rubber finished products": what goods bring in is what they earn abroad, the
    // flow that lifts the proceeds word (vetoes.tsv: "export earnings"). Goods only, right after
    // "from": "earnings from tourism" names no goods.
    const MeasureWord* proceeds_from_goods(const Measured& m) const {
        const Cell& head = cells_[m.head];
        if (!names_proceeds(*head.veto) || m.head + 2 >= cells_.size() || classes_[m.head + 1] != fc::from) return nullptr;
        const std::size_t goods = classes_[m.head + 2] == fc::determiner ? m.head + 3 : m.head + 2;
        if (goods >= cells_.size() || classes_[goods] != fc::product) return nullptr;
        // "Dilmah's earnings from tea": a company's.
        for (std::size_t t = cells_[m.first].first; t < cells_[m.head].first; ++t)
            if (q_.tokens[t].norm == "'s" && q_.tokens[t].name != NameClass::country_possessive) return nullptr;
        return lex_.lifting_flow(*head.veto);
    }

    bool rescues(const VetoWord& v, const Cell& prev) const {
        const std::string_view w = q_.tokens[prev.first].norm;
        return std::any_of(v.unless_after.begin(), v.unless_after.end(), [&](const std::string& u) { return u == w; });
    }

    // "increased by 12.37 percent, 11.73 percent and 16.72 percent respectively", "recorded
    // increases of 82.99 percent, 172.38 percent": a percentage listed after a change rate, with
    // only commas and "and" between them, is a change rate too.
    bool listed_after_change(std::size_t qi) const {
        std::size_t i = qi;
        while (i >= 2) {
            std::size_t j = i - 1;
            if (classes_[j] == fc::conjunction && j > 0 && classes_[j - 1] == fc::comma) --j;
            if (classes_[j] != fc::comma && classes_[j] != fc::conjunction) return false;
            if (j == 0 || classes_[j - 1] != fc::other_figure) return false;
            i = j - 1;
            const std::string_view unit = q_.tokens[cells_[i].last - 1].norm;
            if (!is_one_of(unit, {"%", "percent", "pct", "per cent", "cent"})) return false;
            std::size_t k = i;
            if (k > 0 && classes_[k - 1] == fc::by) --k;
            if (k > 0 && classes_[k - 1] == fc::of) --k;
            if (k > 0 && (classes_[k - 1] == fc::up || classes_[k - 1] == fc::down)) return true;
        }
        return false;
    }

    void role(std::size_t qi, const std::optional<Measured>& m, Frame& f) const {
        // "grew by just 16%", "rose only 3%": an adverb between the change word and the figure.
        const bool adverb = qi > 1 && is_one_of(q_.tokens[cells_[qi - 1].first].norm,
                                                {"just", "only", "nearly", "almost", "roughly", "some", "barely", "merely"});
        // "up sharply from the US$ 484 million": a determiner is looked through too.
        const std::size_t skip = (adverb ? 2 : 1) + (qi > 2 && classes_[qi - 1] == fc::determiner &&
                                                     classes_[qi - 2] == fc::from ? 1 : 0);
        const char prev = qi >= skip ? classes_[qi - skip] : ' ';
        const char next = qi + 1 < classes_.size() ? classes_[qi + 1] : ' ';
        const std::string_view prev_word = qi > 0 ? q_.tokens[cells_[qi - 1].first].norm : std::string_view{};
        const std::string_view next_word = qi + 1 < cells_.size() ? q_.tokens[cells_[qi + 1].first].norm : std::string_view{};
        const bool earlier_change = std::any_of(classes_.begin(), classes_.begin() + static_cast<std::ptrdiff_t>(qi),
                                                [](char c) { return c == fc::up || c == fc::down; });
        const auto change = [&] { f.role = q_.percent ? Role::change_rate : Role::change_amount; };
        if (names_older_value(qi)) {
            f.role = Role::previous;   // "an initial 44%", "Sri Lanka initially faced a 44% tariff"
            return;
        }
        // "increased earnings mainly from exports of petroleum products (111.0%), tea (7.0%)",
        // "lower exports of cloves (-96.79%)": a percentage alone in brackets after an item, in
        // a clause of change or with a sign, is how much the item changed.
        // (Only a bracketed percentage asks whether its clause changes: role() runs for every frame.)
        const auto clause_changes = [&] {
            return std::any_of(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(qi),
                               [](const Cell& c) { return c.verb && c.verb->change != Change::none; }) ||
                   std::any_of(q_.tokens.begin() + static_cast<std::ptrdiff_t>(lo_),
                               q_.tokens.begin() + static_cast<std::ptrdiff_t>(q_.first),
                               [](const FrameToken& t) { return t.norm == "higher" || t.norm == "lower"; });
        };
        if (q_.percent && listed_after_change(qi)) {
            change();
            return;
        }
        if (in_aside_ && q_.percent && (q_.tokens[q_.first].norm == "-" || clause_changes())) {
            change();
            return;
        }
        // "China increased to 4.8 percent (+0.8-pct)": a signed figure is a change.
        if (q_.first < q_.tokens.size() && !q_.tokens[q_.first].norm.empty() && q_.tokens[q_.first].norm[0] == '+') {
            change();
            return;
        }
        // "an additional 25% tariff": a surcharge on the rate, not the rate. But "will invest an
        // additional $100 billion": what is pledged now is a pledge of its own.
        if (is_one_of(prev_word, {"additional", "extra", "further"}) && f.measure_group != "investment") {
            change();
            return;
        }
        if (prev == fc::from || is_one_of(prev_word, {"against", "versus", "vs", "compared"}) ||
            (qi >= 2 && is_one_of(q_.tokens[cells_[qi - 1].first].norm, {"with", "to"}) &&
             is_one_of(q_.tokens[cells_[qi - 2].first].norm, {"compared", "versus", "against"})))
            f.role = Role::previous;
        // "exceeding imports by $611 million": an amount after "by" is a difference; but "in
        // deficit by 760 mln stg" is the deficit.
        else if (prev == fc::by && (earlier_change || (!q_.percent && !(qi >= 2 && classes_[qi - 2] == fc::balance))))
            change();
        else if (prev == fc::up || prev == fc::down)
            change();
        else if (prev == fc::of && qi >= 2 && (classes_[qi - 2] == fc::up || classes_[qi - 2] == fc::down))
            change();   // "an increase of 110%", "an annual fall of 0.4%"
        else if (is_one_of(next_word, {"higher", "lower"}))
            change();   // "56 per cent higher year-on-year"
        else if (m && m->head + 1 < classes_.size() && m->head < qi &&
                 (classes_[m->head + 1] == fc::up || classes_[m->head + 1] == fc::down) &&
                 is_one_of(q_.tokens[cells_[m->head + 1].first].norm,
                           {"reduction", "reductions", "increase", "increment", "cut", "cuts", "hike", "hikes", "rise",
                            "growth", "decline", "drop", "fall", "gain", "cutback"}) &&
                 prev != fc::to)
            change();   // "the overall tariff reduction is 21.9 percent"; not "exports rise (5%) to $318mn"
        else if (qi + 2 < classes_.size() && next == fc::word && (classes_[qi + 2] == fc::up || classes_[qi + 2] == fc::down) &&
                 is_one_of(q_.tokens[cells_[qi + 2].first].norm, {"increase", "rise", "growth", "decline", "drop", "fall",
                                                                   "jump", "gain", "hike", "cut", "reduction", "decrease"}))
            change();   // "a 20 percent tariff-induced drop in U.S. exports"
        else if ((next == fc::up || next == fc::down) &&
                 is_one_of(next_word, {"increase", "rise", "growth", "decline", "drop", "fall", "jump", "gain", "hike",
                                       "cut", "reduction", "decrease", "surge", "dip", "slump", "up", "down"}) &&
                 !until_after(qi))   // "USD 5.4 billion up to May 2025": until, not a change
            change();
        // "rose 5% year-on-year"; but "have grown 64.99 percent to 7.30 million US dollars
        // year-on-year" is the level the change reached.
        else if (is_one_of(next_word, {"yoy", "y-o-y", "year-on-year", "mom", "month-on-month"}) && prev != fc::to)
            change();
        else if (prev == fc::of && qi >= 2 && q_.tokens[cells_[qi - 2].first].norm == "pace" &&
                 earlier_change)
            change();   // "exports grew at an improved pace of 9.4%"
        else if (m && (f.measure_group == "target" || (cells_[m->head].measure && cells_[m->head].measure->group == "target")))
            f.role = Role::target;
        else if (m && f.measure_group == "threshold")
            f.role = Role::threshold;
        // "imports from China valued under $800", "goods worth less than $800": the value below
        // which a rule applies to each parcel, not what the flow is worth.
        else if (!q_.percent && is_one_of(prev_word, {"valued", "worth", "priced", "costing"}) &&
                 is_one_of(q_.tokens[q_.first].norm, {"under", "below", "less", "up"}))
            f.role = Role::threshold;
        else if (std::any_of(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(qi),
                             [](const Cell& c) { return c.verb && c.verb->status == Status::target; }) &&
                 f.measure_group != "tariff")
            f.role = Role::target;
    }

    // "by 2030" after the figure in its clause (within six tokens), a year after the article's.
    bool by_later_year(std::size_t qi) const {
        const int published = static_cast<int>(q_.published->year());
        const std::size_t from = cells_[qi].last;
        for (std::size_t t = from; t + 1 < hi_ && t < from + 6; ++t) {
            if (q_.tokens[t].norm != "by") continue;
            const std::string_view y = q_.tokens[t + 1].norm;
            if (y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return std::stoi(std::string(y)) > published;
        }
        return false;
    }

    // Words that make the figure an older value: an adjective right before it ("an initial
    // 44%", "the original 46 percent"), or an adverb anywhere before it in the clause
    // ("initially", "originally", "previously", "formerly") a few words before it. "Earlier" is left out: "earlier this
    // month the US imposed 50%" may still be the rate in force.
    bool names_older_value(std::size_t qi) const {
        if (qi > 0 && is_one_of(q_.tokens[cells_[qi - 1].first].norm, {"initial", "original", "previous", "prior", "former", "old"}))
            return true;
        // "This started as a 10% tariff", "began at 10%": where a rate started, since changed.
        for (std::size_t i = qi; i-- > 0 && qi - i <= 3;)
            if (is_one_of(q_.tokens[cells_[i].first].norm, {"as", "at"}) && i > 0 &&
                is_one_of(q_.tokens[cells_[i - 1].first].norm, {"started", "began", "starting"}))
                return true;
        // Near it, with no other figure between ("initially 44%, now 20%": 20% is not older).
        for (std::size_t i = qi; i-- > 0 && qi - i <= 8;) {
            if (classes_[i] == fc::other_figure) break;
            if (is_one_of(q_.tokens[cells_[i].first].norm, {"initially", "originally", "previously", "formerly"})) return true;
        }
        return false;
    }

    // Holder and counterpart.
    // Returns the verb of a relative clause after a tariff phrase ("the tariffs Trump is
    // threatening"), for status().
    const VerbWord* parties(std::size_t qi, const std::optional<Measured>& m, Frame& f) const {
        const VerbWord* relative_verb = nullptr;
        const auto code = [&](std::size_t i) { return std::string(q_.tokens[cells_[i].first].name_id); };
        const auto holder = [&](std::size_t i) {
            if (!f.holder.empty()) return;
            f.holder = code(i);
            f.holder_type = classes_[i] == fc::leader ? HolderType::person : HolderType::country;
        };
        const auto counterpart = [&](std::size_t i) {
            if (f.counterpart.empty() && code(i) != f.holder) f.counterpart = code(i);
        };
        if (m) {
            if (m->market != std::string::npos) counterpart(m->market);
            // In the phrase: "Sri Lanka's tea exports", "US tariffs", "Chinese imports".
            // But "the US bought $400 billion of Chinese imports", "Brazilian imports account for
            // 40 pct of total U.S. supply": where imports come from, when the clause names another
            // country that buys them; not "Chinese imports of US soybeans" or "Chinese imports
            // from the EC" (China's), nor "West German fishmeal imports rose" (no other country).
            const bool origin_adjective =
                f.metric == "imports" &&
                !(m->head + 1 < classes_.size() && (classes_[m->head + 1] == fc::of || classes_[m->head + 1] == fc::from));
            for (std::size_t i = m->first; i < m->head; ++i)
                if (is_name(classes_[i]) && i != qi) {
                    if (origin_adjective && classes_[i] == fc::country_adjective && names_other_country(i)) counterpart(i);
                    else holder(i);
                }
            // After it: "tariffs on Chinese goods", "exports to the US", "deficit with China".
            attached_parties(m->head + 1, m->after, f, holder, counterpart);
            // "India's tariff rate remains at 25 percent", "Sri Lanka's rate": the rate a country
            // gets. A country's own tariffs are "on" someone ("China's tariff rate on US goods").
            // So is a country's "reciprocal tariff" (the name of the United States' 2025 tariffs
            // on each partner: "Vietnam's 46% reciprocal tariff").
            if (f.measure_group == "tariff" && f.counterpart.empty() && f.holder_type == HolderType::country &&
                ((m->head + 1 < classes_.size() && is_one_of(q_.tokens[cells_[m->head + 1].first].norm, {"rate", "rates"})) ||
                 phrase_has(*m, {"reciprocal"})))
                for (std::size_t i = m->first; i < m->head; ++i)
                    if (classes_[i] == fc::country_possessive) {
                        f.counterpart = f.holder;
                        f.holder.clear();
                        f.holder_type = HolderType::unknown;
                        break;
                    }
            // A company's or a government's measure: "the company's exports", "the ministry".
            for (std::size_t i = m->first; i < m->head; ++i) {
                const std::string_view w = q_.tokens[cells_[i].first].norm;
                if (names_company(w)) f.holder_type = HolderType::company;
            }
            // "the 50% tariffs Trump is threatening to place on the EU", "the 30% tariff the US
            // imposed": a name and its verb right after the phrase, a relative clause with no
            // "that", say whose it is; "the tariff Vietnam faces" says who faces it.
            if (f.holder.empty() && f.measure_group == "tariff") {
                std::size_t n = m->after;
                if (n < cells_.size() && classes_[n] == fc::determiner) ++n;
                if (n + 1 < cells_.size() && is_name(classes_[n]) && classes_[n] != fc::country_adjective) {
                    std::size_t v = n + 1;
                    while (v < cells_.size() && v <= n + 3 && !cells_[v].verb && classes_[v] == fc::word) ++v;
                    if (v + 1 < cells_.size() && cells_[v].verb && cells_[v].verb->id == "be" && cells_[v + 1].verb) ++v;   // "is threatening"
                    if (v < cells_.size() && cells_[v].verb && cells_[v].verb->change == Change::none) {
                        if (cells_[v].verb->subject == VerbSubject::counterpart) counterpart(n);
                        else holder(n);
                        relative_verb = cells_[v].verb;   // "is threatening": what it says of the figure
                    }
                }
            }
        }
        // "the US imposed sweeping tariffs — Sri Lanka's rate settled at 20%": a country's
        // "rate" near before a tariff's figure is the rate it gets.
        if (f.measure_group == "tariff" && f.counterpart.empty())
            for (std::size_t i = qi; i-- > 0 && qi - i <= 6;)
                if (classes_[i] == fc::country_possessive && i + 1 < qi &&
                    is_one_of(q_.tokens[cells_[i + 1].first].norm, {"rate", "rates"})) {
                    if (code(i) != f.holder) f.counterpart = code(i);
                    break;
                }
        // The clause's subject and its verb: "Canada imposed", "Vietnam will pay", "China lowers".
        const std::optional<std::size_t> verb = governing_verb(qi);
        const std::size_t subject_end = verb ? *verb : (m ? std::min(m->first, qi) : qi);
        // "hit Taiwan with a 32% tariff", "slapped China and India with duties": the verb's object,
        // before "with", faces the measure and its subject imposes it.
        std::vector<std::size_t> objects;
        if (verb && std::string_view("hm").find(classes_[*verb]) != std::string_view::npos) {
            std::size_t j = *verb + 1;
            if (j < qi && classes_[j] == fc::determiner) ++j;
            while (j < qi && is_name(classes_[j])) {
                objects.push_back(j++);
                if (j < qi && (classes_[j] == fc::conjunction || classes_[j] == fc::comma)) ++j;
            }
            if (j >= qi || classes_[j] != fc::with) objects.clear();
        }
        const bool faces = verb && objects.empty() &&
                           (cells_[*verb].verb->subject == VerbSubject::counterpart || passive(*verb));
        f.subject_faces = faces;
        // The subject of a verb that makes it face the measure stands after any earlier verb:
        // "the president announced that those countries would be subjected to a 10% tariff".
        std::size_t subject_first = 0;
        if (faces) {
            std::size_t chain = *verb;   // "are facing", "will be subjected to": one verb
            while (chain > 0 && (cells_[chain - 1].verb || is_one_of(q_.tokens[cells_[chain - 1].first].norm,
                                                                      {"be", "been", "being", "not", "also", "now", "still"})))
                --chain;
            // An earlier verb, or "that"/"which"/"who", opens the clause the subject stands in
            // ("Trump asserted that those countries would be subjected to"); "X, whose exports
            // were hit" is X's.
            for (std::size_t j = chain; j-- > 0;) {
                const std::string_view w = q_.tokens[cells_[j].first].norm;
                if (w == "whose") {
                    std::size_t k = j;
                    while (k > 0 && classes_[k - 1] == fc::comma) --k;
                    subject_first = k > 0 && is_name(classes_[k - 1]) ? k - 1 : j + 1;
                    break;
                }
                if (is_one_of(w, {"which", "who"}) && relative_aside(j, chain)) continue;
                // "Trump said any country doing business with Iran would be hit": a reported
                // clause's subject stands after the verb of saying.
                if (cells_[j].verb || is_one_of(w, {"that", "which", "who", "said", "says", "say", "told", "wrote", "posted"})) {
                    subject_first = j + 1;
                    break;
                }
            }
        }
        // "noting that India's tariff rate remains at 25 percent", "Sri Lanka's exports rose":
        // the measured phrase is the subject of a copula or a change verb after it; a name
        // before it is no subject of the figure's clause.
        // Not when a verb stands before the phrase: "setting a 30 percent tariff, down from 44".
        const bool phrase_is_subject =
            m && verb && m->after <= *verb && std::string_view("kud").find(classes_[*verb]) != std::string_view::npos &&
            std::none_of(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(m->first),
                         [](const Cell& c) { return c.verb != nullptr; });
        for (std::size_t i = subject_first; i < subject_end && !phrase_is_subject; ++i) {
            if (m && i >= m->first && i < m->after) break;   // the phrase's own names are read above
            if (faces && is_one_of(q_.tokens[cells_[i].first].norm, {"which", "who"}) && relative_aside(i, subject_end)) {
                while (i + 1 < subject_end && classes_[i + 1] != fc::comma) ++i;   // skip the aside
                continue;
            }
            // "Chinese officials": not a subject; but "US goods are facing": whose goods face it.
            if (classes_[i] == fc::country_adjective && !(faces && names_goods(i + 1))) continue;
            // "a visit to Switzerland": no subject; but "in response to the United States'
            // decision to impose": a possessive names whose act it is.
            if (is_name(classes_[i]) && !possessive(i) && after_preposition(i)) continue;
            if (!is_name(classes_[i])) {
                const std::string_view w = q_.tokens[cells_[i].first].norm;
                if (f.holder.empty() && names_company(w) && q_.tokens[cells_[i].first].capitalised)
                    f.holder_type = HolderType::company;
                continue;
            }
            // "The Ceylon Chamber ... appealed to Sri Lanka over the US decision to impose a 30%
            // tariff on products from Sri Lanka": the country the measure is on imposes nothing.
            if (!faces && !(m && m->share) && f.holder.empty() && code(i) == f.counterpart) continue;
            if (faces) counterpart(i);
            else if (!(m && m->share)) holder(i);
            else counterpart(i);   // "the US takes 25% of Sri Lanka's exports": the destination
            break;
        }
        if (!objects.empty() && f.counterpart.empty() && code(objects.front()) != f.holder) counterpart(objects.front());
        // "imposed on Sri Lanka", "against China" anywhere after the verb in the clause.
        if (f.counterpart.empty() && (!m || f.measure_group == "tariff"))
            for (std::size_t i = verb ? *verb + 1 : 0; i + 1 < classes_.size(); ++i)
                if (classes_[i] == fc::on) {
                    std::size_t j = i + 1;
                    if (classes_[j] == fc::determiner && j + 1 < classes_.size()) ++j;
                    if (is_name(classes_[j])) { counterpart(j); break; }
                }
        if (f.measure_group == "tariff" || faces) goods_destination(qi, faces, f);
        if (f.holder_type == HolderType::unknown && !f.holder.empty()) f.holder_type = HolderType::country;
        // "Export income of USD 685 million contributed 53% of the Group's total revenue": a
        // company's accounts, when the clause names no country's measure.
        if (f.holder.empty() && f.holder_type == HolderType::unknown)
            for (std::size_t t = lo_; t + 1 < hi_; ++t)
                if (names_company(q_.tokens[t].norm) && is_one_of(q_.tokens[t + 1].norm, {"'s", "'", "’s", "’"}))
                    f.holder_type = HolderType::company;
        for (std::size_t i = 0; i < qi; ++i)
            if (names_government(q_.tokens[cells_[i].first].norm) && f.holder_type != HolderType::company &&
                f.holder_type != HolderType::person)
                f.holder_type = HolderType::government;
        return relative_verb;
    }

    template <typename H, typename C>
    void attached_parties(std::size_t from, std::size_t to, Frame& f, H holder, C counterpart) const {
        char prep = 0;
        bool first_prep = true;   // "exports of Sri Lanka"; not "on products coming out of China"
        for (std::size_t i = from; i < to; ++i) {
            const char c = classes_[i];
            if (std::string_view("ntfwio").find(c) != std::string_view::npos) {
                first_prep = prep == 0;
                prep = c;
                continue;
            }
            if (!is_name(c)) continue;
            if (prep == fc::of && c != fc::country_adjective) {
                if (first_prep) holder(i);
            }
            else if (prep == fc::to && f.measure_group == "tariff") continue;   // "raised tariffs to 20%"
            // "a 60% tariff on US imports from China": the country whose imports they are charges
            // it; where they come from faces it.
            else if (prep == fc::on && f.measure_group == "tariff" && c != fc::country_adjective && i + 1 < to &&
                     classes_[i + 1] == fc::flow && cells_[i + 1].measure && cells_[i + 1].measure->id == "imports")
                holder(i);
            // "the cost of imports in Sri Lanka", "the trade deficit in the US": whose they are.
            else if (prep == fc::in && (f.measure_group == "flow" || f.measure_group == "balance") && right_after_in(i))
                holder(i);
            // "exports from Sri Lanka's garment sector": where exports come from is whose they are
            // (but "export earnings from the US" come from a market).
            else if (prep == fc::from && f.measure == "exports" && first_prep && from > 0 && classes_[from - 1] == fc::flow)
                holder(i);
            // "a new 10% tariff in China": where a tariff is charged is who charges it.
            else if (prep == fc::in && f.measure_group == "tariff" && q_.tokens[cells_[i - 1].first].norm != "for" &&
                     (i < 2 || q_.tokens[cells_[i - 2].first].norm != "for"))
                holder(i);
            else if (prep) counterpart(i);
        }
    }

    // Whether the name at cell `i` follows "in" (and a determiner): "in Sri Lanka", "in the US".
    bool right_after_in(std::size_t i) const {
        if (i > 0 && classes_[i - 1] == fc::determiner) --i;
        return i > 0 && q_.tokens[cells_[i - 1].first].norm == "in";
    }

    // "a 20% tariff on its exports to the US", "Sri Lankan goods entering the US face": the
    // country goods go to charges the tariff on them, and whose goods they are faces it (their
    // adjective or possessive, or the clause's subject for "its"). A word that names goods, then
    // to/into/entering and a country, anywhere in the clause.
    void goods_destination(std::size_t qi, bool faces, Frame& f) const {
        const auto code = [&](std::size_t i) { return std::string(q_.tokens[cells_[i].first].name_id); };
        for (std::size_t i = 1; i + 1 < cells_.size(); ++i) {
            const std::string_view w = q_.tokens[cells_[i].first].norm;
            if (i == qi || !is_one_of(w, {"to", "into", "entering"})) continue;
            const std::size_t goods = i - 1;
            if (!names_goods(goods)) continue;
            std::size_t d = i + 1;
            if (classes_[d] == fc::determiner && d + 1 < cells_.size()) ++d;
            if (classes_[d] != fc::country) continue;
            const std::string dest = code(d);
            // Whose goods: "Sri Lankan goods", "Japan's cars"; "its exports" are the subject's.
            std::string owner;
            for (std::size_t j = goods; j-- > 0 && j + 3 >= goods;) {
                if (classes_[j] == fc::country_adjective || classes_[j] == fc::country_possessive) { owner = code(j); break; }
                if (is_one_of(q_.tokens[cells_[j].first].norm, {"its", "their"})) { owner = f.holder; break; }
                if (classes_[j] != fc::product && classes_[j] != fc::word && classes_[j] != fc::flow &&
                    classes_[j] != fc::determiner) break;
            }
            if (owner == dest) return;
            if (f.holder.empty() || f.holder == owner || (faces && f.holder == f.counterpart)) {
                if (!owner.empty() && f.counterpart.empty()) f.counterpart = owner;
                if (f.counterpart == dest) f.counterpart = f.holder == dest ? "" : f.holder;
                f.holder = dest;
                f.holder_type = HolderType::country;
            }
            return;
        }
    }

    // "Goods bought from Temu, who handled 30% of US packages, will be subject to": a relative
    // clause between commas, at `i`, that closes before `end`, is an aside of the subject.
    bool relative_aside(std::size_t i, std::size_t end) const {
        if (i == 0 || classes_[i - 1] != fc::comma) return false;
        for (std::size_t j = i + 1; j < end; ++j)
            if (classes_[j] == fc::comma) return true;
        return false;
    }

    // Whether the cell at `i` names goods: a product, a flow word, "goods", "products".
    bool names_goods(std::size_t i) const {
        return i < cells_.size() && (classes_[i] == fc::product || classes_[i] == fc::flow ||
                                     is_one_of(q_.tokens[cells_[i].first].norm, {"goods", "products", "cars", "vehicles", "items"}));
    }

    // "up to" or "down to" right after the figure at `qi`.
    bool until_after(std::size_t qi) const {
        const std::size_t t = qi + 1 < cells_.size() ? cells_[qi + 1].last : hi_;
        return t < hi_ && q_.tokens[t].norm == "to" && is_one_of(q_.tokens[t - 1].norm, {"up", "down"});
    }

    // "66% of (Sri Lanka's total) tariff lines": "of" right after the figure, then within five
    // tokens "tariff line(s)".
    bool share_of_tariff_lines(std::size_t qi) const {
        return after_figure(qi, {"of"}, 5, [&](std::size_t t) {
            return t + 1 < hi_ && is_one_of(q_.tokens[t].norm, {"tariff", "tariffs"}) &&
                   is_one_of(q_.tokens[t + 1].norm, {"line", "lines"});
        });
    }

    // Whether one of `words` stands among the modifiers of the measured phrase.
    bool phrase_has(const Measured& m, std::initializer_list<std::string_view> words) const {
        for (std::size_t i = m.first; i < m.head; ++i)
            if (is_one_of(q_.tokens[cells_[i].first].norm, words)) return true;
        return false;
    }

    // "China's", and "the United States’" (a plural's apostrophe is a token of its own), and
    // "Japan whose rate is 61.3%".
    bool possessive(std::size_t i) const {
        if (classes_[i] == fc::country_possessive) return true;
        const std::size_t next = cells_[i].last;
        return next < q_.tokens.size() && is_one_of(q_.tokens[next].norm, {"'", "’", "whose"});
    }

    // A name that follows to, from, on, with or at (and a determiner) is the object of that
    // preposition, not a clause's subject: "the president's visit to Switzerland came as he ...".
    // Also a later name of a list after the preposition: "Goods from Denmark, Finland, France"
    // (a list's name is followed by another comma or "and", or follows "and": not "trade
    // barriers with China, the EU remains set on").
    bool after_preposition(std::size_t i) const {
        const bool in_list = (i + 1 < classes_.size() && (classes_[i + 1] == fc::comma || classes_[i + 1] == fc::conjunction)) ||
                             (i > 0 && classes_[i - 1] == fc::conjunction) ||
                             (i > 1 && classes_[i - 1] == fc::determiner && classes_[i - 2] == fc::conjunction);
        if (!in_list) {
            if (i > 0 && classes_[i - 1] == fc::determiner) --i;
            return i > 0 && std::string_view("tfnwa").find(classes_[i - 1]) != std::string_view::npos;
        }
        while (i > 0 && (classes_[i - 1] == fc::determiner ||
                         ((classes_[i - 1] == fc::comma || classes_[i - 1] == fc::conjunction) && i > 1 &&
                          std::string_view("CJOz").find(classes_[i - 2]) != std::string_view::npos) ||
                         (std::string_view("CJO").find(classes_[i - 1]) != std::string_view::npos && i > 1 &&
                          (classes_[i - 2] == fc::comma || classes_[i - 2] == fc::conjunction || classes_[i - 2] == fc::determiner ||
                           std::string_view("tfnwa").find(classes_[i - 2]) != std::string_view::npos))))
            --i;
        return i > 0 && std::string_view("tfnwa").find(classes_[i - 1]) != std::string_view::npos;
    }

    // "will be charged", "was hit with": the subject receives what the verb does.
    bool passive(std::size_t verb) const {
        if (verb == 0 || cells_[verb].verb->subject != VerbSubject::holder || cells_[verb].verb->change != Change::none)
            return false;
        const std::string_view before = q_.tokens[cells_[verb - 1].first].norm;
        // Not "the U.S. is set to implement a 50% tariff": what it is about to do.
        const std::size_t after = cells_[verb].last;
        if (after < q_.tokens.size() && q_.tokens[after].norm == "to") return false;
        return is_one_of(before, {"be", "been", "being", "is", "are", "was", "were"}) &&
               is_one_of(cells_[verb].verb->id, {"impose", "announce"});
    }

    // The verb that governs the figure: the nearest before it in the clause.
    std::optional<std::size_t> governing_verb(std::size_t qi) const {
        for (std::size_t i = qi; i-- > 0;)
            if (cells_[i].verb) return i;
        return std::nullopt;
    }

    // How strongly a clause's words say a figure is not simply in effect: threatened >
    // proposed > expected > announced > in effect (and the other statuses, which status() sets
    // from the role).
    static int rank_of(Status s) {
        switch (s) {
        case Status::threatened: return 4;
        case Status::proposed: return 3;
        case Status::expected: return 2;
        case Status::announced: return 1;
        default: return 0;
        }
    }

    // `relative_verb`: parties()'s, what a relative clause after the phrase says of the figure.
    void status(std::size_t qi, const VerbWord* relative_verb, Frame& f) const {
        if (f.role == Role::previous) { f.status = Status::previous; return; }
        if (f.role == Role::target) { f.status = Status::target; }
        int rank = 0;   // rank_of(): the strongest status the clause gave so far
        const auto raise = [&](Status s) {
            if (const int r = rank_of(s); r > rank) { rank = r; if (f.role != Role::target) f.status = s; }
        };
        // "Why wasn't this tariff scaled down to the 10–15% range?": a figure a question asks
        // about is no fact; one it presupposes in a noun phrase ("Will Trump's 44% tariff
        // destabilise the industry?") is.
        if (asks_about(qi)) raise(Status::proposed);
        if (relative_verb && relative_verb->status != Status::expected) raise(relative_verb->status);
        const std::size_t end = std::min(cells_.size(), qi + 4);
        // "he threatened to take tariffs to 50% after imposing an additional 25%": "after",
        // "before", "since" or "following" and a verb open a clause of their own.
        std::size_t start = 0;
        for (std::size_t i = 0; i + 1 < qi; ++i)
            if (is_one_of(q_.tokens[cells_[i].first].norm, {"after", "before", "since", "following"}) && cells_[i + 1].verb)
                start = i + 1;
        for (std::size_t i = start; i < end; ++i) {
            const std::string_view w = q_.tokens[cells_[i].first].norm;
            if (const VerbWord* v = cells_[i].verb) {
                if (v->status != Status::proposed || i < qi) raise(v->status);   // a proposal only before the figure
                if (f.verb.empty() || i < qi) {
                    f.verb = v->id;
                    f.changes = i < qi && v->change != Change::none && f.role == Role::level;
                }
            }
            if ((i < qi && is_one_of(w, {"will", "would", "shall"})) || (w == "to" && i + 1 < cells_.size() && cells_[i + 1].verb &&
                                                            cells_[i + 1].verb->id != "be"))
                raise(Status::announced);
        }
        // "the newly imposed 30% tariff", "a new 25% rate": the figure replaced an older one.
        for (std::size_t i = qi; i-- > 0 && qi - i <= 6 && f.role == Role::level && classes_[i] != fc::other_figure;)
            if (is_one_of(q_.tokens[cells_[i].first].norm, {"new", "newly", "revised", "latest"})) f.changes = true;
        // "... will take effect on Tuesday", "is to come into force": what the figure's clause
        // says will happen, after the figure as well as before it.
        for (std::size_t i = qi + 1; i + 2 < cells_.size() && rank < 1; ++i) {
            const std::string_view w = q_.tokens[cells_[i].first].norm;
            const std::string_view n = q_.tokens[cells_[i + 1].first].norm;
            const std::string_view o = q_.tokens[cells_[i + 2].first].norm;
            if (is_one_of(w, {"will", "shall", "to"}) && is_one_of(n, {"take", "come", "go"}) &&
                is_one_of(o, {"effect", "force", "into"}))
                raise(Status::announced);
        }
        if (f.status == Status::announced)
            for (std::size_t i = 0; i + 1 < cells_.size(); ++i) {
                const std::string_view w = q_.tokens[cells_[i].first].norm;
                const std::string_view n = q_.tokens[cells_[i + 1].first].norm;
                if ((w == "took" || w == "takes" || w == "came" || w == "in") && (n == "effect" || n == "force"))
                    f.status = Status::in_effect;
            }
    }

    const FrameQuery& q_;
    const FrameLexicon& lex_;
    std::size_t lo_ = 0, hi_ = 0;
    std::vector<Cell> cells_;
    std::string classes_;
    bool in_aside_ = false;   // the figure stands alone in brackets after a word (figure_in_aside)
};

} // namespace

Frame read_frame(const FrameQuery& query, const FrameLexicon& lexicon) {
    if (query.first >= query.last || query.last > query.tokens.size()) return {};
    return Clause(query, lexicon).read();
}

} // namespace tradecheck
