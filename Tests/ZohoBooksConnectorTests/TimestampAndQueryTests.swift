import Foundation
import SyncHTTP
import Testing
@testable import ZohoBooksConnector

/// Zoho timestamps (`yyyy-MM-dd'T'HH:mm:ssZ`, colon-less offset) and their trip through the query encoder.
@Suite("Zoho timestamps and query encoding")
struct TimestampAndQueryTests {
    @Test("Offsets are applied: the recorded -0400 times become UTC", arguments: [
        ("2026-06-09T13:14:59-0400", "2026-06-09T17:14:59Z"),
        ("2026-06-09T09:47:45-0400", "2026-06-09T13:47:45Z"),
        ("2025-12-31T23:30:00+0530", "2025-12-31T18:00:00Z"),
        ("2024-02-29T01:00:00+05:30", "2024-02-28T19:30:00Z"),
        ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
    ])
    func parse(text: String, expected: String) {
        #expect(ZohoTimestamp.parse(text) == utc(expected))
    }

    @Test("Empty and foreign texts are not timestamps", arguments: ["", "09 Jun 2026", "2026-06-09", "2026-06-09T13:14:59"])
    func rejects(text: String) {
        #expect(ZohoTimestamp.parse(text) == nil)
    }

    @Test("Formatting in the organization's zone, daylight saving included")
    func format() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(ZohoTimestamp.format(utc("2026-06-09T17:14:59Z"), in: newYork) == "2026-06-09T13:14:59-0400")
        #expect(ZohoTimestamp.format(utc("2026-01-09T17:14:59Z"), in: newYork) == "2026-01-09T12:14:59-0500")
        #expect(ZohoTimestamp.format(utc("2025-12-31T18:00:00Z").addingTimeInterval(0.75), in: kolkata) == "2025-12-31T23:30:00+0530")
    }

    @Test("A + offset travels as %2B (the spec's own example form)")
    func plusEncoded() throws {
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let value = ZohoTimestamp.format(utc("2025-12-31T18:00:00Z"), in: kolkata)
        #expect(makeQueryString([("last_modified_time", value)]) == "last_modified_time=2025-12-31T23%3A30%3A00%2B0530")
        #expect(percentEncodeQueryValue("2023-11-18T02:02:51-0800") == "2023-11-18T02%3A02%3A51-0800")
    }

    @Test("Lenient values: ids as numbers, \"\" as nil, decimal strings")
    func lenient() throws {
        struct Probe: Decodable {
            var id: String
            var rate: Decimal?
            var exchange: Decimal?
            var terms: Int?
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: ZohoKey.self)
                id = try c.zohoID(ZohoKey("invoice_id"))
                rate = try c.zohoDecimalIfPresent(ZohoKey("rate"))
                exchange = try c.zohoDecimalIfPresent(ZohoKey("exchange_rate"))
                terms = try c.zohoInt(ZohoKey("payment_terms"))
            }
        }
        let probe = try JSONDecoder().decode(Probe.self, from: Data(
            #"{"invoice_id": 260815000000124029, "rate": "149.97", "exchange_rate": "", "payment_terms": "30"}"#.utf8))
        #expect(probe.id == "260815000000124029")
        #expect(probe.rate == dec("149.97"))
        #expect(probe.exchange == nil && probe.terms == 30)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Probe.self, from: Data(#"{"invoice_id": "1", "rate": "12abc"}"#.utf8))
        }
    }

    @Test("Request bodies keep decimals exact and use Zoho's snake_case keys")
    func bodies() throws {
        let body = ZohoInvoiceBody(
            customerId: "460815000000000001", currencyId: "460815000000000002", referenceNumber: "006Aa00000AbCdEIAV",
            date: "2026-06-09", paymentTerms: 30,
            lineItems: [.init(name: "TG-100", description: nil, rate: dec("49.99"), quantity: dec("3"), unit: "pcs")])
        let text = String(decoding: try ZohoWriteBodies.encode(body), as: UTF8.self)
        #expect(text == #"{"currency_id":"460815000000000002","customer_id":"460815000000000001","date":"2026-06-09","#
            + #""line_items":[{"name":"TG-100","quantity":3,"rate":49.99,"unit":"pcs"}],"payment_terms":30,"#
            + #""reference_number":"006Aa00000AbCdEIAV"}"#)
    }
}
