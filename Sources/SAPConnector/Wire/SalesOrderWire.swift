import Foundation
import SyncCore

/// `A_SalesOrder` as read (API_SALES_ORDER_SRV), with `to_Item` expanded or deferred.
struct SalesOrderWire: Decodable {
    var model: SalesOrder

    enum CodingKeys: String, CodingKey {
        case salesOrder = "SalesOrder"
        case purchaseOrderByCustomer = "PurchaseOrderByCustomer"
        case soldToParty = "SoldToParty"
        case totalNetAmount = "TotalNetAmount"
        case transactionCurrency = "TransactionCurrency"
        case lastChangeDateTime = "LastChangeDateTime"
        case items = "to_Item"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let items = try c.decodeIfPresent(ODataToMany<SalesOrderItemWire>.self, forKey: .items)?.results ?? []
        model = SalesOrder(
            number: withoutLeadingZeros(try c.decode(String.self, forKey: .salesOrder)),
            purchaseOrderByCustomer: try c.odataString(.purchaseOrderByCustomer),
            soldToParty: withoutLeadingZeros(try c.odataString(.soldToParty)),
            totalNetAmount: Money(try c.odataDecimal(.totalNetAmount) ?? 0, try c.odataString(.transactionCurrency)),
            lastChangeDateTime: try c.odataDate(.lastChangeDateTime),
            items: items.map(\.model))
    }
}

/// `A_SalesOrderItem` as read.
struct SalesOrderItemWire: Decodable {
    var model: SalesOrderItem

    enum CodingKeys: String, CodingKey {
        case salesOrderItem = "SalesOrderItem"
        case material = "Material"
        case requestedQuantity = "RequestedQuantity"
        case requestedQuantityUnit = "RequestedQuantityUnit"
        case netAmount = "NetAmount"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = SalesOrderItem(
            itemNumber: withoutLeadingZeros(try c.decode(String.self, forKey: .salesOrderItem)),
            material: try c.odataString(.material),
            quantity: Quantity(try c.odataDecimal(.requestedQuantity) ?? 0, try c.odataString(.requestedQuantityUnit)),
            netAmount: try c.odataDecimal(.netAmount))
    }
}
