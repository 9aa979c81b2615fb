import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// POST to an entity set: deep inserts of `A_SalesOrder` and `A_BusinessPartner`; other sets are refused.
    func create(_ call: ODataCall, set: EntitySetModel) throws(SAPError) -> Response {
        guard set.creatable else { throw methodNotAllowed(call) }
        switch (call.service.name, set.name) {
        case (SAPStore.salesOrderService, "A_SalesOrder"): return try createSalesOrder(call)
        case (SAPStore.businessPartnerService, "A_BusinessPartner"): return try createBusinessPartner(call)
        default:
            throw SAPError(status: .notImplemented, code: "/IWBEP/CM_MGW_RT/021",
                           message: "Create of \(set.name) is not supported by this simulator")
        }
    }

    /// Deep insert of a Sales Order with `to_Item` (and per-item `to_PricingElement`): validates the sold-to party
    /// against the sales area, every material against the sales organization and distribution channel, assigns the
    /// number, prices items (NetAmount = quantity × rate, or the list price), answers 201 with `Location`, `ETag`,
    /// `sap-message` (V1/311) and the header with its items.
    private func createSalesOrder(_ call: ODataCall) throws(SAPError) -> Response {
        let service = call.service
        guard let headerType = service.type(ofSet: "A_SalesOrder"), let itemType = service.type(ofSet: "A_SalesOrderItem"),
            let priceType = service.type(ofSet: "A_SalesOrderItemPrElement")
        else { throw .resourceNotFound(segment: "A_SalesOrder") }
        let payload = try PayloadDecoder(type: headerType, creating: true).decode(try call.jsonObject())
        let itemPayloads = PayloadDecoder.entries(payload.navigations["to_Item"])
        guard !itemPayloads.isEmpty else { throw SAPMessages.noItems() }
        var header = payload.properties
        for field in ["SalesOrderType", "SalesOrganization", "DistributionChannel", "OrganizationDivision", "SoldToParty"]
        where (header[field]?.stringValue ?? "").isEmpty {
            throw SAPMessages.requiredField(field)
        }
        var items: [(EntityRecord, [EntityRecord])] = []
        for (index, itemPayload) in itemPayloads.enumerated() {
            let item = try PayloadDecoder(type: itemType, creating: true).decode(itemPayload)
            guard !(item.properties["Material"]?.stringValue ?? "").isEmpty else { throw SAPMessages.requiredField("Material") }
            var prices: [EntityRecord] = []
            for pricePayload in PayloadDecoder.entries(item.navigations["to_PricingElement"]) {
                prices.append(try PayloadDecoder(type: priceType, creating: true).decode(pricePayload).properties)
            }
            var properties = item.properties
            if (properties["SalesOrderItem"]?.stringValue ?? "").isEmpty || properties["SalesOrderItem"]?.stringValue == "0" {
                properties["SalesOrderItem"] = .string(String((index + 1) * 10))
            }
            items.append((properties, prices))
        }
        let orderType = header["SalesOrderType"]?.stringValue ?? ""
        guard configuration.salesOrderTypes.contains(orderType) else { throw SAPMessages.orderTypeNotAllowed(orderType) }
        let now = clock.now()
        let user = String(configuration.user.uppercased().prefix(12))
        let postedPrices = items.contains { !$0.1.isEmpty }
        let expand = postedPrices ? [["to_Item", "to_PricingElement"]] : [["to_Item"]]
        let clock = clock
        let (created, relations) = try state.withLock { store throws(SAPError) -> (EntityRecord, PrefetchedRelations) in
            let created = try store.insertSalesOrder(header: &header, items: items, now: now, user: user)
            store.applyVisibleChanges(now: clock.now())
            return (created, PrefetchedRelations(store, service: service, type: headerType, record: created, expand: expand))
        }
        let number = created["SalesOrder"]?.stringValue ?? ""
        let serializer = EntitySerializer(service: service, serviceRoot: call.serviceRoot, related: relations.related)
        let body = serializer.entity(created, type: headerType, expand: expand)
        var headers = HTTPFields()
        headers[.location] = serializer.uri(set: "A_SalesOrder", type: headerType, record: created)
        if let date = created["LastChangeDateTime"]?.dateValue { headers[.eTag] = EDMFormat.etag(for: date) }
        headers[ODataResponse.sapMessage] = SAPMessages.orderSaved(type: orderType, number: number)
        return ODataResponse.json(.object([("d", body)]), status: .created, headers: headers)
    }
}

