import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the parts of an SAP EDMX (`$metadata`) document the simulator needs: entity types with their
/// properties and SAP annotations, navigation properties resolved through associations, and entity sets.
final class EDMXParser: NSObject, XMLParserDelegate {
    private struct AssociationEnd { var type: String; var multiplicity: String }
    private struct PendingNavigation { var name: String; var relationship: String; var toRole: String }

    private var namespace = ""
    private var types: [String: EntityTypeModel] = [:]
    private var pendingNavigations: [String: [PendingNavigation]] = [:]
    private var associations: [String: [String: AssociationEnd]] = [:]
    private var sets: [String: EntitySetModel] = [:]
    private var currentType: EntityTypeModel?
    private var currentAssociation: String?
    private var inKey = false

    /// Parses `data` into a service model named `name`.
    /// - Throws: `SAPSimulatorError.invalidMetadata` when the XML cannot be parsed.
    static func parse(_ data: Data, service name: String) throws -> ServiceModel {
        let delegate = EDMXParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw SAPSimulatorError.invalidMetadata(service: name) }
        return delegate.model(name: name, data: data)
    }

    private func model(name: String, data: Data) -> ServiceModel {
        var resolved = types
        for (typeName, type) in types {
            let currencies = Set(type.properties.filter { $0.semantics == "currency-code" }.map(\.name))
            for index in type.properties.indices {
                if let unit = type.properties[index].unitProperty, currencies.contains(unit) {
                    resolved[typeName]?.properties[index].isCurrencyAmount = true
                }
            }
        }
        for (typeName, navigations) in pendingNavigations {
            resolved[typeName]?.navigations = navigations.compactMap { navigation in
                let association = unqualified(navigation.relationship)
                guard let end = associations[association]?[navigation.toRole] else { return nil }
                return NavigationModel(
                    name: navigation.name, targetType: unqualified(end.type), isCollection: end.multiplicity == "*")
            }
        }
        return ServiceModel(name: name, namespace: namespace, metadataXML: data, entityTypes: resolved, entitySets: sets)
    }

    private func unqualified(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName {
        case "Schema" where namespace.isEmpty:
            namespace = attributes["Namespace"] ?? ""
        case "EntityType":
            currentType = EntityTypeModel(name: attributes["Name"] ?? "", keys: [], properties: [], navigations: [])
        case "Key":
            inKey = true
        case "PropertyRef" where inKey:
            if let name = attributes["Name"] { currentType?.keys.append(name) }
        case "Property" where currentType != nil:
            currentType?.properties.append(property(from: attributes))
        case "NavigationProperty" where currentType != nil:
            if let type = currentType?.name, let name = attributes["Name"], let relationship = attributes["Relationship"],
                let toRole = attributes["ToRole"]
            {
                pendingNavigations[type, default: []].append(
                    PendingNavigation(name: name, relationship: relationship, toRole: toRole))
            }
        case "Association":
            currentAssociation = attributes["Name"]
        case "End" where currentAssociation != nil:
            if let association = currentAssociation, let role = attributes["Role"], let type = attributes["Type"] {
                associations[association, default: [:]][role] = AssociationEnd(
                    type: type, multiplicity: attributes["Multiplicity"] ?? "1")
            }
        case "EntitySet":
            if let name = attributes["Name"], let type = attributes["EntityType"] {
                sets[name] = EntitySetModel(
                    name: name, typeName: unqualified(type), creatable: attributes["sap:creatable"] != "false",
                    updatable: attributes["sap:updatable"] != "false", deletable: attributes["sap:deletable"] != "false")
            }
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch elementName {
        case "EntityType":
            if let type = currentType { types[type.name] = type }
            currentType = nil
        case "Key":
            inKey = false
        case "Association":
            currentAssociation = nil
        default:
            break
        }
    }

    private func property(from attributes: [String: String]) -> PropertyModel {
        PropertyModel(
            name: attributes["Name"] ?? "", type: attributes["Type"] ?? "Edm.String",
            maxLength: attributes["MaxLength"].flatMap(Int.init), precision: attributes["Precision"].flatMap(Int.init),
            scale: attributes["Scale"].flatMap(Int.init), displayFormat: attributes["sap:display-format"],
            unitProperty: attributes["sap:unit"], semantics: attributes["sap:semantics"],
            creatable: attributes["sap:creatable"] != "false", updatable: attributes["sap:updatable"] != "false",
            isConcurrencyToken: attributes["ConcurrencyMode"] == "Fixed")
    }
}
