#include "tradecheck/parser/extractor.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <span>

#include <fmt/core.h>

#include "tradecheck/frames/reader.hpp"
#include "tradecheck/parser/quantity_locale.hpp"
#include "tradecheck/parser/names.hpp"
#include "tradecheck/parser/text.hpp"
#include "tradecheck/parser/tokens.hpp"

#include "rule_words_filter.hpp"

namespace tradecheck {

namespace {

// A quantity placed among the article's tokens.
struct Placed {
    const Quantity* q = nullptr;
    std::size_t first = 0;     // token range, half-open
    std::size_t last = 0;
    std::size_t sentence = 0;
};

// What one article looks like to the rules: tokens, sentences, name mentions, quantities.
class Document {
public:
    Document(const Article& article, const RuleSet& rules)
        : article_(article), rules_(rules), quantities_(find_quantities(article.text, options_for(article))),
          regions_(regions(article.text, quantities_, rules)), tokens_(tokenize_regions(article.text, regions_)),
          sentences_(split_sentences(article.text, tokens_)) {
        published_ = parse_day(article.published);
        sentence_of_.resize(tokens_.size() + 1, sentences_.empty() ? 0 : sentences_.size() - 1);
        for (std::size_t s = 0; s < sentences_.size(); ++s)
            for (std::size_t t = sentences_[s].first; t < sentences_[s].last; ++t) sentence_of_[t] = s;
        index_words();
        mentions_ = rules.names.find(tokens_, ids_);
        drop_currency_mentions();
        for (const Quantity& q : quantities_) {
            // Years and durations date the figures near them; a time outside what was read
            // dates nothing (token_at would put it at the start of the next region).
            if (!(is_time(q) || may_claim(q, rules)) || !in_regions(q.bytes)) continue;
            Placed p{&q, token_at(tokens_, q.bytes.start), 0, 0};
            p.last = std::max(p.first + 1, token_at(tokens_, q.bytes.end));
            p.sentence = sentence_of_[std::min(p.first, tokens_.size())];
            placed_.push_back(p);
        }
    }

    std::vector<Claim> claims() const {
        std::vector<Claim> out;
        std::vector<const Placed*> placed_of;   // out[i] was made of *placed_of[i]
        CodePointCursor cursor(article_.text);
        frames_.assign(placed_.size(), std::nullopt);
        partner_of_.assign(placed_.size(), std::string{});
        for (const Placed& p : placed_) {
            if (is_time(*p.q) || p.q->same_as >= 0) continue; // restatements are not new claims
            for (const Rule& rule : rules_.rules) {
                if (!applies(rule, p)) continue;
                out.push_back(make_claim(rule, p, cursor));
                placed_of.push_back(&p);
                partner_of_[static_cast<std::size_t>(&p - placed_.data())] = out.back().partner;
                break;
            }
        }
        link_transitions(out, placed_of);
        return out;
    }


private:
    static QuantityOptions options_for(const Article& article) {
        QuantityOptions options = quantity_options_for(tradecheck::article_country(article.outlet, article.text));
        // A bare "$" or "dlrs" follows the outlet's own country only: wire copy datelined in
        // Taipei or Toronto prints US dollars (the 1987 Reuters stories of Taiwan's surplus).
        options.default_dollar = quantity_options_for(tradecheck::article_country(article.outlet, {})).default_dollar;
        if (!article.currency.empty() && article.currency != "USD") options.default_dollar = article.currency;
        return options;
    }

    // Paragraph boundaries: a blank line, or a line break before an indented line (newswire).
    static std::vector<std::size_t> paragraph_starts(std::string_view text) {
        std::vector<std::size_t> starts{0};
        for (std::size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
            const std::size_t next = nl + 1;
            if (next < text.size() && (text[next] == '\n' || text[next] == '\t' ||
                                       (text[next] == ' ' && next + 1 < text.size() && text[next + 1] == ' ')))
                starts.push_back(next);
        }
        return starts;
    }

