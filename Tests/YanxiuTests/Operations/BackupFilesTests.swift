import Testing
@testable import Yanxiu

@Suite("Backup file names and rotation")
struct BackupFilesTests {
    @Test("dated names are UTC and sort as text in time order")
    func datedNames() {
        // 2023-03-01T00:00:00+08:00 is 2023-02-28T16:00:00Z.
        #expect(BackupFiles.datedName(atMs: 1_677_600_000_000) == "yanxiu-20230228T160000Z.sqlite")
        let earlier = BackupFiles.datedName(atMs: 1_677_600_000_000)
        let later = BackupFiles.datedName(atMs: 1_677_600_000_000 + 86_400_000)
        #expect(earlier < later)
        #expect(BackupFiles.isDatedName(earlier))
    }

    @Test("only the daemon's own dated names count as backups", arguments: [
        ("yanxiu-20230228T160000Z.sqlite", true),
        ("yanxiu-20230228T160000Z.sqlite.partial", false),
        ("yanxiu.sqlite", false),
        ("yanxiu-2023022xT160000Z.sqlite", false),
        ("before-upgrade.sqlite", false),
        ("yanxiu-20230228-160000Z.sqlite", false),
    ])
    func recognisesOwnNames(name: String, ours: Bool) {
        #expect(BackupFiles.isDatedName(name) == ours)
    }

    @Test("rotation deletes the oldest dated copies beyond keep and never a foreign file")
    func rotation() {
        let names = [
            "yanxiu-20230101T020000Z.sqlite", "yanxiu-20230103T020000Z.sqlite", "notes.txt",
            "yanxiu-20230102T020000Z.sqlite", "before-upgrade.sqlite", "yanxiu-20230104T020000Z.sqlite",
        ]
        #expect(BackupFiles.toRotate(names, keep: 2) == ["yanxiu-20230102T020000Z.sqlite", "yanxiu-20230101T020000Z.sqlite"])
        #expect(BackupFiles.toRotate(names, keep: 10).isEmpty)
        // keep 0 would delete the copy just taken; at least one always stays.
        #expect(BackupFiles.toRotate(names, keep: 0).count == 3)
    }
}
