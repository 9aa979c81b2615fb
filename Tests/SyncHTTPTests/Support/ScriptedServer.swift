import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// What the scripted server answers to one request.
enum ScriptedReply: Sendable {
    /// Answers with `status`, headers and a body.
    case respond(Int, headers: [(String, String)] = [], body: String = "")
    /// Waits `delay` (real time, milliseconds) before answering 200.
    case slow(Duration)
    /// Sends the head of a 200 and then closes the connection without finishing the body.
    case dropConnection
}

/// A request the scripted server received.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// Header values by lowercased name.
    var headers: [String: String]
    var body: String
}

/// The replies the server gives, in order, and what it received; also tracks requests in flight.
final class ReplyScript: Sendable {
    private struct State {
        var replies: [ScriptedReply]
        var received: [ReceivedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }
    private let state: Mutex<State>

    init(_ replies: [ScriptedReply]) {
        state = Mutex(State(replies: replies))
    }

    var received: [ReceivedRequest] { state.withLock { $0.received } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    fileprivate func begin(_ request: ReceivedRequest) -> ScriptedReply {
        state.withLock { state in
            state.received.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.replies.isEmpty ? .respond(599, body: "script exhausted") : state.replies.removeFirst()
        }
    }

    fileprivate func end() {
        state.withLock { $0.inFlight -= 1 }
    }
}

private struct DroppedConnection: Error {}

/// A Hummingbird server on 127.0.0.1 and an OS-chosen port that answers from a ``ReplyScript``.
enum ScriptedServer {
    /// Runs the server for the duration of `body`, which receives the base URL (`http://127.0.0.1:PORT`).
    static func with<T: Sendable>(
        _ script: ReplyScript, _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let bodyBuffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let reply = script.begin(
                ReceivedRequest(
                    method: request.method.rawValue, path: request.uri.description, headers: headers,
                    body: String(buffer: bodyBuffer)))
            defer { script.end() }
            return try await respond(reply)
        }
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let result = try await body("http://127.0.0.1:\(port)")
            group.cancelAll()
            return result
        }
    }

    private static func respond(_ reply: ScriptedReply) async throws -> Response {
        switch reply {
        case .respond(let status, let headerPairs, let body):
            var headers = HTTPFields()
            for (name, value) in headerPairs {
                if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
            }
            return Response(
                status: .init(code: status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: body)))
        case .slow(let delay):
            try await Task.sleep(for: delay)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{}")))
        case .dropConnection:
            return Response(
                status: .ok,
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "{\"partial\":"))
                    throw DroppedConnection()
                })
        }
    }
}
