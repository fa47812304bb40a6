#pragma once
// Source text quoted in a note ("call through 'ops->handlers[i].run' is not followed") must sit
// on the note's one line: an expression written over several lines keeps its tokens, not its
// newlines, indentation or comments, and a long one is shortened at a token boundary, never in
// the middle of a name.
#include <string>
#include <string_view>

namespace lockscope::extract {

inline constexpr size_t kQuoteMax = 60;

std::string quote_source(std::string_view text, size_t max = kQuoteMax);

}  // namespace lockscope::extract
