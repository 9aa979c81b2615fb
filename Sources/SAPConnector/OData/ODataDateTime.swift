import Foundation

/// Parsing of OData V2 verbose-JSON dates: `/Date(<ms>)/` (Edm.DateTime) and `/Date(<ms>±hhmm)/`
/// (Edm.DateTimeOffset).
///
/// `<ms>` is milliseconds since 1970-01-01T00:00:00Z (negative before 1970). The optional offset (sign plus four
/// digits of minutes) only tells the zone the value was entered in: the instant is `<ms>` in UTC either way
/// (MS-ODATA 2.2.6.3.1 verbose JSON; SAP Cloud SDK reads it the same way). Source: `reference/sap.md` §2.1.
public enum ODataDateTime {
    /// Parses `/Date(1130168212000+0000)/` -> 2005-10-24T15:36:52Z; returns `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        guard text.hasPrefix("/Date("), text.hasSuffix(")/") else { return nil }
        let inner = text.dropFirst(6).dropLast(2)
        guard !inner.isEmpty else { return nil }
        // The offset sign is the first '+' or '-' after the first character (the first may be the ms sign).
        let body = inner.dropFirst()
        var millisText = Substring(inner)
        if let signIndex = body.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            millisText = inner[inner.startIndex..<signIndex]
            let offset = inner[inner.index(after: signIndex)...]
            guard offset.count == 4, offset.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let digits = millisText.hasPrefix("-") ? millisText.dropFirst() : millisText
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let millis = Int64(millisText) else { return nil }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}

extension Character {
    /// `0`...`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
