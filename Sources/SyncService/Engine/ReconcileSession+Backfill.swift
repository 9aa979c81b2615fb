import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// The window of a backfill pass; nil for other modes.
    var backfillWindow: (from: Date, to: Date?)? {
        if case .backfill(let from, let to) = mode { return (from, to) }
        return nil
    }

    /// Sets the observer told after each committed page.
    func observe(_ progress: (@Sendable (PassProgress) async -> Void)?) {
        self.progress = progress
    }

    /// Where a backfill's read of `flows` (one stream) starts: the window's saved cursor when an earlier run of the
    /// same window was interrupted (reported as `resumedFrom`), else the window's start.
    /// - Throws: `SyncError` `.stateStore`.
    func backfillStart(flows: Set<SyncFlow>) async throws -> Date? {
        guard let window = backfillWindow else { return nil }
        let cursors = try await BackfillCursor.saved(flows: flows, from: window.from, to: window.to, in: store)
        guard let resume = BackfillCursor.resumePoint(cursors, flows: flows), resume > window.from else { return window.from }
        for flow in flows { count(flow) { $0.resumedFrom = resume } }
        return resume
    }

    /// After a page is committed: saves the backfill window's cursor (as far as every record read is done; the stock
    /// flow has no window and keeps none: a backfill compares all stock, writing only differences) and tells the
    /// progress observer.
    /// - Parameter position: the source timestamp of the page's last record (nil for stock).
    /// - Throws: `SyncError` `.stateStore`.
    func pageCommitted(flows: Set<SyncFlow>, position: Date?) async throws {
        if let window = backfillWindow, !dryRun, let next = tracker.advanced(from: nil) {
            for flow in flows.sorted() where flow != .stock {
                try await store.saveWatermark(Watermark(
                    stream: BackfillCursor.stream(flow: flow, from: window.from, to: window.to), position: next.position,
                    lastID: next.lastID, updatedAt: engine.now()))
            }
        }
        if let progress {
            await progress(PassProgress(flows: SyncFlow.allCases.compactMap { reports[$0] }, position: position))
        }
    }

    /// At the end of a backfill's read: removes the window's cursors when nothing was left pending and no system was
    /// stopped (an unfinished window keeps them, and the next run resumes).
    /// - Throws: `SyncError` `.stateStore`.
    func finishBackfill(flows: Set<SyncFlow>) async throws {
        guard let window = backfillWindow, !dryRun, !tracker.hasPending,
              flows.allSatisfy({ reports[$0]?.stoppedBy == nil }) else { return }
        try await BackfillCursor.clear(flows: flows, from: window.from, to: window.to, in: store)
    }
}
