import GRDB

/// `CertificatesStore` on SQLite.
struct SQLiteCertificatesStore: CertificatesStore {
    let db: Database
}
