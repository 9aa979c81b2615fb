import Foundation
import SyncCore

/// SOQL literals: the one place where values are put into SOQL text.
///
/// Rules (SOQL and SOSL Reference, "Quoted String Escape Sequences", "Reserved Characters", "Date Formats and Date
/// Literals"): strings are single-quoted with backslash escapes (`\'` `\"` `\\` `\n` `\r` `\t` `\b` `\f`, other
/// control characters as `\uXXXX`; SOQL never doubles quotes); `dateTime` values are unquoted
/// `yyyy-MM-ddTHH:mm:ssZ` in UTC (a `+hh:mm` offset would need `%2B` in the URL, so none is written); `date`
/// values are unquoted `yyyy-MM-dd`; numbers are plain decimal text; booleans are `true`/`false`.
public enum SOQL {
    /// A quoted, escaped SOQL string literal, e.g. `Bob's BBQ` → `'Bob\'s BBQ'`.
    ///
    /// Safe for `=`, `!=` and `IN` comparisons: no input can end the literal early. (In `LIKE` patterns `_` and
    /// `%` stay wildcards.)
    public static func literal(_ string: String) -> String {
        var out = "'"
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// A `dateTime` literal in UTC with whole seconds (fractions dropped), e.g. `2026-11-30T10:15:00Z`.
    public static func literal(_ date: Date) -> String {
        SalesforceDateTime.formatForSOQL(date)
    }

    /// A `date` literal, e.g. `2026-11-30`.
    public static func literal(_ date: CalendarDate) -> String {
        date.description
    }

    /// A number literal as exact decimal text, e.g. `1234.5`, `-3`.
    public static func literal(_ number: Decimal) -> String {
        number.description
    }

    /// `true` or `false`.
    public static func literal(_ flag: Bool) -> String {
        flag ? "true" : "false"
    }

    /// A parenthesised list of string literals for `IN`, e.g. `('a','b\'c')`; `nil` for an empty list (SOQL has
    /// no empty `IN ()`, so the caller decides what an empty filter means).
    public static func inList(_ strings: [String]) -> String? {
        guard !strings.isEmpty else { return nil }
        return "(" + strings.map { literal($0) }.joined(separator: ",") + ")"
    }
}
