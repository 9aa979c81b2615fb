import Foundation
import SyncCore

/// `A_MatlStkInAcctMod` as read (API_MATERIAL_STOCK_SRV): one stock bucket.
struct MaterialStockWire: Decodable {
    var model: MaterialStockRow

    enum CodingKeys: String, CodingKey {
        case material = "Material"
        case plant = "Plant"
        case storageLocation = "StorageLocation"
        case quantity = "MatlWrhsStkQtyInMatlBaseUnit"
        case unit = "MaterialBaseUnit"
    }

    /// The `$select` list matching the fields read here.
    static let selectedFields = "Material,Plant,StorageLocation,Batch,MatlWrhsStkQtyInMatlBaseUnit,MaterialBaseUnit"

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = MaterialStockRow(
            material: try c.decode(String.self, forKey: .material), plant: try c.odataString(.plant),
            storageLocation: try c.odataString(.storageLocation),
            quantity: Quantity(try c.odataDecimal(.quantity) ?? 0, try c.odataString(.unit)))
    }
}
