import Foundation
import SimulatorKit

extension SAPStore {
    static let businessPartnerService = "API_BUSINESS_PARTNER"
    static let salesOrderService = "API_SALES_ORDER_SRV"
    static let productService = "API_PRODUCT_SRV"
    static let stockService = "API_MATERIAL_STOCK_SRV"
    /// `ValidityEndDate`/`ValidTo` "forever": 9999-12-31T23:59:59Z.
    static let maxValidity = Date(timeIntervalSince1970: 253_402_300_799)

    /// Maps the seed deterministically: products with `inSAP` become `A_Product` (+ description, plants,
    /// sales-area data) and stock rows; accounts with `existingSAPBusinessPartner` become Business Partners
    /// with an address, the customer roles and a customer maintained for the configured sales area (in the
    /// organization's default currency).
    mutating func seed(from seed: SeedDataset, configuration: SAPSimulator.Configuration, now: Date) {
        var parsedStamps: [String: Date] = [:]  // seeds share few distinct stamps; parsing each is slow
        for product in seed.products where product.inSAP {
            let changed = parsedStamps[product.lastChangeDateTime]
                ?? EDMFormat.parseISO(product.lastChangeDateTime) ?? now
            parsedStamps[product.lastChangeDateTime] = changed
            let plants = Array(Set(product.stock.map(\.plant))).sorted()
            putProduct(
                ProductFields(
                    product: product.code.uppercased(), description: product.name, baseUnit: product.baseUnit,
                    isMarkedForDeletion: false, plants: plants, listPrices: product.listPrices),
                configuration: configuration, changedAt: changed, createdAt: changed)
            for bucket in product.stock {
                putStock(
                    material: product.code.uppercased(), plant: bucket.plant, storageLocation: bucket.storageLocation,
                    quantity: Decimal(string: bucket.quantity, locale: Locale(identifier: "en_US_POSIX")) ?? 0,
                    baseUnit: product.baseUnit)
            }
        }
        for account in seed.accounts {
            guard let number = account.existingSAPBusinessPartner else { continue }
            seedBusinessPartner(number: EDMFormat.strippingLeadingZeros(number), account: account,
                                currency: seed.organization.defaultCurrency, configuration: configuration, now: now)
        }
    }

    private mutating func seedBusinessPartner(
        number: String, account: SeedDataset.Account, currency: String, configuration: SAPSimulator.Configuration,
        now: Date
    ) {
        let day = EDMFormat.utcCalendar.startOfDay(for: now)
        let name = String(account.name.prefix(40))
        put(Self.businessPartnerService, "A_BusinessPartner", [
            "BusinessPartner": .string(number), "Customer": .string(number), "BusinessPartnerCategory": .string("2"),
            "BusinessPartnerGrouping": .string("BP02"), "OrganizationBPName1": .string(name),
            "BusinessPartnerFullName": .string(name), "BusinessPartnerName": .string(name),
            "SearchTerm1": .string(String(account.name.uppercased().prefix(20))),
            "BusinessPartnerUUID": .guid(nextGUID()), "CreatedByUser": .string("CB9980000012"),
            "CreationDate": .dateTime(day), "CreationTime": .time(8 * 3600), "CorrespondenceLanguage": .string("EN"),
            "ETag": .string("CB9980000012" + Self.etagStamp(now)),
        ])
        put(Self.businessPartnerService, "A_BusinessPartnerAddress", [
            "BusinessPartner": .string(number), "AddressID": .string(String(nextAddressID)),
            "ValidityStartDate": .dateTimeOffset(day), "ValidityEndDate": .dateTimeOffset(Self.maxValidity),
            "AddressUUID": .guid(nextGUID()), "CityName": .string(String(account.city.prefix(40))),
            "Country": .string(account.country.uppercased()), "PostalCode": .string(String(account.postalCode.prefix(10))),
            "StreetName": .string(String(account.street.prefix(60))), "Language": .string("EN"),
        ])
        nextAddressID += 1
        for role in ["FLCU00", "FLCU01"] {
            put(Self.businessPartnerService, "A_BusinessPartnerRole", [
                "BusinessPartner": .string(number), "BusinessPartnerRole": .string(role),
                "ValidFrom": .dateTimeOffset(day), "ValidTo": .dateTimeOffset(Self.maxValidity),
            ])
        }
        put(Self.businessPartnerService, "A_Customer", [
            "Customer": .string(number), "CustomerName": .string(String(name.prefix(35))),
            "CustomerFullName": .string(name), "CustomerAccountGroup": .string("CUST"),
            "CreatedByUser": .string("CB9980000012"), "CreationDate": .dateTime(day),
        ])
        put(Self.businessPartnerService, "A_CustomerSalesArea", [
            "Customer": .string(number), "SalesOrganization": .string(configuration.salesOrganization),
            "DistributionChannel": .string(configuration.distributionChannel),
            "Division": .string(configuration.division), "Currency": .string(currency),
            "CustomerPaymentTerms": .string("0004"),
        ])
        put(Self.businessPartnerService, "A_CustomerCompany", [
            "Customer": .string(number), "CompanyCode": .string(configuration.companyCode),
            "ReconciliationAccount": .string("12100000"),
        ])
    }

    /// `yyyyMMddHHmmss` in UTC (the timestamp part of `A_BusinessPartner.ETag`).
    static func etagStamp(_ date: Date) -> String {
        EDMFormat.isoSeconds(date).filter(\.isASCIIDigit)
    }
}
