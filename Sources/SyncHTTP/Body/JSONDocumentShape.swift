import Foundation

/// A cheap check that a response body is one whole JSON document, for classifying 2xx answers before decoding.
///
/// Proxies and gateways answer with HTML pages, and a connection cut mid-body leaves a truncated document; both must
/// be told apart from a real answer (to retry them) without parsing every large page twice. An object or array is
/// checked by one pass over the bytes: brackets balance outside strings (escapes honoured) and nothing but
/// whitespace follows the closing bracket. Any other first character (a bare string, number or literal) is checked
/// by `JSONSerialization`, as those bodies are small.
public enum JSONDocumentShape {
    /// True when `body` is a complete JSON document: an object or array whose brackets close at its end, or a
    /// fragment `JSONSerialization` parses. Empty and whitespace-only bodies are not documents.
    public static func isComplete(_ body: Data) -> Bool {
        body.withUnsafeBytes { raw in
            var cursor = JSONByteCursor(raw.bindMemory(to: UInt8.self))
            cursor.skipWhitespace()
            guard let first = cursor.current else { return false }
            guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                return (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil
            }
            guard cursor.skipValue() else { return false }
            cursor.skipWhitespace()
            return cursor.current == nil
        }
    }
}
