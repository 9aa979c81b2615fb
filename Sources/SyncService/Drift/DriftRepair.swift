import SyncCore

/// How a drift item is repaired: the operation `crm-sync reconcile --full` applies, or by people, with the reason
/// CRMSync must not do it on its own.
public struct DriftRepair: Sendable, Hashable, Codable {
    /// True when `crm-sync reconcile --full` repairs it.
    public var automatic: Bool
    /// The operation the reconcile applies (same planners and engine path); `nil` for manual repairs.
    public var operation: ReconcileOperation?
    /// What people should do and why CRMSync does not; for automatic repairs, what the reconcile will do.
    public var reason: String

    /// Repaired by the reconcile applying `operation`.
    public static func reconcile(_ operation: ReconcileOperation, _ reason: String) -> DriftRepair {
        DriftRepair(automatic: true, operation: operation, reason: reason)
    }

    /// Left to people, for `reason`.
    public static func manual(_ reason: String) -> DriftRepair {
        DriftRepair(automatic: false, operation: nil, reason: reason)
    }

    /// `reconcile --full: create_sales_order` or `manual`.
    public var action: String {
        operation.map { "reconcile --full: \($0.kind)" } ?? "manual"
    }
}
