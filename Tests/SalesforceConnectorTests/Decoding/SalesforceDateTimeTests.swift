import Foundation
import Testing
@testable import SalesforceConnector

@Suite("Salesforce dateTime text")
struct SalesforceDateTimeTests {
    /// An independent reading of `yyyy-MM-dd'T'HH:mm:ss.SSSZ` with Foundation (the format §11 documents).
    static func foundationParse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return formatter.date(from: text)
    }

    @Test(
        "documented response values read as Foundation reads them",
        arguments: ["2011-07-07T00:37:00.000+0000", "2013-05-07T22:07:19.000+0000", "2015-08-19T08:17:00.000+0000",
                    "2024-02-29T23:59:59.000+0000", "2013-05-08T01:20:00.000+0230", "1999-12-31T20:00:00.000-0500"])
    func responseFormat(_ text: String) throws {
        let expected = try #require(Self.foundationParse(text))
        #expect(SalesforceDateTime.parse(text) == expected)
    }

    @Test("Z, colon offsets and missing fractions are accepted")
    func otherForms() {
        let instant = Date(timeIntervalSince1970: 1_704_067_200)
        #expect(SalesforceDateTime.parse("2024-01-01T00:00:00Z") == instant)
        #expect(SalesforceDateTime.parse("2024-01-01T00:00:00.000Z") == instant)
        #expect(SalesforceDateTime.parse("2024-01-01T01:00:00+01:00") == instant)
        #expect(SalesforceDateTime.parse("2023-12-31T19:00:00.000-0500") == instant)
    }

    @Test("malformed text is rejected", arguments: ["2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "x", "2024-01-01T00:00:00+1"])
    func rejected(_ text: String) {
        #expect(SalesforceDateTime.parse(text) == nil)
    }

    @Test("writes use UTC with milliseconds and Z")
    func write() {
        #expect(SalesforceDateTime.formatForWrite(Date(timeIntervalSince1970: 1_704_067_200.25)) == "2024-01-01T00:00:00.250Z")
        #expect(SalesforceDateTime.formatForWrite(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }
}
