import Foundation

extension SAPSimulator {
    /// Sets the unrestricted-use own stock of `material` in one storage location (`A_MatlStkInAcctMod` row,
    /// `InventoryStockType '01'`), as a goods movement would; quantity in the material's base unit. Stock postings
    /// do not touch `A_Product.LastChangeDateTime`.
    public func setStock(material: String, plant: String, storageLocation: String, quantity: Decimal) {
        state.withLock { store in
            let product = store.row(SAPStore.productService, "A_Product", keys: ["Product": .string(material.uppercased())])
            let unit = product?["BaseUnit"]?.stringValue ?? "PC"
            store.putStock(material: material, plant: plant, storageLocation: storageLocation, quantity: quantity,
                           baseUnit: unit)
        }
    }

    /// The unrestricted-use quantity of `material` in `plant`: the sum over its storage-location rows.
    public func stockQuantity(material: String, plant: String) -> Decimal {
        snapshot().rows(SAPStore.stockService, "A_MatlStkInAcctMod").filter {
            $0["Material"] == .string(material.uppercased()) && $0["Plant"] == .string(plant)
        }.reduce(Decimal(0)) { $0 + ($1["MatlWrhsStkQtyInMatlBaseUnit"]?.decimalValue ?? 0) }
    }

    /// Creates or changes a product as a user in the product master does: `LastChangeDateTime` is stamped with
    /// `lastChangeDateTime` (default: now, UTC). With a commit lag (`commitLagSeconds`, default
    /// `Configuration.productCommitLagSeconds`) the change becomes readable only that many seconds later — still
    /// carrying its earlier timestamp, like a late-committed transaction.
    public func upsertProduct(_ fields: ProductFields, lastChangeDateTime: Date? = nil, commitLagSeconds: Double? = nil) {
        let now = clock.now()
        let stamp = lastChangeDateTime ?? now
        let lag = commitLagSeconds ?? configuration.productCommitLagSeconds
        let configuration = configuration
        state.withLock { store in
            store.applyVisibleChanges(now: now)
            if lag > 0 {
                store.pending.append(SAPStore.PendingChange(visibleAt: now.addingTimeInterval(lag)) { store in
                    store.putProduct(fields, configuration: configuration, changedAt: stamp)
                })
            } else {
                store.putProduct(fields, configuration: configuration, changedAt: stamp)
            }
        }
    }

    /// Sales Orders, optionally only those whose `PurchaseOrderByCustomer` equals `purchaseOrderByCustomer`.
    public func salesOrders(purchaseOrderByCustomer: String? = nil) -> [SalesOrderSummary] {
        let store = snapshot()
        let items = store.rows(SAPStore.salesOrderService, "A_SalesOrderItem")
        return store.rows(SAPStore.salesOrderService, "A_SalesOrder").filter { header in
            purchaseOrderByCustomer.map { header["PurchaseOrderByCustomer"] == .string($0) } ?? true
        }.map { header in
            SalesOrderSummary(
                salesOrder: header["SalesOrder"]?.stringValue ?? "",
                purchaseOrderByCustomer: header["PurchaseOrderByCustomer"]?.stringValue ?? "",
                soldToParty: header["SoldToParty"]?.stringValue ?? "",
                transactionCurrency: header["TransactionCurrency"]?.stringValue ?? "",
                totalNetAmount: header["TotalNetAmount"]?.decimalValue ?? 0,
                lastChangeDateTime: header["LastChangeDateTime"]?.dateValue,
                items: items.filter { $0["SalesOrder"] == header["SalesOrder"] }.map { item in
                    SalesOrderSummary.Item(
                        salesOrderItem: item["SalesOrderItem"]?.stringValue ?? "",
                        material: item["Material"]?.stringValue ?? "",
                        requestedQuantity: item["RequestedQuantity"]?.decimalValue ?? 0,
                        requestedQuantityUnit: item["RequestedQuantityUnit"]?.stringValue ?? "",
                        netAmount: item["NetAmount"]?.decimalValue ?? 0)
                })
        }
    }

    /// The number of Sales Orders (with `PurchaseOrderByCustomer` = `purchaseOrderByCustomer` when given).
    public func salesOrderCount(purchaseOrderByCustomer: String? = nil) -> Int {
        salesOrders(purchaseOrderByCustomer: purchaseOrderByCustomer).count
    }

    /// Deletes a Sales Order with its items, as a user in VA02 would; false when it does not exist.
    @discardableResult
    public func deleteSalesOrder(_ salesOrder: String) -> Bool {
        let number = ODataValue.string(EDMFormat.strippingLeadingZeros(salesOrder))
        return state.withLock { store in
            guard store.remove(SAPStore.salesOrderService, "A_SalesOrder", keys: ["SalesOrder": number]) else { return false }
            store.removeSalesOrderChildren(number)
            return true
        }
    }

    /// Business Partners, optionally only those with `SearchTerm1` = `searchTerm1` (compared upper-cased).
    public func businessPartners(searchTerm1: String? = nil) -> [BusinessPartnerSummary] {
        let store = snapshot()
        let roles = store.rows(SAPStore.businessPartnerService, "A_BusinessPartnerRole")
        return store.rows(SAPStore.businessPartnerService, "A_BusinessPartner").filter { partner in
            searchTerm1.map { partner["SearchTerm1"] == .string($0.uppercased()) } ?? true
        }.map { partner in
            BusinessPartnerSummary(
                businessPartner: partner["BusinessPartner"]?.stringValue ?? "",
                customer: partner["Customer"]?.stringValue ?? "",
                fullName: partner["BusinessPartnerFullName"]?.stringValue ?? "",
                searchTerm1: partner["SearchTerm1"]?.stringValue ?? "",
                businessPartnerIDByExtSystem: partner["BusinessPartnerIDByExtSystem"]?.stringValue ?? "",
                roles: roles.filter { $0["BusinessPartner"] == partner["BusinessPartner"] }
                    .compactMap { $0["BusinessPartnerRole"]?.stringValue })
        }
    }
}
