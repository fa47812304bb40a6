#pragma once
// One function's facts: walks its CFG (built with implicit destructors and every subexpression as
// an element, like clang's ThreadSafety analysis) and records, in evaluation order, the lock
// operations of the base vocabulary, calls into program code, thread starts, joins, memory
// accesses and stores into callable holders. It stays syntactic: a lock is a *path* (facts.h), and
// which object a path designates is the link's business.
//
// One class, its methods grouped by idea into files (as clang's Sema is):
//   function_extractor.cpp  the walk: blocks, edges, statement dispatch, events
//   paths.cpp               names, locations, and the path an expression designates
//   prescan.cpp             what the walk needs before it meets it (guard variables, range loops)
//   accesses.cpp            memory that threads may share, read or written
//   calls.cpp               calls, constructions and destructions of program code
//   locks.cpp               mutexes, try-locks, std::lock, recursive initialisation
//   guards.cpp              lock_guard, unique_lock, scoped_lock, shared_lock
//   semaphores.cpp          binary semaphores used as mutexes
//   threads.cpp             thread starts, handles and joins
//   async.cpp               std::async and its futures
//   callables.cpp           type-erased callables: stores into holders and calls through them
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>

#include "extract/vocabulary.h"
#include "facts/facts.h"

namespace clang {
class CFGBlock;
}

namespace lockscope::extract {

class FunctionExtractor {
 public:
  FunctionExtractor(clang::ASTContext& ctx, const clang::FunctionDecl* fd, facts::TranslationUnitFacts& out)
      : ctx_(ctx), sm_(ctx.getSourceManager()), fd_(fd), out_(out) {}

  // Appends the function's facts to `out` (or a note when Clang gives it no CFG).
  void run();

 private:
  using Event = facts::Event;
  using Path = facts::Path;
  using LockMode = facts::LockMode;

  // ---- the walk (function_extractor.cpp) ----------------------------------------------------
  void extract_block(const clang::CFGBlock& b, facts::Block& out);
  void on_stmt(const clang::Stmt* s);
  Event make(Event::Kind k, clang::SourceLocation l) const;
  void emit(Event e) { sink_->push_back(std::move(e)); }
  void note(clang::SourceLocation at, std::string message);
  bool in_system_header(const clang::Decl* d) const;

  // ---- names and paths (paths.cpp) ----------------------------------------------------------
  facts::Location loc(clang::SourceLocation l) const;
  std::string display_name(const clang::FunctionDecl* fd) const;
  std::string text(const clang::Expr* e) const;
  void add_capture_params(const clang::CXXRecordDecl* closure, facts::Function& f);
  Path path_of_var(const clang::VarDecl* v, int depth);
  Path path_of(const clang::Expr* e, int depth = 0);
  Path this_field(const clang::FieldDecl* fld) const;
  Path function_value(const clang::FunctionDecl* f) const;

  // ---- pre-scans (prescan.cpp) --------------------------------------------------------------
  void prescan(const clang::Stmt* s);
  void prescan_inits(const clang::CXXConstructorDecl* ctor);
  // Loop variables of range-for statements (what they range over), and std::thread / std::async
  // results that go straight into a container (parts.push_back(std::async(...))).
  struct Shapes {
    std::unordered_map<const clang::VarDecl*, const clang::Expr*> range_of;
    std::unordered_map<const clang::Expr*, const clang::Expr*> stored_in;
  };
  const Shapes& shapes();
  void collect_shapes(const clang::Stmt* s);
  void collect_escaping(const clang::Stmt* s);
  void note_escape(const clang::Expr* e);

  // ---- memory accesses (accesses.cpp) -------------------------------------------------------
  void access(const clang::Expr* target, bool write, clang::SourceLocation l);
  Path shared_slot(const clang::Expr* e);
  bool reads_shared(const clang::Stmt* s);
  bool may_be_shared(const clang::Expr* e);
  bool var_may_be_shared(const clang::VarDecl* v);

  // ---- library calls that write their destination (library_calls.cpp) -----------------------
  bool on_library_call(const clang::CallExpr* c, const std::string& name);
  void access_pointee(const clang::Expr* arg, bool write, clang::SourceLocation at);
  void write_fields(Path p, clang::QualType object, bool write, clang::SourceLocation at, int depth);

  // ---- calls into program code (calls.cpp) --------------------------------------------------
  void on_call(const clang::CallExpr* c);
  void on_member_call(const clang::CXXMemberCallExpr* mc);
  void on_operator_call(const clang::CXXOperatorCallExpr* oc, const clang::CXXMethodDecl* m);
  void on_construct(const clang::CXXConstructExpr* c);
  void on_dtor(const clang::VarDecl* v, const clang::Stmt* trigger);
  void on_initializer(const clang::CXXCtorInitializer* init);
  void call_in_place(const clang::CallExpr* c);
  Event call_event(const clang::FunctionDecl* callee, clang::SourceLocation at) const;
  std::vector<Path> arg_paths(const clang::CallExpr* c, unsigned first = 0);
  void append_capture_args(const clang::CXXRecordDecl* closure, std::vector<Path>& args);
  Path receiver_of_construct(const clang::CXXConstructExpr* c);

