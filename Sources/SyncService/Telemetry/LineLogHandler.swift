import Foundation
import Logging

/// A swift-log handler writing one line per event: logfmt (`ts=… level=info msg="…" key=value`) or one JSON object.
///
/// Messages are constant strings; values come from metadata. Metadata whose key names a secret (see
/// ``LogRedaction``) or whose value looks like a credential is written as `[redacted]`, whatever the caller passed.
/// Times are UTC (ISO 8601 with milliseconds). Lines go to standard error unless another writer is given.
public struct LineLogHandler: LogHandler {
    /// The line format (`CRMSYNC_LOG_FORMAT`).
    public enum Format: String, Sendable, CaseIterable {
        case logfmt, json
    }

    /// The logger's label (written as `logger`).
    public let label: String
    /// The line format.
    public let format: Format
    /// Events below this level are dropped.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// Creates a handler.
    /// - Parameters:
    ///   - write: receives each line without its newline (default: standard error, newline added).
    ///   - now: the clock for `ts` (UTC).
    public init(
        label: String, format: Format, logLevel: Logger.Level,
        write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.format = format
        self.logLevel = logLevel
        self.write = write
        self.now = now
    }

    /// Writes a line to standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(render(level: event.level, message: "\(event.message)", metadata: event.metadata))
    }

    /// The line for one event (without newline).
    func render(level: Logger.Level, message: String, metadata extra: Logger.Metadata?) -> String {
        var fields: [(String, String)] = [
            ("ts", Self.timestamp(now())), ("level", level.rawValue), ("logger", label), ("msg", message),
        ]
        let reserved = Set(fields.map(\.0))
        let merged = metadata.merging(extra ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            let name = reserved.contains(key) ? "meta.\(key)" : key
            fields.append((name, LogRedaction.flatten(key: key, value: merged[key]!)))
        }
        switch format {
        case .logfmt:
            return fields.map { "\(LogfmtEncoding.key($0.0))=\(LogfmtEncoding.value($0.1))" }.joined(separator: " ")
        case .json:
            let object = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}

/// logfmt encoding: bare values when they need no quoting, else double-quoted with `\"`, `\\`, `\n`, `\r`, `\t`
/// escaped (the go-logfmt conventions).
enum LogfmtEncoding {
    /// A key with spaces, `=`, quotes and control characters replaced by `_`.
    static func key(_ key: String) -> String {
        let cleaned = String(key.map { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline || $0 == "\t" ? "_" : $0 })
        return cleaned.isEmpty ? "_" : cleaned
    }

    /// A value, quoted and escaped when it is empty or holds a space, `=`, `"`, `\` or a control character.
    static func value(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "=" || scalar == "\"" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
