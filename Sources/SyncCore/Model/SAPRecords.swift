import Foundation

/// An SAP Business Partner in the customer role (API_BUSINESS_PARTNER `A_BusinessPartner`).
public struct BusinessPartner: Sendable, Hashable, Codable {
    /// `BusinessPartner`, the number without leading zeros (e.g. `"1003764"`).
    public var number: String
    /// `Customer`: the customer number created by the customer roles, used as the Sales Order's sold-to party.
    /// Empty when the partner has no customer role.
    public var customer: String
    /// `BusinessPartnerFullName` (or `OrganizationBPName1`).
    public var name: String
    /// `BusinessPartnerIDByExtSystem`: the upper-cased 18-character Salesforce Account Id CRMSync set on create.
    public var externalReference: String

    public init(number: String, customer: String, name: String, externalReference: String) {
        self.number = number
        self.customer = customer
        self.name = name
        self.externalReference = externalReference
    }
}

/// What CRMSync sends to create a Business Partner with its address and customer roles (deep insert).
public struct BusinessPartnerDraft: Sendable, Hashable, Codable {
    /// The Salesforce Account Id; sent upper-cased as `BusinessPartnerIDByExtSystem` (max 20 characters).
    public var externalReference: String
    /// The organization name; the connector splits it over `OrganizationBPName1...4` (40 characters each).
    public var name: String
    /// `Country` (ISO 3166-1 alpha-2, e.g. `"DE"`).
    public var country: String
    /// `CityName` (max 40).
    public var city: String
    /// `PostalCode` (max 10).
    public var postalCode: String
    /// `StreetName` (max 60).
    public var street: String
    /// `Language` of the address and `CorrespondenceLanguage` (2 letters, e.g. `"EN"`).
    public var language: String
    /// `BusinessPartnerGrouping` (4, tenant specific, e.g. `"BP02"`).
    public var grouping: String
    /// The sales area for `to_Customer/to_CustomerSalesArea`.
    public var salesArea: SalesArea
    /// `Currency` of the customer's sales area.
    public var currency: String

    public init(
        externalReference: String, name: String, country: String, city: String, postalCode: String, street: String,
        language: String, grouping: String, salesArea: SalesArea, currency: String
    ) {
        self.externalReference = externalReference
        self.name = name
        self.country = country
        self.city = city
        self.postalCode = postalCode
        self.street = street
        self.language = language
        self.grouping = grouping
        self.salesArea = salesArea
        self.currency = currency
    }
}

/// An SAP sales area plus the order type CRMSync uses (from configuration).
public struct SalesArea: Sendable, Hashable, Codable {
    /// `SalesOrganization` (4), e.g. `"1010"`.
    public var salesOrganization: String
    /// `DistributionChannel` (2), e.g. `"10"`.
    public var distributionChannel: String
    /// `OrganizationDivision` / `Division` (2), e.g. `"00"`.
    public var division: String
    /// `SalesOrderType` (4), e.g. `"OR"`.
    public var salesOrderType: String

    public init(salesOrganization: String, distributionChannel: String, division: String, salesOrderType: String) {
        self.salesOrganization = salesOrganization
        self.distributionChannel = distributionChannel
        self.division = division
        self.salesOrderType = salesOrderType
    }
}

/// One item of a Sales Order to create (`A_SalesOrderItem` with one `to_PricingElement`).
public struct SalesOrderItemDraft: Sendable, Hashable, Codable {
    /// `SalesOrderItem`: 10, 20, 30...
    public var itemNumber: Int
    /// `Material` (max 40, upper case): the Salesforce `Product2.ProductCode`.
    public var material: String
    /// `RequestedQuantity` with `RequestedQuantityUnit`.
    public var quantity: Quantity
    /// The net price per unit, sent as a pricing element (`ConditionRateValue`, `ConditionCurrency`).
    public var netPrice: Money
    /// `SalesOrderItemText` (max 40).
    public var text: String

    public init(itemNumber: Int, material: String, quantity: Quantity, netPrice: Money, text: String) {
        self.itemNumber = itemNumber
        self.material = material
        self.quantity = quantity
        self.netPrice = netPrice
        self.text = text
    }
}

