/// Spaces webhook messages at least `interval` apart (Slack allows about one message per second per webhook,
/// short bursts tolerated) and holds further messages back after a 429 for the `Retry-After` it named.
///
/// Each caller reserves the next free slot and then waits for it, so concurrent senders queue in order.
actor SlackMessagePacer {
    private let interval: Duration
    private var nextSlot: ContinuousClock.Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    /// Reserves the next slot at or after `now`; returns how long to wait until it.
    func reserve(now: ContinuousClock.Instant) -> Duration {
        let start = max(now, nextSlot ?? now)
        nextSlot = start.advanced(by: interval)
        return start - now
    }

    /// Keeps every slot from starting before `instant` (after a 429 with `Retry-After`).
    func holdUntil(_ instant: ContinuousClock.Instant) {
        nextSlot = max(nextSlot ?? instant, instant)
    }
}