    // What the rules can look at: the paragraphs that hold a figure, the paragraph on either side
    // (a slot's scope may reach the sentence before), and the first (the dateline). Reading only
    // these is most of the extractor's speed on long stories.
    static std::vector<Span> regions(std::string_view text, const std::vector<Quantity>& quantities,
                                     const RuleSet& rules) {
        std::vector<Span> out;
        const auto starts = paragraph_starts(text);
        const auto paragraph_of = [&](std::size_t byte) {
            return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), byte) - starts.begin()) - 1;
        };
        const auto add = [&](std::size_t first, std::size_t last) {   // paragraphs [first, last]
            const Span span{starts[first], last + 1 < starts.size() ? starts[last + 1] : text.size()};
            if (!out.empty() && span.start <= out.back().end) out.back().end = std::max(out.back().end, span.end);
            else out.push_back(span);
        };
        bool any = false;
        for (const Quantity& q : quantities) {
            if (!may_claim(q, rules)) continue;
            if (!any) add(0, 0);
            any = true;
            const std::size_t p = paragraph_of(q.bytes.start);
            add(p > 0 ? p - 1 : 0, std::min(paragraph_of(q.bytes.end > 0 ? q.bytes.end - 1 : 0) + 1, starts.size() - 1));
        }
        return out;
    }

    static std::vector<Token> tokenize_regions(std::string_view text, const std::vector<Span>& spans) {
        std::vector<Token> tokens;
        std::size_t bytes = 0;
        for (const Span& s : spans) bytes += s.end - s.start;
        tokens.reserve(bytes / 5 + 8);   // news English: a token every five or six bytes
        for (const Span& s : spans) tokenize_into(text.substr(s.start, s.end - s.start), s.start, tokens);
        return tokens;
    }

    // Whether some rule could make a claim of `q`. Counts, years and durations far outnumber
    // the percentages and money the default rules take: their paragraphs need not be read.
    static bool may_claim(const Quantity& q, const RuleSet& rules) {
        if (is_time(q) || q.same_as >= 0) return false;
        return std::any_of(rules.rules.begin(), rules.rules.end(), [&](const Rule& r) {
            return std::find(r.accepts.begin(), r.accepts.end(), q.type) != r.accepts.end() &&
                   (r.units.empty() || std::find(r.units.begin(), r.units.end(), q.unit) != r.units.end());
        });
    }

    bool in_regions(const Span& bytes) const {
        const auto it = std::upper_bound(regions_.begin(), regions_.end(), bytes.start,
                                         [](std::size_t b, const Span& r) { return b < r.start; });
        return it != regions_.begin() && bytes.end <= std::prev(it)->end;
    }

    static bool is_time(const Quantity& q) {
        return q.type == QuantityType::year || q.type == QuantityType::duration;
    }

    std::pair<std::size_t, std::size_t> sentence_range(std::size_t s, int around) const {
        const std::size_t lo = s >= static_cast<std::size_t>(around) ? s - static_cast<std::size_t>(around) : 0;
        const std::size_t hi = std::min(sentences_.size() - 1, s + static_cast<std::size_t>(around));
        return {sentences_[lo].first, sentences_[hi].last};
    }

    bool phrase_at(const std::vector<std::uint32_t>& words, std::size_t t) const {
        if (t + words.size() > ids_.size()) return false;
        for (std::size_t k = 0; k < words.size(); ++k)
            if (ids_[t + k] != words[k]) return false;
        return true;
    }

    // Each token's vocabulary id (one lookup a token), and where each of the rules' words
    // stands: the positions grouped by id in one array (a counting sort), not a vector each.
    void index_words() {
        ids_.reserve(tokens_.size());
        for (const Token& t : tokens_) ids_.push_back(rules_.vocabulary.find(t.norm));
        const std::uint32_t rule_words = rules_.rule_words;
        const auto counted = [&](std::uint32_t id) { return id != 0 && id <= rule_words; };
        // Count, sum to each id's end, then fill backwards: each id's start is left behind.
        where_start_.assign(rule_words + 2, 0);
        for (const std::uint32_t id : ids_)
            if (counted(id)) ++where_start_[id];
        for (std::size_t i = 1; i < where_start_.size(); ++i) where_start_[i] += where_start_[i - 1];
        where_.resize(where_start_.back());
        for (std::size_t t = ids_.size(); t-- > 0;)
            if (counted(ids_[t])) where_[--where_start_[ids_[t]]] = static_cast<std::uint32_t>(t);
    }

    // Positions of the tokens with vocabulary id `id`, ascending.
    std::span<const std::uint32_t> positions(std::uint32_t id) const {
        if (id == 0 || id > rules_.rule_words) return {};
        return {where_.data() + where_start_[id], where_.data() + where_start_[id + 1]};
    }

    bool near_holds(const NearClause& c, const Placed& p) const {
        std::size_t lo, hi;
        if (c.sentences) {
            std::tie(lo, hi) = sentence_range(p.sentence, c.count - 1);
        } else {
            const auto [s_lo, s_hi] = sentence_range(p.sentence, 0);
            const auto n = static_cast<std::size_t>(c.count);
            lo = std::max(s_lo, p.first >= n ? p.first - n : 0);
            hi = std::min(s_hi, p.last + n);
        }
        if (c.side == Side::before) hi = std::min(hi, p.first);
        if (c.side == Side::after) lo = std::max(lo, p.last);
        // Where each phrase's first word stands is indexed: look only there.
        for (const auto& words : c.ids) {
            const auto& at = positions(words.front());
            for (auto it = std::lower_bound(at.begin(), at.end(), lo); it != at.end() && *it < hi; ++it)
                if (*it + words.size() <= hi && phrase_at(words, *it)) return true;
        }
        return false;
    }

    bool applies(const Rule& rule, const Placed& p) const {
        if (std::find(rule.accepts.begin(), rule.accepts.end(), p.q->type) == rule.accepts.end()) return false;
        if (!rule.units.empty() && std::find(rule.units.begin(), rule.units.end(), p.q->unit) == rule.units.end())
            return false;
        // The cheap conditions before the frame: reading it is most of a rule's cost, and the
        // result does not depend on the order (frames are read once, whatever asks first).
        if (!may_measure(rule, p)) return false;
        if (!std::all_of(rule.near.begin(), rule.near.end(),
                         [&](const NearClause& c) { return near_holds(c, p) != c.negated; }))
            return false;
        if (!frame_fits(rule, p)) return false;
        return rule.echoes.empty() || echoes(rule.echoes, p);
    }

    // Whether `p`'s frame could have one of the rule's measures. A frame's measure is a word of
    // its clause (or a tariff's, for a percentage before "on"), which lies in the figure's sentence (a measure word, or a veto word that names
    // one before "on imports"; "share_of_" and the group "share" for a share of it). A rule
    // that needs a measure (not `measure none`) cannot fit a figure whose sentence has no word
    // of one: its frame need not be read (most figures of a newswire archive).
    bool may_measure(const Rule& rule, const Placed& p) const {
        if (rule.measures.empty() || std::find(rule.measures.begin(), rule.measures.end(), "none") != rule.measures.end())
            return true;
        constexpr std::string_view share_of = "share_of_";
        // A percentage right before "on" may be a tariff's with no tariff word in its sentence
        // ("60% on goods imported from China": the frame reader's tariff_on_goods), in a story
        // that names tariffs (so RuleWordsFilter, which looks for measure words, stays sound).
        const bool rate_on = p.q->type == QuantityType::percent && p.last < tokens_.size() && tokens_[p.last].norm == "on";
        return std::any_of(rule.measures.begin(), rule.measures.end(), [&](const std::string& want) {
            const std::string_view w = want;
            if (rate_on && w == "tariff" && names_tariffs()) return true;
            return std::any_of(sentence_measures(p.sentence).begin(), sentence_measures(p.sentence).end(),
                               [&](const MeasureWord* m) {
                                   return w == m->id || w == m->group || w == "share" ||
                                          (w.starts_with(share_of) && w.substr(share_of.size()) == m->id);
                               });
        });
    }

    // Whether some sentence of the story has a tariff word (looked up once).
    bool names_tariffs() const {
        if (!names_tariffs_) {
            names_tariffs_ = false;
            for (std::size_t s = 0; s < sentences_.size() && !*names_tariffs_; ++s)
                for (const MeasureWord* m : sentence_measures(s))
                    if (m->id == "tariff") names_tariffs_ = true;
        }
        return *names_tariffs_;
    }

    // The measure words of sentence `s` as the frame reader classifies them, looked up once a
    // sentence (several figures share one).
    const std::vector<const MeasureWord*>& sentence_measures(std::size_t s) const {
        if (sentence_measures_.size() != sentences_.size()) sentence_measures_.assign(sentences_.size(), std::nullopt);
        std::optional<std::vector<const MeasureWord*>>& found = sentence_measures_[s];
        if (found) return *found;
        found.emplace();
        const FrameLexicon& lex = rules_.frames;
        for (std::size_t t = sentences_[s].first; t < sentences_[s].last; ++t) {
            if (!tokens_[t].word) continue;   // the reader classifies punctuation as such
            if (const MeasureWord* m = lex.measure(tokens_[t].norm)) found->push_back(m);
            if (const VetoWord* v = lex.veto(tokens_[t].norm); v && !v->on_trade.empty()) {
                if (const MeasureWord* m = lex.measure_by_id(v->on_trade)) found->push_back(m);
            } else if (v) {
                if (const MeasureWord* m = proceeds_of_goods(*v, t)) found->push_back(m);
            }
        }
        if (found->empty()) {
            if (gapped_goods(s)) found->push_back(flow_before_sentence(s));
            else if (const MeasureWord* m = anaphoric_measure(s)) found->push_back(m);
        }
        return *found;
    }

    // "... will be subjected to a 10% tariff on all goods starting Feb. 1. That number would
    // climb to 25% in June.": a sentence with no measure word that opens with "that number",
    // "the rate" and a verb of change goes on with the last measure of the sentence before it.
    const MeasureWord* anaphoric_measure(std::size_t s) const {
        if (s == 0) return nullptr;
        const Sentence& sent = sentences_[s];
        std::size_t t = sent.first;
        if (t + 2 >= sent.last || !is_one_of_word(tokens_[t].norm, {"that", "this", "the"}) ||
            !is_one_of_word(tokens_[t + 1].norm, {"number", "rate", "figure", "level"}))
            return nullptr;
        t += 2;
        while (t < sent.last && is_one_of_word(tokens_[t].norm, {"would", "will", "could", "is", "was", "then", "later", "also", "set", "to"}))
            ++t;
        const VerbWord* verb = t < sent.last ? rules_.frames.verb(tokens_[t].norm) : nullptr;
        if (!verb || verb->change == Change::none) return nullptr;
        const std::vector<const MeasureWord*>& before = sentence_measures(s - 1);
        return before.empty() ? nullptr : before.back();
    }

    // "ICT/BPM exports rose 34.12 percent to 147.18 million US dollars. Financial services also
    // fell 45.78 percent to 3.90 million US dollars.": a sentence with no measure word that
    // opens with goods and a verb of change goes on with the flow of the sentence before it, when
    // that sentence has a figure of its own. The goods' mention; null when it does not.
    const Mention* gapped_goods(std::size_t s) const {
        if (s == 0) return nullptr;
        const Sentence& sent = sentences_[s];
        std::size_t t = sent.first;
        if (t < sent.last && is_one_of_word(tokens_[t].norm, {"the", "and", "but"})) ++t;
        const auto at = std::lower_bound(mentions_.begin(), mentions_.end(), t,
                                         [](const Mention& m, std::size_t v) { return m.first < v; });
        if (at == mentions_.end() || at->first != t || at->kind != MentionKind::product) return nullptr;
        std::size_t v = at->last;
        if (v < sent.last && is_one_of_word(tokens_[v].norm, {"also", "were", "was", "have", "has"})) ++v;
        const VerbWord* verb = v < sent.last ? rules_.frames.verb(tokens_[v].norm) : nullptr;
        if (!verb || verb->change == Change::none) return nullptr;
        const std::span<const Placed> before = in_sentence(s - 1);
        const bool figure_before = std::any_of(before.begin(), before.end(),
                                               [](const Placed& q) { return q.q->type == QuantityType::money; });
        return figure_before && flow_before_sentence(s) ? &*at : nullptr;
    }

    // The last flow measure of the sentence before `s` (its own words, or its gapped flow).
    const MeasureWord* flow_before_sentence(std::size_t s) const {
        const MeasureWord* flow = nullptr;
        for (const MeasureWord* m : sentence_measures(s - 1))
            if (m->group == "flow") flow = m;
        return flow;
    }

    // "Earnings from spices", "earnings from the rubber sector": a proceeds word before "from"
    // and goods may be read as the flow that lifts it (vetoes.tsv, "export earnings"; the frame
    // reader's proceeds_from_goods). Only in a story that names that flow elsewhere, so that
    // RuleWordsFilter, which admits a story by its measure words, stays sound.
    const MeasureWord* proceeds_of_goods(const VetoWord& v, std::size_t t) const {
        if (t + 2 >= tokens_.size() || tokens_[t + 1].norm != "from") return nullptr;
        const std::size_t goods = tokens_[t + 2].norm == "the" ? t + 3 : t + 2;
        const auto at = std::lower_bound(mentions_.begin(), mentions_.end(), goods,
                                         [](const Mention& m, std::size_t v) { return m.first < v; });
        if (at == mentions_.end() || at->first != goods || at->kind != MentionKind::product) return nullptr;
        // Each flow word that lifts the veto is looked for in the story as itself ("exports" when
        // the list says "export|exports"); FrameLexicon::lifting_flow() gives only the first.
        for (const std::string& u : v.unless_after)
            if (const MeasureWord* m = rules_.frames.measure(u); m && m->group == "flow" && story_names(m)) return m;
        return nullptr;
    }

    // Whether a word of measure `m` stands anywhere in the story (its measure words, read once).
    bool story_names(const MeasureWord* m) const {
        if (!story_measures_) {
            story_measures_.emplace();
            for (const Token& tok : tokens_)
                if (tok.word)
                    if (const MeasureWord* w = rules_.frames.measure(tok.norm)) story_measures_->insert(w);
        }
        return story_measures_->count(m) > 0;
    }

    // `echoes`: another figure of the article, of the same type and value, is the level or the
    // older value of one of `measures` and no veto word stands in its phrase: "progress we
    // have made from 44 percent to 30 percent" in a story that names "a 30 percent tariff,
    // down from an original 44 percent".
    bool echoes(const std::vector<std::string>& measures, const Placed& p) const {
        return echoed(measures, p, true, false) != nullptr;
    }

    // The kinds of the default rules whose figures a measure group stands for, for a figure no
    // measure was read for.
    static std::string group_of_kind(const std::string& kind) {
        if (kind == "tariff_rate") return "tariff";
        if (kind == "trade_value" || kind == "export_share" || kind == "import_share") return "flow";
        if (kind == "trade_balance") return "balance";
        return {};
    }

    // `pick`: the best of them (for the claim's parties); else the first (for the condition).
    const Frame* echoed(const std::vector<std::string>& measures, const Placed& p, bool bare = true,
                        bool pick = true) const {
        // A figure that modifies a noun no measure names ("a 25% value addition", "an 18% GST",
        // "100% stupid") is of that noun, not a bare echo.
        static const std::set<std::string, std::less<>> bare_after = {
            "to", "from", "in", "on", "for", "and", "or", "by", "at", "as", "with", "against", "under", "over",
            "which", "that", "is", "was", "will", "would", "could", "has", "had", "have", "before", "after", "since",
            "until", "when", "if", "rate", "rates", "level", "levels", "mark", "band", "bracket", "now", "instead",
            "then", "earlier", "previously", "initially", "only", "announced", "imposed", "set"};
        if (bare && p.last < tokens_.size() && tokens_[p.last].word && sentence_of_[p.last] == p.sentence &&
            bare_after.count(tokens_[p.last].norm) == 0)
            return nullptr;
        const auto same = [](double a, double b) { return a == b || std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)); };
        const Frame* best = nullptr;
        int best_says = -1;
        echo_status_ = Status::in_effect;
        for (const Placed& o : placed_) {
            if (&o == &p || o.q->type != p.q->type || o.q->unit != p.q->unit || is_time(*o.q)) continue;
            if (!same(o.q->value, p.q->value) || !same(o.q->low, p.q->low) || !same(o.q->high, p.q->high)) continue;
            if (o.last < tokens_.size() && tokens_[o.last].norm == "of") continue;   // "10 percent of tariff lines"
            const Frame& f = frame(o);
            if (!f.veto.empty() || f.measure.empty() || (f.role != Role::level && f.role != Role::previous)) continue;
            if (std::none_of(measures.begin(), measures.end(),
                             [&](const std::string& m) { return m == f.measure || m == f.measure_group; }))
                continue;
            if (!pick) return &f;
            // The one whose holder is the article's, then the one that says most of whose,
            // toward whom and of what; the first such.
            const int says = !f.holder.empty() + !f.counterpart.empty() + !f.product.empty() +
                             (!f.holder.empty() && f.holder == article_holder(f) ? 4 : 0);
            if (!best || says > best_says) { best = &f; best_says = says; }
            // What any mention of the rate says beyond "in effect" (announced, threatened) holds
            // for the rate said again.
            if (f.role == Role::level && f.status != Status::in_effect && echo_status_ == Status::in_effect)
                echo_status_ = f.status;
        }
        return best;
    }

    // --- frames ------------------------------------------------------------------------

    // The rule's frame conditions: measure (id, group or share_of_ id), role, holder type.
    bool frame_fits(const Rule& rule, const Placed& p) const {
        if (rule.measures.empty() && rule.roles.empty() && rule.holders.empty() && rule.statuses.empty()) return true;
        const Frame& f = frame(p);
        if (!rule.measures.empty()) {
            // `measure none`: no measure could be read, and no veto word stands in the way.
            if (!f.veto.empty()) return false;
            if (std::none_of(rule.measures.begin(), rule.measures.end(), [&](const std::string& m) {
                    return f.measure.empty() ? m == "none" : m == f.measure || m == f.measure_group;
                }))
                return false;
        }
        if (!rule.roles.empty() && std::find(rule.roles.begin(), rule.roles.end(), f.role) == rule.roles.end())
            return false;
        if (!rule.statuses.empty() && std::find(rule.statuses.begin(), rule.statuses.end(), f.status) == rule.statuses.end())
            return false;
        return rule.holders.empty() || std::find(rule.holders.begin(), rule.holders.end(), f.holder_type) != rule.holders.end();
    }

    // The figure's frame, read once (frames are read only for figures some rule could take).
    const Frame& frame(const Placed& p) const {
        const auto i = static_cast<std::size_t>(&p - placed_.data());
        if (!frames_[i]) frames_[i] = read_frame_of(p);
        return *frames_[i];
    }

    Frame read_frame_of(const Placed& p) const {
        const Sentence& s = sentences_[p.sentence];
        std::vector<FrameToken> tokens(s.last - s.first);
        for (std::size_t t = s.first; t < s.last; ++t) {
            FrameToken& ft = tokens[t - s.first];
            ft.norm = tokens_[t].norm;
            ft.word = tokens_[t].word;
            ft.capitalised = tokens_[t].capitalised;
        }
        const auto lo = std::lower_bound(mentions_.begin(), mentions_.end(), s.first,
                                         [](const Mention& m, std::size_t v) { return m.first < v; });
        for (auto m = lo; m != mentions_.end() && m->first < s.last; ++m) {
            const NameClass cls = name_class(m->kind);
            if (cls == NameClass::none) continue;
            for (std::size_t t = m->first; t < std::min(m->last, s.last); ++t) {
                FrameToken& ft = tokens[t - s.first];
                ft.name = cls;
                ft.name_id = m->id;
                ft.name_start = t == m->first;
            }
        }
        for (const Placed& o : in_sentence(p.sentence))
            if (!is_time(*o.q))
                for (std::size_t t = o.first; t < std::min(o.last, s.last); ++t) tokens[t - s.first].figure = true;
        FrameQuery query{tokens, p.first - s.first, std::min(p.last, s.last) - s.first,
                         p.q->type == QuantityType::percent, published_};
        Frame f = read_frame(query, rules_.frames);
        f.phrase_first += s.first;
        f.phrase_last += s.first;
        f.clause_first += s.first;
        f.clause_last += s.first;
        if (f.measure.empty() && f.veto.empty() && f.role == Role::level && !gapped_goods(p.sentence))
            if (const MeasureWord* m = anaphoric_measure(p.sentence)) {
                f.measure = m->id;
                f.measure_group = m->group;
                f.metric = m->metric;
                f.phrase_first = s.first;
                f.phrase_last = s.first + 2;
            }
        if (f.measure.empty() && f.veto.empty() && f.role == Role::level)
            if (const Mention* goods = gapped_goods(p.sentence)) {
                const MeasureWord* flow = flow_before_sentence(p.sentence);
                f.measure = flow->id;
                f.measure_group = flow->group;
                f.metric = flow->metric;
                f.product = goods->id;
                f.phrase_first = goods->first;
                f.phrase_last = goods->last;
            }
        return f;
    }

    // "US$ 2.1bn", "US dollars 612 million", "the Singapore dollar", "the Indian rupee": a
    // country's name that names its currency is no mention of the country. So is a name inside a
    // money figure's span.
    void drop_currency_mentions() {
        static const std::set<std::string, std::less<>> currency = {
            "$", "dollar", "dollars", "dlr", "dlrs", "rupee", "rupees", "yuan", "renminbi", "yen", "won", "peso",
            "pesos", "ringgit", "baht", "dong", "taka", "franc", "francs", "pound", "pounds", "cents", "cent"};
        std::vector<std::pair<std::size_t, std::size_t>> money;   // byte spans of money figures
        for (const Quantity& q : quantities_)
            if (q.type == QuantityType::money) money.emplace_back(q.bytes.start, q.bytes.end);
        std::sort(money.begin(), money.end());
        const auto in_money = [&](std::size_t byte) {
            auto it = std::upper_bound(money.begin(), money.end(), std::make_pair(byte, std::size_t(-1)));
            return it != money.begin() && byte < std::prev(it)->second;
        };
        std::erase_if(mentions_, [&](const Mention& m) {
            if (m.kind == MentionKind::product || m.kind == MentionKind::metric || m.kind == MentionKind::basis)
                return false;
            if (m.kind == MentionKind::possessive || m.kind == MentionKind::leader) return false;
            if (m.first < tokens_.size() && in_money(tokens_[m.first].begin)) return true;
            return m.last < tokens_.size() && currency.count(tokens_[m.last].norm) > 0;
        });
    }

    static NameClass name_class(MentionKind kind) {
        switch (kind) {
        case MentionKind::name: case MentionKind::capital: return NameClass::country;
        case MentionKind::leader: return NameClass::leader;
        case MentionKind::adjective: return NameClass::country_adjective;
        case MentionKind::possessive: return NameClass::country_possessive;
        case MentionKind::product: return NameClass::product;
        default: return NameClass::none;
        }
    }

    // The measured phrase as printed.
    std::string phrase_text(const Frame& f) const {
        if (f.measure.empty() && f.veto.empty()) return {};
        if (f.phrase_first >= f.phrase_last || f.phrase_last > tokens_.size()) return {};
        const std::size_t b = tokens_[f.phrase_first].begin, e = tokens_[f.phrase_last - 1].end;
        std::string out = article_.text.substr(b, e - b);
        for (char& c : out)
            if (c == '\n') c = ' ';
        return out;
    }

    // --- slots -------------------------------------------------------------------------

    struct Capture {
        std::string value;
        std::size_t first = 0, last = 0;   // tokens of the captured term
    };

    static bool is_filler(const Token& t) {
        return t.norm == "the" || t.norm == "a" || t.norm == "an" || t.norm == "its" || t.norm == "their";
    }

    static bool kind_matches(TermKind term, MentionKind m) {
        switch (term) {
        case TermKind::country: case TermKind::subject_country: case TermKind::article_country:
            return m != MentionKind::product && m != MentionKind::metric && m != MentionKind::basis;
        case TermKind::country_name: return m == MentionKind::name;
        case TermKind::country_adjective: return m == MentionKind::adjective;
        case TermKind::country_possessive: return m == MentionKind::possessive;
        case TermKind::country_capital: return m == MentionKind::capital;
        case TermKind::country_leader: return m == MentionKind::leader;
        case TermKind::product: return m == MentionKind::product;
        case TermKind::metric: return m == MentionKind::metric;
        case TermKind::basis: return m == MentionKind::basis;
        case TermKind::literal: case TermKind::holder: case TermKind::counterpart: case TermKind::measured_product:
        case TermKind::measured_metric: case TermKind::article_holder: case TermKind::antecedent_product:
        case TermKind::article_counterpart: case TermKind::antecedent_counterpart:
            return false;
        }
        return false;
    }

    // The mention starting at token `t`, if it is of a kind `kind` accepts (mentions_ is in
    // token order and mentions do not overlap).
    const Mention* mention_of(TermKind kind, std::size_t t) const {
        const auto it = std::lower_bound(mentions_.begin(), mentions_.end(), t,
                                         [](const Mention& m, std::size_t v) { return m.first < v; });
        return it != mentions_.end() && it->first == t && kind_matches(kind, it->kind) ? &*it : nullptr;
    }

    // A product term takes a coordinated list: "steel and aluminum", "canola, seafood and pork".
    std::size_t product_list(std::size_t t, std::size_t hi, std::vector<std::string>& ids) const {
        const Mention* m = mention_of(TermKind::product, t);
        if (!m) return t;
        ids.push_back(m->id);
        std::size_t end = m->last;
        for (;;) {
            std::size_t next = end;
            if (next < hi && tokens_[next].norm == ",") ++next;
            if (next < hi && (tokens_[next].norm == "and" || tokens_[next].norm == "or")) ++next;
            if (next == end) return end;
            const Mention* more = next < hi ? mention_of(TermKind::product, next) : nullptr;
            if (!more) return end;
            ids.push_back(more->id);
            end = more->last;
        }
    }

    // Matches `pattern` at token `t` (within [lo, hi)); fills the capture on success.
    std::optional<Capture> match_at(const Pattern& pattern, std::size_t t, std::size_t hi) const {
        Capture cap;
        bool captured = false;
        for (std::size_t k = 0; k < pattern.terms.size(); ++k) {
            const Term& term = pattern.terms[k];
            if (k > 0)
                while (t < hi && is_filler(tokens_[t])) ++t;
            if (t >= hi) return std::nullopt;
            std::size_t end = t;
            std::string value;
            if (term.kind == TermKind::literal) {
                if (t + term.ids.size() > hi || !phrase_at(term.ids, t)) return std::nullopt;
                end = t + term.ids.size();
            } else if (term.kind == TermKind::product) {
                std::vector<std::string> ids;
                end = product_list(t, hi, ids);
                if (ids.empty()) return std::nullopt;
                std::sort(ids.begin(), ids.end());
                ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
                for (const auto& id : ids) value += (value.empty() ? "" : "/") + id;
            } else {
                const Mention* m = mention_of(term.kind, t);
                if (!m) return std::nullopt;
                end = m->last;
                value = m->id;
            }
            if (term.capture && !captured) {
                cap = {value, t, end};
                captured = true;
            }
            t = end;
        }
        return captured ? std::optional<Capture>(cap) : std::nullopt;
    }

    // Whether the mention at token `t` follows to, from, on, with, at or against (and maybe
    // "the"), and is no possessive ("in response to the United States' decision") and no
    // relative clause's subject.
    bool object_of_preposition(std::size_t t) const {
        // "pressure from the United States which recorded a deficit": the subject of the
        // relative clause after it.
        const Mention* m = mention_of(TermKind::country, t);
        if (m && (m->kind == MentionKind::possessive ||
                  (m->last < tokens_.size() && is_one_of_word(tokens_[m->last].norm, {"'", "’", "which", "who", "that"}))))
            return false;
        std::size_t b = t;
        if (b > 0 && tokens_[b - 1].norm == "the") --b;
        // A later name of a list after the preposition: "Goods from Denmark, Finland, France".
        // A list's name is followed by another comma or "and", or follows "and": not "trade
        // barriers with China, the EU remains set on".
        const bool in_list = (m && m->last < tokens_.size() && is_one_of_word(tokens_[m->last].norm, {",", "and", "or"})) ||
                             (b > 0 && is_one_of_word(tokens_[b - 1].norm, {"and", "or"}));
        while (in_list && b > 1 && is_one_of_word(tokens_[b - 1].norm, {",", "and", "or"})) {
            const auto before = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& x) {
                return x.last == b - 1 && x.kind == MentionKind::name;
            });
            if (before == mentions_.end()) break;
            b = before->first;
            if (b > 0 && tokens_[b - 1].norm == "the") --b;
        }
        return b > 0 && is_one_of_word(tokens_[b - 1].norm, {"to", "from", "on", "with", "at", "against", "into", "towards", "toward"});
    }

    static std::size_t distance(const Capture& c, const Placed& p) {
        if (c.last <= p.first) return p.first - c.last;
        if (c.first >= p.last) return c.first - p.last;
        return 0;
    }

    // The capture of `pattern` in [lo, hi) nearest the quantity, skipping values in `taken`.
    std::optional<Capture> best_match(const Pattern& pattern, const Placed& p, std::size_t lo, std::size_t hi,
                                      const std::set<std::string>& taken, std::size_t within) const {
        std::optional<Capture> best;
        const bool subject = pattern.terms.size() == 1 && pattern.terms[0].kind == TermKind::subject_country;
        for (std::size_t t = lo; t < hi; ++t) {
            auto m = match_at(pattern, t, hi);
            if (!m || taken.count(m->value)) continue;
            const bool overlaps = m->first < p.last && t < p.last && m->last > p.first;
            if (overlaps) continue;
            if (pattern.side == Side::before && m->last > p.first) continue;
            if (pattern.side == Side::after && m->first < p.last) continue;
            if (within && p.sentence == sentence_of_[t] && distance(*m, p) > within) continue;
            if (subject) {
                // The subject stands before the figure; the first such mention is it. A name
                // after a preposition is that preposition's object: "the president's visit to
                // Switzerland came as he threatened" has no Swiss subject.
                if (m->last > p.first && p.sentence == sentence_of_[t]) continue;
                if (object_of_preposition(t)) continue;
                return m;
            }
            if (!best || distance(*m, p) < distance(*best, p)) best = m;
        }
        return best;
    }

    // The dateline's country ("TOKYO, March 26 - ..."): the first country of the first sentence.
    std::string article_country(const std::set<std::string>& taken) const {
        if (sentences_.empty()) return {};
        for (std::size_t t = sentences_[0].first; t < sentences_[0].last; ++t)
            if (const Mention* m = mention_of(TermKind::article_country, t); m && !taken.count(m->id)) return m->id;
        return {};
    }

    static bool is_article_country(const Pattern& p) {
        return p.terms.size() == 1 && p.terms[0].kind == TermKind::article_country;
    }

    // `dateline`: whether an `article-country` alternative may answer. The actor asks without it
    // first, so the dateline never takes a country the partner slot finds in the sentence.
    bool mentions_revision(const Placed& p) const {
        static const std::set<std::string> words{"revised", "revision", "revises", "revising", "downward", "upward"};
        const std::size_t lo = p.first >= 6 ? p.first - 6 : 0;
        const std::size_t hi = std::min(sentences_[p.sentence].last, p.last + 4);
        for (std::size_t t = std::max(lo, sentences_[p.sentence].first); t < hi; ++t)
            if (words.count(tokens_[t].norm)) return true;
        return false;
    }

    std::string fill_slot(const Rule& rule, const std::string& name, const Placed& p,
                          const std::set<std::string>& taken, bool dateline = true) const {
        const auto it = rule.slots.find(name);
        if (it == rule.slots.end()) return {};
        const SlotSpec& spec = it->second;
        std::string found = search_slot(rule, spec, p, taken);
        if (found.empty() && dateline)
            for (const Pattern& pattern : spec.alternatives)
                if (is_article_country(pattern) && !(found = article_country(taken)).empty()) break;
        return found.empty() ? spec.fixed : found;
    }

    // A metric named inside the measured phrase ("non-US exports", "merchandise trade deficit"),
    // else the metric the frame's measure stands for.
    std::string metric_in_phrase(const Frame& f) const {
        const auto lo = std::lower_bound(mentions_.begin(), mentions_.end(), f.phrase_first,
                                         [](const Mention& m, std::size_t v) { return m.first < v; });
        for (auto m = lo; m != mentions_.end() && m->first < f.phrase_last; ++m)
            if (m->kind == MentionKind::metric) return m->id;
        return f.metric;
    }

    // `holder`, `counterpart`, `measured-product`, `measured-metric`: a slot filled from the
    // figure's frame.
    std::string from_frame(const Pattern& pattern, const Placed& p, const std::set<std::string>& taken) const {
        if (pattern.terms.size() != 1) return {};
        const Frame& f = frame(p);
        std::string v;
        switch (pattern.terms[0].kind) {
        case TermKind::holder: v = f.holder; break;
        case TermKind::counterpart: v = f.counterpart; break;
        case TermKind::measured_product: v = f.product; break;
        case TermKind::measured_metric: v = metric_in_phrase(f); break;
        case TermKind::antecedent_product: v = antecedent_product(p); break;
        case TermKind::antecedent_counterpart: v = antecedent_counterpart(p, taken); break;
        case TermKind::article_counterpart: {
            // Only for a claim whose actor is the article's holder: "the US's tariffs in this
            // story are on Sri Lanka".
            const std::string& holder = article_party(f, false);
            if (holder.empty() || taken.count(holder) == 0) return {};
            v = article_party(f, true);
            // Failing a counterpart read in the article, the country it is about; not for a
            // measure its sentence says is on everyone ("a baseline tariff of 10 per cent").
            if (v.empty() && !names_everyone(p)) v = article_party(f, true, true);
            break;
        }
        case TermKind::article_holder:
            if (!f.counterpart.empty() && taken.count(f.counterpart) == 0 && f.measure_group == "tariff" &&
                article_holder(f) == f.counterpart)
                return {};
            v = article_holder(f);
            break;
        default: return {};
        }
        return taken.count(v) ? std::string{} : v;
    }

    // `article-holder`: whose measures the article reports. For a tariff, the country most often
    // read as a tariff's holder in the article ("US tariffs", "Trump imposed"); for trade flows,
    // balances and shares, the country most often read as their holder, else the country the
    // article names most often ("a story about Sri Lanka's exports": a figure whose sentence names
    // no holder is Sri Lanka's).
    const std::string& article_holder(const Frame& figure) const { return article_party(figure, false); }

    // A tariff on every country: its phrase says so ("a baseline tariff", "a universal 10%
    // tariff", "blanket"), or, when the clause puts it on no one, its sentence puts it on "any
    // country".
    bool on_everyone(const Frame& f, const Placed& p) const {
        const std::size_t lo = std::min(f.phrase_first, p.first >= 3 ? p.first - 3 : 0);
        for (std::size_t t = lo; t < std::max(f.phrase_last, p.first); ++t)
            if (is_one_of_word(tokens_[t].norm, {"baseline", "base-line", "universal", "blanket", "across-the-board"})) return true;
        // "a 10% tariff on all other imports", "on goods from all other countries"; not "25% on all
        // imports" after "tariffs on Mexico and Canada" (theirs).
        for (std::size_t t = std::max(lo, p.last); t + 2 < f.phrase_last; ++t)
            if (tokens_[t].norm == "all" && tokens_[t + 1].norm == "other") {
                const std::size_t n = t + 2;
                if (n < f.phrase_last && is_one_of_word(tokens_[n].norm, {"imports", "goods", "products", "countries", "nations"}) &&
                    !(n + 1 < tokens_.size() && tokens_[n + 1].norm == "from"))   // "on all imports from China"
                    return true;
            }
        if (!f.counterpart.empty()) return false;
        const Sentence& sent = sentences_[p.sentence];
        for (std::size_t t = sent.first; t + 1 < sent.last; ++t)
            if ((is_one_of_word(tokens_[t].norm, {"any", "every"}) && is_one_of_word(tokens_[t + 1].norm, {"country", "nation"})) ||
                (tokens_[t].norm == "all" && is_one_of_word(tokens_[t + 1].norm, {"countries", "nations"})))
                return true;
        return false;
    }

    // Words that put a measure on every country: "a baseline tariff", "a universal 10% tariff".
    bool names_everyone(const Placed& p) const {
        static const std::set<std::string, std::less<>> words = {
            "baseline", "base-line", "universal", "global", "globally", "worldwide", "blanket", "every", "any",
            "countries", "nations", "partners", "all-round", "across-the-board"};
        const Sentence& sent = sentences_[p.sentence];
        for (std::size_t t = sent.first; t < sent.last; ++t)
            if (words.count(tokens_[t].norm)) return true;
        return false;
    }

    // `counterpart`: toward whom, rather than whose. `topic`: failing that, the country the
    // article names most often (at least three times, and more than any other) other than its
    // holder: a Sri Lankan story about "the 30 percent tariff" is about the US's tariff on Sri
    // Lanka.
    const std::string& article_party(const Frame& figure, bool counterpart, bool topic = false) const {
        if (!article_holders_) {
            std::map<std::string, std::map<std::string, int>> counts;   // family -> country -> frames
            std::map<std::string, std::map<std::string, int>> toward;   // family -> country -> frames
            for (const Placed& o : placed_) {
                if (is_time(*o.q) || o.q->same_as >= 0) continue;
                const Frame& f = frame(o);
                if (f.holder.empty() || !f.veto.empty() || f.measure_group.empty() ||
                    f.holder_type == HolderType::company)
                    continue;
                ++counts[holder_family(f.measure_group)][f.holder];
            }
            for (const Placed& o : placed_) {
                if (is_time(*o.q) || o.q->same_as >= 0) continue;
                const Frame& f = frame(o);
                if (f.counterpart.empty() || !f.veto.empty() || f.measure_group.empty()) continue;
                ++toward[holder_family(f.measure_group)][f.counterpart];
            }
            std::map<std::string, int> named;
            for (const Mention& m : mentions_)
                if (m.kind != MentionKind::product && m.kind != MentionKind::metric && m.kind != MentionKind::basis)
                    ++named[m.id];
            const auto most = [](const std::map<std::string, int>& c) {
                std::string best;
                int n = 0, second = 0;
                for (const auto& [code, k] : c) {
                    if (k > n) { second = n; n = k; best = code; }
                    else if (k > second) second = k;
                }
                return n > second ? best : std::string{};   // a tie names no one
            };
            article_holders_.emplace();
            (*article_holders_)["tariff"] = most(counts["tariff"]);
            std::string trade = most(counts["trade"]);
            // Failing a holder, the country the story names most often; unless that is where its
            // flows go, and the outlet's own country is named too (a Sri Lankan paper's story of
            // apparel exports to the UK, the EU and the US names the UK most).
            if (trade.empty()) {
                trade = most(named);
                const std::string home = outlet_country();
                if (toward["trade"].count(trade) && !home.empty() && named.count(home)) trade = home;
            }
            if (trade.empty() && named.empty()) trade = outlet_country();   // "The Island (Sri Lanka)"
            (*article_holders_)["trade"] = trade;
            for (const char* family : {"tariff", "trade"}) {
                std::string c = most(toward[family]);
                if (c == (*article_holders_)[family]) c.clear();
                (*article_holders_)[std::string("toward-") + family] = c;
                std::map<std::string, int> others = named;
                others.erase((*article_holders_)[family]);
                std::string t = most(others);
                if (!t.empty() && others[t] < 3) t.clear();
                (*article_holders_)[std::string("topic-") + family] = t;
            }
        }
        // A figure no measure was read for ("Cambodia will pay 19%", "even at 30%") takes the
        // family of what its rule claims it is.
        const std::string& group = figure.measure_group.empty() ? implied_group_ : figure.measure_group;
        if (group.empty()) return empty_;
        return (*article_holders_)[(topic ? "topic-" : counterpart ? "toward-" : "") + holder_family(group)];
    }

    // A country named in the outlet's name, for a story that names none in its text.
    std::string outlet_country() const {
        const std::vector<Token> tokens = tokenize(article_.outlet);
        std::vector<std::uint32_t> ids;
        for (const Token& t : tokens) ids.push_back(rules_.vocabulary.find(t.norm));
        for (const Mention& m : rules_.names.find(tokens, ids))
            if (m.kind == MentionKind::name || m.kind == MentionKind::adjective) return m.id;
        return {};
    }

    static std::string holder_family(const std::string& group) {
        if (group == "tariff") return "tariff";
        if (group == "flow" || group == "balance" || group == "share") return "trade";
        return "other";
    }

    // `antecedent-product`: a figure whose sentence refers back to a product ("the sector
    // generated $5.3 billion", "the industry's exports", "its exports", "makes them
    // unaffordable") is of the product (or list of products) named last before it, in its
    // sentence or the two before.
    std::string antecedent_product(const Placed& p) const {
        static const std::set<std::string, std::less<>> anaphors = {
            "sector", "sector's", "sectors", "industry", "industry's", "its", "their", "them", "they", "crop", "commodity"};
        const Sentence& sent = sentences_[p.sentence];
        // "these exports", "such products", "such as fuel (..., 27% of all imports)"; not "these
        // initiatives".
        const auto demonstrative = [&](std::size_t t) {
            if (!is_one_of_word(tokens_[t].norm, {"these", "such"}) || t + 1 >= sent.last) return false;
            const std::string_view next = tokens_[t + 1].norm;
            return rules_.frames.measure(next) != nullptr || is_one_of_word(next, {"products", "goods", "items", "as"});
        };
        bool refers = false;
        for (std::size_t t = sent.first; t < p.first && !refers; ++t) refers = anaphors.count(tokens_[t].norm) > 0 || demonstrative(t);
        // "its total exports to USA amounted to $2,900 million": a whole is no one product's
        // (but "accounting for 42% of total merchandise exports" is a part of the whole).
        const Frame& f = frame(p);
        for (std::size_t t = f.phrase_first; t < f.phrase_last && refers && p.q->type != QuantityType::percent; ++t)
            if (is_one_of_word(tokens_[t].norm, {"total", "overall", "aggregate", "all"})) refers = false;
        for (std::size_t t = p.last; t < sent.last && t < p.last + 3 && !refers; ++t)
            refers = tokens_[t].norm == "them";
        if (!refers) return {};
        const std::size_t lo = sentences_[p.sentence >= 2 ? p.sentence - 2 : 0].first;
        std::vector<std::string> best;
        for (auto m = std::lower_bound(mentions_.begin(), mentions_.end(), lo,
                                       [](const Mention& x, std::size_t v) { return x.first < v; });
             m != mentions_.end() && m->first < p.first; ++m) {
            if (m->kind != MentionKind::product) continue;
            std::vector<std::string> ids;
            const std::size_t end = product_list(m->first, p.first, ids);
            best = ids;
            while (m + 1 != mentions_.end() && (m + 1)->first < end) ++m;
        }
        std::sort(best.begin(), best.end());
        best.erase(std::unique(best.begin(), best.end()), best.end());
        std::string value;
        for (const auto& id : best) value += (value.empty() ? "" : "/") + id;
        return value;
    }

    // `antecedent-counterpart`: "Sri Lanka's exports to India rose 12%. February exports hit
    // $264 million": a flow whose sentence names no one but its holder goes on toward whom the
    // same measure of the same product went just before it (earlier in its sentence, or in the
    // sentence before), unless either phrase says it is a whole ("total exports"). (Balances do
    // not: a current account surplus after a surplus with the US is with everyone.)
    std::string antecedent_counterpart(const Placed& p, const std::set<std::string>& taken) const {
        const Frame& f = frame(p);
        if (!f.counterpart.empty() || f.measure_group != "flow") return {};
        const auto whole = [&](const Frame& g) {
            for (std::size_t t = g.phrase_first; t < g.phrase_last; ++t)
                if (is_one_of_word(tokens_[t].norm, {"total", "overall", "global", "worldwide", "aggregate", "all"}))
                    return true;
            return false;
        };
        if (whole(f)) return {};
        const std::size_t first = sentences_[p.sentence > 0 ? p.sentence - 1 : 0].first;
        const auto at = static_cast<std::size_t>(&p - placed_.data());
        for (std::size_t i = at; i-- > 0 && placed_[i].first >= first;) {
            const Placed& o = placed_[i];
            if (is_time(*o.q) || o.q->same_as >= 0) continue;
            const Frame& g = frame(o);
            if (g.measure != f.measure || !g.veto.empty()) continue;
            // The nearest figure of the same measure decides: a total in between ends the run.
            const std::string& partner = partner_of_[i];
            if (partner.empty() || g.product != f.product || whole(g)) return {};
            if (!g.holder.empty() && !f.holder.empty() && g.holder != f.holder) return {};
            if (taken.count(partner)) return {};
            // No one else named in the figure's sentence (mentions_ is in token order).
            const Sentence& s = sentences_[p.sentence];
            for (auto m = std::lower_bound(mentions_.begin(), mentions_.end(), s.first,
                                           [](const Mention& x, std::size_t v) { return x.first < v; });
                 m != mentions_.end() && m->first < s.last; ++m)
                if (m->kind != MentionKind::product && m->kind != MentionKind::metric && m->kind != MentionKind::basis &&
                    !taken.count(m->id) && m->id != g.holder)
                    return {};
            return partner;
        }
        return {};
    }

    static bool is_frame_term(const Pattern& pattern) {
        if (pattern.terms.size() != 1) return false;
        const TermKind k = pattern.terms[0].kind;
        return k == TermKind::holder || k == TermKind::counterpart || k == TermKind::measured_product ||
               k == TermKind::measured_metric || k == TermKind::article_holder ||
               k == TermKind::antecedent_product || k == TermKind::article_counterpart ||
               k == TermKind::antecedent_counterpart;
    }

    std::string search_slot(const Rule& rule, const SlotSpec& spec, const Placed& p,
                            const std::set<std::string>& taken) const {
        // Frame terms are tried in their turn among the alternatives, in the figure's sentence.
        // Every alternative is tried in the figure's own sentence first; only then, within the
        // rule's scope, in the sentences around it, nearest first and the one before first.
        for (int d = 0; d <= rule.scope; ++d) {
            for (int sign : {-1, 1}) {
                if (d == 0 && sign > 0) continue;
                const long s = static_cast<long>(p.sentence) + sign * d;
                if (s < 0 || s >= static_cast<long>(sentences_.size())) continue;
                const Sentence& sent = sentences_[static_cast<std::size_t>(s)];
                for (const Pattern& pattern : spec.alternatives)
                    if (is_frame_term(pattern)) {
                        // The article's holder waits for the sentences of the rule's scope.
                        if (d == 0 && !(rule.scope > 0 && is_article_holder(pattern)))
                            if (std::string v = from_frame(pattern, p, taken); !v.empty()) return v;
                    } else if (!is_article_country(pattern) && !(skip_subject_ && is_subject_country(pattern)))
                        if (auto m = best_match(pattern, p, sent.first, sent.last, taken,
                                                static_cast<std::size_t>(spec.within)))
                            return m->value;
            }
        }
        if (rule.scope > 0)
            for (const Pattern& pattern : spec.alternatives)
                if (is_article_holder(pattern))
                    if (std::string v = from_frame(pattern, p, taken); !v.empty()) return v;
        return {};
    }

    static bool is_subject_country(const Pattern& p) {
        return p.terms.size() == 1 && p.terms[0].kind == TermKind::subject_country;
    }

    static bool is_article_holder(const Pattern& p) {
        return p.terms.size() == 1 && p.terms[0].kind == TermKind::article_holder;
    }

    // --- periods -----------------------------------------------------------------------

    // The time expression that dates the figure: the nearest in its sentence within 12 tokens,
    // preferring one after it ("$1.3 trillion in 2024").
    // "increasing 8.53% over the corresponding period of 2023", "compared to 2023": a time a
    // figure is compared with, after the figure, is not the figure's.
    // (The older figure itself, "up from US$ 484 million in the corresponding period in 2023",
    // is of that time.)
    // Before the figure too, when the comparison runs on to the time with no punctuation in it:
    // "exports were up 0.54 percent compared to the same period last year, generating $397
    // million" (last year is what the change is against).
    bool comparison_time(const Placed& t, const Placed& p) const {
        if (frame(p).role == Role::previous) return false;
        const bool after = t.first >= p.last;
        const std::size_t from = t.first > 5 ? t.first - 5 : 0;
        // Before it, only across a comma: "against a 1985 deficit of 900 mln" is of 1985.
        if (!after && std::none_of(tokens_.begin() + static_cast<std::ptrdiff_t>(t.last),
                                   tokens_.begin() + static_cast<std::ptrdiff_t>(std::max(t.last, p.first)),
                                   [](const Token& k) { return k.norm == ","; }))
            return false;
        for (std::size_t i = t.first; i-- > (after ? std::max(from, p.last) : from);) {
            if (!after && !tokens_[i].word) return false;
            if (is_one_of_word(tokens_[i].norm, {"corresponding", "same", "compared", "versus", "against", "than"}))
                return true;
        }
        return false;
    }

    // "In November 2024, apparel exports were up 0.54 percent, generating $397 million": a time
    // phrase that opens the sentence, up to its comma, dates every figure after it that has no
    // time of its own. The tokens of that phrase, or an empty range.
    std::pair<std::size_t, std::size_t> opening_time_phrase(const Placed& p) const {
        const Sentence& s = sentences_[p.sentence];
        if (s.first >= s.last || !is_one_of_word(tokens_[s.first].norm, {"in", "during", "for", "through"})) return {0, 0};
        for (std::size_t t = s.first + 1; t < s.last && t < s.first + 8 && t < p.first; ++t)
            if (tokens_[t].norm == ",") return {s.first, t};
        return {0, 0};
    }

    static bool is_one_of_word(std::string_view w, std::initializer_list<std::string_view> words) {
        return std::find(words.begin(), words.end(), w) != words.end();
    }

    const Placed* time_for(const Placed& p) const {
        const Placed* best = nullptr;
        std::size_t best_cost = 0;
        for (const Placed& t : in_sentence(p.sentence)) {
            if (!is_time(*t.q) || &t == &p || comparison_time(t, p)) continue;
            if (t.q->type == QuantityType::duration && t.q->relation == TimeRelation::none) continue;
            const bool after = t.first >= p.last;
            const std::size_t gap = after ? t.first - p.last : (p.first >= t.last ? p.first - t.last : 0);
            if (gap > 12) continue;
            const std::size_t cost = after ? 2 * gap : 3 * gap + 1;
            if (!best || cost < best_cost) { best = &t; best_cost = cost; }
        }
        return best;
    }

    // A figure with no time near it takes the one nearest its measured phrase, when that phrase
    // stands before it in its sentence: "exports reached $17.2 billion in 2025, with textiles at
    // 52%, tea at 17%, other agri-industrial at 15%" dates every share 2025.
    const Placed* time_for_phrase(const Placed& p) const {
        const Frame& f = frame(p);
        if (f.measure.empty() || f.phrase_last > p.first || f.phrase_first < sentences_[p.sentence].first) return nullptr;
        const Placed* best = nullptr;
        std::size_t best_gap = 0;
        for (const Placed& t : in_sentence(p.sentence)) {
            // In the phrase too: "Fuel imports in Q1 2026 surged 102.9%, from $463 million to $939 million".
            if (!is_time(*t.q) || t.first < f.phrase_first || t.last > p.first || comparison_time(t, p)) continue;
            if (t.q->type == QuantityType::duration && t.q->relation == TimeRelation::none) continue;
            const std::size_t gap = t.first > f.phrase_last ? t.first - f.phrase_last : 0;
            if (gap <= 12 && (!best || gap < best_gap)) { best = &t; best_gap = gap; }
        }
        return best;
    }

    struct MonthRef {
        std::size_t token = 0;
        int month = 0;          // 1-12
        int year_offset = 0;    // "last month" in January is December of the year before
        bool relative = false;  // "last month": resolved from the article's date
        std::size_t cost = 0;
    };

    static int month_number(const std::string& norm) {
        static const char* const names[] = {"january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"};
        static const char* const abbreviations[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                                    "aug", "sep", "oct", "nov", "dec"};
        for (int m = 0; m < 12; ++m)
            if (norm == names[m] || norm == abbreviations[m] || (m == 8 && norm == "sept")) return m + 1;
        return 0;
    }

    // "in February", "the March trade surplus", "last month": the month a figure is for, when
    // one stands within 12 tokens (preferring after the figure, as for years).
    std::optional<MonthRef> month_for(const Placed& p) const {
        static const std::set<std::string> lead{"in", "for", "during", "the", "of", "last", "since", "until", "through"};
        const Sentence& s = sentences_[p.sentence];
        std::optional<MonthRef> best;
        for (std::size_t t = s.first; t < s.last; ++t) {
            if (t >= p.first && t < p.last) continue;
            MonthRef ref;
            ref.token = t;
            if (tokens_[t].norm == "month" && t > s.first && tokens_[t - 1].norm == "last") {
                ref.relative = true;
            } else {
                // Month names are capitalised: most tokens are ruled out before the name compares.
                if (!tokens_[t].capitalised || t == s.first) continue;
                ref.month = month_number(tokens_[t].norm);
                if (ref.month == 0 || !lead.count(tokens_[t - 1].norm) || names_day(t + 1)) continue;
            }
            const bool after = t >= p.last;
            const std::size_t gap = after ? t - p.last : p.first - t - 1;
            if (gap > 12) continue;
            ref.cost = after ? 2 * gap : 3 * gap + 1;
            if (!best || ref.cost < best->cost) best = ref;
        }
        return best;
    }

    bool names_part_of_year(const Placed& p) const {
        const Sentence& s = sentences_[p.sentence];
        for (std::size_t t = s.first; t < s.last; ++t) {
            const std::string_view w = tokens_[t].norm;
            // "from January to February 2024", "January-June", "January through May": months.
            if (tokens_[t].capitalised && month_number(tokens_[t].norm) && t + 2 < s.last &&
                is_one_of_word(tokens_[t + 1].norm, {"to", "-", "through", "till", "until"}) &&
                tokens_[t + 2].capitalised && month_number(tokens_[t + 2].norm) &&
                !(month_number(tokens_[t].norm) == 1 && month_number(tokens_[t + 2].norm) == 12))   // the whole year
                return true;
            const std::string_view before = t > s.first ? std::string_view(tokens_[t - 1].norm) : std::string_view();
            // "USD 5.4 billion up to May 2025", "until June": the months to one before December.
            if (tokens_[t].capitalised && month_number(tokens_[t].norm) && month_number(tokens_[t].norm) < 12 &&
                t > s.first + 1 && ((before == "to" && tokens_[t - 2].norm == "up") || before == "until" || before == "till"))
                return true;
            if (w == "quarter" || w == "quarters" || w == "ytd" || w == "year-to-date" ||
                (w == "half" && (before == "first" || before == "second")) ||
                (w == "months" && before != "recent" && before != "coming" && before != "next") ||
                (w == "far" && before == "so"))
                return true;
        }
        return false;
    }

    // "August 7", "Aug. 7th": a day of the month follows the name at `t`, so the name dates a
    // day (read by the frame as when the figure holds), not a month the figure is for.
    bool names_day(std::size_t t) const {
        if (t < tokens_.size() && tokens_[t].norm == ".") ++t;
        if (t >= tokens_.size()) return false;
        const std::string_view w = tokens_[t].norm;
        std::size_t digits = 0;
        while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
        if (digits == 0 || digits > 2) return false;
        const std::string_view rest = w.substr(digits);
        return (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") &&
               std::stoi(std::string(w.substr(0, digits))) <= 31;
    }

    // The year quantity printed right after a month ("March 1987"), if any.
    const Placed* year_after(std::size_t token) const {
        for (const Placed& q : in_sentence(sentence_of_[std::min(token, tokens_.size())]))
            if (q.first == token + 1 && q.q->type == QuantityType::year) return &q;
        return nullptr;
    }

    // The quantities of sentence `s` (placed_ is in text order): a lookup, not a scan, so a
    // figure-dense article costs linear time.
    std::span<const Placed> in_sentence(std::size_t s) const {
        const auto lo = std::lower_bound(placed_.begin(), placed_.end(), s,
                                         [](const Placed& p, std::size_t v) { return p.sentence < v; });
        const auto hi = std::upper_bound(lo, placed_.end(), s,
                                         [](std::size_t v, const Placed& p) { return v < p.sentence; });
        return {lo, hi};
    }

    std::size_t time_cost(const Placed& t, const Placed& p) const {
        const bool after = t.first >= p.last;
        const std::size_t gap = after ? t.first - p.last : (p.first >= t.last ? p.first - t.last : 0);
        return after ? 2 * gap : 3 * gap + 1;
    }

    // The month named at token `t` (no cost, not relative).
    MonthRef month_at(std::size_t t) const {
        MonthRef m;
        m.token = t;
        m.month = month_number(tokens_[t].norm);
        return m;
    }

    // Dates a figure by a month; false when the article's date is needed and unknown.
    bool resolve_month(Claim& c, const MonthRef& m) const {
        const std::string& d = article_.published;
        const bool dated = d.size() >= 7 && std::isdigit(static_cast<unsigned char>(d[5])) &&
                           std::isdigit(static_cast<unsigned char>(d[6]));
        const std::optional<int> pub = publication_year(article_);
        const int pub_month = dated ? std::stoi(d.substr(5, 2)) : 0;
        int month = m.month, year = 0;
        if (m.relative) {
            if (!pub || !dated) return false;
            month = pub_month == 1 ? 12 : pub_month - 1;
            year = pub_month == 1 ? *pub - 1 : *pub;
        } else if (const Placed* y = year_after(m.token)) {
            year = static_cast<int>(std::lround(y->q->value));
        } else {
            if (!pub || !dated) return false;
            // The most recent such month on or before publication: "in February" in a March story.
            year = month > pub_month ? *pub - 1 : *pub;
        }
        c.period = Period::in;
        c.year = year;
        c.month = month;
        return true;
    }

    void resolve_period(Claim& c, const Placed& p) const {
        const Placed* t = time_for(p);
        const std::optional<MonthRef> month = month_for(p);
        if (!t && !month) t = time_for_phrase(p);
        // A sentence-opening time phrase; not for a tariff: when a rate holds is read from its
        // clause (docs/checks.md).
        const std::string& group = frame(p).measure_group;
        const auto [first, last] = group == "tariff" ? std::pair<std::size_t, std::size_t>{0, 0} : opening_time_phrase(p);
        if (!t && !month) {
            for (std::size_t i = first; i < last; ++i)
                if (tokens_[i].capitalised && month_number(tokens_[i].norm) && !names_day(i + 1))
                    if (resolve_month(c, month_at(i))) return;
            for (const Placed& o : in_sentence(p.sentence))
                if (is_time(*o.q) && o.first >= first && o.last <= last && o.q->type == QuantityType::year) t = &o;
        }
        if (month && (!t || month->cost < time_cost(*t, p) || year_after(month->token) == t))
            if (resolve_month(c, *month)) return;
        // "In July 2025, merchandise exports grew by 15.37 %, reaching US$ 1,304.0 million": the
        // year of a sentence-opening "In July 2025," is that month's, however far it stands.
        if (t && t->q->type == QuantityType::year && first < last && t->first == first + 2 && t->last <= last &&
            tokens_[first + 1].capitalised && month_number(tokens_[first + 1].norm) && !group.empty())
            if (resolve_month(c, month_at(first + 1))) return;
        if (!t) return;
        const Quantity& q = *t->q;
        const std::optional<int> pub = publication_year(article_);
        const auto whole = [](double v) { return static_cast<int>(std::lround(v)); };
        switch (q.relation) {
        case TimeRelation::none:
        case TimeRelation::in:
            c.period = Period::in;
            c.year = whole(q.value);
            break;
        case TimeRelation::by:
            c.period = Period::by;
            c.year = whole(q.value);
            c.year_low = c.year_high = c.year;
            break;
        case TimeRelation::within_next: {
            c.period = Period::by;
            if (!pub) break;
            double years = q.value;
            if (q.unit == "month") years = q.value / 12.0;
            else if (q.unit == "week") years = q.value / 52.0;
            else if (q.unit == "day") years = q.value / 365.0;
            c.year = *pub + std::max(1, static_cast<int>(std::ceil(years - 1e-9)));
            // "within the next decade" is loose by a year either way; "in the next year" is not.
            const int slack = years >= 5 ? 1 : 0;
            c.year_low = *c.year - slack;
            c.year_high = *c.year + slack;
            break;
        }
        case TimeRelation::end_of_decade:
            c.period = Period::by;
            if (pub) c.year = c.year_low = c.year_high = (*pub / 10 + 1) * 10;
            break;
        case TimeRelation::relative:
            c.period = Period::in;
            if (pub) c.year = *pub + whole(q.value);
            break;
        }
    }

    Claim make_claim(const Rule& rule, const Placed& p, CodePointCursor& cursor) const {
        Claim c;
        c.article = article_.id;
        c.kind = rule.kind;
        c.rule = rule.id;
        c.quantity = *p.q;
        c.text = article_.text.substr(p.q->bytes.start, p.q->bytes.end - p.q->bytes.start);
        c.start = cursor.at(p.q->bytes.start);
        c.end = cursor.at(p.q->bytes.end);
        c.quantity.span = {c.start, c.end};
        const Frame& f = frame(p);
        c.role = std::string(to_string(f.role));
        c.status = std::string(to_string(f.status));
        c.measure = phrase_text(f);
        // The country that faces a measure is never its actor.
        // Only rules that read frames know the counterpart for one.
        const bool framed = !rule.measures.empty();
        implied_group_.clear();
        if (f.measure_group.empty()) {
            if (const Frame* e = rule.echoes.empty() ? nullptr : echoed(rule.echoes, p)) {
                implied_group_ = e->measure_group;
                // An echo is of what the figure it repeats is of, where its own clause names
                // no one: "even at 30%" after "a 30% tariff on coconut products from Sri Lanka".
                Frame& mine = *frames_[static_cast<std::size_t>(&p - placed_.data())];
                if (mine.holder.empty() && mine.counterpart.empty()) {
                    mine.holder = e->holder;
                    mine.holder_type = e->holder_type;
                    mine.counterpart = e->counterpart;
                }
                if (mine.product.empty()) mine.product = e->product;
                // The same rate, said again: it is as firm as where it was first said.
                if (mine.role == Role::level && e->role == Role::level) {
                    mine.status = echo_status_;
                    c.status = std::string(to_string(mine.status));
                }
            } else {
                implied_group_ = group_of_kind(rule.kind);
            }
        } else if (framed && f.measure_group == "tariff" && f.role == Role::level && f.holder.empty() &&
                   f.counterpart.empty() && f.product.empty()) {
            // "a 30% tariff makes them unaffordable", sentences after "a 30% import tariff on
            // coconut products from Sri Lanka": a tariff of the same rate, said again with
            // nothing of whose or on what, is the one said before, when that one is the
            // article's holder's.
            // (The article's parties are read, from each figure's own clause, before it takes any.)
            if (const Frame* e = echoed({"tariff"}, p, false); e && e != &f && !e->holder.empty() && e->holder == article_holder(f)) {
                Frame& mine = *frames_[static_cast<std::size_t>(&p - placed_.data())];
                mine.holder = e->holder;
                mine.holder_type = e->holder_type;
                mine.counterpart = e->counterpart;
                mine.product = e->product;
            }
        }
        std::set<std::string> taken;
        if (framed && !f.counterpart.empty()) taken.insert(f.counterpart);
        // A tariff whose clause names only the country that faces it ("India's tariff rate
        // remains at 25 percent", "while India pays 25%", "those countries would be subjected to
        // a 10% tariff"): the first country of the sentence is another one that faces it, not
        // the one that imposes it.
        skip_subject_ = framed && (f.measure_group == "tariff" || f.measure.empty()) && f.holder.empty() &&
                        (f.subject_faces || !f.counterpart.empty());
        c.actor = fill_slot(rule, "actor", p, taken, false);
        taken.clear();
        if (!c.actor.empty()) taken.insert(c.actor);
        c.partner = fill_slot(rule, "partner", p, taken);
        // "a baseline tariff of around 10 per cent", "a universal 10% tariff on imports", "any
        // country doing business with Iran would be hit with a 25% tariff": on everyone, no one
        // partner, whatever country stands elsewhere in the sentence.
        if (framed && f.measure_group == "tariff" && on_everyone(f, p)) c.partner.clear();
        if (c.actor.empty()) {
            taken = {c.partner};
            if (framed && !f.counterpart.empty()) taken.insert(f.counterpart);
            c.actor = fill_slot(rule, "actor", p, taken);
        }
        skip_subject_ = false;
        implied_group_.clear();
        c.product = fill_slot(rule, "product", p, {});
        c.metric = fill_slot(rule, "metric", p, {});
        c.basis = fill_slot(rule, "basis", p, {});
        // "revised to", "a revised 166.3 billion": a later vintage of the same figure.
        if (c.basis.empty() && mentions_revision(p)) c.basis = "revised";
        // Trade between A and B is trade between B and A: one order for one fact.
        if (rules_.names.is_symmetric_metric(c.metric) && !c.partner.empty() && c.partner < c.actor)
            std::swap(c.actor, c.partner);
        resolve_period(c, p);
        // "In the first quarter of 2023", "in the eleven months to November": a figure for part
        // of the year is not the year's. Its basis says so, which makes it a fact of its own.
        if (c.period == Period::in && !c.month && c.basis.empty() && names_part_of_year(p)) c.basis = "part_of_year";
        date(c, f);
        return c;
    }

    // When the claim holds (docs/checks.md, "Facts in time"): a figure for a period holds for
    // it; else from the day its clause names, or the article's day; an older value quoted for
    // comparison is dated by the change it is the old side of (link_transitions).
    void date(Claim& c, const Frame& f) const {
        if (f.role == Role::previous) return;
        if (c.period == Period::in && c.year && !f.from) {
            using namespace std::chrono;
            const year y{*c.year};
            const month first{c.month ? static_cast<unsigned>(*c.month) : 1u};
            const month last{c.month ? static_cast<unsigned>(*c.month) : 12u};
            c.valid_from = Day{y, first, day{1}};
            c.valid_to = Day{year_month_day_last{y, month_day_last{last}}};
            c.time_source = "period";
            return;
        }
        c.valid_to = f.to;
        if (f.from) {
            c.valid_from = f.from;
            c.time_source = "text";
        } else if (published_) {
            c.valid_from = published_;
            c.time_source = "article";
        }
        if (c.valid_to && !c.time_source.empty() && c.time_source != "text") c.time_source = "text";
        // A rate "in force" from a day after its article's is not in force yet: it is announced
        // ("a 20% tariff effective August 7" in a story of August 1).
        if (c.status == "in_effect" && f.from && published_ && *f.from > *published_) c.status = "announced";
    }

    // "cut to 30% from 145%": the old side and the new, in one sentence and of one kind, are
    // one change and share a transition number; the old value holds until the new one starts.
    // A new level stated as a change ("raised to 20%") is a change of its own.
    void link_transitions(std::vector<Claim>& claims, const std::vector<const Placed*>& placed_of) const {
        int next = 0;
        for (std::size_t i = 0; i < claims.size(); ++i) {
            if (claims[i].role != "previous") continue;
            std::optional<std::size_t> level;
            for (std::size_t j = 0; j < claims.size(); ++j) {
                if (j == i || claims[j].role != "level" || claims[j].kind != claims[i].kind ||
                    placed_of[j]->sentence != placed_of[i]->sentence || claims[j].transition)
                    continue;
                const auto gap = [&](std::size_t k) {
                    return placed_of[k]->first > placed_of[i]->first ? placed_of[k]->first - placed_of[i]->first
                                                                     : placed_of[i]->first - placed_of[k]->first;
                };
                if (!level || gap(j) < gap(*level)) level = j;
            }
            if (!level) continue;
            claims[i].transition = claims[*level].transition = ++next;
            claims[i].valid_to = claims[*level].valid_from;
            if (claims[i].valid_to) claims[i].time_source = claims[*level].time_source;
        }
        for (std::size_t i = 0; i < claims.size(); ++i)
            if (!claims[i].transition && frame(*placed_of[i]).changes) claims[i].transition = ++next;
    }

    const Article& article_;
    const RuleSet& rules_;
    std::vector<Quantity> quantities_;
    std::vector<Span> regions_;           // the byte ranges tokenized, ascending
    std::vector<Token> tokens_;
    std::vector<Sentence> sentences_;
    std::vector<Mention> mentions_;
    mutable std::optional<std::map<std::string, std::string>> article_holders_;
    mutable bool skip_subject_ = false;   // make_claim: the actor takes no subject-country
    mutable std::string implied_group_;
    mutable Status echo_status_ = Status::in_effect;   // echoed(): the first status other than in effect   // make_claim: the measure group a figure without one stands for
    const std::string empty_;
    std::vector<std::size_t> sentence_of_;
    std::vector<std::uint32_t> ids_;                 // each token's vocabulary id, 0 if none
    std::vector<std::uint32_t> where_;               // token positions grouped by vocabulary id
    std::vector<std::uint32_t> where_start_;         // id -> its first position in where_
    std::vector<Placed> placed_;
    mutable std::vector<std::optional<Frame>> frames_;   // by placed_ index, read on demand
    mutable std::vector<std::string> partner_of_;       // the partner of the claim made of placed_[i], if any
    mutable std::optional<bool> names_tariffs_;          // names_tariffs(), once read
    mutable std::optional<std::set<const MeasureWord*>> story_measures_;   // story_names(), once read
    mutable std::vector<std::optional<std::vector<const MeasureWord*>>> sentence_measures_;   // by sentence
    std::optional<Day> published_;                       // the article's day, when it has one
};

