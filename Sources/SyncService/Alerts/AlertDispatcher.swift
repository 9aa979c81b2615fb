import Foundation
import Logging
import SyncCore
import SyncStore

/// Sends alerts to the configured sink (Slack) without ever failing or blocking a sync for long.
///
/// Alerts raised during a pass are queued and delivered when the pass ends (`deliver()`), at most
/// `maxPerDelivery` individually; the rest are folded into one summary alert so a burst of dead letters does
/// not flood the channel. A delivery failure is journaled (kind `alert`, status `failed`) and logged.
public actor AlertDispatcher {
    private let sink: (any AlertSink)?
    private let store: any StateStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let maxPerDelivery: Int
    private var queue: [Alert] = []
    /// Alerts delivered so far (for status and tests).
    public private(set) var delivered = 0
    /// Alerts that failed to deliver so far.
    public private(set) var failedDeliveries = 0

    /// Creates a dispatcher; with no sink alerts are only logged.
    public init(
        sink: (any AlertSink)?, store: any StateStore, logger: Logger, maxPerDelivery: Int = 10,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sink = sink
        self.store = store
        self.logger = logger
        self.maxPerDelivery = maxPerDelivery
        self.now = now
    }

    /// Queues an alert for the next delivery.
    public func enqueue(_ alert: Alert) {
        logger.notice("alert queued", metadata: ["alert.kind": "\(alert.kind.rawValue)", "alert.title": "\(alert.title)"])
        queue.append(alert)
    }

    /// Delivers the queued alerts (a summary replaces those over the limit). Never throws.
    public func deliver() async {
        guard !queue.isEmpty else { return }
        var batch = queue
        queue.removeAll()
        if batch.count > maxPerDelivery {
            let rest = batch[(maxPerDelivery - 1)...]
            let counts = Dictionary(grouping: rest, by: \.kind).map { "\($0.value.count) \($0.key.rawValue.replacingOccurrences(of: "_", with: " "))" }
            let summary = Alert(
                kind: rest.first!.kind, title: "\(rest.count) more alerts in this pass",
                text: "Also: \(counts.sorted().joined(separator: ", ")). Run `crm-sync dead-letters list` for the records.",
                records: [])
            batch = Array(batch.prefix(maxPerDelivery - 1)) + [summary]
        }
        guard let sink else { return }
        for alert in batch {
            do {
                try await sink.send(alert)
                delivered += 1
            } catch {
                failedDeliveries += 1
                let syncError = error as? SyncError
                logger.warning("alert delivery failed", metadata: [
                    "alert.kind": "\(alert.kind.rawValue)", "sync.error.code": "\(syncError?.code.rawValue ?? "unknown")",
                ])
                let time = now()
                let entry = JournalEntry(
                    idempotencyKey: "alert/\(alert.kind.rawValue)/\(Int64(time.timeIntervalSince1970 * 1000))/\(failedDeliveries)",
                    flow: "alerts", kind: "alert", targetSystem: SyncSystem.slack.rawValue,
                    recordID: alert.records.first?.id ?? "-", status: .failed, attempts: 1,
                    errorCode: syncError?.code.rawValue ?? "unknown",
                    errorMessage: syncError?.description ?? "alert delivery failed",
                    createdAt: time, updatedAt: time)
                try? await store.recordJournal(entry)
            }
        }
    }
}
