import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// Answers `x-csrf-token: Fetch`: reuses the session named by the request's session cookie while it lives,
    /// else opens a new one; returns the `x-csrf-token` header and the session/XSRF `Set-Cookie` headers.
    func issueCSRFToken(_ request: Request, principal: Principal) -> HTTPFields {
        let now = clock.now()
        let lifetime = configuration.csrfTokenLifetimeSeconds
        let cookieSession = sessionID(of: request)
        let (sessionID, token) = state.withLock { store -> (String, String) in
            if let id = cookieSession, var session = store.sessions[id], now.timeIntervalSince(session.lastUsed) <= lifetime {
                if !session.tokenValid {
                    session.token = Self.tokenText(store.nextHex(32))
                    session.tokenValid = true
                }
                session.lastUsed = now
                store.sessions[id] = session
                return (id, session.token)
            }
            let id = "SID:ANON:s4h_\(configuration.systemID)_00:" + store.nextHex(40)
            let token = Self.tokenText(store.nextHex(32))
            store.sessions[id] = SAPStore.Session(token: token, lastUsed: now)
            return (id, token)
        }
        var fields = HTTPFields()
        fields[ODataResponse.csrfHeader] = token
        let encodedID = sessionID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sessionID
        fields.append(HTTPField(name: .setCookie, value: "\(configuration.sessionCookieName)=\(encodedID); path=/; HttpOnly"))
        let xsrf = (token + "=" + EDMFormat.isoSeconds(now).filter(\.isASCIIDigit))
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
        fields.append(HTTPField(name: .setCookie, value: "\(configuration.xsrfCookieName)=\(xsrf); path=/sap/opu/odata/sap/; HttpOnly"))
        return fields
    }

    /// True when the request's `x-csrf-token` is the live token of the session named by its session cookie.
    func validateCSRF(_ request: Request) -> Bool {
        guard let token = request.headers[ODataResponse.csrfHeader], token.lowercased() != "fetch",
            let sessionID = sessionID(of: request)
        else { return false }
        let now = clock.now()
        let lifetime = configuration.csrfTokenLifetimeSeconds
        return state.withLock { store in
            guard var session = store.sessions[sessionID], session.tokenValid, session.token == token,
                now.timeIntervalSince(session.lastUsed) <= lifetime
            else { return false }
            session.lastUsed = now
            store.sessions[sessionID] = session
            return true
        }
    }

    /// Invalidates the CSRF token of the request's session (the `csrfExpired` fault).
    func expireCSRFToken(_ request: Request) {
        guard let sessionID = sessionID(of: request) else { return }
        state.withLock { store in store.sessions[sessionID]?.tokenValid = false }
    }

    /// The session id from the request's `SAP_SESSIONID_<SID>_<client>` cookie (percent-decoded).
    func sessionID(of request: Request) -> String? {
        guard let raw = request.cookies[configuration.sessionCookieName]?.value else { return nil }
        return PercentDecoding.decode(raw)
    }

    /// A token in SAP's shape: 24 base64 characters (16 bytes).
    private static func tokenText(_ hex: String) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }
}
