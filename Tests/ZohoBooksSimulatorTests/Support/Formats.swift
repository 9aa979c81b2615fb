import Foundation

/// Format checks from zoho.md §4.
enum Formats {
    /// `2026-06-09T13:14:59-0400`: `yyyy-MM-dd'T'HH:mm:ss` plus a colon-less offset.
    static func isTimestamp(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}/) != nil
    }

    /// An id: a digit string of 18 digits.
    static func isID(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.count == 18 && text.allSatisfy(\.isNumber)
    }

    /// `yyyy-MM-dd`.
    static func isDate(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
    }
}
