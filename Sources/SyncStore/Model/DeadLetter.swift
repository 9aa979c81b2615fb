import Foundation
import SyncCore

/// The state of a dead letter.
public enum DeadLetterStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for an operator or a later run.
    case open
    /// The record went through later (by a retry or a rerun).
    case resolved
    /// An operator discarded it.
    case discarded
}

/// A record kept because its action failed permanently or after its retries, with the action to replay.
public struct DeadLetter: Sendable, Hashable, Codable, Identifiable {
    /// Row id, shown to operators (`crm-sync dead-letters show ID`).
    public var id: Int64?
    /// The failed action's idempotency key (unique).
    public var idempotencyKey: String
    /// The flow.
    public var flow: String
    /// The source record id.
    public var recordID: String
    /// The error (code, system, message, record, field).
    public var error: SyncError
    /// The action, for `dead-letters retry`.
    public var action: ReconcileAction
    /// The status.
    public var status: DeadLetterStatus
    /// Whether the failure alert was sent.
    public var alerted: Bool
    /// How many times it failed.
    public var failures: Int
    /// First failure (UTC).
    public var createdAt: Date
    /// Last change (UTC).
    public var updatedAt: Date

    public init(
        id: Int64? = nil, idempotencyKey: String, flow: String, recordID: String, error: SyncError,
        action: ReconcileAction, status: DeadLetterStatus = .open, alerted: Bool = false, failures: Int = 1,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.flow = flow
        self.recordID = recordID
        self.error = error
        self.action = action
        self.status = status
        self.alerted = alerted
        self.failures = failures
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

extension DeadLetter {
    /// A new open dead letter for the first failure of `action` (not yet alerted).
    init(firstFailureOf action: ReconcileAction, error: SyncError, now: Date) {
        self.init(
            idempotencyKey: action.idempotencyKey, flow: action.flow.rawValue, recordID: action.recordID, error: error,
            action: action, createdAt: now, updatedAt: now)
    }

    /// Records another failure of the dead letter's action: open again with the latest error and action, one more
    /// failure; a letter that was resolved or discarded is reopened and alerted again.
    mutating func failedAgain(_ error: SyncError, action: ReconcileAction, now: Date) {
        if status != .open { alerted = false }
        status = .open
        self.error = error
        self.action = action
        failures += 1
        updatedAt = now
    }
}
