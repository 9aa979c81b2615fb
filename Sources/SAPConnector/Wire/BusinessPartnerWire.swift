import Foundation
import SyncCore

/// `A_BusinessPartner` as read (API_BUSINESS_PARTNER), with `to_Customer` expanded or deferred.
struct BusinessPartnerWire: Decodable {
    var businessPartner: String
    var customer: String
    var fullName: String
    var organizationNames: [String]
    var externalReference: String
    var expandedCustomer: String?

    enum CodingKeys: String, CodingKey {
        case businessPartner = "BusinessPartner"
        case customer = "Customer"
        case fullName = "BusinessPartnerFullName"
        case name1 = "OrganizationBPName1", name2 = "OrganizationBPName2"
        case name3 = "OrganizationBPName3", name4 = "OrganizationBPName4"
        case externalReference = "BusinessPartnerIDByExtSystem"
        case toCustomer = "to_Customer"
    }

    /// `to_Customer` expanded (`{"Customer": "..."}`), deferred, or `null`.
    struct CustomerWire: Decodable {
        var customer: String?
        enum CodingKeys: String, CodingKey { case customer = "Customer" }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        businessPartner = try c.decode(String.self, forKey: .businessPartner)
        customer = try c.odataString(.customer)
        fullName = try c.odataString(.fullName)
        organizationNames = try [c.odataString(.name1), c.odataString(.name2), c.odataString(.name3),
                                 c.odataString(.name4)]
        externalReference = try c.odataString(.externalReference)
        expandedCustomer = try c.decodeIfPresent(CustomerWire.self, forKey: .toCustomer)?.customer
    }

    /// The SyncCore model: the customer number from `Customer`, else from the expanded `to_Customer`; the name
    /// from `BusinessPartnerFullName`, else the organization name parts joined.
    var model: BusinessPartner {
        let customerNumber = customer.isEmpty ? (expandedCustomer ?? "") : customer
        let name = fullName.isEmpty ? organizationNames.filter { !$0.isEmpty }.joined(separator: " ") : fullName
        return BusinessPartner(
            number: withoutLeadingZeros(businessPartner), customer: withoutLeadingZeros(customerNumber),
            name: name, externalReference: externalReference)
    }
}
