import Foundation

/// SAP's messages for the simulated validations (sap.md §5–§6 catalogue; codes tagged [U] there are unverified).
enum SAPMessages {
    /// Deep insert without items (Business Hub: "You cannot create entities without including any related entities").
    static func noItems() -> SAPError {
        .business("SLS_LORD/033", "You cannot create entities without including any related entities (to_Item)")
    }

    /// `Sold-to party 4502 not maintained for sales area 4010 40 40` (code [U]).
    static func soldToNotInSalesArea(_ party: String, _ organization: String, _ channel: String, _ division: String)
        -> SAPError
    {
        .business("V1/384", "Sold-to party \(party) not maintained for sales area \(organization) \(channel) \(division)",
                  target: "SoldToParty")
    }

    /// `Material TG99 is not defined for sales org.1710, distr.chan.10, language EN` (code likely V1/331).
    static func materialNotInSalesOrg(_ material: String, _ organization: String, _ channel: String) -> SAPError {
        .business("V1/331", "Material \(material) is not defined for sales org.\(organization), distr.chan.\(channel), language EN",
                  target: "to_Item/Material")
    }

    /// A required field left empty (SD incompletion; code [U]).
    static func requiredField(_ property: String) -> SAPError {
        .business("V1/324", "Enter a value in field \(property)", target: property)
    }

    /// A sales document type outside the configured ones (code [U]).
    static func orderTypeNotAllowed(_ type: String) -> SAPError {
        .business("V1/020", "Sales document type \(type) is not defined", target: "SalesOrderType")
    }

    /// `Standard address doesn't have a language, needed for customer` (FSBP_ECC/030).
    static func addressLanguageMissing() -> SAPError {
        .business("FSBP_ECC/030", "Standard address doesn't have a language, needed for customer")
    }

    /// `Currency (KNVV-WAERS) is a required entry field` (CVI_API/003).
    static func salesAreaCurrencyMissing() -> SAPError {
        .business("CVI_API/003", "Currency (KNVV-WAERS) is a required entry field")
    }

    /// A string value longer than the EDMX `MaxLength` (Gateway deserialization; code [U]).
    static func tooLong(_ property: String, _ maxLength: Int) -> SAPError {
        .business("/IWBEP/CM_MGW_RT/006", "Value of property '\(property)' exceeds the maximum length \(maxLength)",
                  target: property)
    }

    /// A value that does not fit the property's EDM type.
    static func invalidValue(_ property: String) -> SAPError {
        .badRequest("Invalid value for property '\(property)'")
    }

    /// A payload member the entity type does not declare.
    static func unknownProperty(_ property: String, _ type: String) -> SAPError {
        .badRequest("Property '\(property)' is invalid for type \(type)")
    }

    /// 428: `If-Match` missing on an ETag-protected entity (SADL_ENTITY_RUNTIME/004).
    static func preconditionRequired() -> SAPError {
        SAPError(status: .preconditionRequired, code: "SADL_ENTITY_RUNTIME/004",
                 message: "Precondition required; the request must contain an If-Match header (ETag)")
    }

    /// 412: `If-Match` does not match the current ETag.
    static func preconditionFailed() -> SAPError {
        SAPError(status: .preconditionFailed, code: "/IWBEP/CM_MGW_RT/190",
                 message: "The ETag in the If-Match header does not match the current entity state")
    }

    /// The `sap-message` header value for a saved sales order (V1/311 "Standard Order N has been saved").
    static func orderSaved(type: String, number: String) -> String {
        let description = type == "OR" ? "Standard Order" : "Sales Order"
        return JSONValue.object([
            ("code", .string("V1/311")), ("message", .string("\(description) \(number) has been saved")),
            ("target", .string("")), ("severity", .string("success")), ("transition", .bool(true)),
            ("details", .array([])),
        ]).serialized()
    }
}