extension SAPStore {
    /// Validates and stores a Sales Order with its items and item pricing elements; returns the stored header.
    /// - Throws: `SAPError` for an unknown sold-to party or one outside the sales area, or an unknown material or
    ///   one not maintained for the sales organization/distribution channel.
    mutating func insertSalesOrder(
        header: inout EntityRecord, items: [(EntityRecord, [EntityRecord])], now: Date, user: String
    ) throws(SAPError) -> EntityRecord {
        let organization = header["SalesOrganization"]?.stringValue ?? ""
        let channel = header["DistributionChannel"]?.stringValue ?? ""
        let division = header["OrganizationDivision"]?.stringValue ?? ""
        let soldTo = EDMFormat.strippingLeadingZeros(header["SoldToParty"]?.stringValue ?? "")
        guard let salesArea = row(Self.businessPartnerService, "A_CustomerSalesArea", keys: [
            "Customer": .string(soldTo), "SalesOrganization": .string(organization),
            "DistributionChannel": .string(channel), "Division": .string(division),
        ]) else { throw SAPMessages.soldToNotInSalesArea(soldTo, organization, channel, division) }
        let currency = header["TransactionCurrency"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            ?? salesArea["Currency"]?.stringValue ?? "EUR"
        var storedItems: [(EntityRecord, [EntityRecord])] = []
        var total = Decimal(0)
        for (payload, prices) in items {
            let material = payload["Material"]?.stringValue ?? ""
            guard let product = row(Self.productService, "A_Product", keys: ["Product": .string(material)]),
                row(Self.productService, "A_ProductSalesDelivery", keys: [
                    "Product": .string(material), "ProductSalesOrg": .string(organization),
                    "ProductDistributionChnl": .string(channel),
                ]) != nil
            else { throw SAPMessages.materialNotInSalesOrg(material, organization, channel) }
            let (item, elements) = pricedItem(payload, prices: prices, product: product, currency: currency, now: now)
            total += item["NetAmount"]?.decimalValue ?? 0
            storedItems.append((item, elements))
        }
        var number = nextSalesOrder
        while row(Self.salesOrderService, "A_SalesOrder", keys: ["SalesOrder": .string(String(number))]) != nil { number += 1 }
        nextSalesOrder = number + 1
        let orderNumber = String(number)
        let today = EDMFormat.utcCalendar.startOfDay(for: now)
        header["SalesOrder"] = .string(orderNumber)
        header["SoldToParty"] = .string(soldTo)
        header["TransactionCurrency"] = .string(currency)
        header["TotalNetAmount"] = .decimal(total)
        header["CreationDate"] = .dateTime(today)
        header["CreatedByUser"] = .string(user)
        header["LastChangeDateTime"] = .dateTimeOffset(now)
        header["PriceDetnExchangeRate"] = .decimal(1)
        header["OverallSDProcessStatus"] = .string("A")
        header["OverallTotalDeliveryStatus"] = .string("A")
        header["OverallSDDocumentRejectionSts"] = .string("A")
        header["CustomerPaymentTerms"] = header["CustomerPaymentTerms"] ?? salesArea["CustomerPaymentTerms"]
        for field in ["SalesOrderDate", "PricingDate", "RequestedDeliveryDate"] where header[field] == nil {
            header[field] = .dateTime(today)
        }
        put(Self.salesOrderService, "A_SalesOrder", header)
        for (item, elements) in storedItems {
            var item = item
            item["SalesOrder"] = .string(orderNumber)
            put(Self.salesOrderService, "A_SalesOrderItem", item)
            for var element in elements {
                element["SalesOrder"] = .string(orderNumber)
                put(Self.salesOrderService, "A_SalesOrderItemPrElement", element)
            }
        }
        return header
    }

    private mutating func pricedItem(
        _ payload: EntityRecord, prices: [EntityRecord], product: EntityRecord, currency: String, now: Date
    ) -> (EntityRecord, [EntityRecord]) {
        var item = payload
        let material = item["Material"]?.stringValue ?? ""
        let quantity = item["RequestedQuantity"]?.decimalValue ?? 0
        let itemNumber = EDMFormat.strippingLeadingZeros(item["SalesOrderItem"]?.stringValue ?? "10")
        item["SalesOrderItem"] = .string(itemNumber)
        if (item["RequestedQuantityUnit"]?.stringValue ?? "").isEmpty { item["RequestedQuantityUnit"] = product["BaseUnit"] }
        if (item["SalesOrderItemText"]?.stringValue ?? "").isEmpty {
            let description = row(Self.productService, "A_ProductDescription", keys: [
                "Product": .string(material), "Language": .string("EN"),
            ])
            item["SalesOrderItemText"] = description?["ProductDescription"]
        }
        if (item["SalesOrderItemCategory"]?.stringValue ?? "").isEmpty { item["SalesOrderItemCategory"] = .string("TAN") }
        if item["ProductionPlant"] == nil,
            let plant = rows(Self.productService, "A_ProductPlant", keyPrefix: [.string(material)]).first
        {
            item["ProductionPlant"] = plant["Plant"]
        }
        item["RequestedQuantity"] = .decimal(quantity)
        item["TransactionCurrency"] = .string(currency)
        item["PricingDate"] = .dateTime(EDMFormat.utcCalendar.startOfDay(for: now))
        item["SDProcessStatus"] = .string("A")
        var net = Decimal(0)
        var elements: [EntityRecord] = []
        for (index, price) in prices.enumerated() {
            var element = price
            let rate = element["ConditionRateValue"]?.decimalValue ?? 0
            element["SalesOrderItem"] = .string(itemNumber)
            element["PricingProcedureStep"] = .string(String((index + 1) * 10))
            element["PricingProcedureCounter"] = .string("1")
            if (element["ConditionCurrency"]?.stringValue ?? "").isEmpty { element["ConditionCurrency"] = .string(currency) }
            element["ConditionAmount"] = .decimal(rate * quantity)
            element["TransactionCurrency"] = .string(currency)
            net += rate * quantity
            elements.append(element)
        }
        if prices.isEmpty { net = (listPrices[material]?[currency] ?? 0) * quantity }
        item["NetAmount"] = .decimal(net)
        return (item, elements)
    }
}
