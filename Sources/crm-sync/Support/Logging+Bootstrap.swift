import Foundation
import Logging

/// Log lines to standard error as logfmt (`ts=… level=info msg="…" key=value`) or one JSON object per line.
/// Messages are constant strings; values come from metadata, which the connectors keep free of secrets.
struct LineLogHandler: LogHandler {
    enum Format: String { case logfmt, json }

    let label: String
    let format: Format
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", ISO8601DateFormatter().string(from: Date())), ("level", event.level.rawValue), ("msg", "\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { fields.append((key, "\(merged[key]!)")) }
        let line: String
        switch format {
        case .logfmt:
            line = fields.map { key, value in
                value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || value.isEmpty
                    ? "\(key)=\"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"" : "\(key)=\(value)"
            }.joined(separator: " ")
        case .json:
            let object = Dictionary(fields, uniquingKeysWith: { _, new in new })
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Sets up swift-log once per process.
enum LoggingSetup {
    static func logger(format: String, level: String) -> Logger {
        let chosen = LineLogHandler.Format(rawValue: format) ?? .logfmt
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, format: chosen, logLevel: logLevel) }
        return Logger(label: "crm-sync")
    }
}