// --- examples ----------------------------------------------------------------------

std::string field_of(const Claim& c, const std::string& field) {
    if (field == "unit") return c.quantity.unit;
    if (field == "qualifier") return std::string(to_string(c.quantity.qualifier));
    if (field == "type") return std::string(to_string(c.quantity.type));
    if (field == "actor") return c.actor;
    if (field == "partner") return c.partner;
    if (field == "product") return c.product;
    if (field == "metric") return c.metric;
    if (field == "basis") return c.basis;
    if (field == "kind") return c.kind;
    if (field == "text") return c.text;
    if (field == "role") return c.role;
    if (field == "status") return c.status;
    if (field == "measure") return c.measure;
    if (field == "year") return c.year ? std::to_string(*c.year) : std::string("open");
    return {};
}

std::optional<double> number_of(const Claim& c, const std::string& field) {
    if (field == "value") return c.quantity.value;
    if (field == "low") return c.quantity.low;
    if (field == "high") return c.quantity.high;
    return std::nullopt;
}

// What differs between `c` and the example's expectations; empty when it satisfies them.
std::string mismatch(const Claim& c, const Example& ex) {
    std::string out;
    for (const Expectation& e : ex.expect) {
        if (e.field == "none" || e.field == "date") continue;
        if (const auto n = number_of(c, e.field)) {
            const double want = std::strtod(e.value.c_str(), nullptr);
            if (std::fabs(*n - want) > 1e-9 * std::max(1.0, std::fabs(want)))
                out += fmt::format("{}{} {} (expected {})", out.empty() ? "" : ", ", e.field, *n, e.value);
        } else if (field_of(c, e.field) != e.value) {
            out += fmt::format("{}{} '{}' (expected '{}')", out.empty() ? "" : ", ", e.field, field_of(c, e.field), e.value);
        }
    }
    return out;
}

