import Foundation
import SimulatorKit

/// Seed datasets of a chosen size for the benchmarks, in the `SeedDataset` shape.
///
/// Products `BM-000001`... with one stock bucket each (25 units, so none is low), accounts `BMA-0001`... in DE with
/// one contact with an email, and Closed Won deals with one line each spread round-robin over the accounts.
enum SyntheticSeed {
    static func make(products: Int, accounts: Int, closedWonDeals: Int) throws -> SeedDataset {
        let stamp = "2026-11-01T08:00:00Z"
        let productList: [[String: Any]] = (1...max(products, 1)).map { index in
            [
                "code": String(format: "BM-%06d", index), "name": "Benchmark part \(index)", "baseUnit": "PC",
                "listPrices": ["EUR": "10.00"], "lastChangeDateTime": stamp, "inSalesforce": true, "inSAP": true,
                "stock": [["plant": "1010", "storageLocation": "0001", "quantity": "25"]],
            ]
        }
        let accountList: [[String: Any]] = (1...max(accounts, 1)).map { index in
            [
                "key": String(format: "BMA-%04d", index), "name": "Benchmark Customer \(index) GmbH",
                "street": "Industriestr. \(index)", "city": "Hamburg", "postalCode": "20095", "country": "DE",
                "contacts": [["key": String(format: "BMC-%04d", index), "firstName": "Eva", "lastName": "Muster\(index)",
                              "email": "buyer\(index)@example.com"]],
                "existingZohoContact": false,
            ]
        }
        let dealList: [[String: Any]] = (0..<closedWonDeals).map { index in
            let account = index % max(accounts, 1) + 1
            return [
                "key": String(format: "BMO-%05d", index + 1), "account": String(format: "BMA-%04d", account),
                "name": "Benchmark deal \(index + 1)", "stage": "Closed Won", "currency": "EUR", "closeDate": "2026-11-01",
                "lines": [["product": String(format: "BM-%06d", index % max(products, 1) + 1), "quantity": "3", "unitPrice": "10.00"]],
                "contactRoles": [String(format: "BMC-%04d", account)], "lastModified": stamp,
            ]
        }
        let dataset: [String: Any] = [
            "organization": [
                "name": "Benchmark Org", "multiCurrency": true, "defaultCurrency": "EUR", "currencies": ["EUR"],
                "timeZone": "Europe/Berlin", "zohoOrganizationId": "10234695",
            ],
            "plants": [["plant": "1010", "name": "Hamburg", "storageLocations": ["0001"]]],
            "products": productList, "accounts": accountList, "opportunities": dealList,
        ]
        return try SeedDataset.decode(from: JSONSerialization.data(withJSONObject: dataset))
    }
}
