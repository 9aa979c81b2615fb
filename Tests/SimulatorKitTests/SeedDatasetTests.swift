import Foundation
import Testing
import SimulatorKit

/// Checks the bundled dataset has the cases the issue asks for (issue 2, "All four").
@Suite struct SeedDatasetTests {
    let seed: SeedDataset

    init() throws {
        seed = try SeedDataset.bundled()
    }

    private func totalStock(_ product: SeedDataset.Product) -> Decimal {
        product.stock.reduce(Decimal(0)) { $0 + Decimal(string: $1.quantity)! }
    }

    @Test func hasAFewHundredProductsAcrossSeveralPlants() {
        #expect(seed.products.count >= 250)
        #expect(seed.plants.count >= 4)
        #expect(seed.plants.allSatisfy { $0.storageLocations.count >= 2 && $0.plant.count == 4 })
        #expect(Set(seed.products.map(\.baseUnit)) == ["PC", "KG", "M"])
        #expect(Set(seed.products.map(\.code)).count == seed.products.count)
        let plantCodes = Set(seed.plants.map(\.plant))
        let buckets = seed.products.flatMap(\.stock)
        #expect(buckets.allSatisfy { plantCodes.contains($0.plant) && Decimal(string: $0.quantity) != nil })
        #expect(seed.products.allSatisfy { $0.code == $0.code.uppercased() && $0.name.count <= 40 })
    }

    @Test func hasLowStockSAPOnlyAndSalesforceOnlyProducts() {
        let inSAP = seed.products.filter(\.inSAP)
        #expect(inSAP.filter { totalStock($0) < 10 }.count >= 3)
        #expect(inSAP.contains { totalStock($0) == 10 })
        #expect(seed.products.contains { !$0.inSalesforce })
        #expect(seed.products.filter { !$0.inSAP }.count == 2)
    }

    @Test func listPricesAreInFourCurrenciesWithJPYWithoutDecimals() {
        for product in seed.products {
            #expect(Set(product.listPrices.keys) == ["EUR", "USD", "GBP", "JPY"])
            #expect(product.listPrices["JPY"]?.contains(".") == false)
            #expect(product.listPrices.values.allSatisfy { Decimal(string: $0) != nil })
        }
    }

    @Test func accountNamesNeedEscaping() {
        let names = seed.accounts.map(\.name)
        #expect(seed.accounts.count >= 50)
        #expect(Set(seed.accounts.map(\.country)) == ["DE", "US", "GB", "FR", "JP", "AT", "CH"])
        #expect(names.contains { $0.contains("'") })
        #expect(names.contains { $0.contains("&") })
        #expect(names.contains { $0.contains("\\") })
        #expect(names.contains { $0.contains("%") && $0.contains("+") })
        #expect(names.contains { $0.contains("ü") })
        #expect(names.contains { $0.contains("É") })
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(names.filter { $0.count > 35 }.count >= 2)
        #expect(names.contains { $0.count > 80 })
    }

    @Test func someAccountsExistAlreadyInSAPOrZoho() {
        #expect(seed.accounts.contains { $0.existingSAPBusinessPartner != nil })
        #expect(seed.accounts.contains { $0.existingZohoContact })
        let contacts = seed.accounts.flatMap(\.contacts)
        #expect(contacts.contains { $0.email == nil })
        #expect(contacts.contains { $0.email != nil })
    }

    @Test func opportunitiesCoverStagesAndCurrencies() {
        let stages: Set = [
            "Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review",
            "Closed Won", "Closed Lost",
        ]
        #expect(seed.opportunities.count >= 120)
        #expect(Set(seed.opportunities.map(\.stage)) == stages)
        #expect(Set(seed.opportunities.map(\.currency)) == ["EUR", "USD", "GBP", "JPY"])
        let won = seed.opportunities.filter { $0.stage == "Closed Won" }
        #expect(won.count >= 35)
        #expect(won.filter { (1...5).contains($0.lines.count) }.count >= 30)
        let accountKeys = Set(seed.accounts.map(\.key))
        #expect(seed.opportunities.allSatisfy { accountKeys.contains($0.account) })
    }

    @Test func closedWonHasTheBadInputCases() {
        let won = seed.opportunities.filter { $0.stage == "Closed Won" }
        let notInSAP = Set(seed.products.filter { !$0.inSAP }.map(\.code))
        let contacts = Dictionary(uniqueKeysWithValues: seed.accounts.flatMap(\.contacts).map { ($0.key, $0) })
        #expect(won.contains { $0.lines.isEmpty })
        #expect(won.contains { $0.lines.contains { Decimal(string: $0.quantity) == 0 } })
        #expect(won.contains { $0.lines.contains { notInSAP.contains($0.product) } })
        #expect(won.contains { $0.contactRoles.first.flatMap { contacts[$0] }?.email == nil && !$0.contactRoles.isEmpty })
    }

    @Test func modificationTimesSpreadOverThirtyDaysWithSharedInstants() throws {
        let formatter = ISO8601DateFormatter()
        let end = try #require(formatter.date(from: "2026-11-30T00:00:00Z"))
        let times = try seed.opportunities.map { try #require(formatter.date(from: $0.lastModified)) }
        #expect(times.allSatisfy { $0 < end && $0 >= end.addingTimeInterval(-30 * 86_400) })
        #expect(times.max()!.timeIntervalSince(times.min()!) > 20 * 86_400)
        let counts = Dictionary(grouping: seed.opportunities.map(\.lastModified), by: { $0 }).mapValues(\.count)
        #expect(counts.values.contains { $0 >= 3 })
    }
}
