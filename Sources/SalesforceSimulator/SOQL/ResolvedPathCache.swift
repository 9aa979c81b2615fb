import Synchronization

/// Field paths already resolved while running one statement, so rendering each row does not resolve (and
/// lower-case and search) the same selected fields again.
final class ResolvedPathCache: Sendable {
    private let paths = Mutex<[String: ResolvedPath]>([:])

    /// The resolved `path` on `object` (only successful resolutions are kept; errors are thrown each time).
    func resolve(_ path: [String], on object: ObjectDescriptor, offset: Int, with resolver: SOQLResolver)
        throws(SOQLError) -> ResolvedPath
    {
        let key = object.name + "|" + path.joined(separator: ".")
        if let known = paths.withLock({ $0[key] }) { return known }
        let resolved = try resolver.resolve(path, on: object, offset: offset)
        paths.withLock { $0[key] = resolved }
        return resolved
    }
}
