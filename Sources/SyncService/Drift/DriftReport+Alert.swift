import Foundation
import SyncCore

extension DriftReport {
    /// The drift summary alert (`AlertKind.driftSummary`): counts per kind and the first `maxRecords` records,
    /// linked into Salesforce (`{instance_url}/{Id}`) when the instance URL is known; `nil` when there is no drift.
    /// Names records, never values that could be secrets.
    public func summaryAlert(instanceURL: String?, maxRecords: Int = 5) -> Alert? {
        guard hasDrift else { return nil }
        let automatic = automaticallyRepairable.count
        var lines = DriftKind.allCases.compactMap { kind in counts[kind].map { "• \($0) \(kind.label)" } }
        lines.insert(
            "\(items.count) differences between Salesforce, SAP and Zoho Books: \(automatic) repaired by "
                + "`crm-sync reconcile --full`, \(items.count - automatic) need people.", at: 0)
        lines.append("Run `crm-sync drift` for every record and the repair of each.")
        let records = items.prefix(maxRecords).map { item -> AlertRecord in
            let r = item.records
            let id = r.opportunityID ?? r.product2ID ?? r.salesOrder ?? r.invoiceID ?? "-"
            let system: SyncSystem = r.opportunityID != nil || r.product2ID != nil ? .salesforce : r.salesOrder != nil ? .sap : .zohoBooks
            let name = r.opportunityName ?? r.material ?? id
            let url = system == .salesforce ? instanceURL.map { "\($0)/\(id)" } : nil
            return AlertRecord(system: system, id: id, label: "\(item.kind.label): \(name)", url: url)
        }
        return Alert(
            kind: .driftSummary, title: "Drift after the nightly reconcile: \(items.count) differences",
            text: lines.joined(separator: "\n"), records: records)
    }
}

extension DriftDetector {
    /// Scans, and when there is drift queues one summary alert and delivers it (run after the nightly full
    /// reconcile). Never throws: a failed scan is logged and returns `nil`.
    /// - Returns: the report, or `nil` when the scan failed.
    @discardableResult
    public func sendSummary(to alerts: AlertDispatcher) async -> DriftReport? {
        do {
            let report = try await detect()
            if let alert = report.summaryAlert(instanceURL: await salesforce.instanceURL()) {
                await alerts.enqueue(alert)
                await alerts.deliver()
            }
            return report
        } catch {
            logger.error("drift scan failed", metadata: [
                "sync.error.code": "\((error as? SyncError)?.code.rawValue ?? "internal")",
            ])
            return nil
        }
    }
}
