import Foundation
import Logging
import Synchronization
import SyncHTTP

/// A sleeper on virtual time: `sleep` returns at once, records the duration and advances `now` by it.
final class VirtualSleeper: Sleeper {
    private let start = ContinuousClock.now
    private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))
    private let onSleep: @Sendable (Duration) -> Void

    /// - Parameter onSleep: called with each sleep (to move a simulator's clock along).
    init(onSleep: @escaping @Sendable (Duration) -> Void = { _ in }) {
        self.onSleep = onSleep
    }

    var now: ContinuousClock.Instant { start.advanced(by: state.withLock { $0.elapsed }) }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        state.withLock {
            $0.sleeps.append(duration)
            $0.elapsed += duration
        }
        onSleep(duration)
    }

    /// Moves virtual time forward without a recorded sleep (time spent elsewhere).
    func advance(by duration: Duration) {
        state.withLock { $0.elapsed += duration }
    }
}

/// A log handler keeping every message and its metadata as text, to check that no secret is logged.
final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    let store: LogStore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    init(store: LogStore) { self.store = store }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append("\(event.message) \(merged)")
    }
}

/// The captured log lines.
final class LogStore: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }

    /// A trace-level logger writing here.
    func logger() -> Logger {
        var logger = Logger(label: "test.slack") { _ in CapturingLogHandler(store: self) }
        logger.logLevel = .trace
        return logger
    }
}