Article example_article(const Example& ex) {
    Article a;
    a.id = "example";
    a.path = ex.pos.file;
    a.text = ex.sentence;
    for (const Expectation& e : ex.expect) {
        if (e.field == "date") a.published = e.value;
        if (e.field == "currency") a.currency = e.value;
    }
    return a;
}

// Where to end a piece of a huge article near `at`: after a sentence end (". " or a line break)
// within the next 64 KB, else after white space, else at a code-point boundary.
std::size_t cut_point(std::string_view text, std::size_t at) {
    if (at >= text.size()) return text.size();
    const std::string_view ahead = text.substr(at, 64 * 1024);
    for (std::string_view end : {std::string_view(". "), std::string_view("\n")})
        if (const auto p = ahead.find(end); p != std::string_view::npos) return at + p + end.size();
    if (const auto p = ahead.find(' '); p != std::string_view::npos) return at + p + 1;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u) ++at;
    return at;
}

// Claims never reach across more than a few sentences, so a huge article (a dump with no
// paragraph breaks, a 100 MB line) is read in pieces of about a megabyte: memory stays bounded
// by the piece, not the article. Offsets are shifted back to the whole text.
std::vector<Claim> extract_in_pieces(const Article& article, const RuleSet& rules) {
    constexpr std::size_t piece = std::size_t{1} << 20;
    if (article.text.size() <= 2 * piece) return Document(article, rules).claims();
    std::vector<Claim> out;
    const std::string_view text(article.text);
    std::size_t begin = 0, code_points = 0;
    while (begin < text.size()) {
        const std::size_t end = cut_point(text, begin + piece);
        Article part;
        part.id = article.id;
        part.path = article.path;
        part.published = article.published;
        part.currency = article.currency;
        part.text = std::string(text.substr(begin, end - begin));
        for (Claim c : Document(part, rules).claims()) {
            c.start += code_points;
            c.end += code_points;
            c.quantity.span = {c.start, c.end};
            c.quantity.bytes = {c.quantity.bytes.start + begin, c.quantity.bytes.end + begin};
            out.push_back(std::move(c));
        }
        code_points += count_code_points(part.text);
        begin = end;
    }
    return out;
}

