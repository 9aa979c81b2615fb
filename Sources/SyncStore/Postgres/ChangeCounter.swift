import Synchronization

/// A thread-safe count of changed rows (the idle-cycle check: an idle pass changes none).
final class ChangeCounter: Sendable {
    private let value = Mutex(0)

    /// Adds `rows` to the count.
    func add(_ rows: Int) {
        guard rows != 0 else { return }
        value.withLock { $0 += rows }
    }

    /// The count so far.
    var total: Int { value.withLock { $0 } }
}
