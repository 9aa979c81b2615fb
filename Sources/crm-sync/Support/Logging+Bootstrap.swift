import Logging
import SyncService

/// Sets up swift-log once per process.
enum LoggingSetup {
    /// Bootstraps the line handler in the configured format and level (both validated by the configuration).
    static func logger(format: String, level: String) -> Logger {
        let chosen = LineLogHandler.Format(rawValue: format) ?? .logfmt
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, format: chosen, logLevel: logLevel) }
        return Logger(label: "crm-sync")
    }
}
