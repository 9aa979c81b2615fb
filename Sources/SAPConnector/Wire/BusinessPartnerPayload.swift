import Foundation
import SyncCore

/// The deep-insert body of `POST A_BusinessPartner`: an organization (category `2`) with one address, the
/// customer roles FLCU00 (company code data) and FLCU01 (sales area data) and `to_Customer` with its sales area
/// and company code. To-many navigations are sent as plain arrays (what SAP Cloud SDK emits).
struct BusinessPartnerPayload: Encodable, Equatable {
    var category = "2"
    var grouping: String
    var name1: String
    var name2: String?
    var name3: String?
    var name4: String?
    var externalReference: String
    var correspondenceLanguage: String
    var addresses: [Address]
    var roles: [Role]
    var customer: Customer

    enum CodingKeys: String, CodingKey {
        case category = "BusinessPartnerCategory"
        case grouping = "BusinessPartnerGrouping"
        case name1 = "OrganizationBPName1", name2 = "OrganizationBPName2"
        case name3 = "OrganizationBPName3", name4 = "OrganizationBPName4"
        case externalReference = "BusinessPartnerIDByExtSystem"
        case correspondenceLanguage = "CorrespondenceLanguage"
        case addresses = "to_BusinessPartnerAddress"
        case roles = "to_BusinessPartnerRole"
        case customer = "to_Customer"
    }

    struct Address: Encodable, Equatable {
        var country: String
        var cityName: String
        var postalCode: String
        var streetName: String
        var language: String
        enum CodingKeys: String, CodingKey {
            case country = "Country", cityName = "CityName", postalCode = "PostalCode"
            case streetName = "StreetName", language = "Language"
        }
    }

    struct Role: Encodable, Equatable {
        var role: String
        enum CodingKeys: String, CodingKey { case role = "BusinessPartnerRole" }
    }

    struct Customer: Encodable, Equatable {
        var salesAreas: [SalesAreaData]
        var companies: [CompanyData]
        enum CodingKeys: String, CodingKey {
            case salesAreas = "to_CustomerSalesArea", companies = "to_CustomerCompany"
        }
    }

    struct SalesAreaData: Encodable, Equatable {
        var salesOrganization: String
        var distributionChannel: String
        var division: String
        var currency: String
        enum CodingKeys: String, CodingKey {
            case salesOrganization = "SalesOrganization", distributionChannel = "DistributionChannel"
            case division = "Division", currency = "Currency"
        }
    }

    struct CompanyData: Encodable, Equatable {
        var companyCode: String
        var reconciliationAccount: String?
        enum CodingKeys: String, CodingKey {
            case companyCode = "CompanyCode", reconciliationAccount = "ReconciliationAccount"
        }
    }

    /// Builds the body from a draft; the language falls back to `defaultLanguage` when the draft has none.
    init(draft: BusinessPartnerDraft, companyCode: String, reconciliationAccount: String?, defaultLanguage: String) {
        let language = (draft.language.isEmpty ? defaultLanguage : draft.language).uppercased()
        let names = Self.splitName(draft.name)
        grouping = draft.grouping
        name1 = names[0]
        name2 = names.count > 1 ? names[1] : nil
        name3 = names.count > 2 ? names[2] : nil
        name4 = names.count > 3 ? names[3] : nil
        externalReference = draft.externalReference.uppercased()
        correspondenceLanguage = language
        addresses = [Address(country: draft.country.uppercased(), cityName: draft.city, postalCode: draft.postalCode,
                             streetName: draft.street, language: language)]
        roles = [Role(role: "FLCU00"), Role(role: "FLCU01")]
        customer = Customer(
            salesAreas: [SalesAreaData(
                salesOrganization: draft.salesArea.salesOrganization,
                distributionChannel: draft.salesArea.distributionChannel,
                division: draft.salesArea.division, currency: draft.currency.uppercased())],
            companies: [CompanyData(companyCode: companyCode, reconciliationAccount: reconciliationAccount)])
    }

    /// Splits an organization name over `OrganizationBPName1...4` (40 characters each), breaking at spaces;
    /// a word longer than 40 characters is cut. Text beyond 4 x 40 characters is dropped. Never empty.
    static func splitName(_ name: String, width: Int = 40, parts maxParts: Int = 4) -> [String] {
        var parts: [String] = []
        var current = ""
        for word in name.split(whereSeparator: \.isWhitespace).map(String.init) {
            var word = word
            while word.count > width {
                if !current.isEmpty { parts.append(current); current = "" }
                parts.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                parts.append(current)
                current = word
            }
        }
        if !current.isEmpty { parts.append(current) }
        if parts.isEmpty { parts = [""] }
        return Array(parts.prefix(maxParts))
    }
}
