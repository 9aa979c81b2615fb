import Foundation
import NIOHTTP1
import Synchronization
import SyncCore
import SyncHTTP

/// A vendor for transport tests: bearer token auth, and a classifier in the shape the real vendors have.
///
/// Classification: 2xx with a JSON body → success (a non-JSON 2xx body → `.malformedResponse`); 401 → refresh;
/// 403 with `x-csrf-token: Required` → renew session; 429 whose body has `"code":45` (Zoho's daily quota) →
/// `.quotaExhausted`; other 429 → `.rateLimited`; 500/502/503/504 → `.serverError`; anything else
/// `.validationFailed`.
final class ScriptedVendor: VendorProtocol {
    struct Counts: Sendable {
        var authorize = 0
        var refresh = 0
        var renewSession = 0
        var observedAt: [Duration] = []
    }
    let system: SyncSystem = .zohoBooks
    private let state = Mutex((counts: Counts(), token: "token-1", csrf: "csrf-1"))
    private let sleeper: RecordingSleeper?
    private let onObserve: (@Sendable (HTTPResponseData) async -> Void)?

    /// `sleeper`: records the virtual time of every observed response; `onObserve`: extra response hook.
    init(sleeper: RecordingSleeper? = nil, onObserve: (@Sendable (HTTPResponseData) async -> Void)? = nil) {
        self.sleeper = sleeper
        self.onObserve = onObserve
    }

    var counts: Counts { state.withLock { $0.counts } }

    func authorize(_ request: inout HTTPRequestSpec) async throws {
        let (token, csrf) = state.withLock { state in
            state.counts.authorize += 1
            return (state.token, state.csrf)
        }
        request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
        request.headers.replaceOrAdd(name: "x-csrf-token", value: csrf)
    }

    func refresh() async throws {
        state.withLock { state in
            state.counts.refresh += 1
            state.token = "token-\(state.counts.refresh + 1)"
        }
    }

    func renewSession() async throws {
        state.withLock { state in
            state.counts.renewSession += 1
            state.csrf = "csrf-\(state.counts.renewSession + 1)"
        }
    }

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        let body = String(decoding: response.body, as: UTF8.self)
        switch response.status {
        case 200..<300:
            if response.body.isEmpty || (try? JSONSerialization.jsonObject(with: response.body)) != nil {
                return .success
            }
            return .failure(SyncError(code: .malformedResponse, system: system, message: "Not JSON."))
        case 401:
            return .refreshCredentials
        case 403 where response.headers.first(name: "x-csrf-token")?.lowercased() == "required":
            return .renewSession
        case 429 where body.contains("\"code\":45"):
            return .failure(SyncError(code: .quotaExhausted, system: system, message: "Daily quota used up.", vendorCode: "45"))
        case 429:
            return .failure(SyncError(code: .rateLimited, system: system, message: "Rate limited."))
        case 500, 502, 503, 504:
            return .failure(SyncError(code: .serverError, system: system, message: "Server error."))
        default:
            return .failure(SyncError(code: .validationFailed, system: system, message: "Rejected."))
        }
    }

    func observe(_ response: HTTPResponseData) async {
        if let sleeper {
            let elapsed = sleeper.elapsed
            state.withLock { $0.counts.observedAt.append(elapsed) }
        }
        await onObserve?(response)
    }
}
