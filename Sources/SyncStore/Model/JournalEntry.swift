import Foundation
import SyncCore

/// The status of a journaled action.
public enum JournalStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Planned, not yet started.
    case planned
    /// Started: the call was (or may have been) sent and its outcome is not recorded. On a rerun the target is looked
    /// up by its reference before any create.
    case started
    /// Carried out and recorded.
    case applied
    /// Failed for a reason that is not the record's (outage, quota); will be tried again.
    case failed
    /// Failed permanently or after its retries; kept as a dead letter.
    case dead
    /// Looked at and deliberately not carried out (nothing to do, or not ours).
    case skipped
}

/// One row of the action journal.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// The action's idempotency key (primary key).
    public var idempotencyKey: String
    /// The flow.
    public var flow: String
    /// The operation kind (`create_sales_order`, ...).
    public var kind: String
    /// The system written to.
    public var targetSystem: String
    /// The source record id.
    public var recordID: String
    /// The status.
    public var status: JournalStatus
    /// How many times the action was started.
    public var attempts: Int
    /// The result reference (SAP order number, Zoho invoice number...), when applied.
    public var resultReference: String?
    /// `SyncError.code` of the last failure.
    public var errorCode: String?
    /// `SyncError.description` of the last failure (no secrets by construction).
    public var errorMessage: String?
    /// First journaled (UTC).
    public var createdAt: Date
    /// Last changed (UTC).
    public var updatedAt: Date

    public init(
        idempotencyKey: String, flow: String, kind: String, targetSystem: String, recordID: String,
        status: JournalStatus, attempts: Int, resultReference: String? = nil, errorCode: String? = nil,
        errorMessage: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.idempotencyKey = idempotencyKey
        self.flow = flow
        self.kind = kind
        self.targetSystem = targetSystem
        self.recordID = recordID
        self.status = status
        self.attempts = attempts
        self.resultReference = resultReference
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// A new entry for an action, not yet started.
    public init(action: ReconcileAction, now: Date) {
        self.init(
            idempotencyKey: action.idempotencyKey, flow: action.flow.rawValue, kind: action.operation.kind,
            targetSystem: action.operation.targetSystem.rawValue, recordID: action.recordID, status: .planned,
            attempts: 0, createdAt: now, updatedAt: now)
    }
}

extension JournalEntry {
    /// The entries that journal `actions` as started (attempts + 1), given the stored entries `current`, and the
    /// entries as they were before (absent for new actions). An action listed twice is counted twice.
    static func started(
        _ actions: [ReconcileAction], current: [String: JournalEntry], now: Date
    ) -> (entries: [JournalEntry], before: [String: JournalEntry]) {
        var current = current
        var before: [String: JournalEntry] = [:]
        var entries: [JournalEntry] = []
        for action in actions {
            var entry: JournalEntry
            if let existing = current[action.idempotencyKey] {
                before[action.idempotencyKey] = existing
                entry = existing
            } else {
                entry = JournalEntry(action: action, now: now)
            }
            entry.status = .started
            entry.attempts += 1
            entry.updatedAt = now
            entries.append(entry)
            current[action.idempotencyKey] = entry
        }
        return (entries, before)
    }
}

extension JournalEntry {
    /// This entry as applied, with its result reference and without an error, stamped `now`.
    func applied(reference: String?, now: Date) -> JournalEntry {
        var entry = self
        entry.status = .applied
        entry.resultReference = reference
        entry.errorCode = nil
        entry.errorMessage = nil
        entry.updatedAt = now
        return entry
    }

    /// This entry as failed with `error` (its code and description), in `status`, stamped `now`.
    func failed(_ error: SyncError, status: JournalStatus, now: Date) -> JournalEntry {
        var entry = self
        entry.status = status
        entry.errorCode = error.code.rawValue
        entry.errorMessage = error.description
        entry.updatedAt = now
        return entry
    }
}
