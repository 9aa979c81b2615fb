import Foundation
import Testing
import SimulatorKit

@Suite struct RequestLogTests {
    private func entry(_ method: String, _ endpoint: String, status: Int = 200) -> RequestLog.Entry {
        RequestLog.Entry(method: method, endpoint: endpoint, path: "/\(endpoint)", status: status, at: Date(timeIntervalSince1970: 0))
    }

    @Test func countsFilterByEndpointAndMethod() {
        let log = RequestLog()
        log.record(entry("GET", "query"))
        log.record(entry("GET", "query"))
        log.record(entry("PATCH", "sobjects.Opportunity"))
        log.record(entry("GET", "sobjects.Opportunity", status: 404))
        #expect(log.count() == 4)
        #expect(log.count(endpoint: "query") == 2)
        #expect(log.count(endpoint: "sobjects.Opportunity", method: "PATCH") == 1)
        #expect(log.count(method: "GET") == 3)
        #expect(log.countsByEndpoint() == ["GET query": 2, "PATCH sobjects.Opportunity": 1, "GET sobjects.Opportunity": 1])
        #expect(log.entries.map(\.status) == [200, 200, 200, 404])
    }

    @Test func resetForgetsEverything() {
        let log = RequestLog()
        log.record(entry("GET", "invoices"))
        log.reset()
        #expect(log.count() == 0)
        #expect(log.entries.isEmpty)
    }

    @Test func manualClockMovesOnlyWhenTold() {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let clock = ManualSimulatorClock(start)
        #expect(clock.now() == start)
        clock.advance(bySeconds: 90)
        #expect(clock.now() == start.addingTimeInterval(90))
        clock.set(start)
        #expect(clock.now() == start)
    }
}
