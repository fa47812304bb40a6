#include "thread_clock.h"

#include <algorithm>

namespace lockscope::rt {

ThreadClocks::State& ThreadClocks::state(uint32_t t) {
  if (t >= states_.size()) states_.resize(t + 1);
  if (!states_[t]) states_[t] = std::make_unique<State>();
  return *states_[t];
}

uint32_t ThreadClocks::entry(const Clock& c, uint32_t t) {
  auto it = std::lower_bound(c.begin(), c.end(), std::make_pair(t, 0u));
  return it != c.end() && it->first == t ? it->second : 0;
}

void ThreadClocks::merge(Clock& into, const Clock& from) {
  Clock out;
  out.reserve(into.size() + from.size());
  size_t i = 0, j = 0;
  while (i < into.size() || j < from.size()) {
    if (j == from.size() || (i < into.size() && into[i].first < from[j].first)) out.push_back(into[i++]);
    else if (i == into.size() || from[j].first < into[i].first) out.push_back(from[j++]);
    else out.emplace_back(into[i].first, std::max(into[i].second, from[j].second)), ++i, ++j;
  }
  // Keep the most recent threads (highest indices): older ones are the likeliest long joined.
  if (out.size() > kMaxEntries) out.erase(out.begin(), out.end() - kMaxEntries);
  into.swap(out);
}

uint32_t ThreadClocks::View::get(uint32_t t) const {
  uint32_t e = base ? entry(*base, t) : 0;
  return extra_epoch && extra_thread == t ? std::max(e, extra_epoch) : e;
}

ThreadClocks::Clock ThreadClocks::View::flat() const {
  Clock c = base ? *base : Clock{};
  if (extra_epoch) merge(c, Clock{{extra_thread, extra_epoch}});
  return c;
}

void ThreadClocks::snapshot(State& s) {
  s.history.emplace_back(s.epoch, s.clock);
  if (s.history.size() > kMaxHistory) s.history.erase(s.history.begin());
}

ThreadClocks::Start ThreadClocks::on_create(uint32_t parent) {
  SpinGuard g(lock_);
  State& p = state(parent);
  ++p.epoch;  // the parent's later events are concurrent with the child
  if (p.clock.extra_epoch || !p.clock.base)  // fold the extra entry in once, then share
    p.clock = View{std::make_shared<const Clock>(p.clock.flat()), 0, 0};
  return Start{p.clock.base, parent, p.epoch};
}

void ThreadClocks::on_start(uint32_t child, Start start) {
  SpinGuard g(lock_);
  State& s = state(child);
  s.epoch = 0;
  s.exit_epoch = 0;
  uint32_t parent_epoch = start.base ? start.parent_epoch : 0;
  s.clock = View{std::move(start.base), start.parent, parent_epoch};
  s.history.clear();
  snapshot(s);
}

void ThreadClocks::on_exit(uint32_t thread) {
  SpinGuard g(lock_);
  State& s = state(thread);
  s.exit_epoch = ++s.epoch;  // every event of the thread is below its final epoch
}

void ThreadClocks::on_join(uint32_t joiner, uint32_t joined) {
  SpinGuard g(lock_);
  Clock learned = state(joined).clock.flat();
  merge(learned, Clock{{joined, state(joined).epoch}});
  State& p = state(joiner);
  ++p.epoch;
  Clock mine = p.clock.flat();
  merge(mine, learned);
  p.clock = View{std::make_shared<const Clock>(std::move(mine)), 0, 0};
  snapshot(p);
}

uint32_t ThreadClocks::epoch(uint32_t thread) const {
  SpinGuard g(lock_);
  return thread < states_.size() && states_[thread] ? states_[thread]->epoch : 0;
}

uint32_t ThreadClocks::known_at(uint32_t b, uint32_t xb, uint32_t a) const {
  if (b >= states_.size() || !states_[b]) return 0;
  const auto& history = states_[b]->history;
  // The clock b had at epoch xb: the last snapshot taken at or before it.
  auto it = std::upper_bound(history.begin(), history.end(), xb,
                             [](uint32_t x, const std::pair<uint32_t, View>& h) { return x < h.first; });
  if (it == history.begin()) return 0;
  return std::prev(it)->second.get(a);
}

bool ThreadClocks::happens_before(uint32_t a, uint32_t xa, uint32_t b, uint32_t xb) const {
  if (a == b) return xa < xb;
  SpinGuard g(lock_);
  return known_at(b, xb, a) > xa;
}

ThreadClocks::Order ThreadClocks::how_ordered(uint32_t a, uint32_t xa, uint32_t b, uint32_t xb) const {
  SpinGuard g(lock_);
  uint32_t exited = a < states_.size() && states_[a] ? states_[a]->exit_epoch : 0;
  // b's first snapshot is its start clock (unless the history bound dropped it: then Other).
  bool has_start = b < states_.size() && states_[b] && !states_[b]->history.empty() &&
                   states_[b]->history.front().first == 0;
  uint32_t at_start = has_start ? known_at(b, 0, a) : 0;
  if (exited && at_start >= exited) return Order::JoinedBeforeStart;
  if (exited && known_at(b, xb, a) >= exited) return Order::JoinedBefore;
  if (at_start > xa) return Order::BeforeStart;
  return Order::Other;
}

}  // namespace lockscope::rt
