// The credential itself (its document, proof, serial, status entry and the offline checks)
// lives in YanxiuCredentials, which the command line tool uses without the store; the domain
// issues, keeps and prints it, and its users see those types through it.
@_exported import YanxiuCredentials
