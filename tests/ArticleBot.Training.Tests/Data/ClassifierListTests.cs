using ArticleBot.Training.Data;

namespace ArticleBot.Training.Tests.Data;

public sealed class ClassifierListTests
{
    [Fact]
    public void Derive_TakesHeadwordsGlossedAsClassifiers_AndTheWordsEntriesNameAsTheirClassifier()
    {
        const string cedict = """
            # a comment line
            座 座 [zuo4] /seat/classifier for large immovable objects such as buildings/
            間 间 [jian1] /between/classifier for rooms/
            橋 桥 [qiao2] /bridge/CL:座[zuo4]/
            渡輪 渡轮 [du4 lun2] /ferry boat/CL:趟[tang4],艘[sou1]/
            下 下 [xia4] /down/measure word to show the frequency of an action/
            對 对 [dui4] /right; correct/classifier: couple; pair/
            大學 大学 [da4 xue2] /university/see also 學院|学院[xue2 yuan4], 所[suo3]/
            人民大會堂 人民大会堂 [Ren2 min2 Da4 hui4 tang2] /Great Hall of the People/classifier for nothing real/
            """;

        var words = ClassifierList.Derive(new StringReader(cedict));

        // Traditional and simplified headwords, CL: notes (each of several), sorted; not a "see also" word, not a long headword.
        Assert.Equal(["下", "对", "對", "座", "艘", "趟", "間", "间"], words);
    }

    [Fact]
    public void TheShippedList_IsExactlyWhatTheShippedDictionaryDerives()
    {
        using var reader = CedictEntries.Open(CedictEntries.ShippedDictionary(TrainingData.Repository));
        var expected = ClassifierList.Text(ClassifierList.Derive(reader));

        var shipped = File.ReadAllText(Path.Combine(TrainingData.Repository, "src", "ArticleBot.Core", "Resources", "words", "figures.classifiers.txt"));

        Assert.Equal(expected, shipped);
        Assert.Contains("\n座\n", shipped, StringComparison.Ordinal);
    }
}
