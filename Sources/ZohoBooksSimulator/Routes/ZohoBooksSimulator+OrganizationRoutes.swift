import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `GET /organizations` (the one organization, members after the recorded sample) and
    /// `GET /settings/currencies` (so clients can resolve `currency_id` from `currency_code`).
    func addOrganizationRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("organizations") { [self] _, _ in
            let now = clock.now()
            let organization = state.withLock { state -> ZohoJSON in
                let base = state.baseCurrency
                return .object(ZohoJSONObject([
                    ("organization_id", .string(state.organizationID)), ("name", .string(state.organizationName)),
                    ("contact_name", .string("")), ("email", .string("")), ("is_default_org", .bool(true)),
                    ("language_code", .string("en")), ("fiscal_year_start_month", .string("1")),
                    ("account_created_date", .string(state.today(now))),
                    ("time_zone", .string(state.time.timeZone.identifier)), ("date_format", .string("dd MMM yyyy")),
                    ("currency_id", .string(base.id)), ("currency_code", .string(base.code)),
                    ("currency_symbol", .string(base.symbol)), ("price_precision", .int(base.precision)),
                ]))
            }
            return ZohoHTTP.response(ZohoRenderer.envelope(
                message: "success", [("organizations", .array([organization]))]))
        }
        api.get("settings/currencies") { [self] _, _ in
            let now = clock.now()
            let rows = state.withLock { state in
                state.currencies.map { ZohoRenderer(state: state, now: now).currency($0) }
            }
            return ZohoHTTP.response(ZohoRenderer.envelope(message: "success", [("currencies", .array(rows))]))
        }
    }
}
