/// The kinds of identity document the forms accept, keyed by stable English codes.
public enum IDType: String, Sendable, Hashable, CaseIterable, Codable {
    /// 居民身份证: the 18-character citizen identity number of GB 11643-1999.
    case residentCard
    /// 护照: any country's passport.
    case passport
    /// 港澳居民来往内地通行证 ("home-return permit").
    case hkMacaoPermit
    /// 台湾居民来往大陆通行证.
    case taiwanPermit
    /// 外国人永久居留身份证, old 15-character or new 18-digit number.
    case foreignPermanentResident
    /// 其他: documents the list does not name (military, police and similar cards), so
    /// that nobody is shut out of enrolment; checked only for a plausible shape.
    case other

    /// The code forms carry; the same as `rawValue`, which must never change.
    public var code: String { rawValue }

    /// The Chinese name the forms show.
    public var label: String {
        switch self {
        case .residentCard: "居民身份证"
        case .passport: "护照"
        case .hkMacaoPermit: "港澳居民来往内地通行证"
        case .taiwanPermit: "台湾居民来往大陆通行证"
        case .foreignPermanentResident: "外国人永久居留身份证"
        case .other: "其他"
        }
    }
}
