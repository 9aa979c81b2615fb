import Foundation
import Synchronization
import SyncCore
import SyncService
import Testing

/// A clock the test moves.
final class TestClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date) { time = Mutex(start) }
    func now() -> Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite struct BackfillProgressTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    /// A 100-hour window.
    static let window = (start: start, end: start.addingTimeInterval(100 * 3600))

    func progress(read: Int, applied: Int, dead: Int, hours: Double?) -> PassProgress {
        var orders = FlowReport(flow: .orders)
        orders.observed = read
        orders.applied = applied
        orders.dead = dead
        var invoices = FlowReport(flow: .invoices)
        invoices.observed = read
        return PassProgress(flows: [orders, invoices], position: hours.map { Self.start.addingTimeInterval($0 * 3600) })
    }

    /// Plain output: a line only once the interval has passed, and a last one at the end. 25 % of the window in
    /// 10 s -> 30 s left; 50 records in 10 s -> 5.0/s (the deal flows share one read: records are not doubled).
    @Test func plainLines_everyInterval_withRateAndTimeLeft() async {
        let clock = TestClock(Self.start)
        let output = LineCollector()
        let display = BackfillProgress(style: .lines(every: 10), window: Self.window, now: { clock.now() }, write: { output.append($0) })
        clock.advance(4)
        await display.update(progress(read: 20, applied: 10, dead: 0, hours: 10))
        #expect(output.all.isEmpty)
        clock.advance(6)
        await display.update(progress(read: 50, applied: 40, dead: 1, hours: 25))
        clock.advance(5)
        await display.update(progress(read: 60, applied: 48, dead: 1, hours: 30))
        clock.advance(5)
        await display.finish()
        #expect(output.all == [
            "backfill progress: 25% read 50 applied 40 dead 1 5.0/s 30s left\n",
            "backfill progress: 30% read 60 applied 48 dead 1 3.0/s 46s left\n",
        ])
    }

    /// On a terminal: the bar is redrawn in place (carriage return, erase to end of line) and closed at the end.
    @Test func bar_redrawsInPlace() async {
        let clock = TestClock(Self.start)
        let output = LineCollector()
        let display = BackfillProgress(style: .bar(width: 10), window: Self.window, now: { clock.now() }, write: { output.append($0) })
        clock.advance(60)
        await display.update(progress(read: 120, applied: 100, dead: 2, hours: 50))
        await display.finish()
        #expect(output.all == [
            "\r[#####-----]  50% read 120 applied 100 dead 2 2.0/s 1m 0s left\u{1B}[K",
            "\n",
        ])
    }

    /// The stock flow has no window: share and time left are unknown.
    @Test func withoutPosition_timeLeftIsUnknown() async {
        let clock = TestClock(Self.start)
        let output = LineCollector()
        let display = BackfillProgress(style: .lines(every: 1), window: Self.window, now: { clock.now() }, write: { output.append($0) })
        clock.advance(2)
        var stock = FlowReport(flow: .stock)
        stock.observed = 400
        await display.update(PassProgress(flows: [stock], position: nil))
        #expect(output.all == ["backfill progress: ?% read 400 applied 0 dead 0 200.0/s time left unknown\n"])
    }
}

extension BackfillProgressTests {
    /// The end does not repeat a line just shown.
    @Test func finish_doesNotRepeatTheLastLine() async {
        let clock = TestClock(Self.start)
        let output = LineCollector()
        let display = BackfillProgress(style: .lines(every: 1), window: Self.window, now: { clock.now() }, write: { output.append($0) })
        clock.advance(2)
        await display.update(progress(read: 10, applied: 5, dead: 0, hours: 100))
        await display.finish()
        #expect(output.all == ["backfill progress: 100% read 10 applied 5 dead 0 5.0/s 0s left\n"])
    }
}
