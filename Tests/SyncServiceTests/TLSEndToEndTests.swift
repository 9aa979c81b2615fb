import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct TLSEndToEndTests {
    /// The sandbox serves HTTPS with a certificate authority it generates: with `CRMSYNC_TRUSTED_CA_FILE` (the line
    /// the sandbox prints) CRMSync verifies the certificates and syncs; the stock pass reaches Product2.
    @Test func https_withTrustedCAFile_syncs() async throws {
        try await EndToEnd.run(https: true) { e2e in
            #expect(e2e.running.salesforceURL.hasPrefix("https://"))
            #expect(e2e.runtime.configuration.trustedCAFile != nil)
            let report = try await e2e.runtime.engine.runPass(flows: [.stock])
            #expect(report.flows.first?.stoppedBy == nil)
            #expect((report.flows.first?.applied ?? 0) > 0)
        }
    }

    /// Without the CA, verification stays on and fails: the pass stops Salesforce with a connection error that
    /// says how to trust a CA, and nothing is written.
    @Test func https_withoutTrustedCA_refusesTheConnection() async throws {
        try await EndToEnd.run(extraEnvironment: ["CRMSYNC_TRUSTED_CA_FILE": ""], https: true) { e2e in
            #expect(e2e.runtime.configuration.trustedCAFile == nil)
            let report = try await e2e.runtime.engine.runPass(flows: [.stock])
            let stopped = try #require(report.flows.first?.stoppedBy)
            #expect(stopped.code == .connectionFailed)
            #expect(report.flows.first?.applied == 0)
        }
    }
}
