// Instantiates the frame grammar's rules (frame_grammar_def.hpp) once.
#include "frame_grammar.hpp"

#include "frame_grammar_def.hpp"

namespace tradecheck::frame_grammar {

namespace {

template <typename Parser>
std::optional<std::size_t> match(const Parser& parser, std::string_view classes, std::size_t from) {
    if (from >= classes.size()) return std::nullopt;
    auto first = classes.begin() + static_cast<std::ptrdiff_t>(from);
    if (!boost::spirit::x3::parse(first, classes.end(), parser)) return std::nullopt;
    return static_cast<std::size_t>(first - classes.begin());
}

} // namespace

std::optional<std::size_t> figure_then_head(std::string_view classes, std::size_t from) {
    return match(def::figure_then_head, classes, from);
}
std::optional<std::size_t> figure_of_head(std::string_view classes, std::size_t from) {
    return match(def::figure_of_head, classes, from);
}
std::optional<std::size_t> head_then_figure(std::string_view classes, std::size_t from) {
    return match(def::head_then_figure, classes, from);
}
std::optional<std::size_t> verb_object_figure(std::string_view classes, std::size_t from) {
    return match(def::verb_object_figure, classes, from);
}
std::optional<std::size_t> subject_verb_figure(std::string_view classes, std::size_t from) {
    return match(def::subject_verb_figure, classes, from);
}
std::optional<std::size_t> subject_verb_clause(std::string_view classes, std::size_t from) {
    return match(def::subject_verb_clause, classes, from);
}

std::optional<std::size_t> flow_goods_worth(std::string_view classes, std::size_t from) {
    return match(def::flow_goods_worth, classes, from);
}

std::optional<std::size_t> gapped_subject_figure(std::string_view classes, std::size_t from) {
    return match(def::gapped_subject_figure, classes, from);
}

std::optional<std::size_t> series_link(std::string_view classes, std::size_t from) {
    return match(def::series_link, classes, from);
}

} // namespace tradecheck::frame_grammar
