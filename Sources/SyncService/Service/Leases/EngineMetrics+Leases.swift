import CoreMetrics
import SyncCore

/// Flow lease metrics of a replica:
/// - `crmsync_flow_leader{flow}` (gauge: 1 while this replica leads the flow, 0 otherwise)
/// - `crmsync_lease_acquired_total{flow}` (counter: terms this replica began)
/// - `crmsync_lease_lost_total{flow}` (counter: leases that lapsed or were found gone while this replica held them)
extension EngineMetrics {
    /// Records that this replica began a term on a flow.
    func recordLeaseAcquired(_ flow: SyncFlow) {
        Counter(label: "crmsync_lease_acquired_total", dimensions: [("flow", flow.rawValue)], factory: factory).increment()
        Gauge(label: "crmsync_flow_leader", dimensions: [("flow", flow.rawValue)], factory: factory).record(1)
    }

    /// Records that this replica no longer leads a flow (lapsed, taken over, or a fenced write was refused).
    func recordLeaseLost(_ flow: SyncFlow) {
        Counter(label: "crmsync_lease_lost_total", dimensions: [("flow", flow.rawValue)], factory: factory).increment()
        Gauge(label: "crmsync_flow_leader", dimensions: [("flow", flow.rawValue)], factory: factory).record(0)
    }

    /// Records that this replica gave a flow up on shutdown.
    func recordLeaseReleased(_ flow: SyncFlow) {
        Gauge(label: "crmsync_flow_leader", dimensions: [("flow", flow.rawValue)], factory: factory).record(0)
    }
}
