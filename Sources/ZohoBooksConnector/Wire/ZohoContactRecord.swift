import Foundation
import SyncCore

/// A contact as Zoho Books returns it (`contact` of `GET/POST /contacts`, rows of `contacts`).
struct ZohoContactRecord: Decodable, Sendable, Hashable {
    /// A person of the contact (`contact_persons[]`).
    struct Person: Decodable, Sendable, Hashable {
        var email: String?
        var isPrimary: Bool

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: ZohoKey.self)
            email = try c.zohoText(ZohoKey("email"))
            isPrimary = try c.zohoBool(ZohoKey("is_primary_contact")) ?? false
        }
    }

    var id: String
    var name: String
    var contactType: String?
    var email: String?
    var currencyID: String?
    var currencyCode: String?
    var lastModifiedTime: Date?
    var persons: [Person]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        id = try c.zohoID(ZohoKey("contact_id"))
        name = try c.zohoText(ZohoKey("contact_name")) ?? ""
        contactType = try c.zohoText(ZohoKey("contact_type"))
        email = try c.zohoText(ZohoKey("email"))
        currencyID = try c.zohoIDIfPresent(ZohoKey("currency_id"))
        currencyCode = try c.zohoText(ZohoKey("currency_code"))
        lastModifiedTime = try c.zohoTimestamp(ZohoKey("last_modified_time"))
        persons = try c.decodeIfPresent([Person].self, forKey: ZohoKey("contact_persons")) ?? []
    }

    /// The domain contact: `email` is the contact's own `email` (the primary contact person's), falling back to
    /// the primary person in `contact_persons`.
    var contact: ZohoContact {
        let primaryEmail = email ?? persons.first(where: \.isPrimary)?.email
        return ZohoContact(id: id, name: name, email: primaryEmail, currencyCode: currencyCode)
    }
}
