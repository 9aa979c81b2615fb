import Foundation
import SyncCore

/// The drift report: every difference found between Salesforce, SAP S/4HANA, Zoho Books and the state store.
public struct DriftReport: Sendable, Hashable, Codable {
    /// When the scan finished (UTC).
    public var generatedAt: Date
    /// The flows whose data was compared.
    public var flows: [SyncFlow]
    /// The differences, in scan order (deals by `LastModifiedDate`, then orphaned mappings, then Product2 by Id).
    public var items: [DriftItem]
    /// Items per kind (kinds without items are absent).
    public var counts: [DriftKind: Int]

    public init(generatedAt: Date, flows: [SyncFlow], items: [DriftItem]) {
        self.generatedAt = generatedAt
        self.flows = flows
        self.items = items
        self.counts = Dictionary(grouping: items, by: \.kind).mapValues(\.count)
    }

    /// True when any difference was found.
    public var hasDrift: Bool { !items.isEmpty }

    /// Items `crm-sync reconcile --full` repairs.
    public var automaticallyRepairable: [DriftItem] { items.filter(\.repair.automatic) }

    /// The items of one kind.
    public func items(_ kind: DriftKind) -> [DriftItem] { items.filter { $0.kind == kind } }
}
