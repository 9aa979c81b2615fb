import SyncCore

/// The running state of a ``RequestPacing``: hands out evenly spaced start times and adjusts them from what the
/// server reports about its remaining allowance.
///
/// ``HTTPTransport`` waits for a turn before every attempt. A vendor whose responses carry rate headers (Zoho Books
/// `X-Rate-Limit-Remaining` / `X-Rate-Limit-Reset`) calls ``observe(remaining:resetIn:)`` from its
/// `observe(_:)`: create the pacer first, give it to the vendor and to `HTTPTransport.init(..., pacer:)`, or call
/// `transport.pacer?.observe(...)` where the transport is at hand.
public actor RequestPacer {
    /// The configured pacing.
    public nonisolated let pacing: RequestPacing
    private let sleeper: any Sleeper
    private var nextStart: ContinuousClock.Instant?
    private var exhaustedUntil: ContinuousClock.Instant?

    /// Creates a pacer; `sleeper` supplies the waits and the monotonic time (inject a virtual one in tests).
    public init(pacing: RequestPacing, sleeper: any Sleeper = TaskSleeper()) {
        self.pacing = pacing
        self.sleeper = sleeper
    }

    /// Adjusts pacing from the server's report: `remaining` requests are allowed until the limit resets in
    /// `resetIn`.
    ///
    /// - Within one pacing window (`resetIn` ≤ `window`): the remaining requests are spread evenly over the time to
    ///   the reset; none remaining delays the next request to the reset.
    /// - Beyond the window (a daily quota such as Zoho's): the spacing stays as configured, but none remaining
    ///   makes every request fail with `.quotaExhausted` until the reset instead of sending it.
    public func observe(remaining: Int, resetIn: Duration) {
        let now = sleeper.now
        let reset = now + max(resetIn, .zero)
        if resetIn > pacing.window {
            exhaustedUntil = remaining <= 0 ? reset : nil
            return
        }
        let earliest = remaining <= 0 ? reset : now + resetIn / remaining
        nextStart = max(nextStart ?? earliest, earliest)
    }

    /// Waits for the next evenly spaced start time and claims it.
    /// - Returns: nil when the request may go; the time until the quota resets when it is exhausted (nothing claimed).
    /// - Throws: `CancellationError` when cancelled while waiting.
    func waitForTurn() async throws -> Duration? {
        let now = sleeper.now
        if let exhaustedUntil {
            if exhaustedUntil > now { return exhaustedUntil - now }
            self.exhaustedUntil = nil
        }
        let start = max(now, nextStart ?? now)
        nextStart = start + pacing.interval
        if start > now {
            try await sleeper.sleep(for: start - now)
        }
        return nil
    }
}
