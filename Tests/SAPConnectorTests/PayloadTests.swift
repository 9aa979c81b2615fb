import Foundation
import SyncCore
import Testing
@testable import SAPConnector

@Suite("SAP deep-insert payloads")
struct PayloadTests {
    let salesArea = SalesArea(salesOrganization: "1010", distributionChannel: "10", division: "00", salesOrderType: "OR")

    private func json(_ value: some Encodable) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any] ?? [:]
    }

    @Test("Business Partner: organization, roles FLCU00/FLCU01, address language, sales area with currency, company code")
    func businessPartner() throws {
        let draft = BusinessPartnerDraft(
            externalReference: "001Aa00000AbCdEIAV", name: "Example Corp", country: "de", city: "Musterstadt",
            postalCode: "12345", street: "Beispielweg 7", language: "", grouping: "BP02", salesArea: salesArea,
            currency: "eur")
        let body = try json(BusinessPartnerPayload(draft: draft, companyCode: "1010", reconciliationAccount: "12100000", defaultLanguage: "EN"))
        #expect(body["BusinessPartnerCategory"] as? String == "2")
        #expect(body["BusinessPartnerGrouping"] as? String == "BP02")
        #expect(body["OrganizationBPName1"] as? String == "Example Corp")
        #expect(body["OrganizationBPName2"] == nil)
        #expect(body["BusinessPartnerIDByExtSystem"] as? String == "001AA00000ABCDEIAV")
        #expect(body["CorrespondenceLanguage"] as? String == "EN")
        let address = try #require((body["to_BusinessPartnerAddress"] as? [[String: Any]])?.first)
        #expect(address["Country"] as? String == "DE")
        #expect(address["Language"] as? String == "EN")
        #expect(address["CityName"] as? String == "Musterstadt")
        #expect(address["PostalCode"] as? String == "12345")
        #expect(address["StreetName"] as? String == "Beispielweg 7")
        let roles = (body["to_BusinessPartnerRole"] as? [[String: Any]])?.compactMap { $0["BusinessPartnerRole"] as? String }
        #expect(roles == ["FLCU00", "FLCU01"])
        let customer = try #require(body["to_Customer"] as? [String: Any])
        let area = try #require((customer["to_CustomerSalesArea"] as? [[String: Any]])?.first)
        #expect(area["SalesOrganization"] as? String == "1010")
        #expect(area["DistributionChannel"] as? String == "10")
        #expect(area["Division"] as? String == "00")
        #expect(area["Currency"] as? String == "EUR")
        let company = try #require((customer["to_CustomerCompany"] as? [[String: Any]])?.first)
        #expect(company["CompanyCode"] as? String == "1010")
        #expect(company["ReconciliationAccount"] as? String == "12100000")
    }

    @Test("organization names split at 40 characters on word boundaries")
    func nameSplit() {
        let name = "Internationale Maschinenbau- und Anlagenbaugesellschaft für Präzisionswerkzeuge & Söhne mbH Zweigniederlassung Süd"
        let parts = BusinessPartnerPayload.splitName(name)
        #expect(parts == ["Internationale Maschinenbau- und", "Anlagenbaugesellschaft für",
                          "Präzisionswerkzeuge & Söhne mbH", "Zweigniederlassung Süd"])
        #expect(parts.allSatisfy { $0.count <= 40 })
        #expect(parts.joined(separator: " ") == name)
        let long = String(repeating: "A", count: 50)
        #expect(BusinessPartnerPayload.splitName(long) == [String(repeating: "A", count: 40), String(repeating: "A", count: 10)])
        #expect(BusinessPartnerPayload.splitName(String(repeating: "word ", count: 60)).count == 4)
    }

    @Test("Sales Order: items with pricing elements, decimals as strings, Material upper-cased")
    func salesOrder() throws {
        let draft = SalesOrderDraft(
            purchaseOrderByCustomer: "006Aa00000AbCdEIAV", soldToParty: "17100001", salesArea: salesArea,
            currency: "EUR",
            items: [SalesOrderItemDraft(
                itemNumber: 10, material: "tg11", quantity: Quantity(Decimal(string: "2.5")!, "PC"),
                netPrice: Money(Decimal(string: "1999.99")!, "EUR"), text: String(repeating: "x", count: 50))],
            priceConditionType: "PPR0")
        let body = try json(SalesOrderPayload(draft: draft))
        #expect(body["SalesOrderType"] as? String == "OR")
        #expect(body["OrganizationDivision"] as? String == "00")
        #expect(body["SoldToParty"] as? String == "17100001")
        #expect(body["PurchaseOrderByCustomer"] as? String == "006Aa00000AbCdEIAV")
        #expect(body["TransactionCurrency"] as? String == "EUR")
        let item = try #require((body["to_Item"] as? [[String: Any]])?.first)
        #expect(item["SalesOrderItem"] as? String == "10")
        #expect(item["Material"] as? String == "TG11")
        #expect(item["RequestedQuantity"] as? String == "2.5")
        #expect(item["RequestedQuantityUnit"] as? String == "PC")
        #expect((item["SalesOrderItemText"] as? String)?.count == 40)
        let price = try #require((item["to_PricingElement"] as? [[String: Any]])?.first)
        #expect(price["ConditionType"] as? String == "PPR0")
        #expect(price["ConditionRateValue"] as? String == "1999.99")
        #expect(price["ConditionCurrency"] as? String == "EUR")
    }
}
