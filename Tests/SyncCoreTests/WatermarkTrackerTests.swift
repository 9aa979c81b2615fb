import Foundation
import SyncCore
import Testing

@Suite struct WatermarkTrackerTests {
    let t0 = Date(timeIntervalSince1970: 1_000)

    @Test func advanced_allDone_movesToNewest() {
        var tracker = WatermarkTracker()
        tracker.done(at: t0, id: "a")
        tracker.done(at: t0.addingTimeInterval(300), id: "b")
        tracker.done(at: t0.addingTimeInterval(300), id: "c")
        let next = tracker.advanced(from: nil)
        #expect(next?.position == t0.addingTimeInterval(300))
        #expect(next?.lastID == "c")
    }

    @Test func advanced_pendingRecord_stopsJustBeforeIt() {
        var tracker = WatermarkTracker()
        tracker.done(at: t0, id: "a")
        tracker.pending(at: t0.addingTimeInterval(180))
        tracker.done(at: t0.addingTimeInterval(300), id: "b")
        #expect(tracker.advanced(from: nil)?.position == t0.addingTimeInterval(179.999))
    }

    @Test func advanced_neverMovesBackwards() {
        var tracker = WatermarkTracker()
        tracker.done(at: t0, id: "a")
        #expect(tracker.advanced(from: t0.addingTimeInterval(60)) == nil)
        #expect(WatermarkTracker().advanced(from: t0) == nil)
    }
}
