import Foundation
import SyncCore
import SyncStore

/// The status document of `crm-sync status --json` and of the `/status` endpoint.
public struct StatusReport: Sendable, Codable {
    /// One flow's status.
    public struct Flow: Sendable, Codable {
        /// The flow name.
        public var flow: String
        /// Its stream's watermark (UTC).
        public var watermark: Date?
        /// Seconds between the watermark and now.
        public var lagSeconds: Double?
        /// The last run that did something.
        public var lastRun: SyncRun?
    }

    /// Per flow, in flow order.
    public var flows: [Flow]
    /// Dead letters with status open.
    public var openDeadLetters: Int
    /// When the report was made (UTC).
    public var generatedAt: Date
    /// API quota used per system, as last stored at the end of a pass (see `APIQuotaStatus`).
    public var apiQuotas: [APIQuotaStatus] = []
    /// Which replica leads which flow, with fencing token and expiry (PostgreSQL); absent on SQLite, whose one
    /// runner leads every flow.
    public var leaders: [FlowLeaderStatus]? = nil

    /// Reads the status from a state store.
    /// - Throws: `SyncError` `.stateStore`.
    public static func make(store: any StateStore, now: Date) async throws -> StatusReport {
        let marks = Dictionary(try await store.watermarks().map { ($0.stream, $0) }, uniquingKeysWith: { a, _ in a })
        let runs = Dictionary(try await store.latestRuns().map { ($0.flow, $0) }, uniquingKeysWith: { a, _ in a })
        let flows = SyncFlow.allCases.map { flow in
            let mark = marks[flow.stream]
            return Flow(
                flow: flow.rawValue, watermark: mark?.position, lagSeconds: mark.map { now.timeIntervalSince($0.position) },
                lastRun: runs[flow.rawValue])
        }
        var report = StatusReport(flows: flows, openDeadLetters: try await store.deadLetters(status: .open).count, generatedAt: now)
        report.apiQuotas = try await store.quotas().map(APIQuotaStatus.init)
        report.leaders = try await FlowLeaderStatus.read(from: store, now: now)
        return report
    }
}
