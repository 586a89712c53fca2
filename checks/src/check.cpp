#include "tradecheck/checks/check.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include <fmt/core.h>

#include "tradecheck/checks/fact_key.hpp"

namespace tradecheck::checks {

std::vector<std::string> key_fields(const std::string& key) {
    std::vector<std::string> fields(1);
    for (char c : key) {
        if (c == '|') fields.emplace_back();
        else fields.back() += c;
    }
    return fields;
}

namespace {

constexpr std::size_t period_field = 6;

} // namespace

std::string_view series_prefix(std::string_view key) {
    std::size_t end = 0;
    for (std::size_t field = 0; field < period_field; ++field) {
        end = key.find('|', end);
        if (end == std::string_view::npos) return key;
        ++end;
    }
    return key.substr(0, end);
}

std::string_view run_prefix(std::string_view key) {
    const std::size_t kind_end = key.find('|');
    if (kind_end == std::string_view::npos) return key;
    const std::string_view kind = key.substr(0, kind_end);
    if (kind == "trade_balance" || kind == "trade_value") return key.substr(0, kind_end + 1);
    const std::size_t actor_end = key.find('|', kind_end + 1);
    return actor_end == std::string_view::npos ? key : key.substr(0, actor_end + 1);
}

namespace {

// The partner field of a key ("" when it has none).
std::string_view partner_field(std::string_view key) {
    std::size_t start = 0;
    for (int field = 0; field < 2; ++field) {
        start = key.find('|', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    const std::size_t end = key.find('|', start);
    return key.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// A partnerless key that unify_partners() may join to a partnered one: it has an actor.
bool unifiable_partnerless(std::string_view key) {
    const std::size_t kind_end = key.find('|');
    if (kind_end == std::string_view::npos || key.compare(kind_end + 1, 2, "-|") == 0) return false;
    return partner_field(key) == "-";
}

} // namespace

bool RunCutter::starts_run(std::string_view key) {
    const bool first = !any_;
    const std::string_view block = run_prefix(key);
    const bool new_block = first || block != run_prefix(last_);
    if (new_block) block_partnerless_ = false;
    block_partnerless_ = block_partnerless_ || unifiable_partnerless(key);
    // A block whose run_prefix is the kind alone holds mirror relations: it is one run.
    const bool whole_kind = block.size() == key.find('|') + 1;
    const bool starts = new_block || (!block_partnerless_ && !whole_kind && series_prefix(key) != series_prefix(last_));
    last_.assign(key);
    any_ = true;
    return starts;
}

namespace {

// A claim's figure, in its own unit or converted to US dollars.
struct Reading {
    Interval interval;
    double value = 0;
    bool ok = true;        // false: a currency without a rate
    bool converted = false;
};

class Judge {
public:
    Judge(const std::vector<Claim>& claims, const CheckOptions& options) : claims_(claims), options_(options) {}

    // The year its story was published; 0 when unknown.
    int year_of(const std::string& article) const {
        const auto it = options_.article_year.find(article);
        return it == options_.article_year.end() ? 0 : it->second;
    }

    template <class Group>
    Finding judge(const std::string& key, const Group& g) const {
        Finding f;
        f.key = key;
        // The claim whose slots are the fact's own: one of the exact key when there is one.
        const std::size_t primary = !g.members.empty() ? g.members.front()
                                    : !g.undated.empty() ? g.undated.front() : g.unified.front();
        f.kind = compared_kind(claims_[primary].kind, claims_[primary].metric);
        f.undated = g.undated;
        f.unified = g.unified;
        f.mirrored = g.mirrored;
        f.mirror_key = g.mirror_key;
        f.claims = g.members;
        f.claims.insert(f.claims.end(), g.undated.begin(), g.undated.end());
        f.claims.insert(f.claims.end(), g.unified.begin(), g.unified.end());
        std::sort(f.claims.begin(), f.claims.end());
        for (std::size_t i : f.claims)
            if (claims_[i].kind != f.kind) f.retyped.push_back(i);
        // Claims that joined without their own slot for it never conflict by themselves.
        std::vector<std::size_t> undated = g.undated;
        undated.insert(undated.end(), g.unified.begin(), g.unified.end());
        std::set<std::string> sources;
        std::set<std::pair<std::string, std::string>> repeats;
        std::set<std::string> copied;
        for (std::size_t i : f.claims) {
            const std::string& s = source(i);
            sources.insert(s);
            const std::string& text = same_text_source(i);
            if (text != claims_[i].article && repeats.emplace(claims_[i].article, text).second)
                f.same_text.emplace_back(claims_[i].article, text);
            if (const CopyOf* c = copy_of(text); c && copied.insert(text).second) f.copies.emplace_back(text, *c);
        }
        f.sources = sources.size();
        if (f.sources < 2) return f;   // single
        if (const std::string missing = underspecified(claims_[primary]); !missing.empty()) {
            // Without knowing whose figure it is, or of what, claims of one kind are not one fact.
            f.status = Status::not_comparable;
            f.note = missing;
            return f;
        }

        const Voices voices = voices_of(f.claims, {sources.begin(), sources.end()});
        const PairScan scan = scan_voice_pairs(f, voices, undated);
        f.disagreeing_pairs = scan.disagreements;
        if (scan.disagreements > f.conflicts.size())
            f.note = fmt::format("{} disagreeing pairs of claims; the first {} are listed", scan.disagreements,
                                 f.conflicts.size());
        if (scan.real) f.status = Status::conflict;
        else if (scan.stale) {
            f.status = Status::stale;
            if (f.note.empty())
                f.note = "a source prints, for a day on which others say a newer value was in force, the value "
                         "before it (see the timeline)";
        } else if (scan.disagreements > scan.mirror) f.status = Status::revised;
        else if (scan.mirror > 0) {
            f.status = Status::not_comparable;
            f.note = fmt::format("mirror figures: {} and {} state one relation from its two sides and differ; such "
                                 "figures often come from different statistical agencies, on different bases "
                                 "(exports f.o.b., imports c.i.f.), so they are not a plain conflict",
                                 f.key, f.mirror_key);
        }
        else if (scan.changed) {
            f.status = Status::changed;
            f.note = "the values differ only across time: each held on its own dates (see the timeline)";
        } else if (scan.incomparable) {
            f.status = Status::not_comparable;
            f.note = "figures in currencies with no rate on file; add one to the rates table";
        } else if (scan.disjoint_open) {
            f.status = Status::not_comparable;
            f.note = "figures differ but no period is stated (or only a part of a year): they may be for different months or years";
        } else if (scan.scale) {
            f.status = Status::not_comparable;
            f.note = "amounts differ more than twofold: probably different measures (a total and a part, a month "
                     "and a year)";
        } else if (scan.forecast) {
            f.status = Status::not_comparable;
            f.note = "figures differ but are for a period not over when the articles were written: forecasts";
        } else if (scan.not_in_force && !scan.agree_in_force) {
            f.status = Status::not_comparable;
            f.note = "figures differ, but some are threats, proposals, forecasts or older values quoted for "
                     "comparison, not figures in force (see each claim's status)";
        } else {
            f.status = Status::agree;
        }
        return f;
    }

    // `to_usd`: convert money to US dollars (when the claims compared are in several currencies).
    Reading read(std::size_t i, bool to_usd) const {
        const Claim& c = claims_[i];
        Reading r{interval_of(c.quantity), c.quantity.value, true, false};
        if (!to_usd) return r;
        if (c.quantity.type != QuantityType::money) { r.ok = false; return r; }
        if (c.quantity.unit == "USD") return r;
        const int year = c.year ? *c.year : year_of(c.article);
        const auto rate = options_.rates && year ? options_.rates->per_usd(c.quantity.unit, year) : std::nullopt;
        if (!rate) { r.ok = false; return r; }
        const auto usd = [&](double v) { return std::isinf(v) ? v : v / *rate; };
        r.interval = {usd(r.interval.lo) * (1 - conversion_tolerance), usd(r.interval.hi) * (1 + conversion_tolerance),
                      r.interval.lo_open, r.interval.hi_open};
        r.value = usd(r.value);
        r.converted = true;
        return r;
    }

private:
    // The claims of a fact by voice: voice[x] is the voice of the claim at position x of the
    // fact's claims, by_voice[v] the positions of voice v's claims; voices numbered in the order
    // of their names.
    struct Voices {
        std::vector<std::size_t> voice;
        std::vector<std::vector<std::size_t>> by_voice;
    };

    Voices voices_of(const std::vector<std::size_t>& members, const std::vector<std::string>& names) const {
        Voices v;
        v.by_voice.resize(names.size());
        for (std::size_t x = 0; x < members.size(); ++x) {
            const auto at = std::lower_bound(names.begin(), names.end(), source(members[x]));
            v.voice.push_back(static_cast<std::size_t>(at - names.begin()));
            v.by_voice[v.voice.back()].push_back(x);
        }
        return v;
    }

    struct PairScan {
        bool incomparable = false, disjoint_open = false, forecast = false, scale = false, not_in_force = false;
        bool agree_in_force = false;       // two voices' figures in force meet
        bool real = false;                 // a disagreement that is neither a revision nor a stale figure
        bool stale = false;                // a stale figure (Disagreement::stale)
        bool changed = false;              // figures that differ only across time
        std::size_t mirror = 0;            // disagreements between the two sides of a mirror relation
        std::size_t disagreements = 0;     // all of them; f.conflicts lists the first few
    };

    // One source is one voice: two sources disagree only when none of the figures one prints
    // for the fact meets any the other prints (a story may quote the old figure and the new).
    // The pairs of voices are judged one at a time, in the order of their names, so memory
    // stays linear in the claims however many of them disagree (a fact thousands of articles
    // state would otherwise hold millions of disagreeing pairs).
    PairScan scan_voice_pairs(Finding& f, const Voices& voices, const std::vector<std::size_t>& undated) const {
        std::set<std::string> units;
        for (std::size_t i : f.claims) units.insert(claims_[i].quantity.unit);
        const bool to_usd = units.size() > 1;   // one currency compares as printed
        const FactKey key = FactKey::parse(f.key);
        // Figures with no period, or for an unnamed part of a year ("the first two months"):
        // they may be for different months.
        const bool periodic_open =
            (key.fields > period_field && key.period.empty() && options_.periodic_kinds.count(f.kind) != 0) ||
            (key.fields > period_field - 1 && key.basis == "part_of_year");
        std::vector<std::size_t> sorted_undated = undated;
        std::sort(sorted_undated.begin(), sorted_undated.end());
        std::vector<Reading> reading;
        std::vector<char> is_undated, forecasts;
        std::vector<Moment> moments;
        std::vector<char> mirrored;
        const bool timed = in_time(f.kind);
        for (std::size_t i : f.claims) {
            reading.push_back(read(i, to_usd));
            is_undated.push_back(std::binary_search(sorted_undated.begin(), sorted_undated.end(), i) ? 1 : 0);
            forecasts.push_back(is_forecast(i) ? 1 : 0);
            moments.push_back(timed ? moment(i) : Moment{});
            mirrored.push_back(std::find(f.mirrored.begin(), f.mirrored.end(), i) != f.mirrored.end() ? 1 : 0);
        }
        // Voices that report a change of this fact ("cut tariffs to 20%", "initially 44%"): their
        // other figures for it are the value after the change too.
        std::vector<char> voice_changes(voices.by_voice.size(), 0);
        for (std::size_t x = 0; x < f.claims.size(); ++x)
            if (claims_[f.claims[x]].transition > 0 || claims_[f.claims[x]].status == "previous")
                voice_changes[voices.voice[x]] = 1;
        PairScan scan;
        std::vector<std::size_t> merged;
        std::vector<Disagreement> found;
        for (std::size_t va = 0; va < voices.by_voice.size(); ++va)
            for (std::size_t vb = va + 1; vb < voices.by_voice.size(); ++vb) {
                const auto& A = voices.by_voice[va];
                const auto& B = voices.by_voice[vb];
                merged.clear();
                std::merge(A.begin(), A.end(), B.begin(), B.end(), std::back_inserter(merged));
                bool consistent = false, across_time = false;
                found.clear();
                for (std::size_t p = 0; p < merged.size(); ++p)
                    for (std::size_t q = p + 1; q < merged.size(); ++q) {
                        const std::size_t x = merged[p], y = merged[q];
                        if (voices.voice[x] == voices.voice[y]) continue;
                        const std::size_t a = f.claims[x], b = f.claims[y];
                        const Reading& ra = reading[x];
                        const Reading& rb = reading[y];
                        if (!ra.ok || !rb.ok) { scan.incomparable = true; continue; }
                        f.converted |= ra.converted || rb.converted;
                        auto d = compare(a, b, ra, rb);
                        if (!d) {
                            // An older value quoted beside a change ("cut from 46%") says nothing
                            // of what holds now: it does not make two voices of figures in time
                            // agree.
                            if (timed && (claims_[a].status == "previous" || claims_[b].status == "previous")) continue;
                            consistent = true;
                            scan.agree_in_force |= in_force(a) && in_force(b);
                            f.rounding_only |= agrees_by_rounding(a, b);
                            continue;
                        }
                        // Claims without a period never make a conflict by themselves.
                        if (is_undated[x] || is_undated[y]) continue;
                        if (periodic_open && !d->on_horizon) { scan.disjoint_open = true; continue; }
                        // A figure for a year not yet over is a forecast; forecasts differ without conflict.
                        if (forecasts[x] || forecasts[y]) { scan.forecast = true; continue; }
                        // A threat, proposal or forecast, or an old value quoted for comparison
                        // ("down from 44%"), is not the figure in force: it differs without conflict.
                        if (!in_force(a) || !in_force(b)) { scan.not_in_force = true; continue; }
                        if (!d->on_horizon && different_scale(a, ra, rb)) { scan.scale = true; continue; }
                        // Amounts for different years ("$8 billion by 2025", "$30 billion by
                        // 2030") are milestones of different goals, not one goal disputed. A
                        // multiple ("double by 2035", "triple by 2030") is stated once a goal.
                        if (!d->on_horizon && different_horizons(a, b)) { scan.scale = true; continue; }
                        if (timed) {
                            // Figures for different moments, or a later story reporting the change.
                            if (!same_moment(moments[x], moments[y]) ||
                                reports_change(a, b, moments[x], moments[y], voice_changes[voices.voice[x]],
                                               voice_changes[voices.voice[y]])) {
                                across_time = true;
                                continue;
                            }
                            mark_stale(*d, f, moments, x, y);
                        }
                        d->mirror = mirrored[x] != mirrored[y];
                        found.push_back(*d);
                    }
                if (consistent) continue;
                scan.changed |= across_time;
                for (const Disagreement& d : found) {
                    ++scan.disagreements;
                    scan.mirror += d.mirror;
                    scan.real |= !d.revision && !d.stale && !d.mirror;
                    scan.stale |= d.stale;
                    if (f.conflicts.size() < max_listed_conflicts) f.conflicts.push_back(d);
                }
            }
        return scan;
    }

    // --- facts in time (docs/checks.md) ------------------------------------------------

    // Whether a kind's figures are compared by the days they hold on. Periodic figures are
    // compared by their period (the fact key), targets by their horizon.
    bool in_time(const std::string& kind) const {
        return !options_.periodic_kinds.count(kind) && kind != "trade_target";
    }

    // The days a claim says its figure holds on, as day numbers: a figure in force from the day
    // its text gives until its article's day (or the day the text ends it); an announced one
    // on the day it takes effect; one with no day of its own on its article's day.
    struct Moment {
        bool known = false;
        long lo = 0, hi = 0;
        bool text = false;          // from a day the text gives
        bool pending = false;       // announced, with no day it takes effect: some day after lo
        bool somewhen = false;      // held on some day of [lo, hi] ("in April"), not on all of them
    };

    static long day_number(const Day& d) { return static_cast<long>(std::chrono::sys_days{d}.time_since_epoch().count()); }

    std::optional<long> published_day(std::size_t i) const {
        const auto it = options_.article_day.find(claims_[i].article);
        if (it == options_.article_day.end()) return std::nullopt;
        return day_number(it->second);
    }

    Moment moment(std::size_t i) const {
        const Claim& c = claims_[i];
        Moment m;
        if (!c.valid_from || c.status == "previous") return m;
        m.known = true;
        m.text = c.time_source == "text";
        m.somewhen = c.time_source == "period";
        m.lo = day_number(*c.valid_from);
        const long published = published_day(i).value_or(m.lo);
        // A change reported with a month or year in its sentence ("cut from 44% to 20%,
        // superseding the rate announced in April"): the period is as likely the old value's;
        // the news of the change is of its article's day.
        if (m.somewhen && c.transition > 0 && published_day(i)) {
            m.somewhen = false;
            m.lo = m.hi = published;
            return m;
        }
        if (c.status == "announced") {
            m.hi = m.lo;
            m.pending = !m.text;
            return m;
        }
        m.hi = std::max(m.lo, published);
        if (c.valid_to) m.hi = std::max(m.lo, std::min(m.hi, day_number(*c.valid_to)));
        return m;
    }

    // Two claims speak of the same moment when their days meet within the window. Without
    // days (a story with no date) they are compared, as figures always were.
    bool same_moment(const Moment& a, const Moment& b) const {
        if (!a.known || !b.known) return true;
        // What is announced with no day to take effect is not yet in force: it meets only
        // other announcements.
        if (a.pending != b.pending) return false;
        // "A 50% tariff in August" may have held on any day of August: it contradicts only a
        // figure for the same period, not one for a day in it (the rate may have changed then).
        if (a.somewhen || b.somewhen) return a.somewhen && b.somewhen && a.lo == b.lo && a.hi == b.hi;
        const long w = options_.same_moment_days;
        return a.lo <= b.hi + w && b.lo <= a.hi + w;
    }

    // One story reports a change ("raised to 50%", "the newly imposed 30%": `ca`, `cb` say which
    // do, Moment aside), the other, of the
    // same day or before, a value that does not: the values differ because the rate changed
    // (the other may print the rate before the change). Two stories of one day that both
    // report a change to different values do conflict.
    bool reports_change(std::size_t a, std::size_t b, const Moment& ma, const Moment& mb, bool ca, bool cb) const {
        if (!ma.known || !mb.known) return false;
        const auto pa = published_day(a), pb = published_day(b);
        if (!pa || !pb) return false;
        if (*pa == *pb) return ca != cb;
        // What an earlier story says is announced, and a later one says is in force: plans
        // change before they take effect ("30% from August 1", then "20%" on August 1).
        const std::size_t earlier = *pa < *pb ? a : b;
        if (claims_[earlier].status == "announced" && claims_[earlier == a ? b : a].status != "announced") return true;
        return *pa > *pb ? ca : cb;
    }

    // A stale figure: one side prints the value that held before the day the other side's text
    // says a new value took effect, on a day after it ("44%" on August 10, when others print
    // 20% in force since August 7, and 44% is the value they say it replaced). The stale side
    // becomes `a` of the disagreement.
    void mark_stale(Disagreement& d, const Finding& f, const std::vector<Moment>& moments, std::size_t x,
                    std::size_t y) const {
        const auto stale_against = [&](std::size_t old_at, std::size_t new_at) {
            const Moment& mo = moments[old_at];
            const Moment& mn = moments[new_at];
            if (!mn.known || !mn.text || !mo.known || (mo.text && mo.lo >= mn.lo) || mn.lo > mo.hi) return false;
            return older_value_fits(f, moments, old_at, mn.lo);
        };
        if (stale_against(x, y)) d.stale = true;
        else if (stale_against(y, x)) {
            d.stale = true;
            std::swap(d.a, d.b);
        }
    }

    // Whether the figure at position `at` of the fact meets a value some claim gives for before
    // day `change`: an older value quoted beside the change, or one held only before it.
    bool older_value_fits(const Finding& f, const std::vector<Moment>& moments, std::size_t at, long change) const {
        const Interval mine = interval_of(claims_[f.claims[at]].quantity);
        for (std::size_t z = 0; z < f.claims.size(); ++z) {
            if (z == at) continue;
            const Claim& c = claims_[f.claims[z]];
            const bool before = c.status == "previous" ? c.valid_to && day_number(*c.valid_to) <= change
                                                       : moments[z].known && moments[z].hi < change;
            if (before && meets(mine, interval_of(c.quantity))) return true;
        }
        return false;
    }

    // The article whose text claim i's article repeats (itself when none).
    const std::string& same_text_source(std::size_t i) const {
        const auto it = options_.source_of.find(claims_[i].article);
        return it == options_.source_of.end() ? claims_[i].article : it->second;
    }

    const CopyOf* copy_of(const std::string& article) const {
        if (!options_.copies) return nullptr;
        const auto it = options_.copies->find(article);
        return it == options_.copies->end() ? nullptr : &it->second;
    }

    // Claim i's source: the story family of the text it is in (docs/checks.md, "Independent sources").
    const std::string& source(std::size_t i) const {
        const std::string& text = same_text_source(i);
        const CopyOf* c = copy_of(text);
        return c ? c->family : text;
    }


    // What a fact lacks to be one fact, for people; "" when it is complete.
    std::string underspecified(const Claim& c) const {
        if (c.actor.empty() && c.partner.empty()) return "the articles do not say whose figure this is";
        if (options_.needs_metric.count(c.kind) && c.metric.empty()) return "the articles do not say what this figure measures";
        if (c.kind == "tariff_rate" && c.partner.empty() && c.product.empty())
            return "the articles do not say on whom or on what this tariff falls";
        // "14% of exports", "53% was exported": a share of exports going nowhere named and made of
        // nothing named may be a share of anything (of GDP, of a crop, of a sector's sales).
        if ((c.kind == "export_share" || c.kind == "import_share") && c.partner.empty() && c.product.empty())
            return "the articles do not say toward whom or of what goods this share is";
        return {};
    }

    bool different_scale(std::size_t a, const Reading& ra, const Reading& rb) const {
        const QuantityType t = claims_[a].quantity.type;
        if (t != QuantityType::money && t != QuantityType::number) return false;
        const double lo = std::min(std::fabs(ra.value), std::fabs(rb.value));
        const double hi = std::max(std::fabs(ra.value), std::fabs(rb.value));
        return lo > 0 && hi / lo > different_measure_ratio;
    }

    // What the claim's frame says of it (docs/frames.md); claims stored before frames have no
    // status and count as in force, as they always did.
    // A trade target is a goal however it is voiced ("wants to triple"): targets meet targets.
    // An older value of a dated period ("from an 890 mln dlr deficit in 1985") is that period's
    // figure: it is compared with the others of its period.
    bool in_force(std::size_t i) const {
        const Claim& c = claims_[i];
        const std::string& s = c.status;
        if (s == "previous" && c.period == Period::in && c.year && options_.periodic_kinds.count(c.kind)) return true;
        return s.empty() || s == "in_effect" || s == "announced" || s == "target" || c.kind == "trade_target";
    }

    bool is_forecast(std::size_t i) const {
        const Claim& c = claims_[i];
        if (c.period != Period::in || !c.year || c.month || !options_.periodic_kinds.count(c.kind)) return false;
        const int published = year_of(c.article);
        return published && *c.year >= published;
    }

    static std::optional<Interval> horizon_of(const Claim& c) {
        if (c.period != Period::by || !c.year) return std::nullopt;
        return year_interval(c.year_low.value_or(*c.year), c.year_high.value_or(*c.year));
    }

    bool different_horizons(std::size_t ia, std::size_t ib) const {
        const Claim& a = claims_[ia];
        const Claim& b = claims_[ib];
        if (a.quantity.type == QuantityType::multiplier || b.quantity.type == QuantityType::multiplier) return false;
        const auto ha = horizon_of(a), hb = horizon_of(b);
        return ha && hb && !meets(*ha, *hb);
    }

    static double relative(double gap, double a, double b) {
        const double base = std::min(std::fabs(a), std::fabs(b));
        return base > 0 ? gap / base : 0;
    }

    std::optional<Disagreement> compare(std::size_t ia, std::size_t ib, const Reading& ra, const Reading& rb) const {
        const Claim& a = claims_[ia];
        const Claim& b = claims_[ib];
        const bool revision = a.basis == "revised" || b.basis == "revised";
        if (!meets(ra.interval, rb.interval)) {
            const double gap = std::fabs(ra.value - rb.value);
            return Disagreement{ia, ib, false, revision, gap, relative(gap, ra.value, rb.value)};
        }
        // An open horizon never conflicts by itself; two stated horizons must meet.
        const auto ha = horizon_of(a), hb = horizon_of(b);
        if (ha && hb && !meets(*ha, *hb)) {
            const double gap = std::fabs(*a.year - *b.year);
            return Disagreement{ia, ib, true, revision, gap, relative(gap, *a.year, *b.year)};
        }
        return std::nullopt;
    }

    // The figures differ as printed and meet only once widened for rounding.
    bool agrees_by_rounding(std::size_t ia, std::size_t ib) const {
        const Quantity& a = claims_[ia].quantity;
        const Quantity& b = claims_[ib].quantity;
        return a.qualifier == Qualifier::exact && b.qualifier == Qualifier::exact && a.unit == b.unit &&
               a.value != b.value;
    }

    const std::vector<Claim>& claims_;
    const CheckOptions& options_;
};

// How claims joined a fact beyond its exact key.
struct Group {
    FactKey key;
    std::vector<std::size_t> members;   // the exact key
    std::vector<std::size_t> undated;   // no period stated: joined the dated fact their figure fits
    std::vector<std::size_t> unified;   // no partner stated: joined the one fact their figure fits
    std::vector<std::size_t> mirrored;  // the same relation stated from the other side
    std::string mirror_key;             // the key those claims were stored under
};
using Groups = std::map<std::string, Group>;

// Whether claim i's figure meets a figure of `others`. `close`: and the two printed values are
// within different_measure_ratio of each other (an open bound, "over 3.5 million", meets any
// larger amount; that says nothing of whether it is the same fact).
bool fits_any(std::size_t i, const std::vector<std::size_t>& others, const std::vector<Claim>& claims,
              const Judge& judge, bool close = false) {
    return std::any_of(others.begin(), others.end(), [&](std::size_t j) {
        const bool to_usd = claims[i].quantity.unit != claims[j].quantity.unit;
        const Reading ri = judge.read(i, to_usd), rj = judge.read(j, to_usd);
        if (!ri.ok || !rj.ok || !meets(ri.interval, rj.interval)) return false;
        if (!close) return true;
        const double lo = std::min(std::fabs(ri.value), std::fabs(rj.value));
        const double hi = std::max(std::fabs(ri.value), std::fabs(rj.value));
        return lo > 0 ? hi / lo <= different_measure_ratio : hi == 0;
    });
}

// An unknown partner unifies with a known one (docs/checks.md, "One fact however it is written"):
// the claims of a fact with no partner join the fact of the same key but for a known partner
// when each of them fits exactly one such fact (meets a figure of it within
// different_measure_ratio of its own). If any fits none (or several), the partnerless
// fact is a fact of its own (a global figure beside bilateral ones, or a figure with too many
// readings) and none of its claims is merged. Unified claims never make a conflict by themselves.
void unify_partners(Groups& g, const std::vector<Claim>& claims, const Judge& judge) {
    std::map<FactKey, std::vector<Group*>> bilateral;   // the key with its partner blanked -> facts
    for (auto& [name, group] : g)
        if (!group.key.partner.empty() && group.key.fields == 8) {
            FactKey k = group.key;
            k.partner.clear();
            bilateral[k].push_back(&group);
        }
    for (auto& [name, group] : g) {
        if (!group.key.partner.empty() || group.key.actor.empty() || group.key.fields != 8) continue;
        const auto candidates = bilateral.find(group.key);
        if (candidates == bilateral.end()) continue;
        std::vector<Group*> target;
        for (std::size_t i : group.members) {
            Group* only = nullptr;
            std::size_t fitting = 0;
            for (Group* c : candidates->second)
                if (fits_any(i, c->members, claims, judge, true)) ++fitting, only = c;
            if (fitting != 1) break;
            target.push_back(only);
        }
        if (target.size() != group.members.size()) continue;
        for (std::size_t x = 0; x < target.size(); ++x) target[x]->unified.push_back(group.members[x]);
        group.members.clear();
    }
}

// An undated claim joins the dated fact of its series whose figures it fits (the one with the
// most claims when several do): "the 169.8 billion dlr deficit" in a 1987 story is the 1986 one.
// Only a figure the story states as it stands (not a projection, a potential or a goal: "exports
// could be enhanced by $10 billion"), and only a fact of the story's year or the year before
// (a story of 2026 that says exports "stagnated at USD 12-13 billion annually" speaks of no 2023
// figure). Its figure must be within different_measure_ratio of one of the fact's.
void attach_undated(Groups& g, const std::vector<Claim>& claims, const Judge& judge) {
    std::map<FactKey, std::vector<Group*>> dated_by_series;
    for (auto& [name, group] : g)
        if (group.key.dated() && group.key.fields > period_field) dated_by_series[group.key.series()].push_back(&group);
    for (auto& [name, group] : g) {
        if (group.key.fields <= period_field || !group.key.period.empty()) continue;
        const auto series = dated_by_series.find(group.key.series());
        if (series == dated_by_series.end()) continue;
        std::vector<std::size_t> stay;
        for (std::size_t i : group.members) {
            Group* best = nullptr;
            const int story_year = judge.year_of(claims[i].article);
            const bool as_it_stands = claims[i].status != "expected" && claims[i].status != "target";
            for (Group* candidate : series->second) {
                const int year = std::atoi(candidate->key.period.c_str());
                if (!as_it_stands || (story_year && (year > story_year || year < story_year - 1))) continue;
                if (fits_any(i, candidate->members, claims, judge, true) &&
                    (!best || candidate->members.size() > best->members.size()))
                    best = candidate;
            }
            if (best) best->undated.push_back(i);
            else stay.push_back(i);
        }
        group.members = std::move(stay);
    }
}

// The other side of a relation: B's deficit with A for A's surplus with B, B's imports from A for
// A's exports to B. Empty when the key has no mirror.
std::optional<FactKey> mirror_of(const FactKey& k) {
    if (k.fields != 8 || k.actor.empty() || k.partner.empty() || k.actor == k.partner) return std::nullopt;
    static const std::map<std::pair<std::string, std::string>, std::string> sides{
        {{"trade_balance", "trade_surplus"}, "trade_deficit"}, {{"trade_balance", "trade_deficit"}, "trade_surplus"},
        {{"trade_value", "exports"}, "imports"},               {{"trade_value", "imports"}, "exports"}};
    const auto it = sides.find({k.kind, k.metric});
    if (it == sides.end()) return std::nullopt;
    FactKey m = k;
    std::swap(m.actor, m.partner);
    m.metric = it->second;
    return m;
}

// Mirror relations (docs/checks.md): A's surplus with B and B's deficit with A are one relation,
// compared in one fact under the key that sorts first; the other side's claims join it as
// mirrored. Their disagreement is reported as mirror figures, not a conflict.
void join_mirrors(Groups& g) {
    for (auto& [name, group] : g) {
        if (group.members.empty() && group.undated.empty() && group.unified.empty()) continue;
        const auto mirror = mirror_of(group.key);
        if (!mirror) continue;
        const std::string other = mirror->str();
        if (other <= name) continue;   // the first of the two keys holds the fact
        const auto it = g.find(other);
        if (it == g.end()) continue;
        Group& side = it->second;
        for (const auto* from : {&side.members, &side.undated, &side.unified})
            group.mirrored.insert(group.mirrored.end(), from->begin(), from->end());
        group.undated.insert(group.undated.end(), side.undated.begin(), side.undated.end());
        group.unified.insert(group.unified.end(), side.unified.begin(), side.unified.end());
        group.members.insert(group.members.end(), side.members.begin(), side.members.end());
        group.mirror_key = other;
        side.members.clear();
        side.undated.clear();
        side.unified.clear();
    }
}

} // namespace

std::string matched_by(const Finding& f, std::size_t claim) {
    const auto in = [&](const std::vector<std::size_t>& v) { return std::find(v.begin(), v.end(), claim) != v.end(); };
    std::string how;
    const auto add = [&how](std::string_view part) { how += how.empty() ? "" : "+", how += part; };
    if (in(f.mirrored)) add("mirror");
    if (in(f.unified)) add("unified_partner");
    else if (in(f.undated)) add("undated");
    if (in(f.retyped)) add("retyped");
    return how.empty() ? "exact" : how;
}

std::vector<Finding> check(const std::vector<Claim>& claims, const CheckOptions& options) {
    Judge judge(claims, options);

    Groups g;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const std::string key = claims[i].key.empty() ? fact_key(claims[i]) : claims[i].key;
        auto [it, fresh] = g.try_emplace(key);
        if (fresh) it->second.key = FactKey::parse(key);
        it->second.members.push_back(i);
    }
    unify_partners(g, claims, judge);
    attach_undated(g, claims, judge);
    join_mirrors(g);

    std::vector<Finding> findings;
    for (auto& [key, group] : g) {
        if (group.members.empty() && group.undated.empty() && group.unified.empty()) continue;
        Finding f = judge.judge(key, group);
        if (f.sources >= options.min_sources) findings.push_back(std::move(f));
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.status < b.status; });
    return findings;
}

} // namespace tradecheck::checks
