import Foundation

/// A single OData V2 entity response: `{"d": { ...entity... }}`.
struct ODataEntityEnvelope<Entity: Decodable>: Decodable {
    /// The entity under `d`.
    var entity: Entity

    enum CodingKeys: String, CodingKey { case d }

    init(from decoder: any Decoder) throws {
        entity = try decoder.container(keyedBy: CodingKeys.self).decode(Entity.self, forKey: .d)
    }
}

/// One page of an OData V2 collection: `{"d": {"results": [...], "__count": "2", "__next": "<absolute url>"}}`.
///
/// `__count` (only with `$inlinecount=allpages`) is an Edm.Int64 sent as a string; `__next` is present only when
/// the server pages. A bare `{"d": [...]}` (OData V1 style) is read as a page without `__next`.
struct ODataCollectionPage<Entity: Decodable>: Decodable {
    /// The rows of this page.
    var results: [Entity]
    /// `__count`: the total number of rows matching the query, when requested.
    var count: Int?
    /// `__next`: the absolute URL of the next page, when the server paged.
    var next: String?

    enum EnvelopeKeys: String, CodingKey { case d }
    enum CodingKeys: String, CodingKey {
        case results
        case count = "__count"
        case next = "__next"
    }

    init(from decoder: any Decoder) throws {
        let envelope = try decoder.container(keyedBy: EnvelopeKeys.self)
        if let bare = try? envelope.decode([Entity].self, forKey: .d) {
            results = bare
            count = nil
            next = nil
            return
        }
        let d = try envelope.nestedContainer(keyedBy: CodingKeys.self, forKey: .d)
        results = try d.decode([Entity].self, forKey: .results)
        if let text = try d.decodeIfPresent(String.self, forKey: .count) {
            guard let value = Int(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .count, in: d, debugDescription: "__count is not an Edm.Int64 string")
            }
            count = value
        } else {
            count = try d.decodeIfPresent(Int.self, forKey: .count)
        }
        next = try d.decodeIfPresent(String.self, forKey: .next)
    }
}

/// A navigation property: expanded to-many (`{"results": [...]}`), or deferred (`{"__deferred": {...}}`), which
/// reads as `nil` results.
struct ODataToMany<Entity: Decodable>: Decodable {
    /// The expanded rows; `nil` when the navigation was not expanded.
    var results: [Entity]?

    enum CodingKeys: String, CodingKey { case results }

    init(from decoder: any Decoder) throws {
        if let array = try? decoder.singleValueContainer().decode([Entity].self) {
            results = array
            return
        }
        results = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([Entity].self, forKey: .results)
    }
}
