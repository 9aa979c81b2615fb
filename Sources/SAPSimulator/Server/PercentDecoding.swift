import Foundation

/// Percent-decoding of request paths, query items and cookie values, skipping Foundation for text without `%`
/// (which decodes to itself).
enum PercentDecoding {
    /// `text` with `%XX` sequences decoded; `text` unchanged when it has none or a sequence is invalid.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// A form-encoded query item: `+` is a space, then percent-decoding.
    static func decodeQueryItem(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        return decode(text.replacingOccurrences(of: "+", with: " "))
    }
}
