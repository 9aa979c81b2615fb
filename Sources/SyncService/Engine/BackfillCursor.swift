import Foundation
import SyncCore
import SyncStore

/// Where an interrupted `backfill` resumes: per flow and window, the source timestamp below which every record of
/// the window is done, kept as a watermark row of its own stream (never one of the live streams).
///
/// The stream is `backfill.<flow>.<from>-<to>` with ISO 8601 UTC instants (`open` when the window has no end), for
/// example `backfill.orders.2026-10-01T00:00:00Z-2026-11-01T00:00:00Z`. The engine saves it after each committed
/// page of a backfill pass, resumes from it when the same window is run again, and removes it when the window was
/// finished with nothing left pending.
public enum BackfillCursor {
    /// The cursor's stream name for a flow and window.
    public static func stream(flow: SyncFlow, from: Date, to: Date?) -> String {
        let format = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        return "backfill.\(flow.rawValue).\(from.formatted(format))-\(to.map { $0.formatted(format) } ?? "open")"
    }

    /// The saved cursors of a window, per flow (flows without one are absent).
    /// - Throws: `SyncError` `.stateStore`.
    public static func saved(flows: Set<SyncFlow>, from: Date, to: Date?, in store: any StateStore) async throws -> [SyncFlow: Date] {
        var cursors: [SyncFlow: Date] = [:]
        for flow in flows.sorted() {
            if let mark = try await store.watermark(for: stream(flow: flow, from: from, to: to)) { cursors[flow] = mark.position }
        }
        return cursors
    }

    /// Removes the cursors of a window (`backfill --restart`, or a finished window).
    /// - Throws: `SyncError` `.stateStore`.
    public static func clear(flows: Set<SyncFlow>, from: Date, to: Date?, in store: any StateStore) async throws {
        for flow in flows.sorted() {
            let name = stream(flow: flow, from: from, to: to)
            if try await store.watermark(for: name) != nil { try await store.deleteWatermark(for: name) }
        }
    }

    /// Where a read of `flows` sharing one stream resumes: the oldest of their cursors, or `nil` (the window's
    /// start) when any of them has none.
    static func resumePoint(_ cursors: [SyncFlow: Date], flows: Set<SyncFlow>) -> Date? {
        let positions = flows.map { cursors[$0] }
        guard !positions.isEmpty, !positions.contains(where: { $0 == nil }) else { return nil }
        return positions.compactMap { $0 }.min()
    }
}