// Whether every phrase of every rule has its vocabulary ids (a cheap walk over the rules).
bool indexed(const RuleSet& rules) {
    for (const Rule& rule : rules.rules) {
        for (const NearClause& c : rule.near)
            if (c.ids.size() != c.phrases.size()) return false;
        for (const auto& [name, spec] : rule.slots)
            for (const Pattern& p : spec.alternatives)
                for (const Term& t : p.terms)
                    if (t.ids.size() != t.words.size()) return false;
    }
    return (!rules.vocabulary.empty() || rules.rules.empty()) && rules.names.indexed();
}

// Figures spelled out with no digit ("double", "a third", "seven pct"): look for the letters of
// the words that start them before giving up on an article. In any case, as the grammar reads
// them: "will DOUBLE", "TEN PERCENT" in wire copy set in capitals.
bool might_spell_figures(const std::string& text) {
    static const char* const starts[] = {"doubl", "tripl", "half", "halv", "percent", "pct",
                                         "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                         "ten", "twenty", "hundred", "thousand", "million", "billion", "dozen",
                                         "quarter", "third", "fold"};
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const char* w : starts)
        if (lower.find(w) != std::string::npos) return true;
    return false;
}

} // namespace

Extractor::Extractor(const RuleSet& rules, ExtractorOptions options) : rules_(&rules) {
    if (!indexed(rules)) {
        // A rule set put together or changed by hand, not through load_rules(): number its words first.
        indexed_copy_.emplace(rules);
        index_vocabulary(*indexed_copy_);
        rules_ = &*indexed_copy_;
    }
    if (options.skip_articles_without_rule_words) {
        auto filter = std::make_unique<RuleWordsFilter>(*rules_);
        if (filter->filters()) filter_ = std::move(filter);
    }
}

