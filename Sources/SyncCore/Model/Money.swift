import Foundation

/// An amount of money in one currency.
///
/// `amount` is a `Decimal` in the currency's major unit (`12.50` EUR is twelve euros fifty), never a binary float;
/// `currency` is the ISO 4217 alphabetic code in upper case (`"EUR"`, `"USD"`, `"JPY"`).
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in the currency's major unit.
    public var amount: Decimal
    /// The ISO 4217 alphabetic currency code, upper case.
    public var currency: String

    /// Creates an amount of money.
    /// - Parameters:
    ///   - amount: the amount in the currency's major unit.
    ///   - currency: the ISO 4217 code; it is upper-cased.
    public init(_ amount: Decimal, _ currency: String) {
        self.amount = amount
        self.currency = currency.uppercased()
    }

    public var description: String { "\(amount) \(currency)" }
}

/// A quantity with its unit of measure.
///
/// `value` is a `Decimal`; `unit` is the unit of measure as the source system names it (SAP's internal unit such
/// as `"PC"` or `"KG"`; Salesforce quantities carry no unit and are given the configured default unit).
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount of the unit.
    public var value: Decimal
    /// The unit of measure (SAP `MaterialBaseUnit` / `RequestedQuantityUnit` style code).
    public var unit: String

    /// Creates a quantity.
    public init(_ value: Decimal, _ unit: String) {
        self.value = value
        self.unit = unit
    }

    public var description: String { "\(value) \(unit)" }
}

/// A calendar date without a time of day or time zone (Salesforce `date` fields, Zoho `yyyy-MM-dd` fields).
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int

    /// Creates a date from its parts; no range check is made.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`; returns `nil` for anything else (including Zoho's empty `""`).
    public init?(iso8601 text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC calendar date of an instant.
    public init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Midnight UTC of this date.
    public var startOfDayUTC: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
