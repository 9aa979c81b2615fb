import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `POST /customerpayments` (201), `GET /customerpayments` (key `customerpayments`), and
    /// `GET /customerpayments/{id}` (key `payment`).
    func addPaymentRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.post("customerpayments") { [self] request, _ in
            try await answer {
                let input = try ZohoPaymentInput(json: try await ZohoHTTP.jsonBody(request))
                let body = try withState { state, now throws(ZohoAPIError) in
                    let payment = try state.recordPayment(input, stampedAt: now, visibleFrom: now)
                    return ZohoRenderer.envelope(
                        message: "The payment from the customer has been recorded",
                        [("payment", ZohoRenderer(state: state, now: now).payment(payment))])
                }
                return ZohoHTTP.response(body, status: 201)
            }
        }
        api.get("customerpayments/:payment_id") { [self] _, context in
            let id = context.parameters.get("payment_id") ?? ""
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let payment = try state.payment(id: id, now: now)
                    return ZohoRenderer.envelope(
                        message: "success", [("payment", ZohoRenderer(state: state, now: now).payment(payment))])
                })
            }
        }
        api.get("customerpayments") { [self] request, _ in
            let query = ZohoHTTP.query(request)
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let page = try state.listPayments(query, maxPerPage: configuration.maxPerPage, now: now)
                    let renderer = ZohoRenderer(state: state, now: now)
                    return ZohoRenderer.envelope(message: "success", [
                        ("customerpayments", .array(page.items.map(renderer.paymentRow))),
                        ("page_context", page.context(
                            reportName: "Payments Received",
                            appliedFilter: query["filter_by"] ?? "PaymentMode.All")),
                    ])
                })
            }
        }
    }
}