Extractor::~Extractor() = default;

std::vector<Claim> Extractor::claims(const Article& article) const {
    if (rules_->rules.empty() || article.text.empty()) return {};
    // Most of the cost is reading the text's words; an article without a figure needs none of it.
    if (article.text.find_first_of("0123456789") == std::string::npos && !might_spell_figures(article.text))
        return {};
    // Nor one in which no rule's words stand: most stories of a newswire archive.
    if (filter_ && !filter_->may_match(article.text)) return {};
    return extract_in_pieces(article, *rules_);
}

std::vector<Claim> extract_claims(const Article& article, const RuleSet& rules) {
    return Extractor(rules).claims(article);
}

std::vector<ExampleFailure> test_rule_examples(const RuleSet& rules, int& examples_run) {
    std::vector<ExampleFailure> failures;
    examples_run = 0;
    for (const Rule& rule : rules.rules) {
        for (const Example& ex : rule.examples) {
            ++examples_run;
            const auto claims = extract_claims(example_article(ex), rules);
            const bool expect_none = std::any_of(ex.expect.begin(), ex.expect.end(),
                                                 [](const Expectation& e) { return e.field == "none"; });
            std::vector<const Claim*> mine;
            for (const Claim& c : claims)
                if (c.rule == rule.id) mine.push_back(&c);
            if (expect_none) {
                // "=> none" alone: no claim at all; with fields: no claim with those values.
                const auto hit = std::find_if(mine.begin(), mine.end(), [&](const Claim* c) { return mismatch(*c, ex).empty(); });
                if (hit != mine.end())
                    failures.push_back({&rule, &ex, fmt::format("expected no such claim, got one from '{}'", (*hit)->text)});
                continue;
            }
            if (mine.empty()) {
                std::string others;
                for (const Claim& c : claims) others += fmt::format(" '{}' went to rule {};", c.text, c.rule);
                failures.push_back({&rule, &ex, "the rule made no claim from this example." + others});
                continue;
            }
            std::string best;
            bool ok = false;
            for (const Claim* c : mine) {
                const std::string diff = mismatch(*c, ex);
                if (diff.empty()) { ok = true; break; }
                if (best.empty()) best = fmt::format("claim '{}': {}", c->text, diff);
            }
            if (!ok) failures.push_back({&rule, &ex, best});
        }
    }
    return failures;
}

