#include "cache/unit_key.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/xxhash.h>

#include "facts/facts_json.h"
#include "lockscope/version.h"

namespace lockscope::cache {

namespace {

std::string hex(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) s[static_cast<size_t>(i)] = kDigits[value & 0xf];
  return s;
}

// Each field is followed by a NUL, so {"a b"} and {"a", "b"} never hash alike.
void append_field(std::string& text, const std::string& field) {
  text += field;
  text.push_back('\0');
}

}  // namespace

const std::string& tool_identity() {
  static const std::string identity = [] {
    std::string text;
    append_field(text, std::string(kVersion));
    append_field(text, std::to_string(facts::kFactsFormatVersion));
    // Without /proc (not Linux), the version alone: rebuilt development binaries may then
    // share entries; delete the cache after rebuilding lockscope there.
    append_field(text, hash_file("/proc/self/exe").value_or("unknown executable"));
    return text;
  }();
  return identity;
}

std::string unit_key(const UnitCommand& unit) {
  std::string text = tool_identity();
  append_field(text, unit.file);
  append_field(text, unit.directory);
  append_field(text, std::to_string(unit.command.size()));
  for (const std::string& arg : unit.command) append_field(text, arg);
  return hex(llvm::xxh3_64bits(llvm::StringRef(text)));
}

std::optional<std::string> hash_file(const std::string& path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return std::nullopt;
  return hex(llvm::xxh3_64bits((*buffer)->getBuffer()));
}

std::string resolve(const std::string& name, const std::string& directory) {
  if (llvm::sys::path::is_absolute(name)) return name;
  llvm::SmallString<256> full(directory);
  llvm::sys::path::append(full, name);
  llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/false);
  return std::string(full);
}

}  // namespace lockscope::cache
