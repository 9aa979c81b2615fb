import Foundation
import SAPSimulator
import SimulatorKit
import Synchronization
import SyncCore
import Testing
@testable import SAPConnector

@Suite("SAPClient against the SAP simulator", .serialized)
struct SimulatorEndToEndTests {
    static let salesArea = SalesArea(salesOrganization: "1010", distributionChannel: "10", division: "00", salesOrderType: "OR")

    static func draft(reference: String, name: String = "Example Corp O'Neil & Co") -> BusinessPartnerDraft {
        BusinessPartnerDraft(
            externalReference: reference, name: name, country: "DE", city: "Musterstadt", postalCode: "12345",
            street: "Beispielweg 7", language: "EN", grouping: "BP02", salesArea: salesArea, currency: "EUR")
    }

    static func order(_ reference: String, soldTo: String, material: String = "TG11") -> SalesOrderDraft {
        SalesOrderDraft(
            purchaseOrderByCustomer: reference, soldToParty: soldTo, salesArea: salesArea, currency: "EUR",
            items: [
                SalesOrderItemDraft(itemNumber: 10, material: material, quantity: Quantity(5, "PC"),
                                    netPrice: Money(Decimal(string: "12.50")!, "EUR"), text: "Gear"),
                SalesOrderItemDraft(itemNumber: 20, material: "TG12", quantity: Quantity(Decimal(string: "1.5")!, "PC"),
                                    netPrice: Money(Decimal(string: "100.00")!, "EUR"), text: "Shaft"),
            ],
            priceConditionType: "PPR0")
    }

