import Foundation

/// Exponential back-off with jitter for retryable failures.
///
/// The wait after failed attempt `n` (1-based) is `baseDelay × 2^(n-1)`, multiplied by a jitter factor uniformly
/// drawn from `1 ± jitter`, and never more than `maxDelay`. A server's `Retry-After` (seconds or HTTP date) or
/// Zoho's `X-Rate-Limit-Reset` on a 429 replaces the computed delay, also capped at `maxDelay`.
///
/// Worked table for ``default`` (base 2 s, factor 2, cap 30 s, jitter ±20 %, 3 attempts):
///
/// | after attempt | nominal | with jitter   | then            |
/// |---------------|---------|---------------|-----------------|
/// | 1             | 2 s     | 1.6 s – 2.4 s | attempt 2       |
/// | 2             | 4 s     | 3.2 s – 4.8 s | attempt 3       |
/// | 3             | —       | —             | the error is thrown |
///
/// With more attempts the nominal waits continue 8 s, 16 s, then 30 s (the cap; 24 s – 30 s with jitter).
/// `random` 0.5 gives the nominal value, 0 the lower and (almost) 1 the upper bound. Delays are rounded to the
/// millisecond.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first (3).
    public var maxAttempts: Int
    /// The wait after the first failed attempt before jitter (2 s).
    public var baseDelay: Duration
    /// The longest wait, also for a server's Retry-After (30 s).
    public var maxDelay: Duration
    /// Relative jitter, 0.2 = ±20 %.
    public var jitter: Double

    /// Creates a policy; the defaults are the team's 3 attempts, 2 s base, 30 s cap, ±20 % jitter.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .seconds(2), maxDelay: Duration = .seconds(30),
        jitter: Double = 0.2
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The team default: 3 attempts, 2 s base, factor 2, 30 s cap, ±20 % jitter.
    public static let `default` = RetryPolicy()

    /// The wait before the attempt after `attempt` (1-based).
    /// - Parameters:
    ///   - attempt: the attempt that just failed, 1 for the first.
    ///   - retryAfterSeconds: the server's requested wait in seconds, which replaces the computed delay.
    ///   - random: a value in 0..<1 choosing the jitter.
    public func delay(afterAttempt attempt: Int, retryAfterSeconds: Double?, random: Double) -> Duration {
        let cap = maxDelay.seconds
        if let retryAfterSeconds, retryAfterSeconds.isFinite {
            return .milliseconds(Self.roundedMilliseconds(min(max(retryAfterSeconds, 0), cap)))
        }
        let exponent = Double(max(attempt, 1) - 1)
        let nominal = min(baseDelay.seconds * pow(2, exponent), cap)
        let factor = 1 + jitter * (2 * min(max(random, 0), 1) - 1)
        return .milliseconds(Self.roundedMilliseconds(min(nominal * factor, cap)))
    }

    private static func roundedMilliseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded())
    }
}
