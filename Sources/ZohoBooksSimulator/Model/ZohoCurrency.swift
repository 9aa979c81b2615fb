import Foundation

/// A currency enabled in the organization (`GET /settings/currencies`).
struct ZohoCurrency: Sendable, Hashable {
    /// `currency_id` (18-digit string).
    var id: String
    /// ISO 4217 code, `currency_code`.
    var code: String
    /// `currency_symbol`, e.g. `$`.
    var symbol: String
    /// `currency_name`, e.g. `United States Dollar`.
    var name: String
    /// `price_precision`: fractional digits of amounts in this currency.
    var precision: Int
    /// The organization's base currency (`is_base_currency`).
    var isBase: Bool

    /// `currency_name_formatted`, e.g. `USD- United States Dollar` (recorded invoice).
    var nameFormatted: String { "\(code)- \(name)" }

    /// A currency with the symbol, name and precision Zoho uses for `code` (unknown codes use the code itself).
    static func make(id: String, code: String, isBase: Bool) -> ZohoCurrency {
        let known: [String: (String, String, Int)] = [
            "USD": ("$", "United States Dollar", 2), "EUR": ("€", "Euro", 2), "GBP": ("£", "Pound Sterling", 2),
            "JPY": ("¥", "Japanese Yen", 0), "CHF": ("CHF", "Swiss Franc", 2), "CAD": ("$", "Canadian Dollar", 2),
            "AUD": ("$", "Australian Dollar", 2), "INR": ("₹", "Indian Rupee", 2), "SEK": ("kr", "Swedish Krona", 2),
            "DKK": ("kr", "Danish Krone", 2), "NOK": ("kr", "Norwegian Krone", 2), "PLN": ("zł", "Polish Zloty", 2),
            "CNY": ("¥", "Yuan Renminbi", 2), "BRL": ("R$", "Brazilian Real", 2), "MXN": ("$", "Mexican Peso", 2),
            "SGD": ("$", "Singapore Dollar", 2), "ZAR": ("R", "South African Rand", 2),
        ]
        let (symbol, name, precision) = known[code] ?? (code, code, 2)
        return ZohoCurrency(id: id, code: code, symbol: symbol, name: name, precision: precision, isBase: isBase)
    }

    /// `amount` written as Zoho's `*_formatted` money strings, e.g. `$1,234.50`.
    func formatted(_ amount: Decimal) -> String {
        let rounded = amount.rounded(scale: precision)
        let negative = rounded < 0
        let text = (negative ? -rounded : rounded).description
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < precision { fraction += "0" }
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        return (negative ? "-" : "") + symbol + grouped + (precision > 0 ? "." + fraction : "")
    }
}
