/// The operations on the directory: regions and schools.
public protocol DirectoryStore {
}
