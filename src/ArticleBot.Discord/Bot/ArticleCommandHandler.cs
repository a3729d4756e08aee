using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using ArticleBot.Core.Corpus;
using ArticleBot.Core.Search;
using ArticleBot.Core.Text;
using ArticleBot.Discord.Model;
using ArticleBot.Discord.Rest;
using ArticleBot.Ingest;
using ArticleBot.Ingest.Importing;
using ArticleBot.Ingest.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArticleBot.Discord.Bot;

/// <summary>
/// <c>/article add link|file</c>, <c>/article list</c> and <c>/article remove id</c>: a server's own articles, imported
/// by the same <see cref="ArticleImporter"/> as <c>ArticleBot add</c> into <c>{seeds}/guilds/{guildId}/</c>, and
/// answered only in that server (<see cref="Articles.GuildCorpora"/>). Everyone may list; adding and removing need
/// the Manage Server permission, checked here on the member's <c>permissions</c> (the command itself stays visible to
/// all, since <c>list</c> is for everyone). A refusal before any work is an ephemeral reply naming the reason; an
/// import is deferred within Discord's 3 s and its original response then edited with the title and size, or with
/// the importer's reason for refusing. Shared articles cannot be removed from Discord.
/// </summary>
public sealed partial class ArticleCommandHandler(IDiscordRestClient rest, ArticleImporter importer, ArticleSearch search, IOptions<IngestOptions> ingest, ILogger<ArticleCommandHandler> logger)
{
    /// <summary>The command's name.</summary>
    public const string Name = "article";

    /// <summary>The longest link taken.</summary>
    public const int MaxLinkChars = 2048;

    /// <summary>Where a list is cut, below Discord's 2,000 characters (room for the "and N more" line).</summary>
    private const int ListBudget = 1800;

    private static readonly BigInteger s_manageGuild = BigInteger.One << 5;
    private static readonly BigInteger s_administrator = BigInteger.One << 3;

    /// <summary>The command as registered: three sub-commands (type 1) with STRING (3) and ATTACHMENT (11) options.</summary>
    public static JsonObject Command() => new()
    {
        ["name"] = Name,
        ["type"] = (int)ApplicationCommandType.ChatInput,
        ["description"] = "Add, list or remove the articles the bot answers on in this server.",

        // No default_member_permissions: it would hide /article list too. Add and remove check Manage Server themselves.
        ["options"] = new JsonArray(
            new JsonObject
            {
                ["type"] = (int)ApplicationCommandOptionType.SubCommand,
                ["name"] = "add",
                ["description"] = "Add an article for this server: a link or a file (needs Manage Server).",
                ["options"] = new JsonArray(
                    new JsonObject { ["type"] = (int)ApplicationCommandOptionType.Text, ["name"] = "link", ["description"] = "A web page, PDF or Word link (http or https)", ["required"] = false, ["max_length"] = MaxLinkChars },
                    new JsonObject { ["type"] = (int)ApplicationCommandOptionType.Attachment, ["name"] = "file", ["description"] = "A PDF, Word .docx, .txt, .md or .html file", ["required"] = false }),
            },
            new JsonObject { ["type"] = (int)ApplicationCommandOptionType.SubCommand, ["name"] = "list", ["description"] = "List the shared articles and this server's own." },
            new JsonObject
            {
                ["type"] = (int)ApplicationCommandOptionType.SubCommand,
                ["name"] = "remove",
                ["description"] = "Remove one of this server's articles (needs Manage Server).",
                ["options"] = new JsonArray(
                    new JsonObject { ["type"] = (int)ApplicationCommandOptionType.Text, ["name"] = "id", ["description"] = "The article's id, as /article list shows it", ["required"] = true, ["autocomplete"] = true, ["max_length"] = CallCommandHandler.ChoiceLimit }),
            }),
    };

