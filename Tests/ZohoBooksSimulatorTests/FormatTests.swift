import Foundation
import Testing
@testable import ZohoBooksSimulator

@Suite("formats")
struct FormatTests {
    @Test("timestamps in the organization's time zone, colon-less offset (zoho.md §4)")
    func timestamps() throws {
        let format = ZohoTimeFormat(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        #expect(format.timestamp(ZohoHarness.start) == "2026-06-09T13:14:59-0400")
        #expect(format.parseTimestamp("2026-06-09T13:14:59-0400") == ZohoHarness.start)
        #expect(format.parseTimestamp("2026-06-09T17:14:59Z") == ZohoHarness.start)
        #expect(format.parseTimestamp("2026-06-09T22:44:59+05:30") == ZohoHarness.start)
        #expect(format.parseTimestamp("2026-06-09T17:14:59 0000") == nil)
        let winter = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(format.timestamp(winter).hasSuffix("-0500"))
        #expect(format.formattedDay("2026-06-09") == "09 Jun 2026")
    }

    @Test("query strings decode + as a space and %2B as a plus")
    func queryDecoding() {
        let parameters = ZohoQueryString.parse("a=1%2B2&b=1+2&c=&d=%26")
        #expect(parameters == ["a": "1+2", "b": "1 2", "c": "", "d": "&"])
    }

    @Test("money is written from Decimal without binary drift")
    func money() {
        let sum = Decimal(string: "0.1")! + Decimal(string: "0.2")!
        #expect(ZohoJSON.number(sum).serialized == "0.3")
        #expect(ZohoJSON.number(Decimal(string: "750.00")!).serialized == "750")
        #expect(ZohoJSON.number(Decimal(string: "149.975")!.rounded(scale: 2)).serialized == "149.98")
        #expect(ZohoJSON.string("a\"b\n").serialized == #""a\"b\n""#)
    }

    @Test("the concurrency gate counts requests in flight")
    func concurrencyGate() throws {
        var limiter = ZohoRateLimiter()
        let configuration = ZohoBooksSimulator.Configuration(concurrencyLimit: 2)
        let time = ZohoTimeFormat(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        let now = ZohoHarness.start
        #expect(limiter.admit(now: now, configuration: configuration, time: time) == nil)
        #expect(limiter.admit(now: now, configuration: configuration, time: time) == nil)
        #expect(limiter.admit(now: now, configuration: configuration, time: time)?.code == 1070)
        limiter.finish()
        #expect(limiter.admit(now: now, configuration: configuration, time: time) == nil)
    }

    @Test("response JSON is compact, members in order, strings escaped per RFC 8259 with / left alone")
    func serializedText() {
        let value = ZohoJSON.object(ZohoJSONObject([
            ("name", .string("Brandt & Söhne \"GmbH\" a\\b/c\n\r\t\u{01}\u{1F}")), ("rate", .number(Decimal(string: "199.99")!)),
            ("items", .array([.bool(true), .null, .int(0)])), ("empty", .object(ZohoJSONObject())),
        ]))
        #expect(value.serialized
            == #"{"name":"Brandt & Söhne \"GmbH\" a\\b/c\n\r\t\u0001\u001f","rate":199.99,"items":[true,null,0],"empty":{}}"#)
    }
}
