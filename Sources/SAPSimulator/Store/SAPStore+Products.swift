import Foundation

/// The master data of one product as an operator (or the seed) maintains it.
public struct ProductFields: Sendable, Hashable {
    /// `A_Product.Product` (material number, upper case, max 40).
    public var product: String
    /// `A_ProductDescription.ProductDescription` in language EN (max 40).
    public var description: String
    /// `A_Product.BaseUnit`, e.g. `PC`.
    public var baseUnit: String
    /// `A_Product.IsMarkedForDeletion`.
    public var isMarkedForDeletion: Bool
    /// Plants the product is extended to (`A_ProductPlant`).
    public var plants: [String]
    /// List price per currency (ISO 4217 → price per base unit), used when an order item has no manual price.
    public var listPrices: [String: Decimal]

    /// Creates product fields.
    public init(
        product: String, description: String, baseUnit: String = "PC", isMarkedForDeletion: Bool = false,
        plants: [String] = [], listPrices: [String: Decimal] = [:]
    ) {
        self.product = product
        self.description = description
        self.baseUnit = baseUnit
        self.isMarkedForDeletion = isMarkedForDeletion
        self.plants = plants
        self.listPrices = listPrices
    }
}

extension ProductFields {
    init(product: String, description: String, baseUnit: String, isMarkedForDeletion: Bool, plants: [String],
         listPrices: [String: String]) {
        self.init(
            product: product, description: description, baseUnit: baseUnit, isMarkedForDeletion: isMarkedForDeletion,
            plants: plants,
            listPrices: listPrices.compactMapValues { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) })
    }
}

extension SAPStore {
    /// Writes `A_Product`, its EN description, plants and sales-area data (`A_ProductSalesDelivery` for the
    /// configured sales organization and distribution channel), stamping `LastChangeDateTime` = `changedAt`.
    mutating func putProduct(
        _ fields: ProductFields, configuration: SAPSimulator.Configuration, changedAt: Date, createdAt: Date? = nil
    ) {
        let product = fields.product.uppercased()
        let existing = row(Self.productService, "A_Product", keys: ["Product": .string(product)])
        var record = existing ?? [
            "Product": .string(product), "ProductType": .string("HAWA"), "CreatedByUser": .string("CB9980000012"),
            "CreationDate": .dateTime(EDMFormat.utcCalendar.startOfDay(for: createdAt ?? changedAt)),
            "ProductGroup": .string("L001"), "ItemCategoryGroup": .string("NORM"), "Division": .string("00"),
        ]
        record["BaseUnit"] = .string(fields.baseUnit.uppercased())
        record["IsMarkedForDeletion"] = .bool(fields.isMarkedForDeletion)
        record["LastChangeDateTime"] = .dateTimeOffset(changedAt)
        record["LastChangeDate"] = .dateTime(EDMFormat.utcCalendar.startOfDay(for: changedAt))
        record["LastChangedByUser"] = .string("CB9980000012")
        put(Self.productService, "A_Product", record)
        put(Self.productService, "A_ProductDescription", [
            "Product": .string(product), "Language": .string("EN"),
            "ProductDescription": .string(String(fields.description.prefix(40))),
        ])
        for plant in fields.plants {
            put(Self.productService, "A_ProductPlant", [
                "Product": .string(product), "Plant": .string(plant), "ProfitCenter": .string("YB101"),
                "MRPType": .string("PD"), "IsMarkedForDeletion": .bool(fields.isMarkedForDeletion),
            ])
        }
        put(Self.productService, "A_ProductSalesDelivery", [
            "Product": .string(product), "ProductSalesOrg": .string(configuration.salesOrganization),
            "ProductDistributionChnl": .string(configuration.distributionChannel),
            "SalesMeasureUnit": .string(fields.baseUnit.uppercased()), "ItemCategoryGroup": .string("NORM"),
        ])
        if !fields.listPrices.isEmpty { listPrices[product] = fields.listPrices }
        if row(Self.stockService, "A_MaterialStock", keys: ["Material": .string(product)]) == nil {
            put(Self.stockService, "A_MaterialStock", [
                "Material": .string(product), "MaterialBaseUnit": .string(fields.baseUnit.uppercased()),
            ])
        }
    }

    /// Sets the unrestricted-use own stock (`InventoryStockType '01'`, `InventorySpecialStockType ''`) of one
    /// storage location to `quantity` (in the base unit), creating the `A_MatlStkInAcctMod` row when needed.
    mutating func putStock(material: String, plant: String, storageLocation: String, quantity: Decimal, baseUnit: String) {
        let material = material.uppercased()
        put(Self.stockService, "A_MatlStkInAcctMod", [
            "Material": .string(material), "Plant": .string(plant), "StorageLocation": .string(storageLocation),
            "Batch": .string(""), "Supplier": .string(""), "Customer": .string(""),
            "WBSElementInternalID": .string("0"), "SDDocument": .string(""), "SDDocumentItem": .string("0"),
            "InventorySpecialStockType": .string(""), "InventoryStockType": .string("01"),
            "MaterialBaseUnit": .string(baseUnit.uppercased()), "MatlWrhsStkQtyInMatlBaseUnit": .decimal(quantity),
        ])
        if row(Self.stockService, "A_MaterialStock", keys: ["Material": .string(material)]) == nil {
            put(Self.stockService, "A_MaterialStock", [
                "Material": .string(material), "MaterialBaseUnit": .string(baseUnit.uppercased()),
            ])
        }
    }
}
