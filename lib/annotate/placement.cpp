#include "annotate/placement.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include <vector>

namespace lockscope::annotate {

namespace {

struct Tok {
  clang::tok::TokenKind kind;
  size_t begin, end;
  std::string text;
};

// The raw tokens of the text from `offset` on, up to `limit` of them (a declaration's tail is
// short; a runaway scan stops).
std::vector<Tok> lex_from(const std::string& text, size_t offset, size_t limit = 4096) {
  clang::SourceManagerForFile smf("annotate-input", text);
  clang::SourceManager& sm = smf.get();
  clang::LangOptions lang;
  lang.CPlusPlus = lang.CPlusPlus11 = lang.CPlusPlus17 = true;
  clang::FileID file = sm.getMainFileID();
  clang::Lexer lexer(file, sm.getBufferOrFake(file), sm, lang);
  lexer.seek(static_cast<unsigned>(offset), /*IsAtStartOfLine=*/false);
  std::vector<Tok> out;
  clang::Token t;
  while (out.size() < limit) {
    lexer.LexFromRawLexer(t);
    if (t.is(clang::tok::eof)) break;
    size_t begin = sm.getFileOffset(t.getLocation());
    out.push_back({t.getKind(), begin, begin + t.getLength(), text.substr(begin, t.getLength())});
  }
  return out;
}

bool opens(clang::tok::TokenKind k) {
  return k == clang::tok::l_paren || k == clang::tok::l_square || k == clang::tok::l_brace;
}
bool closes(clang::tok::TokenKind k) {
  return k == clang::tok::r_paren || k == clang::tok::r_square || k == clang::tok::r_brace;
}

// The index of the first token at bracket depth 0 from `from` that satisfies `stop`, or none.
template <typename Stop>
std::optional<size_t> find_at_depth0(const std::vector<Tok>& toks, size_t from, Stop stop) {
  int depth = 0;
  for (size_t i = from; i < toks.size(); ++i) {
    if (depth == 0 && stop(toks[i])) return i;
    if (opens(toks[i].kind)) ++depth;
    if (closes(toks[i].kind) && --depth < 0) return std::nullopt;
  }
  return std::nullopt;
}

bool mentions(const std::vector<Tok>& toks, size_t from, size_t to, const std::string& existing) {
  for (size_t i = from; i < to && i < toks.size(); ++i)
    if (toks[i].kind == clang::tok::raw_identifier && toks[i].text == existing) return true;
  return false;
}

Placement not_found(const std::string& name) { return {std::nullopt, "no declaration of '" + name + "' there"}; }

}  // namespace

std::optional<size_t> offset_of(const std::string& text, unsigned line, unsigned column) {
  if (line == 0 || column == 0) return std::nullopt;
  size_t pos = 0;
  for (unsigned l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return std::nullopt;
    ++pos;
  }
  size_t end = text.find('\n', pos);
  if (end == std::string::npos) end = text.size();
  if (pos + column - 1 >= end) return std::nullopt;
  return pos + column - 1;
}

Placement variable_attribute_offset(const std::string& text, size_t name_offset, const std::string& name,
                                    const std::string& existing) {
  std::vector<Tok> toks = lex_from(text, name_offset);
  if (toks.empty() || toks[0].text != name) return not_found(name);
  // The declarator ends before its initializer, its bit-field width, the next declarator or `;`.
  auto end = find_at_depth0(toks, 1, [](const Tok& t) {
    return t.kind == clang::tok::semi || t.kind == clang::tok::equal || t.kind == clang::tok::l_brace ||
           t.kind == clang::tok::comma || t.kind == clang::tok::colon;
  });
  if (!end) return {std::nullopt, "the declaration of '" + name + "' has no end"};
  if (mentions(toks, 1, *end, existing)) return {std::nullopt, "'" + name + "' is already annotated"};
  return {toks[*end - 1].end, {}};
}

Placement function_attribute_offset(const std::string& text, size_t name_offset, const std::string& name,
                                    const std::string& existing) {
  std::vector<Tok> toks = lex_from(text, name_offset);
  if (toks.empty() || toks[0].text != name) return not_found(name);
  auto params = find_at_depth0(toks, 1, [](const Tok& t) { return t.kind == clang::tok::l_paren; });
  if (!params) return not_found(name);
  auto close = find_at_depth0(toks, *params + 1, [](const Tok& t) { return t.kind == clang::tok::r_paren; });
  if (!close) return {std::nullopt, "the parameters of '" + name + "' do not end"};
  // Qualifiers stay before the attribute; override/final, `= 0`, the body and `;` go after it.
  size_t last = *close;
  for (size_t i = *close + 1; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    bool qualifier = t.text == "const" || t.text == "volatile" || t.kind == clang::tok::amp ||
                     t.kind == clang::tok::ampamp;
    bool exception_spec = t.text == "noexcept" || t.text == "throw";
    if (qualifier) {
      last = i;
    } else if (exception_spec) {
      last = i;
      if (i + 1 < toks.size() && toks[i + 1].kind == clang::tok::l_paren) {
        auto end = find_at_depth0(toks, i + 2, [](const Tok& u) { return u.kind == clang::tok::r_paren; });
        if (!end) return {std::nullopt, "the exception specification of '" + name + "' does not end"};
        last = i = *end;
      }
    } else if (t.kind == clang::tok::arrow) {
      return {std::nullopt, "'" + name + "' has a trailing return type (not annotated)"};
    } else {
      auto decl_end = find_at_depth0(toks, i, [](const Tok& u) {
        return u.kind == clang::tok::semi || u.kind == clang::tok::l_brace;
      });
      if (mentions(toks, i, decl_end ? *decl_end : i + 1, existing))
        return {std::nullopt, "'" + name + "' is already annotated"};
      break;
    }
  }
  return {toks[last].end, {}};
}

}  // namespace lockscope::annotate
