import Foundation
import SyncCore
import SyncStore

/// Records a pass's counts as runs, one per flow, skipping flows that did nothing (an idle pass writes nothing).
public enum RunRecorder {
    /// Stores the runs of a pass.
    /// - Throws: `SyncError` `.stateStore`.
    public static func record(_ report: PassReport, kind: SyncRun.Kind, in store: any StateStore) async throws {
        for flow in report.flows where flow.planned > 0 || flow.stoppedBy != nil {
            var run = try await store.startRun(SyncRun(
                flow: flow.flow.rawValue, kind: kind, observed: flow.observed, planned: flow.planned,
                applied: flow.applied, failed: flow.failed, dead: flow.dead,
                errorMessage: flow.stoppedBy?.description, startedAt: report.startedAt))
            run.outcome = flow.stoppedBy != nil ? .failed : (flow.succeeded ? .succeeded : .partial)
            run.finishedAt = report.finishedAt
            try await store.finishRun(run)
        }
    }
}