    @Test("Business Partner: not found, created with customer roles, then found by its reference")
    func businessPartner() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client()
            let reference = "001Aa00000XyZaBIAV"
            #expect(try await sap.findBusinessPartner(externalReference: reference) == nil)
            let created = try await sap.createBusinessPartner(Self.draft(reference: reference))
            #expect(!created.number.isEmpty)
            #expect(!created.customer.isEmpty)
            #expect(created.externalReference == reference.uppercased())
            let found = try #require(try await sap.findBusinessPartner(externalReference: reference.lowercased()))
            #expect(found.number == created.number)
            #expect(found.customer == created.customer)
            // One CSRF fetch (GET on the service root) for the create.
            #expect(env.simulator.requestLog.count(endpoint: "API_BUSINESS_PARTNER", method: "GET") == 1)
        }
    }

    @Test("Sales Order: created with items and prices, found by PurchaseOrderByCustomer, read by number")
    func salesOrder() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client()
            let opportunity = "006Aa00000AbCdEIAV"
            #expect(try await sap.findSalesOrder(purchaseOrderByCustomer: opportunity) == nil)
            let created = try await sap.createSalesOrder(Self.order(opportunity, soldTo: "1000001"))
            #expect(!created.number.isEmpty)
            #expect(created.purchaseOrderByCustomer == opportunity)
            // Net value = quantity x manual price: 5 x 12.50 + 1.5 x 100.00 EUR.
            #expect(created.totalNetAmount == Money(Decimal(string: "212.50")!, "EUR"))
            let found = try #require(try await sap.findSalesOrder(purchaseOrderByCustomer: opportunity))
            #expect(found.number == created.number)
            #expect(found.items.map(\.material) == ["TG11", "TG12"])
            #expect(found.items.map(\.itemNumber) == ["10", "20"])
            #expect(found.items.first?.quantity == Quantity(5, "PC"))
            #expect(found.items.last?.quantity == Quantity(Decimal(string: "1.5")!, "PC"))
            let read = try #require(try await sap.salesOrder(number: created.number))
            #expect(read.number == created.number)
            #expect(read.items.count == 2)
            #expect(try await sap.salesOrder(number: "99999999") == nil)
        }
    }

    @Test("an unknown material is .validationFailed with SAP's message")
    func validationError() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client()
            let error = try await #require(throws: SyncError.self) {
                _ = try await sap.createSalesOrder(Self.order("006Aa00000AbCdEIAW", soldTo: "1000001", material: "TG99"))
            }
            #expect(error.code == .validationFailed)
            #expect(error.httpStatus == 400)
            #expect(error.vendorCode != nil)
            #expect(error.message.contains("TG99"))
            #expect(!error.outcomeUnknown)
        }
    }

    @Test("a CSRF token rejected with 403 Required is renewed once and the create repeated")
    func csrfRenewal() async throws {
        // Pick the fault seed whose draws give: CSRF fetch (any), POST -> csrfExpired, fetch (any), POST -> none.
        let seed = try #require((1...2000).map(UInt64.init).first { seed in
            let injector = FaultInjector(plan: FaultPlan(seed: seed, csrfExpiry: 0.5))
            let draws = (0..<4).map { _ in injector.draw() }
            return draws[1] == .csrfExpired && draws[3] == nil
        })
        try await SimulatorHarness.run { env in
            let sap = env.client()
            env.simulator.faults.setPlan(FaultPlan(seed: seed, csrfExpiry: 0.5))
            env.simulator.requestLog.reset()
            let created = try await sap.createBusinessPartner(Self.draft(reference: "001Aa00000CsRfAAAA"))
            #expect(!created.number.isEmpty)
            #expect(env.simulator.faults.injectedCount == 1)
            #expect(env.simulator.requestLog.count(endpoint: "API_BUSINESS_PARTNER", method: "GET") == 2)
            #expect(env.simulator.requestLog.count(endpoint: "A_BusinessPartner", method: "POST") == 2)
        }
    }

    @Test("an expired CSRF session (idle timeout) is renewed")
    func csrfIdleTimeout() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client()
            _ = try await sap.createBusinessPartner(Self.draft(reference: "001Aa00000IdLeAAAA"))
            env.clock.advance(bySeconds: 3600)
            _ = try await sap.createBusinessPartner(Self.draft(reference: "001Aa00000IdLeBAAA"))
            #expect(try await sap.findBusinessPartner(externalReference: "001Aa00000IdLeBAAA") != nil)
            #expect(env.simulator.requestLog.count(endpoint: "API_BUSINESS_PARTNER", method: "GET") == 2)
            #expect(env.simulator.requestLog.count(endpoint: "A_BusinessPartner", method: "POST") == 3)
        }
    }

    @Test("stock is streamed page by page with $skip paging, quantities exact", arguments: [2, 1000])
    func stockClientPaging(pageSize: Int) async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client(pageSize: pageSize)
            let pages = Mutex<[[MaterialStockRow]]>([])
            try await sap.forEachStockPage(materials: nil) { page in pages.withLock { $0.append(page) } }
            let rows = pages.withLock { $0 }.flatMap { $0 }
            #expect(rows.count == 5)
            #expect(pages.withLock { $0 }.allSatisfy { $0.count <= pageSize })
            #expect(env.simulator.requestLog.count(endpoint: "A_MatlStkInAcctMod") == (pageSize == 2 ? 3 : 1))
            #expect(rows.map(\.material) == rows.map(\.material).sorted())
            var totals: [String: Decimal] = [:]
            for row in rows { totals[row.material, default: 0] += row.quantity.value }
            #expect(totals == ["TG11": Decimal(string: "132.5")!, "TG12": 3, "TG13": Decimal(string: "0.125")!])
            #expect(rows.first { $0.material == "TG13" }?.quantity.unit == "KG")
        }
    }

    @Test("server paging with __next is followed")
    func stockServerPaging() async throws {
        try await SimulatorHarness.run(simulator: .init(maxPageSize: 2)) { env in
            let sap = env.client()
            let rows = Mutex<[MaterialStockRow]>([])
            try await sap.forEachStockPage(materials: nil) { page in rows.withLock { $0 += page } }
            #expect(rows.withLock { $0.count } == 5)
            #expect(env.simulator.requestLog.count(endpoint: "A_MatlStkInAcctMod") == 3)
        }
    }

    @Test("stock for chosen materials only")
    func stockForMaterials() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client()
            let rows = Mutex<[MaterialStockRow]>([])
            try await sap.forEachStockPage(materials: ["tg13", "TG12", "TG12"]) { page in rows.withLock { $0 += page } }
            #expect(rows.withLock { $0.map(\.material) } == ["TG12", "TG13"])
        }
    }

    @Test("products changed at or after a watermark, in (LastChangeDateTime, Product) order")
    func changedProducts() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client(pageSize: 1)
            let products = Mutex<[SAPProduct]>([])
            let since = Reference.utc("2026-02-01T09:30:00Z")
            try await sap.forEachChangedProductPage(since: since) { page in products.withLock { $0 += page } }
            let seen = products.withLock { $0 }
            #expect(seen.map(\.product) == ["TG12", "TG13"])
            #expect(seen.first?.lastChangeDateTime == since)
            #expect(seen.last?.baseUnit == "KG")
            let all = Mutex<Int>(0)
            try await sap.forEachChangedProductPage(since: nil) { page in all.withLock { $0 += page.count } }
            #expect(all.withLock { $0 } == 3)
        }
    }

    @Test("OAuth client credentials against the simulator's token endpoint; token cached")
    func oauth() async throws {
        try await SimulatorHarness.run { env in
            let sap = env.client(.oauthClientCredentials(
                tokenURL: env.baseURL + "/oauth/token", clientID: "sb-crmsync!t1010",
                clientSecret: "sandbox-sap-client-secret"))
            #expect(try await sap.findBusinessPartner(externalReference: "001Aa00000NoNeAAAA") == nil)
            _ = try await sap.createBusinessPartner(Self.draft(reference: "001Aa00000OaUtHAAA"))
            #expect(env.simulator.requestLog.count(endpoint: "oauth.token") == 1)
        }
    }

    @Test("wrong credentials are .authenticationFailed")
    func wrongCredentials() async throws {
        try await SimulatorHarness.run { env in
            let basic = env.client(.basic(username: "CRMSYNC_COMM", password: "wrong"))
            let basicError = try await #require(throws: SyncError.self) {
                _ = try await basic.findBusinessPartner(externalReference: "X")
            }
            #expect(basicError.code == .authenticationFailed)
            let oauth = env.client(.oauthClientCredentials(
                tokenURL: env.baseURL + "/oauth/token", clientID: "sb-crmsync!t1010", clientSecret: "wrong"))
            let oauthError = try await #require(throws: SyncError.self) {
                _ = try await oauth.findBusinessPartner(externalReference: "X")
            }
            #expect(oauthError.code == .authenticationFailed)
            #expect(!oauthError.description.contains("wrong"))
        }
    }
}
