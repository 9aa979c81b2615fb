/// Injected waiting (and the monotonic time it is measured on) so tests do not wait.
///
/// ``TaskSleeper`` sleeps with `Task.sleep` on the continuous clock. A test sleeper records the requested
/// durations and returns at once; when it also advances a virtual ``now`` by each sleep, pacing becomes
/// observable without real time passing.
public protocol Sleeper: Sendable {
    /// Waits for `duration`.
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
    /// The current monotonic instant used by request pacing; defaults to `ContinuousClock.now`.
    var now: ContinuousClock.Instant { get }
}

extension Sleeper {
    /// The continuous clock's current instant.
    public var now: ContinuousClock.Instant { ContinuousClock.now }
}

/// The production sleeper: `Task.sleep` on the continuous clock.
public struct TaskSleeper: Sleeper {
    /// Creates the sleeper.
    public init() {}

    /// Sleeps for `duration` on the continuous clock.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
