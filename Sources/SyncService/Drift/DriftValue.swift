import Foundation
import SyncCore

/// A value one system (or the state store's mapping) holds for the field that drifted.
///
/// Exactly one of `money`, `quantity` or `text` is set, or none when the system holds nothing (shown as `(none)`).
public struct DriftValue: Sendable, Hashable, Codable {
    /// Where the value was read: `.salesforce`, `.sap`, `.zohoBooks`, or `.stateStore` for CRMSync's mapping.
    public var system: SyncSystem
    /// A money value (amount in the currency's major unit, ISO 4217 currency).
    public var money: Money?
    /// A quantity with its unit of measure.
    public var quantity: Quantity?
    /// Any other value as the system shows it (numbers, stages, flags, line lists).
    public var text: String?

    /// A money value.
    public static func money(_ system: SyncSystem, _ money: Money) -> DriftValue {
        DriftValue(system: system, money: money, quantity: nil, text: nil)
    }

    /// A quantity.
    public static func quantity(_ system: SyncSystem, _ quantity: Quantity) -> DriftValue {
        DriftValue(system: system, money: nil, quantity: quantity, text: nil)
    }

    /// A text value; `nil` means the system holds none.
    public static func text(_ system: SyncSystem, _ text: String?) -> DriftValue {
        DriftValue(system: system, money: nil, quantity: nil, text: text)
    }

    /// The value for people: `598.00 EUR`, `4 PC`, the text, or `(none)`.
    public var display: String {
        if let money { return money.description }
        if let quantity { return quantity.description }
        return text ?? "(none)"
    }
}
