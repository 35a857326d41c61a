import JSONValues

/// A certificate's revocation status read from a status list credential, offline: the list
/// must be signed by the certificate's issuer and be the list the certificate names.
public enum CertificateStatusCheck: Sendable, Equatable {
    case notRevoked(listID: String)
    case revoked(listID: String)
    /// The certificate carries no status entry (issued before status lists): unknown here.
    case noEntry
    /// The list given is not usable for this certificate; the reason says why.
    case unusableList(reason: String, detail: String)

    public init(certificate: JSONValue, list: JSONValue) {
        guard let entry = CertificateStatusEntry.of(certificate) else {
            self = .noEntry
            return
        }
        let types = list["type"]?.arrayValue ?? []
        guard types.contains(.string(CertificateStatusEntry.listCredentialType)), let id = list["id"]?.stringValue,
              let subject = list["credentialSubject"], subject["type"]?.stringValue == CertificateStatusEntry.listType,
              let encoded = subject["encodedList"]?.stringValue
        else {
            self = .unusableList(reason: "status_list.malformed", detail: "not a BitstringStatusListCredential")
            return
        }
        guard id == entry.listURL else {
            self = .unusableList(reason: "status_list.other", detail: "the certificate's status is in \(entry.listURL), this list is \(id)")
            return
        }
        guard subject["statusPurpose"]?.stringValue == CertificateStatusEntry.purpose else {
            self = .unusableList(reason: "status_list.malformed", detail: "the list's statusPurpose is not revocation")
            return
        }
        let issuer = certificate["issuer"]?["id"]?.stringValue
        switch DataIntegrityProof.verify(list, keys: .didKey) {
        case .invalid(let failure):
            self = .unusableList(reason: "status_list.signature_invalid", detail: failure.description)
            return
        case .valid(let verified):
            guard list["issuer"]?["id"]?.stringValue == issuer,
                  let did = try? DIDKey(verificationMethod: verified.verificationMethod), did.did == issuer
            else {
                self = .unusableList(reason: "status_list.issuer_mismatch", detail: "the list was not signed by the certificate's issuer")
                return
            }
        }
        let bits: BitstringStatusList
        do {
            bits = try BitstringStatusList(encoded: encoded)
        } catch {
            self = .unusableList(reason: "status_list.malformed", detail: error.description)
            return
        }
        guard entry.index < bits.count else {
            self = .unusableList(reason: "status_list.malformed", detail: "index \(entry.index) is beyond the list's \(bits.count) entries")
            return
        }
        self = bits[entry.index] ? .revoked(listID: id) : .notRevoked(listID: id)
    }
}