/// What CRMSync sends to create a Sales Order (deep insert of `A_SalesOrder` with `to_Item`).
public struct SalesOrderDraft: Sendable, Hashable, Codable {
    /// `PurchaseOrderByCustomer` (max 35): the 18-character Opportunity Id, the reference a rerun finds it by.
    public var purchaseOrderByCustomer: String
    /// `SoldToParty`: the Business Partner's customer number.
    public var soldToParty: String
    /// Sales organization, distribution channel, division and order type.
    public var salesArea: SalesArea
    /// `TransactionCurrency` (ISO 4217).
    public var currency: String
    /// The items, at least one.
    public var items: [SalesOrderItemDraft]
    /// The pricing condition type for the net price (e.g. `"PR00"` on-premise, `"PPR0"` in S/4HANA).
    public var priceConditionType: String

    public init(
        purchaseOrderByCustomer: String, soldToParty: String, salesArea: SalesArea, currency: String,
        items: [SalesOrderItemDraft], priceConditionType: String
    ) {
        self.purchaseOrderByCustomer = purchaseOrderByCustomer
        self.soldToParty = soldToParty
        self.salesArea = salesArea
        self.currency = currency
        self.items = items
        self.priceConditionType = priceConditionType
    }
}

/// One item of an SAP Sales Order as read back.
public struct SalesOrderItem: Sendable, Hashable, Codable {
    /// `SalesOrderItem` without leading zeros, e.g. `"10"`.
    public var itemNumber: String
    /// `Material`.
    public var material: String
    /// `RequestedQuantity` with `RequestedQuantityUnit`.
    public var quantity: Quantity
    /// `NetAmount` in the order's `TransactionCurrency`.
    public var netAmount: Decimal?

    public init(itemNumber: String, material: String, quantity: Quantity, netAmount: Decimal?) {
        self.itemNumber = itemNumber
        self.material = material
        self.quantity = quantity
        self.netAmount = netAmount
    }
}

/// An SAP Sales Order (API_SALES_ORDER_SRV `A_SalesOrder`).
public struct SalesOrder: Sendable, Hashable, Codable {
    /// `SalesOrder`, the number without leading zeros (e.g. `"4000043"`).
    public var number: String
    /// `PurchaseOrderByCustomer`.
    public var purchaseOrderByCustomer: String
    /// `SoldToParty`.
    public var soldToParty: String
    /// `TotalNetAmount` in `TransactionCurrency`.
    public var totalNetAmount: Money
    /// `LastChangeDateTime` (UTC).
    public var lastChangeDateTime: Date?
    /// Items when read with `$expand=to_Item`; empty otherwise.
    public var items: [SalesOrderItem]

    public init(
        number: String, purchaseOrderByCustomer: String, soldToParty: String, totalNetAmount: Money,
        lastChangeDateTime: Date?, items: [SalesOrderItem]
    ) {
        self.number = number
        self.purchaseOrderByCustomer = purchaseOrderByCustomer
        self.soldToParty = soldToParty
        self.totalNetAmount = totalNetAmount
        self.lastChangeDateTime = lastChangeDateTime
        self.items = items
    }
}

/// An SAP product master record (API_PRODUCT_SRV `A_Product`), as the products stream reads it.
public struct SAPProduct: Sendable, Hashable, Codable {
    /// `Product` (the Material number).
    public var product: String
    /// `LastChangeDateTime` (UTC): the products stream's watermark field.
    public var lastChangeDateTime: Date
    /// `BaseUnit`, e.g. `"PC"`.
    public var baseUnit: String
    /// `IsMarkedForDeletion`.
    public var isMarkedForDeletion: Bool

    public init(product: String, lastChangeDateTime: Date, baseUnit: String, isMarkedForDeletion: Bool) {
        self.product = product
        self.lastChangeDateTime = lastChangeDateTime
        self.baseUnit = baseUnit
        self.isMarkedForDeletion = isMarkedForDeletion
    }
}

/// One stock bucket (API_MATERIAL_STOCK_SRV `A_MatlStkInAcctMod`).
public struct MaterialStockRow: Sendable, Hashable, Codable {
    /// `Material`.
    public var material: String
    /// `Plant` (4).
    public var plant: String
    /// `StorageLocation` (4, may be empty).
    public var storageLocation: String
    /// `MatlWrhsStkQtyInMatlBaseUnit` (Edm.Decimal 31,14, sent as a string) in `MaterialBaseUnit`.
    public var quantity: Quantity

    public init(material: String, plant: String, storageLocation: String, quantity: Quantity) {
        self.material = material
        self.plant = plant
        self.storageLocation = storageLocation
        self.quantity = quantity
    }
}
