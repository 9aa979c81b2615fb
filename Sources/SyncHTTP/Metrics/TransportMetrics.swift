import Metrics
import SyncCore

/// The transport's metrics for one system, through swift-metrics.
///
/// - `crmsync_http_requests_total{system,endpoint,status}`: every HTTP exchange (attempt), `status` the HTTP status
///   code or `none` when no response arrived.
/// - `crmsync_http_retries_total{system,endpoint}`: every repeat after a retryable failure.
/// - `crmsync_http_errors_total{system,endpoint,code}`: every `SyncError` thrown to the caller, by `SyncError.Code`.
/// - `crmsync_http_request_duration_seconds{system,endpoint}` (Timer): the duration of every attempt.
struct TransportMetrics: Sendable {
    static let requestsLabel = "crmsync_http_requests_total"
    static let retriesLabel = "crmsync_http_retries_total"
    static let errorsLabel = "crmsync_http_errors_total"
    static let durationLabel = "crmsync_http_request_duration_seconds"

    private let factory: any MetricsFactory
    private let system: String

    /// Uses `factory`, or the process's bootstrapped `MetricsSystem.factory` when nil.
    init(factory: (any MetricsFactory)?, system: SyncSystem) {
        self.factory = factory ?? MetricsSystem.factory
        self.system = system.rawValue
    }

    func recordRequest(endpoint: String, status: Int?, duration: Duration) {
        let statusLabel = status.map(String.init) ?? "none"
        Counter(
            label: Self.requestsLabel,
            dimensions: [("system", system), ("endpoint", endpoint), ("status", statusLabel)],
            factory: factory
        ).increment()
        Timer(label: Self.durationLabel, dimensions: [("system", system), ("endpoint", endpoint)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    func recordRetry(endpoint: String) {
        Counter(label: Self.retriesLabel, dimensions: [("system", system), ("endpoint", endpoint)], factory: factory)
            .increment()
    }

    func recordError(endpoint: String, code: SyncError.Code) {
        Counter(
            label: Self.errorsLabel,
            dimensions: [("system", system), ("endpoint", endpoint), ("code", code.rawValue)],
            factory: factory
        ).increment()
    }
}