std::vector<std::string> lint_rules(const RuleSet& rules) {
    std::vector<std::string> problems;
    const auto at = [](const SourcePos& p) { return fmt::format("{}:{}:{}", p.file, p.line, p.column); };
    for (const Rule& rule : rules.rules) {
        if (rule.examples.empty())
            problems.push_back(fmt::format("{}: rule '{}' has no example; every rule carries the sentences that test it",
                                           at(rule.pos), rule.id));
        for (const Example& ex : rule.examples) {
            for (const Expectation& e : ex.expect) {
                if (e.value.empty()) continue;   // `partner ""`: the claim must have none
                const bool country = e.field == "actor" || e.field == "partner";
                if (country && !rules.names.is_country(e.value))
                    problems.push_back(fmt::format("{}: unknown country code '{}' in example", at(ex.pos), e.value));
                if (e.field == "product" && e.value.find('/') == std::string::npos && !rules.names.is_product(e.value))
                    problems.push_back(fmt::format("{}: unknown product '{}' in example", at(ex.pos), e.value));
                if (e.field == "metric" && !rules.names.is_metric(e.value))
                    problems.push_back(fmt::format("{}: unknown metric '{}' in example", at(ex.pos), e.value));
            }
        }
    }
    int run = 0;
    for (const ExampleFailure& f : test_rule_examples(rules, run))
        if (f.message.rfind("the rule made no claim", 0) == 0)
            problems.push_back(fmt::format("{}: example of rule '{}' is matched by no rule: {}", at(f.example->pos),
                                           f.rule->id, f.message));
    for (const Rule& rule : rules.rules)
        for (const auto& [slot, spec] : rule.slots) {
            if (!spec.fixed.empty() && slot == "metric" && !rules.names.is_metric(spec.fixed))
                problems.push_back(fmt::format("{}: rule '{}' sets unknown metric '{}'", at(rule.pos), rule.id, spec.fixed));
            if (!spec.fixed.empty() && (slot == "actor" || slot == "partner") && !rules.names.is_country(spec.fixed))
                problems.push_back(fmt::format("{}: rule '{}' sets unknown country '{}'", at(rule.pos), rule.id, spec.fixed));
        }
    return problems;
}

} // namespace tradecheck