    /// <summary>True when the member may manage the server's articles: Manage Server (1 &lt;&lt; 5) or Administrator (1 &lt;&lt; 3).</summary>
    public static bool CanManage(GuildMember? member) =>
        member?.Permissions is { Length: > 0 } text
        && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (s_manageGuild | s_administrator)) != BigInteger.Zero;

    /// <summary>Handles one /article.</summary>
    public Task HandleAsync(InteractionCreateEvent interaction, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var sub = interaction.Data?.SubCommand;
        return sub?.Name switch
        {
            "add" => AddAsync(interaction, sub, applicationId, cancellationToken),
            "list" => ListAsync(interaction, cancellationToken),
            "remove" => RemoveAsync(interaction, sub, cancellationToken),
            _ => EphemeralAsync(interaction, "Use /article add, /article list or /article remove.", cancellationToken),
        };
    }

    /// <summary>Autocomplete of <c>/article remove id</c>: this server's articles whose id or title contains what was typed.</summary>
    public Task AutocompleteAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var typed = interaction.Data?.SubCommand?.Options?.FirstOrDefault(o => o.Focused)?.Text ?? string.Empty;
        var choices = new JsonArray();
        if (GuildSeeds.IsGuildId(interaction.GuildId))
        {
            foreach (var article in importer.List(importer.GuildStore(interaction.GuildId!))
                         .Where(a => a.Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || (a.Title?.Contains(typed, StringComparison.OrdinalIgnoreCase) ?? false))
                         .Where(a => a.Id.Length <= CallCommandHandler.ChoiceLimit)
                         .Take(CallCommandHandler.MaxChoices))
            {
                choices.Add(new JsonObject { ["name"] = TextCut.AtMost($"{TitleOf(article)} ({article.Id})", CallCommandHandler.ChoiceLimit), ["value"] = article.Id });
            }
        }

        return rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Choices(choices), cancellationToken);
    }

    private async Task AddAsync(InteractionCreateEvent interaction, InteractionOption sub, string applicationId, CancellationToken cancellationToken)
    {
        if (ManageRefusal(interaction, "add") is { } refusal)
        {
            await EphemeralAsync(interaction, refusal, cancellationToken);
            return;
        }

        var link = sub.Option("link").Trim();
        var fileId = sub.Option("file");
        if ((link.Length == 0) == (fileId.Length == 0))
        {
            await EphemeralAsync(interaction, link.Length == 0
                ? "Give a link or a file: `/article add link:` with an http or https link, or `/article add file:` with an upload."
                : "Give a link or a file, not both.", cancellationToken);
            return;
        }

        Func<IArticleStore, Task<StoredArticle>> import;
        if (link.Length > 0)
        {
            if (link.Length > MaxLinkChars || !Uri.TryCreate(link, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                await EphemeralAsync(interaction, $"Refused “{Plain(link, 100)}”: /article add takes an http or https link (a web page, PDF or Word file), or an uploaded file.", cancellationToken);
                return;
            }

            import = store => importer.ImportLinkAsync(url, store, cancellationToken);
        }
        else
        {
            var attachment = interaction.Data?.Resolved?.Attachments?.GetValueOrDefault(fileId);
            if (attachment?.Url is not { } address || !Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                await EphemeralAsync(interaction, "Discord sent no file I can fetch with the command; upload it again.", cancellationToken);
                return;
            }

            var name = string.IsNullOrWhiteSpace(attachment.FileName) ? "attachment" : attachment.FileName;
            if (attachment.Size > ingest.Value.MaxBytes)
            {
                await EphemeralAsync(interaction, string.Create(CultureInfo.InvariantCulture, $"Refused {Plain(name, 100)}: it is {attachment.Size:N0} bytes, more than the {ingest.Value.MaxBytes:N0} this bot takes (Ingest:MaxBytes)."), cancellationToken);
                return;
            }

            import = store => importer.ImportAttachmentAsync(url, name, store, cancellationToken);
        }

        // Fetching and reading can take seconds: acknowledge within Discord's 3 s, then edit the original response.
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Deferred(), cancellationToken);
        string outcome;
        try
        {
            var article = await import(importer.GuildStore(interaction.GuildId!));
            outcome = string.Create(CultureInfo.InvariantCulture, $"Added **{Plain(TitleOf(article), 200)}**: {Size(article.Bytes)}, {article.Paragraphs} paragraphs, id `{article.Id}`. Questions in this server are answered on it too from now on.");
            Log.Added(logger, interaction.GuildId!, article.Id, article.Bytes);
        }
        catch (ImportRefusedException refused)
        {
            outcome = $"Could not add it: {refused.Message} (reason: {refused.Code})";
            Log.Refused(logger, interaction.GuildId!, refused.Code);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcome = "Could not add it: the article could not be saved on the bot's side. Try again later.";
            Log.StoreFailed(logger, interaction.GuildId!, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader library failing in a way the importer does not name: the deferred reply must still end.
            outcome = "Could not add it: the file could not be read.";
            Log.ReadFailed(logger, interaction.GuildId!, ex.GetType().Name, ex.Message);
        }

        await rest.EditOriginalResponseAsync(applicationId, interaction.Token, DiscordMessages.Text(outcome), cancellationToken);
    }

    private Task ListAsync(InteractionCreateEvent interaction, CancellationToken cancellationToken)
    {
        var lines = new List<(string Text, bool Item)>();
        if (GuildSeeds.IsGuildId(interaction.GuildId))
        {
            var own = importer.List(importer.GuildStore(interaction.GuildId!));
            lines.Add((own.Count == 0
                ? "**This server's articles:** none yet (members with Manage Server add them with /article add)."
                : $"**This server's articles** ({own.Count}), answered only here:", false));
            lines.AddRange(own.Select(a => (Line(TitleOf(a), a.Id, a.Bytes), true)));
        }
        else
        {
            lines.Add(("Articles added in a server are answered, and listed, only there. Here I answer on the shared ones.", false));
        }

        var shared = search.SharedCorpus.Documents;
        lines.Add(($"**Shared articles** ({shared.Count}), answered everywhere:", false));
        lines.AddRange(shared.Select(d => (Line(d.Title ?? Path.GetFileName(d.Source), d.Key, Encoding.UTF8.GetByteCount(d.Text)), true)));

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (text.Length + lines[i].Text.Length + 1 > ListBudget)
            {
                var more = lines.Skip(i).Count(l => l.Item);
                text.Append(CultureInfo.InvariantCulture, $"… and {more} more (a Discord message holds 2,000 characters).");
                break;
            }

            text.Append(lines[i].Text).Append('\n');
        }

        return EphemeralAsync(interaction, text.ToString().TrimEnd(), cancellationToken);
    }

    private async Task RemoveAsync(InteractionCreateEvent interaction, InteractionOption sub, CancellationToken cancellationToken)
    {
        if (ManageRefusal(interaction, "remove") is { } refusal)
        {
            await EphemeralAsync(interaction, refusal, cancellationToken);
            return;
        }

        var id = sub.Option("id").Trim();
        if (id.Length == 0)
        {
            await EphemeralAsync(interaction, "Give the id of one of this server's articles (/article list shows them).", cancellationToken);
            return;
        }

        string notice;
        try
        {
            var removed = importer.Remove(id, importer.GuildStore(interaction.GuildId!));
            Log.Removed(logger, interaction.GuildId!, removed.Id);
            var message = DiscordMessages.Text($"Removed **{Plain(TitleOf(removed), 200)}** (`{removed.Id}`): questions in this server are no longer answered on it.");
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Message(message), cancellationToken);
            return;
        }
        catch (ImportRefusedException refused) when (refused.Reason == RefusalReason.NotFound)
        {
            // Another server's article is "not found" too: whether it exists elsewhere is not this server's business.
            notice = search.SharedCorpus.Documents.Any(d => d.Key == id) || importer.List().Any(a => a.Id == id)
                ? $"`{Code(id)}` is a shared article: shared articles cannot be removed from Discord (whoever runs the bot removes them with `ArticleBot remove`)."
                : $"No article of this server has the id `{Code(id)}`. /article list shows this server's articles.";
        }
        catch (ImportRefusedException refused)
        {
            // The shared article database is out of reach (Storage:Provider = Postgres): nothing was removed.
            Log.StoreFailed(logger, interaction.GuildId!, refused.InnerException?.Message ?? refused.Message);
            notice = $"Could not remove it: {refused.Message} (reason: {refused.Code})";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.StoreFailed(logger, interaction.GuildId!, ex.Message);
            notice = "Could not remove it: the bot could not delete the file. Try again later.";
        }

        await EphemeralAsync(interaction, notice, cancellationToken);
    }

    /// <summary>Why the invoker may not add or remove here (a DM, or no Manage Server), or null.</summary>
    private static string? ManageRefusal(InteractionCreateEvent interaction, string verb)
    {
        if (!GuildSeeds.IsGuildId(interaction.GuildId))
        {
            return verb == "add"
                ? "Articles are added in a server, for that server. In DMs I answer on the shared articles only."
                : "There is nothing to remove here: in DMs I answer on the shared articles, which only whoever runs the bot can remove.";
        }

        return CanManage(interaction.Member)
            ? null
            : $"Only members with the Manage Server permission can {verb} this server's articles. Everyone can use /article list.";
    }

    private Task EphemeralAsync(InteractionCreateEvent interaction, string notice, CancellationToken cancellationToken) =>
        rest.RespondToInteractionAsync(interaction.Id, interaction.Token, InteractionResponses.Ephemeral(notice), cancellationToken);

    private static string TitleOf(StoredArticle article) => article.Title ?? article.FileName ?? article.Url ?? article.Id;

    private static string Line(string title, string id, long bytes) => $"• **{Plain(title, 120)}** · `{Code(id)}` · {Size(bytes)}";

    /// <summary>A size as people read it: bytes, KB or MB (1,024-based, one decimal).</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>Text shown inside Markdown: on one line, cut, its Markdown characters escaped (a title cannot restyle the list).</summary>
    private static string Plain(string text, int limit)
    {
        var builder = new StringBuilder();
        foreach (var c in TextCut.AtMost(text.ReplaceLineEndings(" "), limit))
        {
            if (c is '\\' or '*' or '_' or '`' or '~' or '|' or '>' or '[' or ']' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>An id shown in a code span: no backtick can close it early.</summary>
    private static string Code(string id) => TextCut.AtMost(id.Replace('`', '\'').ReplaceLineEndings(" "), 100);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4502, EventName = "DiscordArticleAdded", Level = LogLevel.Information, Message = "Server {GuildId} added article {Id} ({Bytes} bytes)")]
        public static partial void Added(ILogger logger, string guildId, string id, long bytes);

        [LoggerMessage(EventId = 4503, EventName = "DiscordArticleRefused", Level = LogLevel.Information, Message = "Server {GuildId}: an article was refused ({Reason})")]
        public static partial void Refused(ILogger logger, string guildId, string reason);

        [LoggerMessage(EventId = 4504, EventName = "DiscordArticleRemoved", Level = LogLevel.Information, Message = "Server {GuildId} removed article {Id}")]
        public static partial void Removed(ILogger logger, string guildId, string id);

        [LoggerMessage(EventId = 4505, EventName = "DiscordArticleStoreFailed", Level = LogLevel.Warning, Message = "Server {GuildId}: the articles folder could not be written ({Reason})")]
        public static partial void StoreFailed(ILogger logger, string guildId, string reason);

        [LoggerMessage(EventId = 4506, EventName = "DiscordArticleReadFailed", Level = LogLevel.Warning, Message = "Server {GuildId}: an article could not be read ({Type}: {Reason})")]
        public static partial void ReadFailed(ILogger logger, string guildId, string type, string reason);
    }
}
