import Synchronization

/// A thread-safe counter shared by concurrent test tasks.
final class Tally: Sendable {
    private let count = Mutex(0)

    /// The current count.
    var value: Int { count.withLock { $0 } }

    /// Adds one and returns the new count.
    func next() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}
