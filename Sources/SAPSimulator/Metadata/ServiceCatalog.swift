import Foundation

/// The four OData services the simulator serves, parsed once from the bundled EDMX files.
struct ServiceCatalog: Sendable {
    /// Names of the served services (directory names under `/sap/opu/odata/sap/`).
    static let serviceNames = [
        "API_BUSINESS_PARTNER", "API_SALES_ORDER_SRV", "API_PRODUCT_SRV", "API_MATERIAL_STOCK_SRV",
    ]

    /// Parsed services by name.
    let services: [String: ServiceModel]

    /// The bundled catalog (parsed on first use and shared).
    static let bundled: Result<ServiceCatalog, SAPSimulatorError> = Result { try ServiceCatalog.load() }
        .mapError { $0 as? SAPSimulatorError ?? .invalidMetadata(service: "?") }

    private static func load() throws -> ServiceCatalog {
        var services: [String: ServiceModel] = [:]
        for name in serviceNames {
            guard let url = Bundle.module.url(forResource: name, withExtension: "edmx", subdirectory: "edmx") else {
                throw SAPSimulatorError.invalidMetadata(service: name)
            }
            services[name] = try EDMXParser.parse(try Data(contentsOf: url), service: name)
        }
        return ServiceCatalog(services: services)
    }

    /// Looks a service up by name, case-insensitively (Gateway service names are case-insensitive).
    func service(named name: String) -> ServiceModel? {
        services[name] ?? services.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
