#pragma once
// Progress and cancellation of long computations (betweenness, closeness, SDSM): the caller passes
// a callback that is told how much is done and may ask to stop, e.g. a progress bar that sees
// Ctrl-C. The callback runs on the calling thread only (an OpenMP team's member 0, which is the
// thread that started the team), at most every `interval`, so it may take a lock (Python's GIL)
// and handle signals, which Python does on its main thread only.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <stdexcept>
#include <thread>

namespace alueverkko {

struct Progress {
  // Called with (tasks done, tasks in all), done never decreasing; the last call has done = total
  // unless the computation stopped. Return false to stop: the computation then throws Cancelled.
  // An exception from it stops the computation too, and is rethrown instead of Cancelled.
  std::function<bool(std::size_t done, std::size_t total)> report;
  std::chrono::milliseconds interval{100};

  explicit operator bool() const noexcept { return static_cast<bool>(report); }
};

// Thrown when a Progress callback asked to stop; nothing is returned.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("computation cancelled") {}
};

// Counts the tasks of one computation across threads and calls the Progress callback. Without a
// callback every member is a no-op apart from stopped() (always false).
class ProgressTracker {
 public:
  ProgressTracker(const Progress& progress, std::size_t total)
      : progress_(progress), total_(total), last_(std::chrono::steady_clock::now()) {}

  // A task is done. `reporter`: whether this thread may call the callback (the calling thread).
  void task_done(bool reporter) {
    if (!progress_) return;
    done_.fetch_add(1, std::memory_order_relaxed);
    if (reporter && std::chrono::steady_clock::now() - last_ >= progress_.interval) report();
  }

  // The reporter, out of tasks of its own, keeps reporting until the other threads are done or
  // stopped, so that the callback (and Ctrl-C) is still heard while they finish.
  void report_until_done() {
    if (!progress_) return;
    // Short enough to end soon after the others, long enough not to spin with an interval of 0.
    const auto poll = std::clamp(progress_.interval, std::chrono::milliseconds(1), std::chrono::milliseconds(5));
    while (!stopped() && done_.load(std::memory_order_relaxed) < total_) {
      std::this_thread::sleep_for(poll);
      if (std::chrono::steady_clock::now() - last_ >= progress_.interval) report();
    }
  }

  // Asks every thread to stop after its current task (e.g. when one of them failed).
  void stop() noexcept { stop_.store(true, std::memory_order_relaxed); }
  [[nodiscard]] bool stopped() const noexcept { return stop_.load(std::memory_order_relaxed); }

  // On the calling thread after the work: the last report (done = total) unless stopped; then
  // rethrows the callback's exception, or throws Cancelled if it asked to stop (even in that last
  // report).
  void finish() {
    if (progress_ && !stopped() && reported_ != total_) report();
    if (error_) std::rethrow_exception(error_);
    if (stopped()) throw Cancelled();
  }

 private:
  // Never throws: it may run inside an OpenMP loop, which an exception must not leave.
  void report() noexcept {
    last_ = std::chrono::steady_clock::now();
    reported_ = done_.load(std::memory_order_relaxed);
    try {
      if (progress_.report(reported_, total_)) return;
    } catch (...) {
      error_ = std::current_exception();
    }
    stop();
  }

  const Progress& progress_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::atomic<bool> stop_{false};
  // The reporter's alone.
  std::chrono::steady_clock::time_point last_;
  std::size_t reported_ = static_cast<std::size_t>(-1);
  std::exception_ptr error_;
};

}  // namespace alueverkko
