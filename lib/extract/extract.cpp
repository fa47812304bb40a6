// The Clang front end of extraction: a FrontendAction whose consumer visits every function defined
// outside system headers (lambdas' operator() and template instantiations included) and every
// global whose initialiser stores a callable, and hands each to the extractor of its kind
// (function_extractor.h, global_initializers.h).
#include "extract/extract.h"

#include <set>
#include <unordered_set>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/Tooling.h>

#include "extract/function_extractor.h"
#include "extract/global_initializers.h"

namespace lockscope::extract {
namespace {

using namespace clang;

class Visitor : public RecursiveASTVisitor<Visitor> {
 public:
  Visitor(ASTContext& ctx, facts::TranslationUnitFacts& out) : ctx_(ctx), out_(out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl* fd) {
    add(fd);
    return true;
  }
  bool VisitVarDecl(VarDecl* v) {
    extract_global_initializer(ctx_, v, out_);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr* le) {
    CXXMethodDecl* op = le->getCallOperator();
    if (const FunctionTemplateDecl* t = op->getDescribedFunctionTemplate()) {
      for (const FunctionDecl* spec : t->specializations()) add(spec);
    } else {
      add(op);
    }
    return true;
  }

 private:
  void add(const FunctionDecl* fd) {
    if (!fd->doesThisDeclarationHaveABody() || fd->isDependentContext() || fd->isInvalidDecl()) return;
    if (!fd->getBody()) return;
    const SourceManager& sm = ctx_.getSourceManager();
    if (sm.isInSystemHeader(sm.getExpansionLoc(fd->getLocation()))) return;
    if (!seen_.insert(fd->getCanonicalDecl()).second) return;
    FunctionExtractor(ctx_, fd, out_).run();
  }

  ASTContext& ctx_;
  facts::TranslationUnitFacts& out_;
  std::unordered_set<const Decl*> seen_;
};

class Consumer : public ASTConsumer {
 public:
  explicit Consumer(facts::TranslationUnitFacts& out) : out_(out) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    // A unit with errors is reported by its first error and its facts are dropped; walking its
    // broken AST is worse than useless (CFG::buildCFG crashes on some recovery trees, e.g. a
    // destructor after a fatal missing-include error).
    if (!ctx.getDiagnostics().hasErrorOccurred()) Visitor(ctx, out_).TraverseDecl(ctx.getTranslationUnitDecl());
    const SourceManager& sm = ctx.getSourceManager();
    std::set<std::string> files;
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) files.insert(std::string(it->first.getName()));
    out_.files_read.assign(files.begin(), files.end());
  }

 private:
  facts::TranslationUnitFacts& out_;
};

class Action : public ASTFrontendAction {
 public:
  explicit Action(facts::TranslationUnitFacts& out) : out_(out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance&, StringRef file) override {
    out_.main_file = file.str();
    return std::make_unique<Consumer>(out_);
  }

 private:
  facts::TranslationUnitFacts& out_;
};

}  // namespace

std::unique_ptr<clang::FrontendAction> make_extract_action(facts::TranslationUnitFacts& out) {
  return std::make_unique<Action>(out);
}

bool extract_code(const std::string& code, const std::string& file_name, const std::vector<std::string>& args,
                  facts::TranslationUnitFacts& out, const std::map<std::string, std::string>& headers) {
  tooling::FileContentMappings mapped(headers.begin(), headers.end());
  return tooling::runToolOnCodeWithArgs(make_extract_action(out), code, args, file_name, "lockscope",
                                        std::make_shared<PCHContainerOperations>(), mapped);
}

}  // namespace lockscope::extract
