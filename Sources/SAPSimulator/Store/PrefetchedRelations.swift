import Foundation

/// The related rows an `EntitySerializer` needs to render one entity with its `$expand` paths, read from the store
/// while its lock is held, so a create's response is rendered without copying the store (a snapshot kept alive
/// while another create writes makes that write copy whole tables).
struct PrefetchedRelations: Sendable {
    private var rows: [String: [EntityRecord]] = [:]

    /// Resolves every navigation `EntitySerializer.entity(record, type:, expand:)` expands, recursively.
    init(_ store: SAPStore, service: ServiceModel, type: EntityTypeModel, record: EntityRecord, expand: [[String]]) {
        collect(store, service: service, type: type, record: record, expand: expand)
    }

    /// The rows `SAPStore.related` gave for `navigation` of `record` (empty when it was not expanded).
    func related(_ type: EntityTypeModel, _ record: EntityRecord, _ navigation: NavigationModel) -> [EntityRecord] {
        rows[Self.key(type, record, navigation)] ?? []
    }

    private mutating func collect(
        _ store: SAPStore, service: ServiceModel, type: EntityTypeModel, record: EntityRecord, expand: [[String]]
    ) {
        guard !expand.isEmpty else { return }
        for navigation in type.navigations {
            let expansions = expand.filter { $0.first == navigation.name }.map { Array($0.dropFirst()) }
            guard !expansions.isEmpty, let target = service.entityTypes[navigation.targetType] else { continue }
            let related = store.related(service, from: type, record: record, navigation: navigation)
            rows[Self.key(type, record, navigation)] = related
            let deeper = expansions.filter { !$0.isEmpty }
            for row in related { collect(store, service: service, type: target, record: row, expand: deeper) }
        }
    }

    private static func key(_ type: EntityTypeModel, _ record: EntityRecord, _ navigation: NavigationModel) -> String {
        type.name + "(" + KeyPredicate.text(type: type, record: record) + ")/" + navigation.name
    }
}
