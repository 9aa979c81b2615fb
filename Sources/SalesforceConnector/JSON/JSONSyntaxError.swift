/// JSON text that could not be parsed (not JSON, or cut short).
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// Byte offset where parsing failed.
    public var offset: Int
    /// What was expected there.
    public var reason: String
}
