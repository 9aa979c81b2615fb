import Foundation

/// A token bucket: `capacity` messages at once, refilled at `refillPerSecond`, read against an injected clock.
struct TokenBucket: Sendable {
    let capacity: Double
    let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: Date

    init(capacity: Double, refillPerSecond: Double, now: Date) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        tokens = capacity
        updatedAt = now
    }

    /// Takes one token at `now`; `nil` when taken, else the whole seconds (≥ 1) until one is available.
    mutating func take(now: Date) -> Int? {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        guard refillPerSecond > 0 else { return 60 }
        return max(1, Int(((1 - tokens) / refillPerSecond).rounded(.up)))
    }

    private mutating func refill(now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        tokens = min(capacity, tokens + elapsed * refillPerSecond)
        updatedAt = now
    }
}
