import CoreMetrics
import Foundation
import SyncCore

/// Engine metrics through swift-metrics, recorded after each pass.
///
/// - `crmsync_actions_total{flow,result}` (counter; result = planned, applied, failed, dead)
/// - `crmsync_watermark_lag_seconds{flow}` (gauge)
/// - `crmsync_dead_letters_open` (gauge)
/// - `crmsync_flow_stopped_total{flow,code}` (counter)
/// - `crmsync_api_quota_used{system}`, `crmsync_api_quota_limit{system}` (gauges, API calls in the daily window) and
///   `crmsync_api_quota_used_ratio{system}` (gauge, 0...1), from the stored quota observations
/// The HTTP layer adds `crmsync_http_*` per system and endpoint.
public struct EngineMetrics: Sendable {
    let factory: any MetricsFactory

    /// Creates the recorder over a metrics factory (the bootstrapped one by default).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Records a pass's counts.
    public func record(_ report: PassReport) {
        for flow in report.flows {
            for (result, value) in [("planned", flow.planned), ("applied", flow.applied), ("failed", flow.failed), ("dead", flow.dead)] where value > 0 {
                Counter(label: "crmsync_actions_total", dimensions: [("flow", flow.flow.rawValue), ("result", result)], factory: factory)
                    .increment(by: value)
            }
            if let stopped = flow.stoppedBy {
                Counter(label: "crmsync_flow_stopped_total", dimensions: [("flow", flow.flow.rawValue), ("code", stopped.code.rawValue)], factory: factory)
                    .increment()
            }
        }
    }

    /// Records the status gauges.
    public func record(_ status: StatusReport) {
        for flow in status.flows {
            if let lag = flow.lagSeconds {
                Gauge(label: "crmsync_watermark_lag_seconds", dimensions: [("flow", flow.flow)], factory: factory).record(lag)
            }
        }
        Gauge(label: "crmsync_dead_letters_open", factory: factory).record(status.openDeadLetters)
        for quota in status.apiQuotas {
            let dimensions = [("system", quota.system)]
            Gauge(label: "crmsync_api_quota_used", dimensions: dimensions, factory: factory).record(quota.used)
            Gauge(label: "crmsync_api_quota_limit", dimensions: dimensions, factory: factory).record(quota.limit)
            Gauge(label: "crmsync_api_quota_used_ratio", dimensions: dimensions, factory: factory).record(quota.usedShare)
        }
    }
}
