/// Failures while setting up the SAP simulator.
public enum SAPSimulatorError: Error, Sendable, Hashable {
    /// A bundled `$metadata` document is missing or not valid XML.
    case invalidMetadata(service: String)
}
