#pragma once
// Progress and cancellation of long computations (betweenness, closeness, backbones): the caller
// passes a callback that is told how much is done and may ask to stop, e.g. a progress bar that
// sees Ctrl-C. The callback runs on the calling thread's OpenMP team member 0 only, at most every
// `interval`, so it may take a lock (Python's GIL) and costs nothing per task.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <stdexcept>

namespace alueverkko {

struct Progress {
  // Called with (tasks done, tasks in all); return false to stop the computation.
  std::function<bool(std::size_t done, std::size_t total)> report;
  std::chrono::milliseconds interval{100};

  explicit operator bool() const noexcept { return static_cast<bool>(report); }
};

// Thrown when a Progress callback asked to stop; nothing is returned.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("computation cancelled") {}
};

// Counts the tasks of one computation across threads and calls the Progress callback.
class ProgressTracker {
 public:
  ProgressTracker(const Progress& progress, std::size_t total)
      : progress_(progress), total_(total), last_(std::chrono::steady_clock::now()) {}

  // A task is done. `reporter`: whether this thread may call the callback (team member 0).
  void task_done(bool reporter) {
    const auto done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
    if (!reporter || !progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < progress_.interval && done != total_) return;
    last_ = now;
    if (!progress_.report(done, total_)) stop_.store(true, std::memory_order_relaxed);
  }
  [[nodiscard]] bool stopped() const noexcept { return stop_.load(std::memory_order_relaxed); }
  // Throws Cancelled if the callback asked to stop.
  void throw_if_stopped() const {
    if (stopped()) throw Cancelled();
  }

 private:
  const Progress& progress_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::atomic<bool> stop_{false};
  std::chrono::steady_clock::time_point last_;
};

}  // namespace alueverkko
