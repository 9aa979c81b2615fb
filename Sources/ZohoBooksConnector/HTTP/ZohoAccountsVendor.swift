import SyncCore
import SyncHTTP

/// The vendor of the accounts-server transport: token requests go through `executeRaw` and are read by
/// `ZohoTokenProvider`, so this adds no authorization and accepts every response.
struct ZohoAccountsVendor: VendorProtocol {
    let system: SyncSystem = .zohoBooks

    func authorize(_ request: inout HTTPRequestSpec) async throws {}

    func refresh() async throws {}

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        .success
    }
}
