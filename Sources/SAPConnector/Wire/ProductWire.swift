import Foundation
import SyncCore

/// `A_Product` as read (API_PRODUCT_SRV) for the changed-products stream.
struct ProductWire: Decodable {
    var model: SAPProduct

    enum CodingKeys: String, CodingKey {
        case product = "Product"
        case lastChangeDateTime = "LastChangeDateTime"
        case baseUnit = "BaseUnit"
        case isMarkedForDeletion = "IsMarkedForDeletion"
    }

    /// The `$select` list matching the fields read here.
    static let selectedFields = "Product,LastChangeDateTime,BaseUnit,IsMarkedForDeletion"

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let changed = try c.odataDate(.lastChangeDateTime) else {
            throw DecodingError.valueNotFound(
                Date.self, .init(codingPath: c.codingPath + [CodingKeys.lastChangeDateTime],
                                 debugDescription: "A_Product without LastChangeDateTime"))
        }
        model = SAPProduct(
            product: try c.decode(String.self, forKey: .product), lastChangeDateTime: changed,
            baseUnit: try c.odataString(.baseUnit), isMarkedForDeletion: try c.odataBool(.isMarkedForDeletion))
    }
}
