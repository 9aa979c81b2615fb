import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// Deep insert of a Business Partner with `to_BusinessPartnerAddress`, `to_BusinessPartnerRole` and
    /// `to_Customer` (`to_CustomerSalesArea`, `to_CustomerCompany`). Assigns the BP number (and, with role
    /// FLCU00/FLCU01, the customer with the same number); rejects a customer whose address has no `Language`
    /// (FSBP_ECC/030) or whose sales area has no `Currency` (CVI_API/003). Answers 201 with `Location` and the
    /// created structure.
    func createBusinessPartner(_ call: ODataCall) throws(SAPError) -> Response {
        let service = call.service
        guard let partnerType = service.type(ofSet: "A_BusinessPartner"),
            let addressType = service.type(ofSet: "A_BusinessPartnerAddress"),
            let roleType = service.type(ofSet: "A_BusinessPartnerRole"), let customerType = service.type(ofSet: "A_Customer"),
            let salesAreaType = service.type(ofSet: "A_CustomerSalesArea"),
            let companyType = service.type(ofSet: "A_CustomerCompany")
        else { throw .resourceNotFound(segment: "A_BusinessPartner") }
        let payload = try PayloadDecoder(type: partnerType, creating: true).decode(try call.jsonObject())
        var addresses: [EntityRecord] = []
        for entry in PayloadDecoder.entries(payload.navigations["to_BusinessPartnerAddress"]) {
            addresses.append(try PayloadDecoder(type: addressType, creating: true).decode(entry).properties)
        }
        var roles: [EntityRecord] = []
        for entry in PayloadDecoder.entries(payload.navigations["to_BusinessPartnerRole"]) {
            roles.append(try PayloadDecoder(type: roleType, creating: true).decode(entry).properties)
        }
        let isCustomer = roles.contains { ["FLCU00", "FLCU01"].contains($0["BusinessPartnerRole"]?.stringValue ?? "") }
        var customer = CustomerPayload()
        if let customerJSON = payload.navigations["to_Customer"] as? [String: Any] {
            let decoded = try PayloadDecoder(type: customerType, creating: true).decode(customerJSON)
            customer.properties = decoded.properties
            for entry in PayloadDecoder.entries(decoded.navigations["to_CustomerSalesArea"]) {
                customer.salesAreas.append(try PayloadDecoder(type: salesAreaType, creating: true).decode(entry).properties)
            }
            for entry in PayloadDecoder.entries(decoded.navigations["to_CustomerCompany"]) {
                customer.companies.append(try PayloadDecoder(type: companyType, creating: true).decode(entry).properties)
            }
        }
        if isCustomer {
            guard !addresses.isEmpty, addresses.allSatisfy({ !($0["Language"]?.stringValue ?? "").isEmpty }) else {
                throw SAPMessages.addressLanguageMissing()
            }
            guard customer.salesAreas.allSatisfy({ !($0["Currency"]?.stringValue ?? "").isEmpty }) else {
                throw SAPMessages.salesAreaCurrencyMissing()
            }
        }
        let now = clock.now()
        let user = String(configuration.user.uppercased().prefix(12))
        var expand = [["to_BusinessPartnerAddress"], ["to_BusinessPartnerRole"]]
        if isCustomer { expand += [["to_Customer", "to_CustomerSalesArea"], ["to_Customer", "to_CustomerCompany"]] }
        let clock = clock
        let (created, relations) = state.withLock { store in
            let created = store.insertBusinessPartner(
                payload.properties, addresses: addresses, roles: roles, customer: isCustomer ? customer : nil,
                now: now, user: user)
            store.applyVisibleChanges(now: clock.now())
            return (created, PrefetchedRelations(store, service: service, type: partnerType, record: created, expand: expand))
        }
        let serializer = EntitySerializer(service: service, serviceRoot: call.serviceRoot, related: relations.related)
        let body = serializer.entity(created, type: partnerType, expand: expand)
        var headers = HTTPFields()
        headers[.location] = serializer.uri(set: "A_BusinessPartner", type: partnerType, record: created)
        return ODataResponse.json(.object([("d", body)]), status: .created, headers: headers)
    }
}

