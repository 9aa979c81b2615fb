import Foundation
import SalesforceSimulator
import SimulatorKit

/// Seed datasets for the reliability suites, in the `SeedDataset` shape: products `RL-00001`… (each in SAP and
/// Salesforce, stock in plant 1010 and, for every third, plant 1710), accounts `RLA-0001`… in DE with one contact
/// that has an email, and no Opportunities: the suites enter their deals through the operator API as users would.
enum ReliabilityDataset {
    static let currency = "EUR"

    /// - Parameter sapMissing: extra Product2 records `RLX-00001`… whose Material SAP does not have (yet).
    static func make(products: Int, accounts: Int, sapMissing: Int = 0, random: inout SeededRandom) throws -> SeedDataset {
        let stamp = "2026-11-01T08:00:00Z"
        let productList: [[String: Any]] = (1...products).map { index in
            var stock: [[String: Any]] = [["plant": "1010", "storageLocation": "0001", "quantity": "\(Int.random(in: 0...40, using: &random))"]]
            if index % 3 == 0 {
                stock.append(["plant": "1710", "storageLocation": "171A", "quantity": "\(Int.random(in: 0...15, using: &random))"])
            }
            return [
                "code": productCode(index), "name": "Reliability part \(index)", "baseUnit": "PC",
                "listPrices": [currency: "12.50"], "lastChangeDateTime": stamp, "inSalesforce": true, "inSAP": true,
                "stock": stock,
            ]
        }
        let missingList: [[String: Any]] = (0..<sapMissing).map { index in
            [
                "code": missingCode(index + 1), "name": "Unreleased part \(index + 1)", "baseUnit": "PC",
                "listPrices": [currency: "12.50"], "lastChangeDateTime": stamp, "inSalesforce": true, "inSAP": false,
                "stock": [[String: Any]](),
            ]
        }
        let accountList: [[String: Any]] = (1...accounts).map { index in
            [
                "key": accountKey(index), "name": "Reliability Customer \(index) GmbH",
                "street": "Werftstr. \(index)", "city": "Hamburg", "postalCode": "20457", "country": "DE",
                "contacts": [["key": contactKey(index), "firstName": "Lena", "lastName": "Kunde\(index)",
                              "email": "buyer\(index)@example.com"]],
                "existingZohoContact": false,
            ]
        }
        let dataset: [String: Any] = [
            "organization": [
                "name": "Reliability Org", "multiCurrency": false, "defaultCurrency": currency, "currencies": [currency],
                "timeZone": "Europe/Berlin", "zohoOrganizationId": "10234695",
            ],
            "plants": [
                ["plant": "1010", "name": "Hamburg", "storageLocations": ["0001"]],
                ["plant": "1710", "name": "Palo Alto", "storageLocations": ["171A"]],
            ],
            "products": productList + missingList, "accounts": accountList, "opportunities": [[String: Any]](),
        ]
        return try SeedDataset.decode(from: JSONSerialization.data(withJSONObject: dataset))
    }

    static func productCode(_ index: Int) -> String { String(format: "RL-%05d", index) }
    static func missingCode(_ index: Int) -> String { String(format: "RLX-%05d", index) }
    static func accountKey(_ index: Int) -> String { String(format: "RLA-%04d", index) }
    static func contactKey(_ index: Int) -> String { String(format: "RLC-%04d", index) }
}

/// A deal a suite entered, with what the systems must end up showing for it (from the entered lines).
struct TrackedDeal: Sendable, Hashable {
    let opportunityID: String
    let accountID: String
    /// Sum of quantity × unit price of the entered lines, in `ReliabilityDataset.currency`.
    let total: Decimal
}

extension SalesforceSimulator {
    /// Enters a deal for account `accountIndex` with 1-3 random lines, as a user would; `stage` Closed Won unless
    /// told otherwise; `commitLagSeconds` makes it visible late (a long transaction); `extraProductCode` adds a
    /// line of 1 unit at 12.50.
    func enterDeal(
        number: Int, accountIndex: Int, products: Int, random: inout SeededRandom, stage: String = "Closed Won",
        commitLagSeconds: Double = 0, extraProductCode: String? = nil
    ) throws -> TrackedDeal {
        let accountID = seedId("account:\(ReliabilityDataset.accountKey(accountIndex))")!
        let contactID = seedId("contact:\(ReliabilityDataset.contactKey(accountIndex))")!
        var codes: Set<String> = []
        var lines: [OpportunityDraft.Line] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let code = ReliabilityDataset.productCode(Int.random(in: 1...products, using: &random))
            guard codes.insert(code).inserted else { continue }
            let quantity = Decimal(Int.random(in: 1...9, using: &random))
            let cents = Decimal(Int.random(in: 100...99_999, using: &random))
            lines.append(.init(productCode: code, quantity: quantity, unitPrice: cents / 100))
        }
        if let extraProductCode {
            lines.append(.init(productCode: extraProductCode, quantity: 1, unitPrice: Decimal(string: "12.50")!))
        }
        let draft = OpportunityDraft(
            accountId: accountID, name: "Reliability deal \(number)", stage: stage, closeDate: "2026-11-30",
            lines: lines, contactIds: [contactID])
        let id = try addOpportunity(draft, commitLagSeconds: commitLagSeconds)
        let total = lines.reduce(Decimal(0)) { $0 + $1.quantity * $1.unitPrice }
        return TrackedDeal(opportunityID: id, accountID: accountID, total: total)
    }
}
