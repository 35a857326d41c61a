/// The operations on school memberships (declared roles, verification, removal) and administrator grants.
public protocol MembershipsStore {
}
