import Foundation
import SyncCore

/// The deep-insert body of `POST A_SalesOrder` with `to_Item`, each item priced manually through one
/// `to_PricingElement` (`ConditionType`, `ConditionRateValue`, `ConditionCurrency`). Decimals are sent as
/// Edm.Decimal strings; to-many navigations as plain arrays.
struct SalesOrderPayload: Encodable, Equatable {
    var salesOrderType: String
    var salesOrganization: String
    var distributionChannel: String
    var organizationDivision: String
    var soldToParty: String
    var purchaseOrderByCustomer: String
    var transactionCurrency: String
    var items: [Item]

    enum CodingKeys: String, CodingKey {
        case salesOrderType = "SalesOrderType", salesOrganization = "SalesOrganization"
        case distributionChannel = "DistributionChannel", organizationDivision = "OrganizationDivision"
        case soldToParty = "SoldToParty", purchaseOrderByCustomer = "PurchaseOrderByCustomer"
        case transactionCurrency = "TransactionCurrency", items = "to_Item"
    }

    struct Item: Encodable, Equatable {
        var salesOrderItem: String
        var material: String
        var requestedQuantity: String
        var requestedQuantityUnit: String
        var text: String
        var pricingElements: [PricingElement]
        enum CodingKeys: String, CodingKey {
            case salesOrderItem = "SalesOrderItem", material = "Material", requestedQuantity = "RequestedQuantity"
            case requestedQuantityUnit = "RequestedQuantityUnit", text = "SalesOrderItemText"
            case pricingElements = "to_PricingElement"
        }
    }

    struct PricingElement: Encodable, Equatable {
        var conditionType: String
        var conditionRateValue: String
        var conditionCurrency: String
        enum CodingKeys: String, CodingKey {
            case conditionType = "ConditionType", conditionRateValue = "ConditionRateValue"
            case conditionCurrency = "ConditionCurrency"
        }
    }

    /// Builds the body from a draft: Material upper-cased, item text cut to 40 characters.
    init(draft: SalesOrderDraft) {
        salesOrderType = draft.salesArea.salesOrderType
        salesOrganization = draft.salesArea.salesOrganization
        distributionChannel = draft.salesArea.distributionChannel
        organizationDivision = draft.salesArea.division
        soldToParty = draft.soldToParty
        purchaseOrderByCustomer = draft.purchaseOrderByCustomer
        transactionCurrency = draft.currency.uppercased()
        items = draft.items.map { item in
            Item(
                salesOrderItem: String(item.itemNumber), material: item.material.uppercased(),
                requestedQuantity: ODataDecimal.format(item.quantity.value),
                requestedQuantityUnit: item.quantity.unit, text: String(item.text.prefix(40)),
                pricingElements: [PricingElement(
                    conditionType: draft.priceConditionType,
                    conditionRateValue: ODataDecimal.format(item.netPrice.amount),
                    conditionCurrency: item.netPrice.currency)])
        }
    }
}
