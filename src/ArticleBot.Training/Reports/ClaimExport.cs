using System.Text.Json;
using ArticleBot.Training.Data;

namespace ArticleBot.Training.Reports;

/// <summary>
/// Writes every slice as a seeds folder with the claims <see cref="ClaimMaker"/> makes from its questions, in the
/// evaluation format of eval/claims-*.jsonl, so the claim verifier is measured on articles nobody tuned it on:
/// <c>ArticleBot eval DIR/SLICE-claims.jsonl --Corpus:SeedsPath=DIR/seeds-SLICE</c> (bench/claims-generated.sh runs them all).
/// </summary>
public static class ClaimExport
{
    // The verdict words a right answer opens with, and those a true claim's answer must not hold (as in eval/claims-*.jsonl).
    private static readonly string[] s_yes = ["對", "对", "沒錯", "没错", "正確", "正确", "屬實", "属实", "是的", "確實", "确实", "yes", "true", "correct", "right"];
    private static readonly string[] s_no = ["不對", "不对", "不是", "並非", "并非", "不正確", "不正确", "錯", "错", "不符", "有誤", "有误", "no", "not", "incorrect", "false", "wrong"];
    private static readonly string[] s_forbidOnTrue = ["不對", "不对", "不正確", "不正确", "並非", "并非", "不符", "有誤", "有误", "incorrect", "not true", "false", "wrong", "No,", "No —", "No—", "No."];

    /// <summary>Writes the slices and their claims; returns how many claims were written.</summary>
    public static int Write(string folder, IReadOnlyList<Slice> slices, int perArticle)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(slices);
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var slice in slices)
        {
            var claims = ClaimMaker.Make(slice, perArticle);
            if (claims.Count == 0)
            {
                continue;
            }

            SliceExport.WriteSeeds(folder, slice);

            using var writer = new StreamWriter(Path.Combine(folder, slice.Id + "-claims.jsonl"));
            foreach (var claim in claims)
            {
                var row = new Dictionary<string, object>
                {
                    ["id"] = claim.Id,
                    ["kind"] = claim.Kind,
                    ["lang"] = claim.Language,
                    ["question"] = claim.Text,
                    ["groups"] = new[] { claim.Kind == "claim-true" ? s_yes : s_no, [claim.Gold] },
                    ["min_citations"] = 1,
                };
                if (claim.Kind == "claim-true")
                {
                    row["forbid"] = s_forbidOnTrue;
                }

                writer.Write(JsonSerializer.Serialize(row, s_json));
                writer.Write('\n');
                written++;
            }
        }

        return written;
    }

    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
