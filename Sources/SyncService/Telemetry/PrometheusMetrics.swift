import CoreMetrics
import Prometheus

/// The process's metrics in Prometheus form: a swift-metrics factory over one collector registry, and its text
/// exposition for `/metrics`.
///
/// `crm-sync run` bootstraps swift-metrics with `factory` once; tests pass `factory` explicitly to the runtime and
/// `EngineMetrics` instead.
public struct PrometheusMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory that records into the registry.
    public let factory: any MetricsFactory

    /// Creates an empty registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Every metric in the Prometheus text exposition format (version 0.0.4).
    public func exposition() -> String {
        String(decoding: registry.emitToBuffer(), as: UTF8.self)
    }
}
