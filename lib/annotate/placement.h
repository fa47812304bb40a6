#pragma once
// Where an attribute goes in a declaration, found by lexing the source (no parse, no compile
// command needed): after the declarator of a field or global (`int n_ GUARDED_BY(mu_) = 0;`), after
// the parameter list and its qualifiers of a function (`void f() const REQUIRES(mu_) override;`).
#include <cstddef>
#include <optional>
#include <string>

namespace lockscope::annotate {

struct Placement {
  std::optional<size_t> offset;  // byte offset to insert at; none: see `problem`
  std::string problem;           // why not ("is already annotated", "no declaration of 'x' at ...")
};

// The byte offset of a 1-based line and byte column; none when outside the text.
std::optional<size_t> offset_of(const std::string& text, unsigned line, unsigned column);

// `name_offset` is where the declared name starts. `existing` lists annotation spellings that,
// found in the declarator's tail, mean the declaration is already annotated.
Placement variable_attribute_offset(const std::string& text, size_t name_offset, const std::string& name,
                                    const std::string& existing);
Placement function_attribute_offset(const std::string& text, size_t name_offset, const std::string& name,
                                    const std::string& existing);

}  // namespace lockscope::annotate
