import Foundation

/// Turns a JSON request entity into typed properties plus raw navigation payloads, checking names, EDM types,
/// `MaxLength` and upper-casing as the EDMX says. Read-only properties (`sap:creatable`/`sap:updatable` false)
/// are ignored, as Gateway does.
struct PayloadDecoder {
    let type: EntityTypeModel
    /// True for create (honours `sap:creatable`), false for update (honours `sap:updatable`).
    let creating: Bool

    /// Decoded properties and navigation payloads.
    struct Result {
        var properties: EntityRecord = [:]
        var navigations: [String: Any] = [:]
    }

    /// Decodes `json`.
    /// - Throws: `SAPError` 400 naming the offending property.
    func decode(_ json: [String: Any]) throws(SAPError) -> Result {
        var result = Result()
        for (name, value) in json where name != "__metadata" {
            if let property = type.property(name) {
                guard creating ? property.creatable : property.updatable || type.keys.contains(name) else { continue }
                do throws(PropertyValueError) {
                    result.properties[name] = try property.value(fromJSON: value)
                } catch {
                    switch error.reason {
                    case .tooLong(let maxLength): throw SAPMessages.tooLong(name, maxLength)
                    case .invalidValue: throw SAPMessages.invalidValue(name)
                    }
                }
            } else if type.navigation(name) != nil {
                result.navigations[name] = value
            } else {
                throw SAPMessages.unknownProperty(name, type.name)
            }
        }
        return result
    }

    /// The entries of a to-many navigation payload: a plain array or `{"results": [...]}` (both accepted, sap.md §2).
    static func entries(_ payload: Any?) -> [[String: Any]] {
        if let array = payload as? [[String: Any]] { return array }
        if let object = payload as? [String: Any], let results = object["results"] as? [[String: Any]] { return results }
        return []
    }
}
