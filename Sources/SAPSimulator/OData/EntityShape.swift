import Foundation

/// What `EntitySerializer` writes for every entity of one type under one `$select`/`$expand`: the entity set and
/// qualified type name of `__metadata`, the selected properties in EDMX order, and per navigation (in EDMX order)
/// an expansion (with the shape of its targets), a `__deferred` link, or nothing when `$select` leaves it out.
struct EntityShape {
    /// One navigation's part of the entity.
    enum Navigation {
        /// Expanded inline; the target shape is nil when the target type is not in the service (rendered `null`).
        case expanded(NavigationModel, target: EntityShape?)
        /// `{"__deferred": {"uri": ".../<name>"}}`.
        case deferred(String)
    }

    let type: EntityTypeModel
    /// The entity set named in `__metadata.uri` (the first set of the type by name, else the type name).
    let setName: String
    /// `__metadata.type`: `<namespace>.<type>`.
    let typeName: String
    let properties: [PropertyModel]
    let navigations: [Navigation]

    init(type: EntityTypeModel, select: [String], expand: [[String]], service: ServiceModel) {
        self.type = type
        setName = service.entitySet(forType: type.name)?.name ?? type.name
        typeName = service.namespace + "." + type.name
        var options = QueryOptions()
        options.select = select
        if let selected = options.selectedProperties {
            properties = type.properties.filter { selected.contains($0.name) }
        } else {
            properties = type.properties
        }
        var navigations: [Navigation] = []
        for navigation in type.navigations {
            let expansions = expand.filter { $0.first == navigation.name }.map { Array($0.dropFirst()) }
            if !expansions.isEmpty {
                let target = service.entityTypes[navigation.targetType].map { target in
                    EntityShape(type: target, select: options.selection(under: navigation.name),
                                expand: expansions.filter { !$0.isEmpty }, service: service)
                }
                navigations.append(.expanded(navigation, target: target))
            } else if options.selects(navigation: navigation.name) {
                navigations.append(.deferred(navigation.name))
            }
        }
        self.navigations = navigations
    }
}
