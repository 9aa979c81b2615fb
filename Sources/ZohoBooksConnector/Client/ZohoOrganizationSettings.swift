import Foundation

/// Organization settings read once and kept for the client's lifetime: the currency ids by ISO code
/// (`GET /settings/currencies`) and the organization's time zone (`GET /organizations`).
actor ZohoOrganizationSettings {
    private var currencyIDs: [String: String]?
    private var timeZone: TimeZone?

    /// The cached currency id of `code` (upper-cased ISO 4217); loads the list when nothing is cached or, once,
    /// when the code is not in the cached list (a currency added since).
    func currencyID(
        for code: String, loading load: @Sendable () async throws -> [ZohoCurrencyRecord]
    ) async throws -> String? {
        let key = code.uppercased()
        if let id = currencyIDs?[key] { return id }
        var loaded: [String: String] = [:]
        for currency in try await load() { loaded[currency.code.uppercased()] = currency.id }
        currencyIDs = loaded
        return loaded[key]
    }

    /// The cached time zone, loaded once with `load`.
    func timeZone(loading load: @Sendable () async throws -> TimeZone) async throws -> TimeZone {
        if let timeZone { return timeZone }
        let loaded = try await load()
        timeZone = loaded
        return loaded
    }
}
