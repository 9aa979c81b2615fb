import Foundation

/// Reads JSON number text into a `Decimal` exactly, without a binary float.
enum DecimalText {
    /// Significant digits that always fit a `UInt64`.
    private static let fastDigits = 18

    /// The value of `text`: plain `-?digits[.digits]` with up to 18 digits, not zero, is read directly as sign ×
    /// digits × 10^-(fraction digits), which gives the value and representation `Decimal(string:)` gives; anything
    /// else (an exponent, more digits, zero) goes through `Decimal(string:locale:)` in the POSIX locale.
    /// - Returns: `nil` when the text is not a number.
    static func decimal(_ text: String) -> Decimal? {
        fastDecimal(text) ?? Decimal(string: text, locale: posixLocale)
    }

    /// The locale numbers are read in (JSON writes `.` as the decimal separator), made once.
    private static let posixLocale = Locale(identifier: "en_US_POSIX")

    private static func fastDecimal(_ text: String) -> Decimal? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: "."), !seenPoint, digits > 0 {
                seenPoint = true
                continue
            }
            guard (0x30...0x39).contains(byte), digits < fastDigits else { return nil }
            significand = significand * 10 + UInt64(byte - 0x30)
            digits += 1
            if seenPoint { fractionDigits += 1 }
        }
        // Zero keeps the exponent `Decimal(string:)` gives it (`0.00` has -2); a trailing point is left to it too.
        guard significand != 0, seenPoint == (fractionDigits > 0) else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
    }
}
