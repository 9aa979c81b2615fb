import Foundation
import Logging
import Synchronization
import SyncService

/// Everything CRMSync wrote where people can read it, collected for the canary search: log events as emitted
/// (message and metadata before any handler redacts) and as rendered in logfmt and JSON lines, plus named texts
/// (journal, dead letters, Slack messages, errors, reports).
final class CanaryCapture: Sendable {
    private let texts = Mutex<[(source: String, text: String)]>([])

    /// A logger at trace level feeding the raw capture and both line formats.
    func logger(label: String = "crm-sync.canary") -> Logger {
        var logger = Logger(label: label) { name in
            MultiplexLogHandler([
                RawEventHandler(label: name, capture: self),
                LineLogHandler(label: name, format: .logfmt, logLevel: .trace, write: { self.add("log logfmt", $0) }),
                LineLogHandler(label: name, format: .json, logLevel: .trace, write: { self.add("log json", $0) }),
            ])
        }
        logger.logLevel = .trace
        return logger
    }

    /// Adds a text under a source name.
    func add(_ source: String, _ text: String) {
        texts.withLock { $0.append((source, text)) }
    }

    /// Adds a value as JSON (sorted keys) under a source name.
    func add<T: Encodable>(_ source: String, json value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        add(source, text)
    }

    /// Adds the bytes of a file (the SQLite state file and its WAL), read as Latin-1 so every byte survives.
    func addFile(_ source: String, path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        add(source, String(decoding: data, as: UTF8.self))
        add(source + " (bytes)", String(data: data, encoding: .isoLatin1) ?? "")
    }

    /// What was captured.
    var captured: [(source: String, text: String)] {
        texts.withLock { $0 }
    }

    /// The number of log lines captured in each format.
    func count(source: String) -> Int {
        texts.withLock { $0.filter { $0.source == source }.count }
    }
}

/// A log handler keeping each event's message, source and metadata exactly as the caller passed them.
struct RawEventHandler: LogHandler {
    let label: String
    let capture: CanaryCapture
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        capture.add("log event", "\(event.level) \(event.message) \(merged)")
    }
}
