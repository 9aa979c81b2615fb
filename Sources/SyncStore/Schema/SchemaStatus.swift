/// Which schema migrations a store has applied and which it still needs.
public struct SchemaStatus: Sendable, Hashable, Codable {
    /// Identifiers of `StateSchema.migrations` already applied, in order.
    public var applied: [String]
    /// Identifiers not applied yet, in order.
    public var pending: [String]
    /// Identifiers recorded in the store that this build does not know (a newer crm-sync migrated it).
    public var unknown: [String]

    /// Classifies the identifiers a store recorded against `StateSchema.migrations`.
    public init(applied identifiers: some Collection<String>) {
        let known = StateSchema.migrations.map(\.identifier)
        let recorded = Set(identifiers)
        applied = known.filter(recorded.contains)
        pending = known.filter { !recorded.contains($0) }
        unknown = recorded.subtracting(known).sorted()
    }

    /// True when every known migration is applied and none is unknown.
    public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
}