  // ---- locks (locks.cpp) --------------------------------------------------------------------
  void acquire(std::vector<Path> locks, clang::SourceLocation l, LockMode mode, bool is_try, bool recursive);
  void release(std::vector<Path> locks, clang::SourceLocation l, LockMode mode);
  bool on_lock_function(const clang::CallExpr* c, const std::string& name);
  bool result_ignored(const clang::Expr* call);
  void ignored_try(const clang::CallExpr* c, const std::string& name);
  void on_std_lock(const clang::CallExpr* c, bool is_try);
  bool on_mutex_method(const clang::CXXMemberCallExpr* mc, const std::string& rec, const std::string& method);
  void on_mutex_init(const clang::CallExpr* c, Special kind);
  void mark_recursive(const clang::Expr* lock, clang::SourceLocation l);
  const clang::CallExpr* try_condition(const clang::Expr* e, bool& success_on_true);
  bool is_try_call(const clang::CallExpr* c);
  void emit_try(const clang::CallExpr* c);

  // ---- guards (guards.cpp) ------------------------------------------------------------------
  struct GuardLock {
    Path path;
    const clang::CXXRecordDecl* user_type = nullptr;  // a program-defined BasicLockable: call its lock()
    bool recursive = false;
  };
  struct Guard {
    GuardKind kind = GuardKind::None;
    std::vector<GuardLock> locks;
    bool disowned = false;  // released() or moved from: its destructor unlocks nothing
  };
  Guard* guard_of(const clang::Expr* e);
  void call_user_lock_method(const GuardLock& l, const char* name, clang::SourceLocation at);
  void guard_acquire(const Guard& g, clang::SourceLocation at, bool is_try);
  void guard_release(const Guard& g, clang::SourceLocation at);
  void on_guard_construct(const clang::CXXConstructExpr* c, GuardKind kind);
  bool on_guard_method(const clang::CXXMemberCallExpr* mc, const std::string& rec, const std::string& method);
  bool on_guard_assign(const clang::CXXOperatorCallExpr* oc, const std::string& rec);

  // ---- binary semaphores (semaphores.cpp) ---------------------------------------------------
  static bool is_binary_semaphore(clang::QualType t);
  void prescan_semaphore(const clang::Stmt* s);
  void on_binary_semaphore(const clang::CXXMemberCallExpr* mc, const std::string& method);

  // ---- threads (threads.cpp) ----------------------------------------------------------------
  const clang::CXXMethodDecl* call_operator(const clang::CXXRecordDecl* rd) const;
  void spawn(const clang::Expr* callable, const std::vector<const clang::Expr*>& rest, clang::SourceLocation at,
             Path handle);
  void on_thread_construct(const clang::CXXConstructExpr* c);
  void on_thread_function(const clang::CallExpr* c, Special kind, const std::string& name);
  bool on_thread_method(const clang::CXXMemberCallExpr* mc, const std::string& rec, const std::string& method);
  bool on_thread_dtor(const clang::VarDecl* v, clang::SourceLocation at);
  Path handle_path(const clang::Expr* e);
  Path stored_handle(const clang::Expr* made, const char* otherwise);
  Path thread_arg(const clang::Expr* a);
  void closure_args(const clang::CXXRecordDecl* closure, Event& e);
  void append_nested_references(const clang::CXXRecordDecl* closure, std::vector<Path>& args, int depth);
  const clang::CallExpr* creation_condition(const clang::CFGBlock& b, const clang::Expr* e, bool& success_on_true);

  // ---- std::async (async.cpp) ---------------------------------------------------------------
  void on_async(const clang::CallExpr* c);

  // ---- type-erased callables (callables.cpp) ------------------------------------------------
  Path holder_path(const clang::Expr* e, int depth = 0);
  Path holder_target(const clang::CXXConstructExpr* c);
  void store_callable(Path target, const clang::Expr* source, clang::SourceLocation at);
  bool describe_bind(const clang::CallExpr* bind, Event& e);
  bool describe_callable(const clang::Expr* c, Event& e, bool open_params = true);
  Event call_through(const clang::Expr* holder, clang::SourceLocation at);

  clang::ASTContext& ctx_;
  const clang::SourceManager& sm_;
  const clang::FunctionDecl* fd_;
  facts::TranslationUnitFacts& out_;

  // Pre-scanned before the walk.
  std::unordered_map<const clang::VarDecl*, int> capture_index_;
  std::unordered_map<const clang::CXXConstructExpr*, const clang::VarDecl*> construct_target_;
  std::unordered_map<const clang::CXXConstructExpr*, const clang::FieldDecl*> construct_member_;
  std::unordered_map<const clang::CallExpr*, const clang::VarDecl*> call_target_;
  std::unordered_map<const clang::CXXConstructExpr*, const clang::Expr*> assigned_thread_;
  std::vector<Path> recursive_attrs_;
  std::vector<Path> semaphore_acquires_, semaphore_releases_;  // binary semaphores, by what this function does
  std::optional<std::unordered_set<const clang::VarDecl*>> escaping_;  // computed on first need
  std::optional<Shapes> shapes_;                                        // computed on first need

  // State of the walk.
  std::unordered_map<const clang::Decl*, Guard> guards_;
  std::unordered_set<const clang::CallExpr*> skip_;  // try-locks already put on their success edge
  std::vector<char> loops_;
  bool in_loop_ = false;
  std::vector<Event>* sink_ = nullptr;
};

}  // namespace lockscope::extract
