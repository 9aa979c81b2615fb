import Foundation
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("API_MATERIAL_STOCK_SRV and API_PRODUCT_SRV")
struct StockAndProductTests {
    static let stock = "/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod"
    static let products = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product"

    /// Sums `MatlWrhsStkQtyInMatlBaseUnit` of the rows per plant.
    static func sums(_ rows: [[String: Any]]) -> [String: Decimal] {
        rows.reduce(into: [:]) { sums, row in
            let plant = row["Plant"] as? String ?? ""
            sums[plant, default: 0] += Decimal(string: row["MatlWrhsStkQtyInMatlBaseUnit"] as? String ?? "") ?? 0
        }
    }

    @Test("stock rows: 11-part key, Edm.Decimal(31,14) quantity, own unrestricted stock; rows sum per plant to the seed")
    func stockRows() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let rows = try results(try await client.get(
                Self.stock + "?$filter=Material%20eq%20%27TG11%27%20and%20InventoryStockType%20eq%20%2701%27%20and%20InventorySpecialStockType%20eq%20%27%27&$orderby=Material,Plant,StorageLocation,Batch"))
            #expect(rows.count == 3)
            let first = try #require(rows.first)
            #expect(first["MatlWrhsStkQtyInMatlBaseUnit"] as? String == "50.00000000000000")
            #expect(first["MaterialBaseUnit"] as? String == "PC")
            let uri = (first["__metadata"] as? [String: Any])?["uri"] as? String
            #expect(uri == "http://localhost/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod(Material='TG11',Plant='1010',StorageLocation='101A',Batch='',Supplier='',Customer='',WBSElementInternalID='0',SDDocument='',SDDocumentItem='0',InventorySpecialStockType='',InventoryStockType='01')")
            #expect(Self.sums(rows) == ["1010": Decimal(string: "75.5")!, "1710": 10])
            let byKey = try await client.get(
                "/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod(Material='TG11',Plant='1710',StorageLocation='171A',Batch='',Supplier='',Customer='',WBSElementInternalID='0',SDDocument='',SDDocumentItem='0',InventorySpecialStockType='',InventoryStockType='01')")
            #expect(byKey.status == .ok)
            let shortCode = try results(try await client.get(Self.stock + "?$filter=InventoryStockType%20eq%20%271%27"))
            #expect(shortCode.isEmpty)
        }
    }

    @Test("operator stock change is visible and does not touch A_Product.LastChangeDateTime")
    func stockChange() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let before = try dObject(try await client.get(Self.products + "('TG11')"))["LastChangeDateTime"] as? String
            simulator.setStock(material: "TG11", plant: "1010", storageLocation: "101B", quantity: 4)
            let rows = try results(try await client.get(Self.stock + "?$filter=Material%20eq%20%27TG11%27%20and%20Plant%20eq%20%271010%27"))
            #expect(Self.sums(rows) == ["1010": 54])
            #expect(simulator.stockQuantity(material: "TG11", plant: "1010") == 54)
            let after = try dObject(try await client.get(Self.products + "('TG11')"))["LastChangeDateTime"] as? String
            #expect(before == after)
            let material = try dObject(try await client.get(
                "/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MaterialStock('TG11')?$expand=to_MatlStkInAcctMod"))
            #expect(((material["to_MatlStkInAcctMod"] as? [String: Any])?["results"] as? [[String: Any]])?.count == 3)
        }
    }

    @Test("product change bumps LastChangeDateTime; plants and descriptions are reachable")
    func productChange() async throws {
        try await SAPFixtures.withSAP { client, simulator, clock in
            clock.advance(bySeconds: 60)
            simulator.upsertProduct(ProductFields(product: "TG12", description: "Renamed", baseUnit: "KG", plants: ["1010"]))
            let expected = "/Date(\(Int64(SAPFixtures.start.timeIntervalSince1970 + 60) * 1000)+0000)/"
            let rows = try results(try await client.get(
                Self.products + "?$filter=LastChangeDateTime%20gt%20datetimeoffset%272026-06-01T00%3A00%3A00Z%27&$orderby=LastChangeDateTime,Product&$expand=to_Description,to_Plant"))
            #expect(rows.map { $0["Product"] as? String } == ["TG12"])
            #expect(rows.first?["LastChangeDateTime"] as? String == expected)
            #expect(rows.first?["BaseUnit"] as? String == "KG")
            #expect(rows.first?["IsMarkedForDeletion"] as? Bool == false)
            let descriptions = (rows.first?["to_Description"] as? [String: Any])?["results"] as? [[String: Any]]
            #expect(descriptions?.first?["ProductDescription"] as? String == "Renamed")
            let plants = (rows.first?["to_Plant"] as? [String: Any])?["results"] as? [[String: Any]]
            #expect(plants?.compactMap { $0["Plant"] as? String } == ["1010"])
        }
    }

    @Test("commit lag: a change stamped earlier becomes visible later with its older timestamp")
    func commitLag() async throws {
        try await SAPFixtures.withSAP { client, simulator, clock in
            simulator.upsertProduct(ProductFields(product: "LATE-1", description: "Late"), commitLagSeconds: 30)
            clock.advance(bySeconds: 10)
            simulator.upsertProduct(ProductFields(product: "EARLY-1", description: "Early"))
            let watermark = "datetimeoffset%272026-06-01T09%3A00%3A00Z%27"
            let first = try results(try await client.get(Self.products + "?$filter=LastChangeDateTime%20gt%20\(watermark)"))
            #expect(first.compactMap { $0["Product"] as? String } == ["EARLY-1"])
            clock.advance(bySeconds: 30)
            let second = try results(try await client.get(
                Self.products + "?$filter=LastChangeDateTime%20gt%20\(watermark)&$orderby=LastChangeDateTime"))
            #expect(second.compactMap { $0["Product"] as? String } == ["LATE-1", "EARLY-1"])
        }
    }
}