/// The customer part of a Business Partner deep insert.
struct CustomerPayload {
    var properties: EntityRecord = [:]
    var salesAreas: [EntityRecord] = []
    var companies: [EntityRecord] = []
}

extension SAPStore {
    /// Stores a validated Business Partner deep insert with assigned numbers; returns the stored partner.
    mutating func insertBusinessPartner(
        _ properties: EntityRecord, addresses: [EntityRecord], roles: [EntityRecord], customer: CustomerPayload?,
        now: Date, user: String
    ) -> EntityRecord {
        var number = nextBusinessPartner
        while row(Self.businessPartnerService, "A_BusinessPartner", keys: ["BusinessPartner": .string(String(number))]) != nil
            || row(Self.businessPartnerService, "A_Customer", keys: ["Customer": .string(String(number))]) != nil
        {
            number += 1
        }
        nextBusinessPartner = number + 1
        let partnerNumber = String(number)
        let today = EDMFormat.utcCalendar.startOfDay(for: now)
        let seconds = Int(now.timeIntervalSince(today))
        var partner = properties
        partner["BusinessPartner"] = .string(partnerNumber)
        let organizationName = [1, 2].compactMap { partner["OrganizationBPName\($0)"]?.stringValue }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let personName = ["FirstName", "LastName"].compactMap { partner[$0]?.stringValue }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let fullName = String((organizationName.isEmpty ? personName : organizationName).prefix(81))
        partner["BusinessPartnerFullName"] = .string(fullName)
        partner["BusinessPartnerName"] = .string(fullName)
        partner["BusinessPartnerUUID"] = .guid(nextGUID())
        partner["CreatedByUser"] = .string(user)
        partner["CreationDate"] = .dateTime(today)
        partner["CreationTime"] = .time(seconds)
        partner["ETag"] = .string(String((user + Self.etagStamp(now)).prefix(26)))
        if partner["BusinessPartnerCategory"]?.stringValue == "1" { partner["IsNaturalPerson"] = .string("X") }
        if customer != nil { partner["Customer"] = .string(partnerNumber) }
        put(Self.businessPartnerService, "A_BusinessPartner", partner)
        for var address in addresses {
            address["BusinessPartner"] = .string(partnerNumber)
            address["AddressID"] = .string(String(nextAddressID))
            nextAddressID += 1
            address["AddressUUID"] = .guid(nextGUID())
            address["ValidityStartDate"] = address["ValidityStartDate"] ?? .dateTimeOffset(today)
            address["ValidityEndDate"] = address["ValidityEndDate"] ?? .dateTimeOffset(Self.maxValidity)
            put(Self.businessPartnerService, "A_BusinessPartnerAddress", address)
        }
        for var role in roles {
            role["BusinessPartner"] = .string(partnerNumber)
            role["ValidFrom"] = role["ValidFrom"] ?? .dateTimeOffset(today)
            role["ValidTo"] = role["ValidTo"] ?? .dateTimeOffset(Self.maxValidity)
            put(Self.businessPartnerService, "A_BusinessPartnerRole", role)
        }
        if let customer {
            var record = customer.properties
            record["Customer"] = .string(partnerNumber)
            record["CustomerName"] = .string(String(fullName.prefix(35)))
            record["CustomerFullName"] = .string(String(fullName.prefix(220)))
            record["CustomerAccountGroup"] = record["CustomerAccountGroup"] ?? .string("CUST")
            record["CreatedByUser"] = .string(user)
            record["CreationDate"] = .dateTime(today)
            put(Self.businessPartnerService, "A_Customer", record)
            for var area in customer.salesAreas {
                area["Customer"] = .string(partnerNumber)
                put(Self.businessPartnerService, "A_CustomerSalesArea", area)
            }
            for var company in customer.companies {
                company["Customer"] = .string(partnerNumber)
                put(Self.businessPartnerService, "A_CustomerCompany", company)
            }
        }
        return partner
    }
}
