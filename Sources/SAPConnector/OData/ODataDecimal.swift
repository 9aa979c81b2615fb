import Foundation

/// Exact conversion between `Edm.Decimal` JSON strings (`"2656.24"`, `"1.000"`, `"-5"`) and `Decimal`.
///
/// SAP Gateway sends every Edm.Decimal as a JSON string; parsing goes straight from the text so no binary float
/// ever touches the value. Source: `reference/sap.md` §2.1.
public enum ODataDecimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses an Edm.Decimal string; `nil` for an empty or non-numeric string.
    public static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              trimmed.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" }),
              let value = Decimal(string: trimmed, locale: posix)
        else { return nil }
        return value
    }

    /// Formats a `Decimal` as an Edm.Decimal string with `.` as separator and no grouping (`12.5`, `-3`).
    public static func format(_ value: Decimal) -> String {
        value.description
    }
}
