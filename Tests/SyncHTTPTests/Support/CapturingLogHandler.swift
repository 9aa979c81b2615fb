import Logging
import Synchronization

/// Collects every log line (message and all metadata, rendered) at trace level and above.
final class LogCapture: Sendable {
    private let lines = Mutex([String]())

    /// Everything logged so far.
    var all: [String] { lines.withLock { $0 } }

    /// A logger writing into this capture at trace level.
    func logger() -> Logger {
        var logger = Logger(label: "synchttp-test") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

private struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(rendered)")
    }
}
