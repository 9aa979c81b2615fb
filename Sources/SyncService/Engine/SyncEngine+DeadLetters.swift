import Foundation
import SyncCore
import SyncStore

/// What `dead-letters retry` did: the passes' report and, per chosen dead letter, whether it is still open.
public struct DeadLetterRetryResult: Sendable {
    /// The per-flow report of the passes the retry ran.
    public var report: PassReport
    /// The chosen dead letters that went through (now `resolved`).
    public var resolved: [DeadLetter]
    /// The chosen dead letters still `open` after the retry (the record is still bad, or its system still fails).
    public var stillOpen: [DeadLetter]
}

extension SyncEngine {
    /// Re-reads the source records of open dead letters and runs them through the engine again.
    ///
    /// Deal dead letters (orders, invoices) re-run both deal flows for their Opportunity; stock dead letters the
    /// stock flow (a full stock read); payments dead letters the payments flow for their Zoho customer payment
    /// (named in the idempotency key of a failed Opportunity write-back, see `ReconcileSession.paymentID(of:)`),
    /// whether or not that payment version was handled before. Watermarks are not moved.
    /// - Parameters:
    ///   - ids: the dead letter ids to retry; `nil` retries every open one.
    ///   - passStore: the store to read and commit through (the store fenced by every flow's lease on PostgreSQL);
    ///     `nil` uses the engine's.
    /// - Returns: the report and which of the chosen dead letters are resolved or still open.
    /// - Throws: `SyncError` `.invalidInput` (system `.stateStore`) naming ids that are not open dead letters, before
    ///   any call; `.stateStore` when the state store fails.
    public func retryDeadLetters(ids: [Int64]?, store passStore: (any StateStore)? = nil) async throws -> DeadLetterRetryResult {
        let store = passStore ?? self.store
        let open = try await store.deadLetters(status: .open)
        let chosen = ids.map { ids in open.filter { ids.contains($0.id ?? -1) } } ?? open
        let unknown = (ids ?? []).filter { id in !open.contains { $0.id == id } }
        if !unknown.isEmpty {
            throw SyncError(
                code: .invalidInput, system: .stateStore,
                message: "No open dead letter with id \(unknown.map(String.init).joined(separator: ", ")); see `crm-sync dead-letters list`.")
        }
        var records: [SyncFlow: Set<String>] = [:]
        for letter in chosen {
            switch letter.action.flow {
            case .orders, .invoices: records[.orders, default: []].insert(letter.recordID)
            case .stock: records[.stock, default: []].insert(letter.recordID)
            case .payments:
                if let payment = ReconcileSession.paymentID(of: letter) { records[.payments, default: []].insert(payment) }
            }
        }
        let startedAt = now()
        var reports: [FlowReport] = []
        if let deals = records[.orders] {
            reports += try await runPass(flows: [.orders, .invoices], mode: .records(deals.sorted()), store: store).flows
        }
        for flow in [SyncFlow.stock, .payments] {
            guard let ids = records[flow] else { continue }
            reports += try await runPass(flows: [flow], mode: .records(ids.sorted()), store: store).flows
        }
        var resolved: [DeadLetter] = []
        var stillOpen: [DeadLetter] = []
        for letter in chosen {
            guard let id = letter.id, let now = try await store.deadLetter(id: id) else { continue }
            if now.status == .open { stillOpen.append(now) } else { resolved.append(now) }
        }
        return DeadLetterRetryResult(
            report: PassReport(flows: reports, startedAt: startedAt, finishedAt: now()), resolved: resolved,
            stillOpen: stillOpen)
    }
}
