// Politeness toward each host: one request at a time, and a pause between
// the end of one and the start of the next. Hosts are told apart by name
// alone (http and https to one host, or two ports, are one server).
//
// Thread-safe. A turn is held by one thread, from Take to the Turn's end.
#ifndef VEILLE_FETCH_HOST_TURNS_H_
#define VEILLE_FETCH_HOST_TURNS_H_

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace veille::fetch {

class HostTurns {
  struct Host {
    std::mutex busy;  // held for the whole of a turn
    std::chrono::steady_clock::time_point last_end{};
    // Not before this, whatever the delay (a Retry-After); guarded by busy.
    std::chrono::steady_clock::time_point not_before{};
  };

 public:
  // One request's turn: while it lives, no other request to its host
  // starts; when it ends, the host's clock starts again.
  class Turn {
   public:
    ~Turn();
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    // The server asked to be left alone this long (Retry-After).
    void Rest(std::chrono::milliseconds pause);

   private:
    friend class HostTurns;
    explicit Turn(std::shared_ptr<Host> host);
    std::shared_ptr<Host> host_;
  };

  // Waits until no other request to `host` is in flight and `delay` has
  // passed since the last one ended, then returns the turn.
  std::unique_ptr<Turn> Take(const std::string& host, std::chrono::milliseconds delay);

 private:
  std::mutex mutex_;  // guards hosts_ (not the hosts themselves)
  std::map<std::string, std::shared_ptr<Host>> hosts_;
};

}  // namespace veille::fetch

#endif  // VEILLE_FETCH_HOST_TURNS_H_
