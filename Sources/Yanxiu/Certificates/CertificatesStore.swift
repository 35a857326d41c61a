/// The operations on certificates: issuer keys, serials, the registry, issuance runs and status lists.
public protocol CertificatesStore {
}
