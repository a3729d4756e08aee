using System.Text;
using System.Text.Json;
using ArticleBot.Core.Answering;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Tests.Fakes;
using ArticleBot.Core.Text;
using CsCheck;

namespace ArticleBot.Core.Tests;

/// <summary>Seeded random inputs, thousands per run (CsCheck prints the seed of a failing case to replay it).</summary>
public sealed class FuzzTests : IDisposable
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 300].Select(c => new string(c)),
        Gen.OneOfConst("騰訊", "紅包", "OpenAI", "。", "？", "?", ",", "\r\n", "\n", "\uFEFF", "\u200B", "\u202E", "😀", "𠀀", "\uD800", "\uDC00", "85%", "30-35", "[1]", "@everyone", "<@123>", "\0", " ").Array[0, 60].Select(string.Concat));

    private readonly string _root = Directory.CreateTempSubdirectory("articlebot-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void SeedLoader_RandomBytes_NeverThrowsButSkipsOrLoads()
    {
        var loader = new SeedLoader(new CapturingLogger<SeedLoader>());
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            // Samples run in parallel: each gets a folder of its own.
            var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds", Guid.NewGuid().ToString("N"), "seeds")).FullName;
            File.WriteAllText(Path.Combine(seeds, "anchor.txt"), "錨點段落。");
            File.WriteAllBytes(Path.Combine(seeds, "random.txt"), bytes);
            var documents = loader.Load(seeds, Path.GetDirectoryName(seeds)!);
            Assert.Contains(documents, d => d.Source == "seeds/anchor.txt");
            foreach (var document in documents)
            {
                var corpus = new ArticleCorpus([document], new PassageChunker(120, 1));
                Assert.All(corpus.Passages, p => Assert.Equal(document.Text[p.Start..p.End], p.Text));
            }
        }, iter: 1000);
    }

    [Fact]
    public void SeedLoader_ValidUtf8_WithBomsMixedLineEndsAndHugeLines_KeepsOffsetsExact()
    {
        var lineEnds = Gen.OneOfConst("\n", "\r\n", "\r");
        var lines = Gen.Select(Text, lineEnds, (t, e) => t + e).Array[0, 30];
        var bom = Gen.Bool;
        Gen.Select(lines, bom, Gen.Int[0, 3]).Sample((parts, withBom, huge) =>
        {
            var seeds = Directory.CreateDirectory(Path.Combine(_root, "utf8", Guid.NewGuid().ToString("N"))).FullName;
            var text = string.Concat(parts) + new string('長', huge * 3000) + "尾。";
            var bytes = new UTF8Encoding(withBom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
            File.WriteAllBytes(Path.Combine(seeds, "doc.txt"), bytes);
            var logger = new CapturingLogger<SeedLoader>();
            var documents = new SeedLoader(logger).Load(seeds, _root);
            Assert.True(documents.Count == 1, string.Join("; ", logger.Entries.Select(e => e.Message)));
            var document = documents.Single();
            var corpus = new ArticleCorpus([document], new PassageChunker(240, 1));
            var previousStart = -1;
            foreach (var p in corpus.Passages)
            {
                Assert.Equal(document.Text[p.Start..p.End], p.Text);
                Assert.True(p.Start >= previousStart, "passages come in document order");
                previousStart = p.Start;
            }
        }, iter: 500);
    }

    [Fact]
    public void FoldingAndAnalysis_AnyText_NeverThrow()
    {
        var search = TestCorpus.Search;
        Text.Sample(text =>
        {
            _ = ScriptFolding.Default.Fold(text);
            _ = LanguageDetector.Detect(text, ScriptFolding.Default);
            var plan = search.Analyze(text);
            Assert.All(plan.Groups, g => Assert.True(g.Weight >= 0));
            _ = search.Search(text, 5);
        }, iter: 3000);
    }

    [Fact]
    public void Answers_AnyQuestion_RenderAsValidJsonAndVerifiedQuotes()
    {
        var answerer = TestCorpus.Answerer;
        Text.Sample(text =>
        {
            if (QuestionText.Clean(text).Length == 0)
            {
                return;
            }

            var answer = answerer.AskAsync(text, null, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            using var json = JsonDocument.Parse(JsonSerializer.Serialize(answer));
            Assert.False(string.IsNullOrEmpty(answer.Text));
            Assert.All(answer.Citations.Concat(answer.Closest), c => Assert.Equal(TestCorpus.SeedText[c.Start..c.End], c.Quote));
            Assert.Equal(answer.Grounded, answer.Citations.Count > 0);
        }, iter: 1500);
    }
}
