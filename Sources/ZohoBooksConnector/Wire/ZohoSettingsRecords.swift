import Foundation

/// A currency of the organization (`currencies[]` of `GET /settings/currencies`, Books API "Currency").
struct ZohoCurrencyRecord: Decodable, Sendable, Hashable {
    var id: String
    var code: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("currency_id"))
        code = try c.zohoText(ZohoKey("currency_code")) ?? ""
    }
}

/// An organization of the token's user (`organizations[]` of `GET /organizations`).
struct ZohoOrganizationRecord: Decodable, Sendable, Hashable {
    var id: String
    /// `time_zone`, an IANA name such as `America/New_York`.
    var timeZone: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("organization_id"))
        timeZone = try c.zohoText(ZohoKey("time_zone"))
    }
}
