#include "fetch/host_turns.h"

#include <algorithm>
#include <thread>

namespace veille::fetch {

HostTurns::Turn::Turn(std::shared_ptr<Host> host) : host_(std::move(host)) {}

HostTurns::Turn::~Turn() {
  host_->last_end = std::chrono::steady_clock::now();
  host_->busy.unlock();
}

void HostTurns::Turn::Rest(std::chrono::milliseconds pause) {
  host_->not_before = std::max(host_->not_before, std::chrono::steady_clock::now() + pause);
}

std::unique_ptr<HostTurns::Turn> HostTurns::Take(const std::string& host, std::chrono::milliseconds delay) {
  std::shared_ptr<Host> state;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<Host>& slot = hosts_[host];
    if (!slot) slot = std::make_shared<Host>();
    state = slot;
  }
  state->busy.lock();
  // The host's first request starts at once; the others wait out the delay.
  if (state->last_end != std::chrono::steady_clock::time_point{}) {
    std::this_thread::sleep_until(std::max(state->last_end + delay, state->not_before));
  } else {
    std::this_thread::sleep_until(state->not_before);
  }
  return std::unique_ptr<Turn>(new Turn(std::move(state)));
}

}  // namespace veille::fetch
