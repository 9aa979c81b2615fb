import Foundation
import Synchronization

/// The source of "now" for a simulator: every modification time it stamps and every expiry it checks reads it.
///
/// Inject a `ManualSimulatorClock` in tests to control token expiry, rate-limit windows and modification times;
/// use `SystemSimulatorClock` when serving real clients. Times are UTC instants (`Date`).
public protocol SimulatorClock: Sendable {
    /// The current instant (UTC).
    func now() -> Date
}

/// The wall clock of the machine.
public struct SystemSimulatorClock: SimulatorClock {
    /// Creates the wall clock.
    public init() {}

    /// The current wall-clock instant (UTC).
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; thread-safe.
public final class ManualSimulatorClock: SimulatorClock {
    private let current: Mutex<Date>

    /// Creates the clock standing at `start` (UTC).
    public init(_ start: Date) {
        current = Mutex(start)
    }

    /// The instant the clock stands at (UTC).
    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward by `bySeconds` seconds (a negative value moves it back).
    public func advance(bySeconds seconds: Double) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date` (UTC).
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
