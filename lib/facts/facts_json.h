#pragma once
// JSON form of TranslationUnitFacts, so extraction and link can run in different processes.
// facts_from_json validates as it reads: malformed input throws FactsFormatError naming the first
// offending field ("functions[3].blocks[0].succs[1].to: expected a non-negative integer").
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "facts/facts.h"

namespace lockscope::facts {

class FactsFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kFactsFormatVersion = 2;  // 2: store events, erased calls

nlohmann::json to_json(const TranslationUnitFacts& facts);
TranslationUnitFacts facts_from_json(const nlohmann::json& j);  // throws FactsFormatError

}  // namespace lockscope::facts
