using System.Text.RegularExpressions;

namespace ArticleBot.Core.Tests.Architecture;

/// <summary>
/// The namespaces of every project under <c>src/</c> depend on each other one way only: the test builds the graph from
/// <c>using</c> directives and fully qualified references and fails on any cycle, naming it.
/// </summary>
public sealed partial class LayeringTests
{
    [Fact]
    public void Namespaces_HaveNoCycles()
    {
        // Arrange
        var graph = Graph();

        // Act
        var cycle = FindCycle(graph);

        // Assert
        Assert.True(cycle is null, $"namespace cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void Graph_CoversEverySourceProject()
    {
        var graph = Graph();
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src")).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.Contains(graph.Keys, n => n == project || n.StartsWith(project + ".", StringComparison.Ordinal)));
        Assert.Contains("ArticleBot.Core.Answering", graph["ArticleBot.Core.Hosting"]);
    }

    [Fact]
    public void FindCycle_ReportsACycle()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
        };

        Assert.Equal(["A", "B", "C", "A"], FindCycle(graph));
    }

    /// <summary>Namespace → the ArticleBot namespaces it uses. A file outside an ArticleBot namespace (DI extensions in
    /// <c>Microsoft.Extensions.Hosting</c>) counts as the namespace of its folder.</summary>
    private static Dictionary<string, HashSet<string>> Graph()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToList();
        var declared = files.Select(f => NamespaceOf(src, f.Path, f.Text)).ToHashSet(StringComparer.Ordinal);
        var graph = declared.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var from = NamespaceOf(src, path, text);
            var code = Strings().Replace(Comments().Replace(text, string.Empty), "\"\"");
            foreach (Match reference in Reference().Matches(code))
            {
                // The longest declared namespace the reference starts with ("ArticleBot.Core.Search.QueryPlan" → Search).
                var name = reference.Groups["name"].Value;
                var to = declared.Where(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal)).MaxBy(n => n.Length);
                if (to is not null && to != from)
                {
                    graph[from].Add(to);
                }
            }
        }

        return graph;
    }

    private static string NamespaceOf(string src, string path, string text)
    {
        var declared = Namespace().Match(text);
        if (declared.Success && declared.Groups["name"].Value.StartsWith("ArticleBot", StringComparison.Ordinal))
        {
            return declared.Groups["name"].Value;
        }

        var folder = Path.GetRelativePath(src, Path.GetDirectoryName(path)!);
        return folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    internal static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ArticleBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ArticleBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>A using directive (plain, static or alias) or a qualified name anywhere in the code.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<name>ArticleBot(?:\.\w+)+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    /// <summary>A string literal on one line (names in strings, such as an HttpClient's, are not references).</summary>
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Strings();
}
