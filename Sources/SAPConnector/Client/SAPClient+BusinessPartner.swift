import Foundation
import SyncCore

extension SAPClient {
    /// Finds the Business Partner CRMSync created for a Salesforce Account:
    /// `GET A_BusinessPartner?$filter=BusinessPartnerIDByExtSystem eq '<ID UPPER-CASED>'&$expand=to_Customer`.
    ///
    /// The customer number comes from `Customer` (or the expanded `to_Customer`). Source: API_BUSINESS_PARTNER.
    /// - Returns: the partner, or `nil` when none carries the reference.
    /// - Throws: `.conflict` when two partners carry the same reference; transport and classification errors.
    public func findBusinessPartner(externalReference: String) async throws -> BusinessPartner? {
        var query = ODataQuery()
        query.add("$filter", "BusinessPartnerIDByExtSystem eq " + ODataLiteral.string(externalReference.uppercased()))
        query.add("$expand", "to_Customer")
        query.add("$top", "2")
        let page = try await get(
            url(.businessPartner, "A_BusinessPartner", query: query), endpoint: "A_BusinessPartner.find",
            as: ODataCollectionPage<BusinessPartnerWire>.self)
        guard page.results.count <= 1 else {
            throw SyncError(
                code: .conflict, system: .sap,
                message: "Several Business Partners carry the external reference \(externalReference.uppercased()); "
                    + "keep one and clear BusinessPartnerIDByExtSystem on the others",
                recordID: externalReference, field: "BusinessPartnerIDByExtSystem")
        }
        return page.results.first?.model
    }

    /// Creates an organization Business Partner with its address, the customer roles FLCU00 and FLCU01 and the
    /// customer's sales area and company code data in one deep insert (`POST A_BusinessPartner`).
    ///
    /// The name is split over `OrganizationBPName1...4` (40 characters each, at word boundaries);
    /// `BusinessPartnerIDByExtSystem` is the upper-cased Account Id; `CompanyCode` comes from the configuration.
    /// When SAP's answer carries no customer number, the partner is read back by its reference.
    /// - Throws: `.validationFailed` with SAP's message (e.g. FSBP_ECC/030 address without language);
    ///   `outcomeUnknown` errors when the answer was lost (look the reference up before creating again).
    public func createBusinessPartner(_ draft: BusinessPartnerDraft) async throws -> BusinessPartner {
        let payload = BusinessPartnerPayload(
            draft: draft, companyCode: configuration.companyCode,
            reconciliationAccount: configuration.reconciliationAccount, defaultLanguage: configuration.language)
        let created = try await create(
            url(.businessPartner, "A_BusinessPartner"), body: payload, endpoint: "A_BusinessPartner.create",
            as: ODataEntityEnvelope<BusinessPartnerWire>.self
        ).entity.model
        logger.info("SAP Business Partner created", metadata: ["sap.businessPartner": "\(created.number)"])
        if created.customer.isEmpty, let readBack = try await findBusinessPartner(externalReference: draft.externalReference) {
            return readBack
        }
        return created
    }
}
