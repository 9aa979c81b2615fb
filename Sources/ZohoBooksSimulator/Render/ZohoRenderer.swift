import Foundation

/// Renders records as Zoho Books writes them (member names, order and value types follow the recorded samples in
/// `zoho/samples`): ids and dates as strings, money as numbers in the record's currency precision, `""` for empty
/// values, timestamps in the organization's time zone.
struct ZohoRenderer {
    let state: ZohoBooksState
    let now: Date

    var time: ZohoTimeFormat { state.time }

    /// Money rounded half-up to `currency`'s precision.
    func money(_ amount: Decimal, _ currency: ZohoCurrency) -> ZohoJSON {
        .number(amount.rounded(scale: currency.precision))
    }

    /// A timestamp such as `2026-06-09T13:14:59-0400`.
    func timestamp(_ date: Date) -> ZohoJSON { .string(time.timestamp(date)) }

    /// `{code: 0, message, <key>: value}` plus extra members.
    static func envelope(message: String, _ members: [(String, ZohoJSON)]) -> ZohoJSON {
        .object(ZohoJSONObject([("code", .int(0)), ("message", .string(message))] + members))
    }

    /// The `/settings/currencies` row of a currency.
    func currency(_ currency: ZohoCurrency) -> ZohoJSON {
        .object(ZohoJSONObject([
            ("currency_id", .string(currency.id)), ("currency_code", .string(currency.code)),
            ("currency_name", .string(currency.name)), ("currency_symbol", .string(currency.symbol)),
            ("price_precision", .int(currency.precision)),
            ("currency_format", .string(currency.precision == 0 ? "###,###" : "###,##0.00")),
            ("is_base_currency", .bool(currency.isBase)), ("exchange_rate", .int(currency.isBase ? 1 : 0)),
            ("effective_date", .string("")),
        ]))
    }

    /// A `billing_address`/`shipping_address` object; `zipKey` is `zip` on records, `zipcode` in invoice lists.
    func address(_ address: ZohoAddress, zipKey: String = "zip", detailed: Bool) -> ZohoJSON {
        var members: [(String, ZohoJSON)] = [
            ("address", .string(address.street)), ("street2", .string("")), ("city", .string(address.city)),
            ("state", .string(address.state)), (zipKey, .string(address.zip)), ("country", .string(address.country)),
            ("phone", .string("")), ("fax", .string("")), ("attention", .string("")),
        ]
        if detailed {
            members += [
                ("street", .string(address.street)), ("country_code", .string("")),
            ]
        }
        return .object(ZohoJSONObject(members))
    }
}
