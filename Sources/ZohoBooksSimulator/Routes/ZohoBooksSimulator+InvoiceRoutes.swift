import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `POST /invoices` (201; query `send=true` emails it, `ignore_auto_number_generation=true` takes
    /// `invoice_number`), `GET /invoices/{id}`, `GET /invoices`, `GET`/`POST /invoices/{id}/email`,
    /// `POST /invoices/{id}/status/sent`, `POST /invoices/{id}/status/void`.
    func addInvoiceRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.post("invoices") { [self] request, _ in
            let query = ZohoHTTP.query(request)
            return try await answer {
                let input = try ZohoInvoiceInput(json: try await ZohoHTTP.jsonBody(request))
                let body = try withState { state, now throws(ZohoAPIError) in
                    var invoice = try state.createInvoice(
                        input, ignoreAutoNumber: query["ignore_auto_number_generation"] == "true", now: now)
                    if query["send"] == "true" {
                        // [ASSUME] With no recipient the invoice is still created, as a draft that was not sent.
                        _ = try? state.emailInvoice(id: invoice.id, to: [], now: now)
                        invoice = state.invoices[try state.invoiceIndex(invoice.id)]
                    }
                    return ZohoRenderer.envelope(
                        message: "The invoice has been created.",
                        [("invoice", ZohoRenderer(state: state, now: now).invoice(invoice))])
                }
                return ZohoHTTP.response(body, status: 201)
            }
        }
        api.get("invoices/:invoice_id") { [self] _, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let invoice = state.invoices[try state.invoiceIndex(id)]
                    return ZohoRenderer.envelope(
                        message: "success", [("invoice", ZohoRenderer(state: state, now: now).invoice(invoice))])
                })
            }
        }
        api.get("invoices") { [self] request, _ in
            let query = ZohoHTTP.query(request)
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let page = try state.listInvoices(query, maxPerPage: configuration.maxPerPage, now: now)
                    let renderer = ZohoRenderer(state: state, now: now)
                    return ZohoRenderer.envelope(message: "success", [
                        ("invoices", .array(page.items.map(renderer.invoiceRow))),
                        ("page_context", page.context(
                            reportName: "Invoices", appliedFilter: query["filter_by"] ?? "Status.All", salesChannels: true)),
                    ])
                })
            }
        }
        api.post("invoices/:invoice_id/email") { [self] request, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                let body = try await ZohoHTTP.jsonBody(request)
                let recipients = (body["to_mail_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
                let isFirst = try withState { state, now throws(ZohoAPIError) in
                    try state.emailInvoice(id: id, to: recipients, now: now)
                }
                return ZohoHTTP.response(ZohoRenderer.envelope(
                    message: "Your invoice has been sent.", [("is_first_email", .bool(isFirst))]))
            }
        }
        api.get("invoices/:invoice_id/email") { [self] _, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    ZohoRenderer(state: state, now: now).emailContent(state.invoices[try state.invoiceIndex(id)])
                })
            }
        }
        api.post("invoices/:invoice_id/status/sent") { [self] _, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                try withState { state, now throws(ZohoAPIError) in try state.markInvoiceSent(id: id, now: now) }
                return ZohoHTTP.response(ZohoRenderer.envelope(
                    message: "Invoice status has been changed to Sent.", []))
            }
        }
        api.post("invoices/:invoice_id/status/void") { [self] _, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                try withState { state, now throws(ZohoAPIError) in try state.voidInvoice(id: id, now: now) }
                return ZohoHTTP.response(ZohoRenderer.envelope(
                    message: "Invoice status has been changed to Void.", []))
            }
        }
    }
}
