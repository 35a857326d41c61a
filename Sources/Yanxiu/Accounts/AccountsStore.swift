/// The operations on accounts: accounts, sessions, SMS codes, login locks, profiles, memberships and administrator grants.
public protocol AccountsStore {
}
