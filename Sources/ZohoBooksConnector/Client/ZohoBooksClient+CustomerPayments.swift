import Foundation
import SyncCore

extension ZohoBooksClient {
    /// Scans of the payment list per call: the first plus rescans after rows moved between pages.
    static let maxPaymentScans = 3

    /// Streams customer payments modified at or after `since` (all when `nil`), page by page.
    ///
    /// Sends `GET /customerpayments?sort_column=last_modified_time&sort_order=A` and, with a watermark,
    /// `last_modified_time=<since in the organization's offset>` (e.g. `2026-06-09T13:14:59-0400`, a `+` offset
    /// sent as `%2B`). The filter is undocumented for payments (zoho.md §10), so rows modified before `since` are
    /// dropped client-side and a payment is handed on once per call. A payment modified during the scan moves
    /// behind the others, shifting unread rows onto pages already read; when a payment shows up twice in one scan,
    /// the scan is repeated (at most `maxPaymentScans` times in all) and only payments not yet handed on are passed.
    /// Empty pages are not handed on.
    /// - Throws: the HTTP layer's `SyncError` codes, `.malformedResponse`, or what `body` throws.
    public func forEachCustomerPaymentPage(
        since: Date?, _ body: @Sendable ([CustomerPaymentSummary]) async throws -> Void
    ) async throws {
        var query = [("sort_column", "last_modified_time"), ("sort_order", "A")]
        if let since {
            let zone = try await organizationTimeZone()
            query.append(("last_modified_time", ZohoTimestamp.format(since, in: zone)))
        }
        var handedOn = Set<String>()
        for _ in 0..<Self.maxPaymentScans {
            var seenThisScan = Set<String>()
            var shifted = false
            try await forEachPage(
                "/customerpayments", query: query, resourceKey: "customerpayments", as: ZohoCustomerPaymentRow.self,
                endpoint: "customerpayments.list"
            ) { rows in
                var fresh: [CustomerPaymentSummary] = []
                for row in rows {
                    guard let summary = row.summary else {
                        logger.warning(
                            "Skipping a Zoho customer payment without timestamps", metadata: ["payment_id": "\(row.id)"])
                        continue
                    }
                    if let since, summary.lastModifiedTime < since { continue }
                    if !seenThisScan.insert(summary.id).inserted { shifted = true }
                    if handedOn.insert(summary.id).inserted { fresh.append(summary) }
                }
                if !fresh.isEmpty { try await body(fresh) }
                return true
            }
            guard shifted else { return }
            logger.debug("Zoho customer payments moved between pages during the scan; scanning again")
        }
    }

    /// Reads one customer payment (`GET /customerpayments/{payment_id}`) with `invoices[]`: per invoice the
    /// `amount_applied` (payment currency), the invoice `total` and `balance` after this payment.
    /// - Throws: `.notFound` (code 1002) and the HTTP layer's `SyncError` codes.
    public func customerPayment(id: String) async throws -> CustomerPayment {
        let response = try await send(.GET, "/customerpayments/" + Self.segment(id), endpoint: "customerpayments.get")
        return try ZohoJSON.decode(ZohoCustomerPaymentRecord.self, from: response.body, resourceKey: "payment").payment
    }

    /// The organization's time zone: `Configuration.organizationTimeZone`, else `time_zone` of this organization in
    /// `GET /organizations` (read once; UTC when it is missing or not an IANA name).
    func organizationTimeZone() async throws -> TimeZone {
        if let zone = configuration.organizationTimeZone { return zone }
        return try await settings.timeZone {
            let response = try await self.send(
                .GET, "/organizations", endpoint: "organizations.list", includeOrganization: false)
            let organizations = try ZohoJSON.decode(
                [ZohoOrganizationRecord].self, from: response.body, resourceKey: "organizations")
            let name = organizations.first { $0.id == self.configuration.organizationID }?.timeZone
            guard let name, let zone = TimeZone(identifier: name) else {
                self.logger.warning("Zoho organization time zone unknown; using UTC for watermarks")
                return TimeZone(identifier: "UTC")!
            }
            return zone
        }
    }
}
