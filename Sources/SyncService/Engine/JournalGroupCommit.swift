import Foundation
import SyncCore
import SyncStore

/// Commits the journal marks of the deals in flight together ("group commit").
///
/// Every create is journaled as started before its call and as applied after it, and each caller waits until its
/// mark is committed (on SQLite: synced to disk), so a crash never loses a started mark and never re-creates an
/// applied one. When several deals are in flight, marks that arrive while a commit runs wait for it and are then
/// committed together by one of them (the first in line leads the next commit): the guarantee per action is
/// unchanged, and the number of commits falls with the number of deals in flight.
///
/// A failed commit fails every caller whose marks it held, with the store's `SyncError` (`.stateStore`, or
/// `.leaseLost` from a fenced store).
actor JournalGroupCommit {
    /// Marks to commit: started actions (attempts + 1) and applied actions with their mappings.
    struct Marks: Sendable {
        var started: [ReconcileAction] = []
        var applied: [AppliedAction] = []
    }

    /// What a commit gives back to the caller of its marks.
    struct Outcome: Sendable {
        /// The journal entries of the started actions as they were before (absent for new actions).
        var before: [String: JournalEntry] = [:]
        /// Open dead letters of the applied actions that the commit resolved.
        var recovered: [DeadLetter] = []
    }

    private enum Turn: Sendable {
        case done(Outcome)
        case lead
    }

    private struct Waiter {
        let marks: Marks
        let continuation: CheckedContinuation<Turn, any Error>
    }

    /// One transaction journaling actions as started (`StateStore.markStarted`).
    typealias MarkStarted = @Sendable ([ReconcileAction]) async throws -> [String: JournalEntry]
    /// One transaction journaling actions as applied (`StateStore.recordApplied`).
    typealias RecordApplied = @Sendable ([AppliedAction]) async throws -> [DeadLetter]

    private let markStarted: MarkStarted
    private let recordApplied: RecordApplied
    private var waiters: [Waiter] = []
    private var committing = false

    /// Commits into `store`, stamping each commit with `now()` (UTC).
    init(store: any StateStore, now: @escaping @Sendable () -> Date) {
        self.init(
            markStarted: { try await store.markStarted($0, now: now()) },
            recordApplied: { try await store.recordApplied($0, now: now()) })
    }

    init(markStarted: @escaping MarkStarted, recordApplied: @escaping RecordApplied) {
        self.markStarted = markStarted
        self.recordApplied = recordApplied
    }

    /// Journals `actions` as started, together with whatever else is waiting.
    /// - Returns: the entries of `actions` as they were before, by idempotency key.
    /// - Throws: the store's `SyncError`.
    func started(_ actions: [ReconcileAction]) async throws -> [String: JournalEntry] {
        try await commit(Marks(started: actions)).before
    }

    /// Journals `results` as applied and saves their mappings, together with whatever else is waiting.
    /// - Returns: the open dead letters of these actions that are now resolved.
    /// - Throws: the store's `SyncError`.
    func applied(_ results: [AppliedAction]) async throws -> [DeadLetter] {
        try await commit(Marks(applied: results)).recovered
    }

    private func commit(_ marks: Marks) async throws -> Outcome {
        if committing {
            let turn = try await withCheckedThrowingContinuation { continuation in
                waiters.append(Waiter(marks: marks, continuation: continuation))
            }
            if case .done(let outcome) = turn { return outcome }
            // `.lead`: the previous commit handed over; this caller commits its marks and those waiting now.
        }
        committing = true
        let batch = waiters
        waiters.removeAll()
        do {
            let outcome = try await write([marks] + batch.map(\.marks))
            for waiter in batch { waiter.continuation.resume(returning: .done(outcome.part(for: waiter.marks))) }
            handOver()
            return outcome.part(for: marks)
        } catch {
            for waiter in batch { waiter.continuation.resume(throwing: error) }
            handOver()
            throw error
        }
    }

    /// The first caller in line leads the next commit; with nobody waiting the committer is idle.
    private func handOver() {
        guard !waiters.isEmpty else {
            committing = false
            return
        }
        waiters.removeFirst().continuation.resume(returning: .lead)
    }

    /// One transaction for the started marks, then one for the applied marks.
    private func write(_ all: [Marks]) async throws -> Outcome {
        var outcome = Outcome()
        let started = all.flatMap(\.started)
        if !started.isEmpty { outcome.before = try await markStarted(started) }
        let applied = all.flatMap(\.applied)
        if !applied.isEmpty { outcome.recovered = try await recordApplied(applied) }
        return outcome
    }
}

extension JournalGroupCommit.Outcome {
    /// The part of a shared commit's outcome that concerns `marks`.
    func part(for marks: JournalGroupCommit.Marks) -> Self {
        let startedKeys = Set(marks.started.map(\.idempotencyKey))
        let appliedKeys = Set(marks.applied.map(\.action.idempotencyKey))
        return Self(
            before: before.filter { startedKeys.contains($0.key) },
            recovered: recovered.filter { appliedKeys.contains($0.idempotencyKey) })
    }
}
