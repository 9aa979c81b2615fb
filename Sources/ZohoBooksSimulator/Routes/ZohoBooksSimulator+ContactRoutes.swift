import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `POST /contacts` (201), `GET /contacts/{id}`, `GET /contacts` (filters and paging in
    /// `ZohoBooksState.listContacts`).
    func addContactRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.post("contacts") { [self] request, _ in
            try await answer {
                let input = try ZohoContactInput(json: try await ZohoHTTP.jsonBody(request))
                let body = try withState { state, now throws(ZohoAPIError) in
                    let contact = try state.createContact(input, now: now)
                    return ZohoRenderer.envelope(
                        message: "The contact has been added.",
                        [("contact", ZohoRenderer(state: state, now: now).contact(contact))])
                }
                return ZohoHTTP.response(body, status: 201)
            }
        }
        api.get("contacts/:contact_id") { [self] _, context in
            let id = context.parameters.get("contact_id") ?? ""
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let contact = state.contacts[try state.contactIndex(id)]
                    return ZohoRenderer.envelope(
                        message: "success", [("contact", ZohoRenderer(state: state, now: now).contact(contact))])
                })
            }
        }
        api.get("contacts") { [self] request, _ in
            let query = ZohoHTTP.query(request)
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let page = try state.listContacts(query, maxPerPage: configuration.maxPerPage)
                    let renderer = ZohoRenderer(state: state, now: now)
                    return ZohoRenderer.envelope(message: "success", [
                        ("contacts", .array(page.items.map(renderer.contactRow))),
                        ("page_context", page.context(
                            reportName: "Contacts", appliedFilter: query["filter_by"] ?? "Status.All")),
                    ])
                })
            }
        }
    }
}
