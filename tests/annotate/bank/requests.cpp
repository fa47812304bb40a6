#include "account.h"

namespace bank {

static std::mutex requests_mu;
static long requests = 0;

int Requests() {
  std::lock_guard<std::mutex> lock(requests_mu);  // lock: requests
  return static_cast<int>(requests);
}

void CountRequest() {
  std::lock_guard<std::mutex> lock(requests_mu);
  ++requests;
}

}  // namespace bank
