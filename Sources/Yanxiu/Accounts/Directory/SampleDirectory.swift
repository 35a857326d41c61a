/// The sample school directory of `contrib/sample-directory`, built in so that a new
/// installation can be tried at once: real GB/T 2260 codes (Beijing Dongcheng is 110101) and a
/// few schools. A test keeps these texts equal to the files.
public enum SampleDirectory {
    public static let regionsCSV = """
code,name
110000,北京市
110101,东城区
110102,西城区
110105,朝阳区
110108,海淀区
310000,上海市
310101,黄浦区
310104,徐汇区
370000,山东省
370100,济南市
370102,历下区
370103,市中区
440000,广东省
440300,深圳市
440303,罗湖区
440305,南山区
"""

    public static let schoolsCSV = """
code,name,regionCode
S1101010001,北京市第二中学,110101
S1101010002,北京市第一六六中学,110101
S1101010003,北京市东城区史家胡同小学,110101
S1101020001,北京市第四中学,110102
S1101020002,北京市第八中学,110102
S1101050001,北京市陈经纶中学,110105
S1101080001,中国人民大学附属中学,110108
S1101080002,北京市十一学校,110108
S3101010001,上海市格致中学,310101
S3101040001,上海市南洋模范中学,310104
S3701020001,山东省实验中学,370102
S4403030001,深圳中学,440303
S4403050001,深圳市南山外国语学校,440305
"""

    /// Loads the sample into an empty directory, once: returns false when there were regions already
    /// or the sample was loaded before (an operator may have emptied the directory on purpose).
    public static func loadIfEmpty(_ tx: any StoreTransaction, now: Int64) throws -> Bool {
        let directory = tx.directory
        guard try !directory.sampleDirectoryLoaded(), try directory.regionCount() == 0 else { return false }
        _ = try RegionDirectory.importCSV(tx, text: regionsCSV, now: now)
        _ = try SchoolDirectory.importCSV(tx, text: schoolsCSV, now: now)
        try directory.markSampleDirectoryLoaded(at: now)
        return true
    }
}
