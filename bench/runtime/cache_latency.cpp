// Random-access latency over working sets of 1 to 64 MB (a pointer chase, one 64-byte line a
// step): where this machine's caches end. The shim's new-edge cost follows this cliff (README,
// round 4). Build and run: clang++-19 -O2 bench/runtime/cache_latency.cpp -o /tmp/lat && /tmp/lat
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include <numeric>
#include <algorithm>
int main() {
  for (size_t mb : {1, 2, 4, 8, 12, 16, 24, 32, 64}) {
    size_t n = mb * 1024 * 1024 / 64;
    std::vector<size_t> perm(n); std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), std::mt19937_64(1));
    struct alignas(64) L { size_t next; char pad[56]; };
    std::vector<L> v(n);
    for (size_t i = 0; i < n; ++i) v[perm[i]].next = perm[(i + 1) % n];
    size_t p = perm[0]; long iters = 4000000;
    auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < iters; ++i) p = v[p].next;
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / iters;
    std::printf("%3zu MB: %.1f ns (%zu)\n", mb, ns, p & 1);
  }
}
