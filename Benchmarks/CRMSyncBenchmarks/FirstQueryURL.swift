import Foundation
import Logging

/// The URL of the first `query` request the Salesforce client sent, taken from the transport's debug line
/// "HTTP exchange" (its `url` metadata; query values are not secrets and are logged unredacted).
final class FirstQueryURL: @unchecked Sendable {
    private let lock = NSLock()
    private var captured: String?

    var url: String? { lock.withLock { captured } }

    func offer(_ url: String) {
        lock.withLock { if captured == nil { captured = url } }
    }
}

/// A log handler that drops everything but feeds `FirstQueryURL`.
struct FirstQueryURLHandler: LogHandler {
    let capture: FirstQueryURL
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.message.description == "HTTP exchange", let metadata = event.metadata,
              metadata["system"]?.description == "salesforce", metadata["endpoint"]?.description == "query",
              let url = metadata["url"]?.description
        else { return }
        capture.offer(url)
    }
}
