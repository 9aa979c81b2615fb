import SyncHTTP
import Testing

/// Expected encodings follow RFC 3986 §2.1–2.3: only unreserved characters stay literal, every other UTF-8 byte
/// becomes `%XX` with uppercase hex.
@Suite("Query-string encoding")
struct QueryEncodingTests {
    @Test(
        "encodes reserved and non-ASCII characters",
        arguments: [
            ("a+b", "a%2Bb"),
            ("a b", "a%20b"),
            ("O'Brien", "O%27Brien"),
            ("a&b", "a%26b"),
            ("a=b", "a%3Db"),
            ("100%", "100%25"),
            ("Müller", "M%C3%BCller"),
            ("東京", "%E6%9D%B1%E4%BA%AC"),
            ("/?#[]@", "%2F%3F%23%5B%5D%40"),
        ])
    func encodesReserved(input: String, expected: String) {
        #expect(percentEncodeQueryValue(input) == expected)
    }

    @Test("keeps the unreserved characters")
    func keepsUnreserved() {
        let unreserved = "ABCXYZabcxyz0189-._~"
        #expect(percentEncodeQueryValue(unreserved) == unreserved)
    }

    @Test("a Zoho offset timestamp keeps its plus sign as %2B")
    func zohoTimestamp() {
        #expect(percentEncodeQueryValue("2024-05-01T10:00:00+0530") == "2024-05-01T10%3A00%3A00%2B0530")
    }

    @Test("builds a query string in the given order, names encoded too")
    func queryString() {
        let query = makeQueryString([
            ("q", "SELECT Id FROM Account WHERE Name = 'A&B'"), ("$top", "2"), ("tag", "x"), ("tag", "y"),
        ])
        #expect(query == "q=SELECT%20Id%20FROM%20Account%20WHERE%20Name%20%3D%20%27A%26B%27&%24top=2&tag=x&tag=y")
        #expect(makeQueryString([]) == "")
    }
}
