import Foundation
@testable import SyncService
import SyncCore
import SyncStore
import Testing

/// The group commit of journal marks: callers that arrive while a commit runs share the next one, each gets only
/// its own outcome, and a failed commit fails everyone in it.
@Suite struct JournalGroupCommitTests {
    /// The store side of the test: records each commit's batch; the first commit is held long enough for the other
    /// callers to arrive and queue behind it.
    actor RecordingStore {
        private(set) var startedBatches: [[String]] = []
        private(set) var appliedBatches: [[String]] = []
        let failOnCommit: Int?

        init(failOnCommit: Int? = nil) { self.failOnCommit = failOnCommit }

        func markStarted(_ actions: [ReconcileAction]) async throws -> [String: JournalEntry] {
            startedBatches.append(actions.map(\.idempotencyKey))
            let commit = startedBatches.count
            if commit == 1 { try await Task.sleep(for: .milliseconds(300)) }
            if commit == failOnCommit { throw SyncError(code: .stateStore, system: .stateStore, message: "disk full") }
            // Every key was started once before, so each caller gets an entry back.
            return Dictionary(uniqueKeysWithValues: actions.map { action in
                (action.idempotencyKey, JournalEntry(action: action, now: Date(timeIntervalSince1970: 0)))
            })
        }

        func recordApplied(_ results: [AppliedAction]) async throws -> [DeadLetter] {
            appliedBatches.append(results.map(\.action.idempotencyKey))
            return results.map { result in
                DeadLetter(
                    idempotencyKey: result.action.idempotencyKey, flow: result.action.flow.rawValue,
                    recordID: result.action.recordID,
                    error: SyncError(code: .serverError, system: .sap, message: "earlier outage"), action: result.action,
                    status: .resolved, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
            }
        }
    }

    static func action(_ index: Int) -> ReconcileAction {
        let opportunityID = "006000000000000\(String(format: "%03d", index))"
        return ReconcileAction(
            idempotencyKey: "orders/write-back/\(opportunityID)", flow: .orders, recordID: opportunityID,
            operation: .writeBackDeal(opportunityID: opportunityID))
    }

    static func committer(_ store: RecordingStore) -> JournalGroupCommit {
        JournalGroupCommit(
            markStarted: { try await store.markStarted($0) }, recordApplied: { try await store.recordApplied($0) })
    }

    @Test func callersArrivingDuringACommit_shareTheNextOne_andEachGetsItsOwnEntries() async throws {
        let store = RecordingStore()
        let committer = Self.committer(store)
        let answers = try await withThrowingTaskGroup(of: (Int, [String: JournalEntry]).self) { group in
            group.addTask { (0, try await committer.started([Self.action(0)])) }
            try await Task.sleep(for: .milliseconds(50))  // the first commit is running (held 300 ms)
            for index in 1..<8 { group.addTask { (index, try await committer.started([Self.action(index)])) } }
            var answers: [Int: [String: JournalEntry]] = [:]
            for try await (index, before) in group { answers[index] = before }
            return answers
        }
        let batches = await store.startedBatches
        #expect(batches.first == [Self.action(0).idempotencyKey])
        #expect(batches.count == 2, "the 7 callers that queued behind the first commit share one: \(batches)")
        #expect(batches.flatMap { $0 }.sorted() == (0..<8).map { Self.action($0).idempotencyKey }.sorted())
        for index in 0..<8 {
            #expect(answers[index].map { Array($0.keys) } == [Self.action(index).idempotencyKey])
        }
    }

    @Test func appliedMarks_returnOnlyTheCallersRecoveredDeadLetters() async throws {
        let store = RecordingStore()
        let committer = Self.committer(store)
        async let first = committer.started([Self.action(0)])
        try await Task.sleep(for: .milliseconds(50))
        let results = [1, 2].map { AppliedAction(action: Self.action($0), resultReference: nil) }
        async let one = committer.applied([results[0]])
        async let two = committer.applied([results[1]])
        _ = try await first
        #expect(try await one.map(\.idempotencyKey) == [Self.action(1).idempotencyKey])
        #expect(try await two.map(\.idempotencyKey) == [Self.action(2).idempotencyKey])
    }

    @Test func aFailedCommit_failsEveryCallerInIt_andTheCommitterGoesOn() async throws {
        let store = RecordingStore(failOnCommit: 2)
        let committer = Self.committer(store)
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            group.addTask { (0, (try? await committer.started([Self.action(0)])) != nil) }
            try? await Task.sleep(for: .milliseconds(50))
            for index in 1..<4 { group.addTask { (index, (try? await committer.started([Self.action(index)])) != nil) } }
            var outcomes: [Int: Bool] = [:]
            for await (index, succeeded) in group { outcomes[index] = succeeded }
            return outcomes
        }
        #expect(outcomes == [0: true, 1: false, 2: false, 3: false])
        // Nobody is left waiting and the next caller commits on its own.
        #expect(try await committer.started([Self.action(9)]).keys.sorted() == [Self.action(9).idempotencyKey])
        #expect(await store.startedBatches.count == 3)
    }
}
