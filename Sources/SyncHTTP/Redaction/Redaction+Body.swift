import Foundation

extension Redaction {
    /// A body fit for trace logging: JSON with secret-named keys (``isSecretName(_:)``), private keys and webhook
    /// URLs replaced; form-encoded text with secret parameters replaced; anything else only as its size.
    public static func body(_ data: Data, contentType: String?) -> String {
        if data.isEmpty { return "" }
        let type = contentType?.lowercased() ?? ""
        if type.contains("json") || data.first == UInt8(ascii: "{") || data.first == UInt8(ascii: "[") {
            if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                let redacted = try? JSONSerialization.data(
                    withJSONObject: redactJSON(object),
                    options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]),
                let text = String(data: redacted, encoding: .utf8)
            {
                return text
            }
        }
        if type.contains("x-www-form-urlencoded"), let text = String(data: data, encoding: .utf8) {
            return formEncoded(text)
        }
        return "<\(data.count) bytes, not logged>"
    }

    private static func redactJSON(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]:
            var copy: [String: Any] = [:]
            for (key, element) in dictionary {
                copy[key] = isSecretName(key) ? placeholder : redactJSON(element)
            }
            return copy
        case let array as [Any]:
            return array.map(redactJSON)
        case let string as String:
            if string.contains("PRIVATE KEY") { return placeholder }
            if string.contains("://") { return url(string) }
            return string
        default:
            return value
        }
    }
}
