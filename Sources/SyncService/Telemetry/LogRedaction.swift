import Foundation
import Logging
import SyncHTTP

/// Keeps secrets out of log lines, whatever metadata a caller attaches.
///
/// A metadata value is replaced by `[REDACTED]` when its key names a secret — contains `authorization`, `cookie`,
/// `webhook`, `token`, `secret`, `password`, `assertion`, `credential`, an API key or a private key, or is `pwd`,
/// `sig` or `signature` (a lease's `fencing_token` is a counter, not a secret) — or when the value itself looks like
/// a credential (`Bearer …`,
/// `Basic …`, `Zoho-oauthtoken …`, a PEM private key). URLs keep their shape with user information, secret query
/// parameters and webhook paths removed (`Redaction.url`).
enum LogRedaction {
    private static let secretParts = [
        "authorization", "cookie", "webhook", "token", "secret", "password", "passwd", "assertion", "credential",
        "apikey", "api_key", "api-key", "private_key", "privatekey", "private-key",
    ]
    private static let secretNames: Set<String> = ["pwd", "sig", "signature"]
    private static let notSecret: Set<String> = ["fencing_token"]
    private static let credentialPrefixes = ["bearer ", "basic ", "zoho-oauthtoken "]

    /// Whether a metadata key names a secret.
    static func isSecretKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        let last = lowered.split(separator: ".").last.map(String.init) ?? lowered
        if notSecret.contains(last) { return false }
        return secretNames.contains(last) || secretParts.contains { lowered.contains($0) }
    }

    /// A metadata value as one line of text, with secrets removed (nested dictionaries by their own keys).
    static func flatten(key: String, value: Logger.Metadata.Value) -> String {
        if isSecretKey(key) { return Redaction.placeholder }
        switch value {
        case .string(let text): return redactValue(text)
        case .stringConvertible(let convertible): return redactValue(convertible.description)
        case .array(let values):
            return "[" + values.map { flatten(key: "", value: $0) }.joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            return "[" + dictionary.keys.sorted().map { "\($0): \(flatten(key: $0, value: dictionary[$0]!))" }
                .joined(separator: ", ") + "]"
        }
    }

    /// A free-text value with credentials removed.
    static func redactValue(_ text: String) -> String {
        let lowered = text.lowercased()
        if credentialPrefixes.contains(where: { lowered.hasPrefix($0) }) || text.contains("PRIVATE KEY") {
            return Redaction.placeholder
        }
        guard text.contains("://") else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.contains("://") ? Redaction.url(String($0)) : String($0) }.joined(separator: " ")
    }
}
