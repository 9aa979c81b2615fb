import Foundation
import SimulatorKit

/// A product of the hostile datasets: SAP Material and/or Salesforce Product2 with 50 PC in plant 1010.
struct HostileProduct: Sendable {
    var code: String
    var name: String
    var inSAP = true
    var inSalesforce = true
}

/// Builds the datasets of the hostile suites: the bundled organization and plants, a few ordinary products, the
/// corpus's own products, and one Account + contact + Opportunity per deal (keys `H<n>`). The dataset types have
/// no public initializers, so the dataset is assembled as its documented JSON and decoded.
enum HostileSeed {
    /// Ordinary Materials known to SAP and Salesforce.
    static let plainProducts = ["HOSTILE-PLAIN-1", "HOSTILE-PLAIN-2"]

    /// The dataset for `deals` plus `products` (their codes usable in lines).
    static func make(deals: [HostileDeal], products: [HostileProduct] = []) throws -> SeedDataset {
        let bundled = try JSONSerialization.jsonObject(with: JSONEncoder().encode(SeedDataset.bundled())) as! [String: Any]
        var accounts: [[String: Any]] = []
        var opportunities: [[String: Any]] = []
        for (index, deal) in deals.enumerated() {
            let key = key(index)
            var contact: [String: Any] = ["key": "CON-\(key)", "firstName": "Kim", "lastName": "Buyer \(key)"]
            if let email = deal.email { contact["email"] = email }
            accounts.append([
                "key": "ACC-\(key)", "name": deal.accountName, "street": deal.street, "city": deal.city,
                "postalCode": deal.postalCode, "country": deal.country, "contacts": [contact],
                "existingZohoContact": deal.existingZohoContact,
            ])
            opportunities.append([
                "key": "OPP-\(key)", "account": deal.hasAccount ? "ACC-\(key)" : "ACC-NONE", "name": "\(deal.name) deal",
                "stage": "Closed Won", "currency": deal.currency, "closeDate": "2026-11-20",
                "lines": deal.lines.map { ["product": $0.product, "quantity": $0.quantity, "unitPrice": $0.unitPrice] },
                "contactRoles": ["CON-\(key)"], "lastModified": "2026-11-20T10:00:00Z",
            ])
        }
        let allProducts = plainProducts.map { HostileProduct(code: $0, name: "Plain part \($0)") } + products
        let dataset: [String: Any] = [
            "organization": bundled["organization"]!, "plants": bundled["plants"]!,
            "products": allProducts.map(productJSON), "accounts": accounts, "opportunities": opportunities,
        ]
        return try SeedDataset.decode(from: JSONSerialization.data(withJSONObject: dataset))
    }

    /// The dataset key of the deal at `index` (`H001`...).
    static func key(_ index: Int) -> String {
        "H" + String(format: "%03d", index + 1)
    }

    private static func productJSON(_ product: HostileProduct) -> [String: Any] {
        [
            "code": product.code, "name": product.name, "baseUnit": "PC",
            "listPrices": ["EUR": "10.00", "USD": "11.00", "GBP": "9.00", "JPY": "1500"],
            "stock": [["plant": "1010", "storageLocation": "101A", "quantity": "50"]],
            "lastChangeDateTime": "2026-11-01T08:00:00Z", "inSalesforce": product.inSalesforce, "inSAP": product.inSAP,
        ]
    }
}
