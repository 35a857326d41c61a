/// The check symbol of certificate serials: a weighted sum over the field GF(32).
///
/// Symbols are the 32 values of GF(2⁵) (polynomial x⁵ + x² + 1; α = x generates the
/// whole multiplicative group because its order divides the prime 31). A serial
/// v₀ v₁ … vₙ, check symbol last, is valid when S = Σ α^(n−j)·vⱼ = 0.
///
/// Why it catches what it must, at every position including the check symbol:
/// - one symbol v changed to v′ at j changes S by α^(n−j)·(v ⊕ v′), a product of two
///   non-zero field elements, so never zero;
/// - neighbours v, w (v ≠ w) swapped at j, j+1 change S by
///   (α^(n−j) ⊕ α^(n−j−1))·(v ⊕ w) = α^(n−j−1)·(α ⊕ 1)·(v ⊕ w), again non-zero since α ≠ 1.
/// It also catches swaps across one symbol (α² ≠ 1). A modulus-prime scheme would need a
/// 37th symbol; working in GF(32) keeps the check within the same 32 typeable symbols.
public enum SerialCheckCharacter {
    /// x⁵ + x² + 1 without its x⁵ term.
    private static let reduction: UInt8 = 0b00101

    /// α·v in GF(32).
    static func timesAlpha(_ value: UInt8) -> UInt8 {
        let shifted = value << 1
        return shifted & 0b10_0000 != 0 ? (shifted & 0b1_1111) ^ reduction : shifted
    }

    /// Horner's rule: Σ α^(count−1−j)·vⱼ.
    static func weightedSum(_ values: some Sequence<UInt8>) -> UInt8 {
        values.reduce(0) { timesAlpha($0) ^ $1 }
    }

    /// The check value to append to these symbol values.
    public static func checkValue(for values: some Sequence<UInt8>) -> UInt8 {
        // Appending c makes the sum α·s ⊕ c, zero exactly when c = α·s (−x = x in GF(2⁵)).
        timesAlpha(weightedSum(values))
    }

    /// Whether symbol values that end with their check value are consistent.
    public static func isValid(_ valuesWithCheck: some Sequence<UInt8>) -> Bool {
        weightedSum(valuesWithCheck) == 0
    }
}
