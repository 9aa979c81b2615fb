import Foundation
import Synchronization

/// The cookies of the SAP security session (`SAP_SESSIONID_<SID>_<client>`, `sap-XSRF_<SID>_<client>`), kept so
/// the CSRF token stays valid: SAP binds the token to the session cookies (SAP KBA 3048103).
///
/// One host per client, so `Domain`/`Path` attributes are not needed: every `Set-Cookie` `name=value` replaces the
/// cookie of that name, an empty value or `Max-Age=0` removes it. Cookie values are secrets: never logged.
final class SAPCookieJar: Sendable {
    private let cookies = Mutex<[(name: String, value: String)]>([])

    /// Stores the cookies of `Set-Cookie` header values.
    func store(setCookie headerValues: [String]) {
        guard !headerValues.isEmpty else { return }
        cookies.withLock { jar in
            for header in headerValues {
                let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let pair = attributes.first, let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals])
                let value = String(pair[pair.index(after: equals)...])
                guard !name.isEmpty else { continue }
                let expired = attributes.dropFirst().contains { $0.lowercased().replacingOccurrences(of: " ", with: "") == "max-age=0" }
                jar.removeAll { $0.name == name }
                if !value.isEmpty, !expired { jar.append((name, value)) }
            }
        }
    }

    /// The `Cookie` request header value (`a=1; b=2`), or `nil` when the jar is empty.
    var headerValue: String? {
        cookies.withLock { jar in
            jar.isEmpty ? nil : jar.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
        }
    }
}
