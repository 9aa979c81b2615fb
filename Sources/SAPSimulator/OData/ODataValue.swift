import Foundation

/// A typed property value held by the simulator (the EDM type decides how it is rendered).
enum ODataValue: Sendable, Hashable {
    case string(String)
    case decimal(Decimal)
    case int(Int64)
    case bool(Bool)
    /// Edm.DateTime (UTC instant; date-only fields are midnight UTC).
    case dateTime(Date)
    /// Edm.DateTimeOffset (UTC instant).
    case dateTimeOffset(Date)
    /// Edm.Time as seconds since midnight.
    case time(Int)
    case guid(String)
    case null

    /// The string payload, or nil for other kinds.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The decimal payload (also for integers), or nil.
    var decimalValue: Decimal? {
        switch self {
        case .decimal(let value): return value
        case .int(let value): return Decimal(value)
        default: return nil
        }
    }

    /// The instant of a DateTime or DateTimeOffset value, or nil.
    var dateValue: Date? {
        switch self {
        case .dateTime(let date), .dateTimeOffset(let date): return date
        default: return nil
        }
    }
}

/// A stored entity: property name → value. Properties not present render as their EDM initial value.
typealias EntityRecord = [String: ODataValue]
