import Foundation
import SyncCore

extension SAPClient {
    /// The most materials in one `(Material eq '…' or …)` chain, keeping URLs well under Gateway's limits.
    static let materialsPerRequest = 40

    /// Streams products changed at or after `since`, page by page, ordered by (LastChangeDateTime, Product):
    /// `GET A_Product?$filter=LastChangeDateTime ge datetimeoffset'…'&$orderby=LastChangeDateTime,Product`.
    ///
    /// `ge` (not `gt`) keeps rows with the watermark's own timestamp; the caller dedupes on
    /// (Product, LastChangeDateTime). Source: API_PRODUCT_SRV, `reference/sap.md` §12.
    /// - Throws: transport and classification errors; what `body` throws.
    public func forEachChangedProductPage(
        since: Date?, _ body: @Sendable ([SAPProduct]) async throws -> Void
    ) async throws {
        var query = ODataQuery()
        if let since {
            query.add("$filter", "LastChangeDateTime ge " + ODataLiteral.dateTimeOffset(since))
        }
        query.add("$select", ProductWire.selectedFields)
        query.add("$orderby", "LastChangeDateTime,Product")
        try await forEachPage(.product, "A_Product", query: query, endpoint: "A_Product.changed", as: ProductWire.self) {
            try await body($0.map(\.model))
        }
    }

    /// Streams unrestricted own stock (`InventoryStockType eq '01' and InventorySpecialStockType eq ''`) of
    /// `A_MatlStkInAcctMod`, page by page, ordered by Material, Plant, StorageLocation, Batch.
    ///
    /// Quantities are `MatlWrhsStkQtyInMatlBaseUnit` in `MaterialBaseUnit`, exact. With `materials`, the
    /// materials (upper-cased, deduplicated, sorted) are asked for in chains of at most 40
    /// (`(Material eq 'A' or Material eq 'B')`), so the stream stays ordered by Material.
    /// Source: API_MATERIAL_STOCK_SRV, `reference/sap.md` §13.
    /// - Throws: transport and classification errors; what `body` throws.
    public func forEachStockPage(
        materials: [String]?, _ body: @Sendable ([MaterialStockRow]) async throws -> Void
    ) async throws {
        let stockFilter = "InventoryStockType eq " + ODataLiteral.string("01")
            + " and InventorySpecialStockType eq " + ODataLiteral.string("")
        let filters: [String]
        if let materials {
            let sorted = Array(Set(materials.map { $0.uppercased() })).sorted()
            filters = stride(from: 0, to: sorted.count, by: Self.materialsPerRequest).map { start in
                let chunk = sorted[start..<min(start + Self.materialsPerRequest, sorted.count)]
                let chain = chunk.map { "Material eq " + ODataLiteral.string($0) }.joined(separator: " or ")
                return "(\(chain)) and " + stockFilter
            }
        } else {
            filters = [stockFilter]
        }
        for filter in filters {
            var query = ODataQuery()
            query.add("$filter", filter)
            query.add("$select", MaterialStockWire.selectedFields)
            query.add("$orderby", "Material,Plant,StorageLocation,Batch")
            try await forEachPage(
                .materialStock, "A_MatlStkInAcctMod", query: query, endpoint: "A_MatlStkInAcctMod.read",
                as: MaterialStockWire.self
            ) {
                try await body($0.map(\.model))
            }
        }
    }
}
