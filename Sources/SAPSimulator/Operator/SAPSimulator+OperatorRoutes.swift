import Foundation
import Hummingbird
import SimulatorKit

/// JSON bodies of the SAP operator routes.
struct StockChangeRequest: Codable {
    var material: String
    var plant: String
    var storageLocation: String
    /// Decimal string in the base unit.
    var quantity: String
}

/// Body of `PUT /_operator/sap/products`.
struct ProductChangeRequest: Codable {
    var product: String
    var description: String
    var baseUnit: String?
    var isMarkedForDeletion: Bool?
    var plants: [String]?
    var listPrices: [String: String]?
    /// ISO 8601 UTC; default now.
    var lastChangeDateTime: String?
    var commitLagSeconds: Double?
}

extension SAPSimulator {
    /// Adds the SAP operator routes:
    /// `PUT /_operator/sap/stock` (`StockChangeRequest`), `PUT /_operator/sap/products` (`ProductChangeRequest`),
    /// `GET /_operator/sap/sales-orders[?purchaseOrderByCustomer=…]`, `DELETE /_operator/sap/sales-orders/{number}`,
    /// `GET /_operator/sap/business-partners[?searchTerm1=…]`.
    func addSAPOperatorRoutes(to router: Router<BasicRequestContext>) {
        router.put("/_operator/sap/stock") { [self] request, _ in
            guard let change = try await Self.decodeBody(StockChangeRequest.self, request),
                let quantity = Decimal(string: change.quantity, locale: Locale(identifier: "en_US_POSIX"))
            else { return try OperatorJSON.response(["error": "expected {material, plant, storageLocation, quantity}"], status: .badRequest) }
            setStock(material: change.material, plant: change.plant, storageLocation: change.storageLocation, quantity: quantity)
            let total = stockQuantity(material: change.material, plant: change.plant)
            return try OperatorJSON.response(["material": change.material.uppercased(), "plant": change.plant, "quantity": "\(total)"])
        }
        router.put("/_operator/sap/products") { [self] request, _ in
            guard let change = try await Self.decodeBody(ProductChangeRequest.self, request) else {
                return try OperatorJSON.response(["error": "expected {product, description, ...}"], status: .badRequest)
            }
            let fields = ProductFields(
                product: change.product.uppercased(), description: change.description, baseUnit: change.baseUnit ?? "PC",
                isMarkedForDeletion: change.isMarkedForDeletion ?? false, plants: change.plants ?? [],
                listPrices: change.listPrices ?? [:])
            upsertProduct(fields, lastChangeDateTime: change.lastChangeDateTime.flatMap(EDMFormat.parseISO),
                          commitLagSeconds: change.commitLagSeconds)
            return try OperatorJSON.response(["product": fields.product])
        }
        router.get("/_operator/sap/sales-orders") { [self] request, _ in
            let orders = salesOrders(purchaseOrderByCustomer: request.uri.queryParameters["purchaseOrderByCustomer"].map(String.init))
            return try Self.encoded(SalesOrderList(count: orders.count, salesOrders: orders))
        }
        router.delete("/_operator/sap/sales-orders/:number") { [self] _, context in
            let number = context.parameters.get("number") ?? ""
            return Response(status: deleteSalesOrder(number) ? .noContent : .notFound)
        }
        router.get("/_operator/sap/business-partners") { [self] request, _ in
            let partners = businessPartners(searchTerm1: request.uri.queryParameters["searchTerm1"].map(String.init))
            return try Self.encoded(BusinessPartnerList(count: partners.count, businessPartners: partners))
        }
    }

    private struct SalesOrderList: Codable {
        var count: Int
        var salesOrders: [SalesOrderSummary]
    }

    private struct BusinessPartnerList: Codable {
        var count: Int
        var businessPartners: [BusinessPartnerSummary]
    }

    private static func decodeBody<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T? {
        let body = try await request.body.collect(upTo: OperatorJSON.maxBodyBytes)
        return try? JSONDecoder().decode(T.self, from: Data(buffer: body))
    }

    private static func encoded(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
