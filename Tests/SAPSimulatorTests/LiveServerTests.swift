import Foundation
import Hummingbird
import HummingbirdTesting
import SAPSimulator
import SimulatorKit
import Testing

@Suite("SAP simulator over a real HTTP connection")
struct LiveServerTests {
    @Test("absolute URLs use the Host header with the bound port; quoted keys route")
    func absoluteURLs() async throws {
        let simulator = SAPSimulator(seed: SAPFixtures.seed(), clock: ManualSimulatorClock(SAPFixtures.start))
        let app = Application(router: simulator.buildRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let configuration = SAPSimulator.Configuration()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let sap = SAPTestClient(client: client, configuration: configuration)
            let authority = "127.0.0.1:\(port)"
            let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { raw in
                try await raw.execute(TestClient.Request(
                    "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product(%27TG11%27)", method: .get, authority: authority,
                    headers: [.authorization: sap.basic, .accept: "application/json"]))
            }
            #expect(response.status == .ok)
            let buffer = try #require(response.body)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
            let uri = ((body["d"] as? [String: Any])?["__metadata"] as? [String: Any])?["uri"] as? String
            #expect(uri == "http://\(authority)/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('TG11')")
            let root = try await sap.send(.head, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/", headers: [SAPTestClient.csrf: "Fetch"])
            #expect(root.status == .ok)
            #expect(root.headers[SAPTestClient.csrf]?.isEmpty == false)
        }
    }
}
