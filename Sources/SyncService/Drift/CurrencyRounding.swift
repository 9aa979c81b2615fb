import Foundation
import SyncCore

/// Compares an Opportunity amount (Salesforce keeps the exact product of quantity and price, e.g. 1307.043 EUR)
/// with a document total that SAP or Zoho rounded to the currency's minor unit, per line or on the total.
enum CurrencyRounding {
    /// ISO 4217 currencies without minor unit.
    static let zeroDecimals: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]
    /// ISO 4217 currencies with three decimals.
    static let threeDecimals: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    /// The minor unit of `currency` (0.01 EUR, 1 JPY, 0.001 KWD).
    static func minorUnit(_ currency: String) -> Decimal {
        if zeroDecimals.contains(currency) { return 1 }
        if threeDecimals.contains(currency) { return Decimal(string: "0.001")! }
        return Decimal(string: "0.01")!
    }

    /// True when `total` equals `amount` up to rounding each of `lines` lines and the total to half a minor unit.
    static func agree(_ amount: Decimal, _ total: Money, lines: Int) -> Bool {
        let difference = abs(amount - total.amount)
        return difference <= minorUnit(total.currency) * Decimal(max(lines, 1) + 1) / 2
    }
}
