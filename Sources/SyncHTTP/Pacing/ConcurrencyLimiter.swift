/// Caps the number of requests in flight for one system (``HTTPTransport/Configuration/maxConcurrentRequests``).
///
/// Callers beyond the cap wait in arrival order; a released permit passes straight to the longest waiter.
/// A waiter cancelled while queued keeps its place and gives the permit back at once when it gets it, so
/// cancellation takes effect no later than the next request completing.
actor ConcurrencyLimiter {
    private let limit: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a limiter admitting `limit` (at least 1) callers at a time.
    init(limit: Int) {
        self.limit = max(limit, 1)
    }

    /// Runs `body` holding one permit.
    /// - Throws: `CancellationError` when cancelled while waiting; otherwise what `body` throws.
    nonisolated func withPermit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async throws {
        if inUse < limit {
            inUse += 1
        } else {
            await withCheckedContinuation { waiters.append($0) }
        }
        if Task.isCancelled {
            release()
            throw CancellationError()
        }
    }

    private func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
